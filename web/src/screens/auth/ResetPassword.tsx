// /reset-password?token=… : choose a new password (twice). The API signs the account out
// everywhere, so this browser signs out too, then offers to sign in.
import { useState } from "react";
import { Link, useSearchParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import { useSession } from "../../auth/session";
import { AuthFrame } from "../../components/Layout";
import { SubmitForm } from "../../components/SubmitForm";
import { Alert } from "../../components/ui";
import "./auth.css";
import { PasswordField } from "./fields";
import { useSubmit } from "./forms";

function BadLink() {
  return (
    <AuthFrame title="This reset link doesn't work">
      <Alert>This link is invalid, was already used or has expired. Reset links work for one hour, once.</Alert>
      <Link className="btn btn-primary auth-submit" to="/forgot">
        Send me a new link
      </Link>
    </AuthFrame>
  );
}

function Done() {
  return (
    <AuthFrame title="Password changed">
      <Alert kind="success">Your new password is set. For your safety we've signed you out on every device.</Alert>
      <Link className="btn btn-primary auth-submit" to="/signin">
        Sign in
      </Link>
    </AuthFrame>
  );
}

export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { status, signOut } = useSession();
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [state, setState] = useState<"form" | "done" | "bad">(token ? "form" : "bad");

  const reset = useSubmit(async () => {
    if (password !== again) {
      reset.fail(null, { again: "The two passwords don't match." });
      return;
    }
    try {
      await unwrap(api.POST("/api/v1/auth/password/reset", { body: { token, password } }));
    } catch (e) {
      if (e instanceof ApiError && e.fields.token) {
        setState("bad");
        return;
      }
      throw e;
    }
    if (status === "signed-in") await signOut();
    setState("done");
  }, ["password"]);

  if (state === "bad") return <BadLink />;
  if (state === "done") return <Done />;
  const { fields, message } = reset.errors;
  return (
    <AuthFrame title="Choose a new password">
      <SubmitForm onSubmit={reset.submit} busy={reset.busy} error={message} submit="Save new password" wide>
        <PasswordField label="New password" fresh value={password} error={fields.password} onChange={(e) => setPassword(e.target.value)} />
        <PasswordField label="Repeat the new password" autoComplete="new-password" value={again} error={fields.again} onChange={(e) => setAgain(e.target.value)} />
      </SubmitForm>
    </AuthFrame>
  );
}
