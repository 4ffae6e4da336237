"""Routes under /auth: sign-up, sign-in, tokens, password reset, MFA, and me."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from ugc.auth.schemas.accounts import (
    AcceptedOut,
    EmailIn,
    LoginIn,
    MeOut,
    MfaChallengeOut,
    MfaCodeIn,
    MfaDisableIn,
    MfaEnrollOut,
    MfaLoginIn,
    RecoveryCodesOut,
    RefreshIn,
    ResetIn,
    SignupIn,
    TokenIn,
    TokensOut,
    UserOut,
)
from ugc.auth.service import accounts, login, mfa, sessions
from ugc.http.deps import NO_STORE, Db, Rt, User

router = APIRouter(prefix="/auth", tags=["auth"])


def _ip(request: Request) -> str | None:
    """Return the client address for the audit log."""
    return request.client.host if request.client else None


def _tokens(found: sessions.Tokens) -> TokensOut:
    """Render tokens."""
    return TokensOut(
        access_token=found.access_token,
        expires_in=found.expires_in,
        refresh_token=found.refresh_token,
    )


@router.post("/signup", status_code=201, summary="Create an account")
def signup(body: SignupIn, request: Request, db: Db, rt: Rt) -> UserOut:
    """Create an account and mail a link that verifies its e-mail address."""
    user = accounts.signup(db, rt, str(body.email), body.password, body.name, _ip(request))
    return UserOut.of(user)


@router.post("/verify", summary="Verify an e-mail address")
def verify(body: TokenIn, request: Request, db: Db) -> UserOut:
    """Spend the token from a verification e-mail."""
    return UserOut.of(accounts.verify_email(db, body.token, _ip(request)))


@router.post("/verify/resend", status_code=202, summary="Send the verification e-mail again")
def resend(body: EmailIn, db: Db, rt: Rt) -> AcceptedOut:
    """Mail a fresh verification link if the address has an unverified account."""
    accounts.resend_verification(db, rt, body.email)
    return AcceptedOut(detail="if the address has an unverified account, a link is on its way")


@router.post("/login", summary="Sign in with e-mail and password", dependencies=[NO_STORE])
def sign_in(body: LoginIn, request: Request, db: Db, rt: Rt) -> TokensOut | MfaChallengeOut:
    """Return tokens, or an MFA challenge to finish with POST /auth/login/mfa."""
    found = login.login(db, rt, body.email, body.password, _ip(request))
    if isinstance(found, login.MfaChallenge):
        return MfaChallengeOut(mfa_token=found.mfa_token, expires_in=found.expires_in)
    return _tokens(found)


@router.post(
    "/login/mfa", summary="Finish signing in with a second factor", dependencies=[NO_STORE]
)
def sign_in_mfa(body: MfaLoginIn, request: Request, db: Db, rt: Rt) -> TokensOut:
    """Trade the MFA token and a TOTP or recovery code for tokens."""
    found = login.login_mfa(db, rt, body.mfa_token, body.code, body.recovery_code, _ip(request))
    return _tokens(found)


@router.post("/refresh", summary="Rotate a refresh token", dependencies=[NO_STORE])
def refresh(body: RefreshIn, request: Request, db: Db, rt: Rt) -> TokensOut:
    """Trade a refresh token for new tokens; reusing an old one ends the whole session."""
    return _tokens(sessions.refresh(db, rt, body.refresh_token, _ip(request)))


@router.post("/logout", status_code=204, response_class=Response, summary="Sign out")
def logout(body: RefreshIn, request: Request, db: Db) -> None:
    """Revoke the session (refresh-token family) this token belongs to."""
    sessions.logout(db, body.refresh_token, _ip(request))


@router.post("/password/forgot", status_code=202, summary="Ask for a password reset link")
def forgot(body: EmailIn, db: Db, rt: Rt) -> AcceptedOut:
    """Mail a reset link if the address has an account; the answer is the same either way."""
    accounts.forgot_password(db, rt, body.email)
    return AcceptedOut(detail="if the address has an account, a reset link is on its way")


@router.post(
    "/password/reset", status_code=204, response_class=Response, summary="Set a new password"
)
def reset(body: ResetIn, request: Request, db: Db, rt: Rt) -> None:
    """Set the password from a reset link and sign out everywhere."""
    accounts.reset_password(db, rt, body.token, body.password, _ip(request))


@router.get("/me", summary="The signed-in user")
def me(user: User, db: Db) -> MeOut:
    """Return the signed-in user and their organisations."""
    return MeOut.of_profile(accounts.profile(db, user.subject))


@router.post("/mfa/enroll", summary="Start turning on two-factor sign-in", dependencies=[NO_STORE])
def mfa_enroll(user: User, db: Db, rt: Rt) -> MfaEnrollOut:
    """Return a new TOTP secret; it is used only after POST /auth/mfa/verify."""
    found = mfa.enroll(db, rt, user.subject)
    return MfaEnrollOut(secret=found.secret, otpauth_uri=found.otpauth_uri)


@router.post("/mfa/verify", summary="Turn on two-factor sign-in", dependencies=[NO_STORE])
def mfa_verify(body: MfaCodeIn, request: Request, user: User, db: Db, rt: Rt) -> RecoveryCodesOut:
    """Prove the enrolment with a code; return one-time recovery codes (shown once)."""
    codes = mfa.enable(db, rt, user.subject, body.code, _ip(request))
    return RecoveryCodesOut(recovery_codes=codes)


@router.post(
    "/mfa/disable", status_code=204, response_class=Response, summary="Turn off two-factor sign-in"
)
def mfa_disable(body: MfaDisableIn, request: Request, user: User, db: Db, rt: Rt) -> None:
    """Turn MFA off with a current code or a recovery code."""
    mfa.disable(db, rt, user.subject, body.code, body.recovery_code, _ip(request))
