// /reset-password?token=… : choose a new password (twice). The API signs the account out
// everywhere, so this browser signs out too, then offers to sign in.
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import { useSession } from "../../auth/session";
import { AuthFrame } from "../../components/Layout";
import { Alert, Button, TextField } from "../../components/ui";
import "./auth.css";
import { PASSWORD_RULES, useSubmit } from "./forms";

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

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) reset.fail(null, { again: "The two passwords don't match." });
    else void reset.submit();
  };

  if (state === "bad") return <BadLink />;
  if (state === "done") return <Done />;
  const { fields, message } = reset.errors;
  return (
    <AuthFrame title="Choose a new password">
      {message ? <Alert>{message}</Alert> : null}
      <form onSubmit={onSubmit}>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSWORD_RULES}
          value={password}
          error={fields.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          required
          value={again}
          error={fields.again}
          onChange={(e) => setAgain(e.target.value)}
        />
        <Button type="submit" busy={reset.busy} className="btn btn-primary auth-submit">
          Save new password
        </Button>
      </form>
    </AuthFrame>
  );
}
