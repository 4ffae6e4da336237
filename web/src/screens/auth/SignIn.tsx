// Sign in with e-mail and password; a second step asks for the authenticator code when
// two-factor sign-in is on. Afterwards go to ?next= (same-site paths only) or the library.
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";

import { api, unwrap, type Schemas } from "../../api/client";
import { useSession } from "../../auth/session";
import { AuthFrame } from "../../components/Layout";
import { SubmitForm } from "../../components/SubmitForm";
import { Alert } from "../../components/ui";
import "./auth.css";
import { EmailField, PasswordField } from "./fields";
import { problemCode, safeNext, useSubmit } from "./forms";
import { MfaStep } from "./MfaStep";
import { ResendVerification } from "./ResendVerification";

type Login = Schemas["TokensOut"] | Schemas["MfaChallengeOut"];

/** In place of the error when the address is not confirmed yet: how to, and a fresh link. */
function Unverified({ email }: { email: string }) {
  return (
    <Alert kind="info">
      <p className="auth-tight">Please confirm your e-mail address first: open the link we e-mailed to {email}.</p>
      <ResendVerification email={email} />
    </Alert>
  );
}

export default function SignIn() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [unverified, setUnverified] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const finish = async (t: Schemas["TokensOut"]) => {
    await signIn(t);
    navigate(next, { replace: true });
  };

  const login = useSubmit(async () => {
    setUnverified(false);
    setNotice(null);
    try {
      const res: Login = await unwrap(api.POST("/api/v1/auth/login", { body: { email, password } }));
      if ("mfa_token" in res) setMfaToken(res.mfa_token);
      else await finish(res);
    } catch (e) {
      if (problemCode(e) === "email_not_verified") setUnverified(true);
      throw e;
    }
  }, []);

  if (mfaToken) {
    return (
      <AuthFrame title="Two-step verification">
        <MfaStep
          mfaToken={mfaToken}
          onDone={finish}
          onRestart={(message) => {
            setMfaToken(null);
            setPassword("");
            setNotice(message);
          }}
        />
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title="Sign in">
      {notice ? <Alert kind="info">{notice}</Alert> : null}
      <SubmitForm onSubmit={login.submit} busy={login.busy} error={login.errors.message} alert={unverified ? <Unverified email={email} /> : undefined} submit="Sign in" wide>
        <EmailField autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        <PasswordField value={password} onChange={(e) => setPassword(e.target.value)} />
      </SubmitForm>
      <div className="auth-links">
        <Link to="/forgot">Forgot password?</Link>
        <Link to={params.get("next") ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}>Create an account</Link>
      </div>
    </AuthFrame>
  );
}
