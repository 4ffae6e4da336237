// "Forgot password?": ask for a reset link. The answer is the same whether or not the
// address has an account, so nobody can probe which addresses are registered.
import { useState } from "react";
import { Link } from "react-router";

import { api, unwrap } from "../../api/client";
import { AuthFrame } from "../../components/Layout";
import { SubmitForm } from "../../components/SubmitForm";
import { Alert } from "../../components/ui";
import "./auth.css";
import { EmailField } from "./fields";
import { useSubmit } from "./forms";

export default function Forgot() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState<string | null>(null);

  const ask = useSubmit(async () => {
    await unwrap(api.POST("/api/v1/auth/password/forgot", { body: { email: email.trim() } }));
    setSent(email.trim());
  }, ["email"]);

  if (sent) {
    return (
      <AuthFrame title="Check your inbox">
        <Alert kind="success">
          If an account uses <strong>{sent}</strong>, we've e-mailed it a link to choose a new password. The link works for
          one hour.
        </Alert>
        <p>Nothing there? Check your spam folder, or make sure you typed the address you signed up with.</p>
        <div className="auth-links">
          <button type="button" className="link-button auth-link-button" onClick={() => setSent(null)}>
            Try another address
          </button>
          <Link to="/signin">Back to sign in</Link>
        </div>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title="Reset your password">
      <p>Enter the e-mail address you sign in with and we'll send you a link to choose a new password.</p>
      <SubmitForm onSubmit={ask.submit} busy={ask.busy} error={ask.errors.message} submit="Send reset link" wide>
        <EmailField value={email} error={ask.errors.fields.email} onChange={(e) => setEmail(e.target.value)} />
      </SubmitForm>
      <div className="auth-links">
        <Link to="/signin">Back to sign in</Link>
      </div>
    </AuthFrame>
  );
}
