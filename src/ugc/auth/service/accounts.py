"""Accounts: sign-up, e-mail verification, password reset, and who a user is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth import repository
from ugc.auth.service.common import auth_limits, link, normalize_email
from ugc.auth.service.passwords import check_policy, hash_password
from ugc.errors import Conflict, FieldError, InvalidRequest, NotFound
from ugc.kit.clock import utcnow
from ugc.kit.crypto import random_token, token_hash
from ugc.kit.ids import new_id
from ugc.mail.service import queue_mail
from ugc.models import EmailToken, User
from ugc.runtime import Runtime

VERIFY, RESET = "verify", "reset"


@dataclass(frozen=True)
class MembershipView:
    """One organisation a user belongs to, and their role in it."""

    organization_id: str
    name: str
    role: str


@dataclass(frozen=True)
class Profile:
    """A user and the organisations they belong to."""

    user: User
    memberships: list[MembershipView]


def get_user(session: Session, user_id: str) -> User:
    """Return a user, or raise NotFound."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user", user_id)
    return user


def get_users(session: Session, user_ids: list[str]) -> dict[str, User]:
    """Return the users with these ids, keyed by id."""
    return {u.id: u for u in repository.users_by_ids(session, user_ids)}


def find_user_by_email(session: Session, email: str) -> User | None:
    """Return the user with this e-mail address (any case), if any."""
    return repository.user_by_email(session, normalize_email(email))


def profile(session: Session, user_id: str) -> Profile:
    """Return a user with their memberships."""
    user = get_user(session, user_id)
    rows = repository.memberships_of(session, user_id)
    return Profile(user, [MembershipView(o.id, o.name, m.role) for m, o in rows])


def signup(
    session: Session, rt: Runtime, email: str, password: str, name: str, ip: str | None
) -> User:
    """Create an unverified account and mail its verification link."""
    email = normalize_email(email)
    check_policy(email, password)
    if repository.user_by_email(session, email) is not None:
        raise Conflict("an account with this e-mail address already exists")
    user = User(
        id=new_id("usr"),
        email=email,
        name=name.strip(),
        password_hash=hash_password(auth_limits(rt), password),
    )
    try:
        with session.begin_nested():
            session.add(user)
    except IntegrityError as exc:  # a concurrent sign-up with the same address
        raise Conflict("an account with this e-mail address already exists") from exc
    _send_verification(session, rt, user)
    record(session, user.id, "auth.signup", target=user.id, ip=ip)
    return user


def resend_verification(session: Session, rt: Runtime, email: str) -> None:
    """Mail a fresh verification link if the address has an unverified account."""
    user = repository.user_by_email(session, normalize_email(email))
    if user is not None and user.email_verified_at is None:
        _send_verification(session, rt, user)


def verify_email(session: Session, token: str, ip: str | None) -> User:
    """Mark the address of the token's account verified."""
    row = _take_token(session, token, VERIFY)
    user = get_user(session, row.user_id)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        record(session, user.id, "auth.email_verified", target=user.id, ip=ip)
    return user


def forgot_password(session: Session, rt: Runtime, email: str) -> None:
    """Mail a reset link if the address has an account (the caller never learns which)."""
    user = repository.user_by_email(session, normalize_email(email))
    if user is None:
        return
    ttl = auth_limits(rt).reset_token_ttl_s
    token = _new_token(session, user, RESET, ttl)
    body = (
        f"Someone asked to reset the password of your UGC Creator Studio account.\n\n"
        f"Choose a new one here (the link works once, for {ttl // 60} minutes):\n"
        f"{link(rt, 'reset-password', token)}\n\n"
        "If it was not you, ignore this message; your password stays as it is.\n"
    )
    queue_mail(session, rt.mailer, user.email, "Reset your password", body)


def reset_password(
    session: Session, rt: Runtime, token: str, password: str, ip: str | None
) -> User:
    """Set a new password from a reset link; sign out everywhere and clear the lockout."""
    row = _take_token(session, token, RESET)
    user = get_user(session, row.user_id)
    check_policy(user.email, password)
    now = utcnow()
    user.password_hash = hash_password(auth_limits(rt), password)
    # Access tokens issued before this instant stop working (ugc.auth.resolve checks it).
    user.password_changed_at = now
    user.failed_logins, user.locked_until = 0, None
    # The link reached the mailbox, which proves the address as well as a verify link would.
    user.email_verified_at = user.email_verified_at or now
    repository.use_email_tokens(session, user.id, RESET, now)
    revoked = repository.revoke_user_tokens(session, user.id, now)
    record(
        session, user.id, "auth.password_reset", target=user.id, data={"revoked": revoked}, ip=ip
    )
    return user


def _send_verification(session: Session, rt: Runtime, user: User) -> None:
    """Queue the mail that carries a verification link."""
    ttl = auth_limits(rt).email_token_ttl_s
    token = _new_token(session, user, VERIFY, ttl)
    body = (
        f"Welcome to UGC Creator Studio, {user.name or user.email}.\n\n"
        f"Confirm your e-mail address here (the link works for {ttl // 3600} hours):\n"
        f"{link(rt, 'verify', token)}\n"
    )
    queue_mail(session, rt.mailer, user.email, "Confirm your e-mail address", body)


def _new_token(session: Session, user: User, purpose: str, ttl_s: int) -> str:
    """Store the hash of a fresh single-use token and return the token."""
    token = random_token(32)
    session.add(
        EmailToken(
            id=new_id("etk"),
            user_id=user.id,
            purpose=purpose,
            token_hash=token_hash(token),
            expires_at=utcnow() + timedelta(seconds=ttl_s),
        )
    )
    session.flush()
    return token


def _take_token(session: Session, token: str, purpose: str) -> EmailToken:
    """Spend a live single-use token, or raise a field error on `token`."""
    row = repository.email_token(session, token_hash(token), purpose)
    now = utcnow()
    live = row is not None and row.used_at is None and row.expires_at > now
    if row is None or not live or not repository.spend_email_token(session, row.id, now):
        err = FieldError("token", "the link is invalid, used or expired")
        raise InvalidRequest("the link is invalid, used or expired", [err])
    return row
