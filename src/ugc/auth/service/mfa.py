"""TOTP second factor: enrolment, one-time recovery codes, and checking a code."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth import repository
from ugc.auth.service.accounts import get_user
from ugc.errors import Conflict, FieldError, InvalidRequest
from ugc.kit.clock import utcnow
from ugc.kit.crypto import seal, sign, token_hash, unseal
from ugc.models import User
from ugc.runtime import Runtime

ISSUER = "UGC Creator Studio"
RECOVERY_CODES = 10
_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # no i, l, o, u: easy to read back


@dataclass(frozen=True)
class Enrolment:
    """A new TOTP secret, shown once so an authenticator app can take it."""

    secret: str
    otpauth_uri: str


def enroll(session: Session, rt: Runtime, user_id: str) -> Enrolment:
    """Give the user a new TOTP secret (not enabled until a code proves it)."""
    user = get_user(session, user_id)
    if user.mfa_enabled_at is not None:
        raise Conflict("two-factor sign-in is already on; turn it off first")
    secret = pyotp.random_base32()
    user.mfa_secret = seal(rt.keys.seal, secret, context=user.id)
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return Enrolment(secret, str(uri))


def enable(session: Session, rt: Runtime, user_id: str, code: str, ip: str | None) -> list[str]:
    """Turn MFA on once a code proves the enrolment; return recovery codes (shown once)."""
    user = get_user(session, user_id)
    if user.mfa_enabled_at is not None:
        raise Conflict("two-factor sign-in is already on")
    if user.mfa_secret is None:
        raise Conflict("enrol first: POST /auth/mfa/enroll")
    if not check_totp(session, rt, user, code):
        raise _bad_code("code")
    user.mfa_enabled_at = utcnow()
    codes = [_recovery_code() for _ in range(RECOVERY_CODES)]
    hashes = [_recovery_hash(rt, c) for c in codes]
    repository.replace_recovery_codes(session, user.id, hashes)
    record(session, user.id, "auth.mfa_enabled", target=user.id, ip=ip)
    return codes


def disable(
    session: Session,
    rt: Runtime,
    user_id: str,
    code: str | None,
    recovery_code: str | None,
    ip: str | None,
) -> None:
    """Turn MFA off after a current code or a recovery code."""
    user = get_user(session, user_id)
    if user.mfa_enabled_at is None:
        raise Conflict("two-factor sign-in is not on")
    if second_factor(session, rt, user, code, recovery_code) is None:
        raise _bad_code("recovery_code" if recovery_code else "code")
    user.mfa_secret, user.mfa_enabled_at = None, None
    repository.replace_recovery_codes(session, user.id, [])
    record(session, user.id, "auth.mfa_disabled", target=user.id, ip=ip)


def second_factor(
    session: Session, rt: Runtime, user: User, code: str | None, recovery_code: str | None
) -> str | None:
    """Check a TOTP code or spend a recovery code; return the method used, or None."""
    if code:
        return "totp" if check_totp(session, rt, user, code) else None
    if recovery_code:
        hashed = _recovery_hash(rt, recovery_code)
        row = repository.unused_recovery_code(session, user.id, hashed)
        if row is not None and repository.use_recovery_code(session, row.id, utcnow()):
            return "recovery_code"
    return None


def check_totp(session: Session, rt: Runtime, user: User, code: str) -> bool:
    """Accept a TOTP code of the current or a neighbouring step, each step only once."""
    if user.mfa_secret is None:
        return False
    totp = pyotp.TOTP(unseal(rt.keys.seal, user.mfa_secret, context=user.id))
    now = utcnow()
    step = _matching_step(totp, code.replace(" ", ""), now)
    if step is None:
        return False
    marker = token_hash(f"totp:{user.id}:{step}")
    # Read before writing: a replay then fails without this request having written anything.
    if repository.totp_step_used(session, marker):
        return False
    until = datetime.fromtimestamp((step + 2) * totp.interval, tz=now.tzinfo)
    return repository.claim_totp_step(session, user.id, marker, now, until)


def _matching_step(totp: pyotp.TOTP, code: str, now: datetime) -> int | None:
    """Return the time step whose code matches, allowing one step of clock drift."""
    for drift in (0, -1, 1):
        at = now + timedelta(seconds=drift * totp.interval)
        if hmac.compare_digest(str(totp.at(at)), code):
            return int(totp.timecode(at))
    return None


def _recovery_code() -> str:
    """Return a fresh 80-bit recovery code such as `k3f9-2m7q-x8vd-4tcn`."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def _recovery_hash(rt: Runtime, code: str) -> str:
    """Return the keyed hash under which a recovery code is stored."""
    normal = code.strip().lower().replace("-", "").replace(" ", "")
    return sign(rt.keys.hashing, f"recovery:{normal}")


def _bad_code(field: str) -> InvalidRequest:
    """Return the error for a wrong or reused code."""
    return InvalidRequest("the code is wrong or was already used", [FieldError(field, "try again")])
