// Sign in with e-mail and password; a second step asks for the authenticator code when
// two-factor sign-in is on. Afterwards go to ?next= (same-site paths only) or the library.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";

import { api, unwrap, type Schemas } from "../../api/client";
import { useSession } from "../../auth/session";
import { AuthFrame } from "../../components/Layout";
import { Alert, Button, TextField } from "../../components/ui";
import "./auth.css";
import { problemCode, safeNext, useSubmit } from "./forms";
import { MfaStep } from "./MfaStep";
import { ResendVerification } from "./ResendVerification";

type Login = Schemas["TokensOut"] | Schemas["MfaChallengeOut"];

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

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void login.submit();
  };

  return (
    <AuthFrame title="Sign in">
      {notice ? <Alert kind="info">{notice}</Alert> : null}
      {login.errors.message && !unverified ? <Alert>{login.errors.message}</Alert> : null}
      {unverified ? (
        <Alert kind="info">
          <p className="auth-tight">Please confirm your e-mail address first: open the link we e-mailed to {email}.</p>
          <ResendVerification email={email} />
        </Alert>
      ) : null}
      <form onSubmit={onSubmit}>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" busy={login.busy} className="btn btn-primary auth-submit">
          Sign in
        </Button>
      </form>
      <div className="auth-links">
        <Link to="/forgot">Forgot password?</Link>
        <Link to={params.get("next") ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}>Create an account</Link>
      </div>
    </AuthFrame>
  );
}
