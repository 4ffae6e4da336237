// Create an account (name, e-mail, password), then "check your inbox" with "send it again".
import { useState } from "react";
import { Link, useSearchParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { AuthFrame } from "../../components/Layout";
import { SubmitForm } from "../../components/SubmitForm";
import { Alert, TextField } from "../../components/ui";
import "./auth.css";
import { EmailField, PasswordField } from "./fields";
import { afterVerify, safeNext, signInPath, useSubmit } from "./forms";
import { ResendVerification } from "./ResendVerification";

const FIELDS = ["name", "email", "password"] as const;

function CheckInbox({ email, next }: { email: string; next: string | null }) {
  return (
    <AuthFrame title="Check your inbox">
      <Alert kind="success">
        We've sent a link to <strong>{email}</strong>. Open it to confirm your address; it works for 24 hours.
      </Alert>
      <p>Didn't get it? Check your spam folder, or ask for another link.</p>
      <ResendVerification email={email} />
      <div className="auth-links">
        <Link to={signInPath(next)}>Already confirmed? Sign in</Link>
      </div>
    </AuthFrame>
  );
}

/** The error, with the way to sign in when the address already has an account. */
function Taken({ message, next }: { message: string; next: string | null }) {
  return (
    <Alert>
      {message}
      {/already exists/i.test(message) ? (
        <>
          {" "}
          <Link to={signInPath(next)}>Sign in</Link> or <Link to="/forgot">reset your password</Link>.
        </>
      ) : null}
    </Alert>
  );
}

export default function SignUp() {
  const [params] = useSearchParams();
  const next = params.get("next") ? safeNext(params.get("next")) : null;
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);

  const signup = useSubmit(async () => {
    await unwrap(api.POST("/api/v1/auth/signup", { body: { name: name.trim(), email: email.trim(), password } }));
    afterVerify.save(next);
    setSentTo(email.trim());
  }, FIELDS);

  if (sentTo) return <CheckInbox email={sentTo} next={next} />;

  const { fields, message } = signup.errors;

  return (
    <AuthFrame title="Create your account">
      <SubmitForm onSubmit={signup.submit} busy={signup.busy} alert={message ? <Taken message={message} next={next} /> : null} submit="Create account" wide>
        <TextField label="Your name" autoComplete="name" value={name} error={fields.name} onChange={(e) => setName(e.target.value)} />
        <EmailField label="Work email" value={email} error={fields.email} onChange={(e) => setEmail(e.target.value)} />
        <PasswordField fresh value={password} error={fields.password} onChange={(e) => setPassword(e.target.value)} />
      </SubmitForm>
      <div className="auth-links">
        <span>
          Already have an account? <Link to={signInPath(next)}>Sign in</Link>
        </span>
      </div>
    </AuthFrame>
  );
}
