// /verify?token=… (the link in the sign-up e-mail): confirm the address, then sign in
// (or carry on when already signed in). A bad or old link offers a fresh one.
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { ApiError, messageOf } from "../../api/problem";
import { useSession } from "../../auth/session";
import { AuthFrame } from "../../components/Layout";
import { SubmitForm } from "../../components/SubmitForm";
import { Alert, Loading } from "../../components/ui";
import "./auth.css";
import { EmailField } from "./fields";
import { afterVerify, signInPath, useSubmit } from "./forms";

type State = { kind: "working" } | { kind: "done"; email: string } | { kind: "bad"; message: string };

const BAD_LINK = "This link is invalid, was already used or has expired.";

function Confirmed({ email }: { email: string }) {
  const { status, reload } = useSession();
  const [next] = useState(() => afterVerify.peek());
  useEffect(() => {
    afterVerify.clear();
    // Reload once, to pick up the verified flag.
    if (status === "signed-in") void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const signedIn = status === "signed-in";
  return (
    <AuthFrame title="E-mail address confirmed">
      <Alert kind="success">Thanks, {email} is confirmed.</Alert>
      <p>{signedIn ? "You can carry on where you left off." : "Sign in to start making videos."}</p>
      <Link className="btn btn-primary auth-submit" to={signedIn ? (next ?? "/videos") : signInPath(next)}>
        {signedIn ? "Continue to the studio" : "Sign in"}
      </Link>
    </AuthFrame>
  );
}

function BadLink({ message }: { message: string }) {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const resend = useSubmit(async () => {
    await unwrap(api.POST("/api/v1/auth/verify/resend", { body: { email: email.trim() } }));
    setSent(email.trim());
  }, ["email"]);
  return (
    <AuthFrame title="We couldn't confirm your address">
      <Alert>{message}</Alert>
      <p>
        If you already confirmed it, just <Link to="/signin">sign in</Link>. Otherwise we can e-mail you a new link.
      </p>
      {sent ? (
        <Alert kind="success">If {sent} has an account waiting for confirmation, a new link is on its way.</Alert>
      ) : null}
      <SubmitForm onSubmit={resend.submit} busy={resend.busy} error={resend.errors.message} variant="secondary" submit="Send a new link">
        <EmailField value={email} error={resend.errors.fields.email} onChange={(e) => setEmail(e.target.value)} />
      </SubmitForm>
    </AuthFrame>
  );
}

export default function Verify() {
  const [params] = useSearchParams();
  const token = params.get("token");
  const [state, setState] = useState<State>(token ? { kind: "working" } : { kind: "bad", message: BAD_LINK });
  const started = useRef(false);

  useEffect(() => {
    // The token is single-use: spend it once, even when effects run twice in development.
    if (!token || started.current) return;
    started.current = true;
    unwrap(api.POST("/api/v1/auth/verify", { body: { token } }))
      .then((user) => setState({ kind: "done", email: user.email }))
      .catch((e: unknown) => {
        const bad = e instanceof ApiError && e.status === 422;
        setState({ kind: "bad", message: bad ? BAD_LINK : messageOf(e) });
      });
  }, [token]);

  if (state.kind === "working") {
    return (
      <AuthFrame title="Confirming your address">
        <Loading label="Confirming your e-mail address…" />
      </AuthFrame>
    );
  }
  if (state.kind === "done") return <Confirmed email={state.email} />;
  return <BadLink message={state.message} />;
}
