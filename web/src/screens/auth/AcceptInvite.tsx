// /invite?token=… : signed out, explain and offer sign in / sign up (coming back here after);
// signed in, join the organisation, make it the current one and open the library.
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { ApiError, messageOf } from "../../api/problem";
import { tokens } from "../../api/tokens";
import { useSession } from "../../auth/session";
import { AuthFrame } from "../../components/Layout";
import { Alert, Button, Loading } from "../../components/ui";
import "./auth.css";
import { problemCode } from "./forms";

const BAD = "This invitation is invalid, was already used, was revoked or has expired. Ask the person who invited you to send a new one.";

function SignedOut({ back }: { back: string }) {
  const next = encodeURIComponent(back);
  return (
    <AuthFrame title="You're invited">
      <p>Someone has invited you to join their organisation on UGC Creator Studio.</p>
      <p>Sign in to accept. New here? Create an account with the e-mail address the invitation was sent to, then come back to this link.</p>
      <div className="auth-actions">
        <Link className="btn btn-primary" to={`/signin?next=${next}`}>
          Sign in to accept
        </Link>
        <Link className="btn btn-secondary" to={`/signup?next=${next}`}>
          Create an account
        </Link>
      </div>
    </AuthFrame>
  );
}

function Refused({ message, wrongAccount, back }: { message: string; wrongAccount: boolean; back: string }) {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <AuthFrame title="We couldn't add you to the team">
      <Alert>{message}</Alert>
      {wrongAccount ? (
        <>
          <p>You're signed in as {me?.email}. Sign in with the address the invitation was sent to.</p>
          <Button onClick={() => void signOut().then(() => navigate(`/signin?next=${encodeURIComponent(back)}`))}>
            Sign out and switch account
          </Button>
        </>
      ) : null}
      <div className="auth-links">
        <Link to="/videos">Go to the studio</Link>
      </div>
    </AuthFrame>
  );
}

function Accepting({ token, back }: { token: string; back: string }) {
  const { reload } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<{ message: string; wrongAccount: boolean } | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // An invitation is single-use: accept once, even when effects run twice in development.
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const joined = await unwrap(api.POST("/api/v1/invitations/accept", { body: { token } }));
        // Chosen before the reload so the reloaded session opens in the organisation just joined.
        tokens.setOrg(joined.organization_id);
        await reload();
        navigate("/videos", { replace: true });
      } catch (e) {
        const bad = e instanceof ApiError && e.status === 422;
        const wrongAccount = e instanceof ApiError && e.status === 403 && problemCode(e) !== "email_not_verified";
        const message = bad ? BAD : wrongAccount ? "This invitation was sent to another e-mail address." : messageOf(e);
        setError({ message, wrongAccount });
      }
    })();
  }, [token, reload, navigate]);

  if (error) return <Refused {...error} back={back} />;
  return (
    <AuthFrame title="Joining the team">
      <Loading label="Accepting your invitation…" />
    </AuthFrame>
  );
}

export default function AcceptInvite() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { status } = useSession();
  const back = `/invite?token=${encodeURIComponent(token)}`;

  if (!token) {
    return (
      <AuthFrame title="This invitation doesn't work">
        <Alert>{BAD}</Alert>
      </AuthFrame>
    );
  }
  if (status === "loading") {
    return (
      <AuthFrame title="You're invited">
        <Loading label="Opening your invitation…" />
      </AuthFrame>
    );
  }
  if (status === "signed-out") return <SignedOut back={back} />;
  return <Accepting token={token} back={back} />;
}
