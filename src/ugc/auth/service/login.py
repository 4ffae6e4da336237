"""Password sign-in with lockout and backoff, and its second (TOTP) step."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import NoReturn

from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth import repository
from ugc.auth.errors import EmailNotVerified
from ugc.auth.service.common import AuthLimits, auth_limits, durable, normalize_email
from ugc.auth.service.mfa import second_factor
from ugc.auth.service.passwords import check_password, hash_password, needs_rehash
from ugc.auth.service.sessions import Tokens, start_session
from ugc.auth.tokens import issue_access, read_access
from ugc.errors import Locked, Unauthorized
from ugc.kit.clock import rfc3339, utcnow
from ugc.models import User
from ugc.runtime import Runtime

BAD_LOGIN = "invalid email or password"
MFA_TYP = "mfa"


@dataclass(frozen=True)
class MfaChallenge:
    """The password was right; a second factor must follow with this token."""

    mfa_token: str
    expires_in: int


def login(
    session: Session, rt: Runtime, email: str, password: str, ip: str | None
) -> Tokens | MfaChallenge:
    """Check a password; return tokens, or an MFA challenge when MFA is on."""
    limits = auth_limits(rt)
    email = normalize_email(email)
    user = repository.user_by_email(session, email)
    if user is None:
        check_password(limits, None, password)  # same cost as a real check: no enumeration
        _fail(session, rt, None, ip, {"reason": "unknown_email", "email": email}, BAD_LOGIN)
    _check_lock(user)
    if not check_password(limits, user.password_hash, password):
        _fail(session, rt, user.id, ip, {"reason": "bad_password"}, BAD_LOGIN)
    if user.email_verified_at is None:
        raise EmailNotVerified("confirm your e-mail address first: follow the link we sent")
    if needs_rehash(limits, user.password_hash):
        user.password_hash = hash_password(limits, password)
    if user.mfa_enabled_at is not None:
        # Failures are not reset yet: wrong codes at the next step keep counting toward lockout.
        ttl = limits.mfa_token_ttl_s
        token = issue_access(rt.keys.jwt, user.id, ttl, {"typ": MFA_TYP})
        return MfaChallenge(token, ttl)
    return _succeed(session, rt, user, ip, "password")


def login_mfa(
    session: Session,
    rt: Runtime,
    mfa_token: str,
    code: str | None,
    recovery_code: str | None,
    ip: str | None,
) -> Tokens:
    """Finish a sign-in with a TOTP code or a one-time recovery code."""
    claims = read_access(rt.keys.jwt, mfa_token)
    if claims.get("typ") != MFA_TYP:
        raise Unauthorized("not an MFA token")
    user = session.get(User, str(claims["sub"]))
    if user is None or user.mfa_enabled_at is None:
        raise Unauthorized("sign in again")
    changed = user.password_changed_at
    if changed is not None and int(claims.get("iat", 0)) < int(changed.timestamp()):
        raise Unauthorized("sign in again")
    _check_lock(user)
    method = second_factor(session, rt, user, code, recovery_code)
    if method is None:
        _fail(session, rt, user.id, ip, {"reason": "bad_mfa_code"}, "invalid code")
    return _succeed(session, rt, user, ip, method)


def lock_seconds(limits: AuthLimits, failures: int) -> float:
    """Return how long to lock after this many consecutive failures (0: no lock)."""
    if failures < limits.lockout_after:
        return 0.0
    extra = min(failures - limits.lockout_after, 32)
    return float(min(limits.lockout_base_s * 2**extra, limits.lockout_cap_s))


def _check_lock(user: User) -> None:
    """Refuse a locked account, even with the right password."""
    until = user.locked_until
    now = utcnow()
    if until is not None and until > now:
        wait = max(1, math.ceil((until - now).total_seconds()))
        raise Locked("too many failed sign-ins; try again later", retry_after=wait)


def _succeed(session: Session, rt: Runtime, user: User, ip: str | None, method: str) -> Tokens:
    """Clear the failure count, audit the sign-in and start a session."""
    user.failed_logins, user.locked_until = 0, None
    record(session, user.id, "auth.login", target=user.id, data={"method": method}, ip=ip)
    return start_session(session, rt, user.id)


def _fail(
    session: Session,
    rt: Runtime,
    user_id: str | None,
    ip: str | None,
    data: dict[str, str],
    message: str,
) -> NoReturn:
    """Count and audit a failed sign-in durably (the lock outlives this request), then refuse."""
    limits = auth_limits(rt)

    def write(side: Session) -> None:
        actor = user_id or "anonymous"
        record(side, actor, "auth.login_failed", target=user_id or "", data=data, ip=ip)
        if user_id is None:
            return
        failures = repository.add_failure(side, user_id)
        seconds = lock_seconds(limits, failures)
        if seconds:
            until = utcnow() + timedelta(seconds=seconds)
            repository.set_lock(side, user_id, until)
            lock = {"until": rfc3339(until) or "", "failures": str(failures)}
            record(side, user_id, "auth.locked", target=user_id, data=lock, ip=ip)

    durable(session, rt, write)
    raise Unauthorized(message)
