"""Sign-in sessions: access tokens and rotating refresh-token families."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn

from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth import repository
from ugc.auth.errors import TokenReused
from ugc.auth.service.common import auth_limits, durable
from ugc.auth.tokens import issue_access
from ugc.errors import Unauthorized
from ugc.kit.clock import utcnow
from ugc.kit.crypto import random_token, token_hash
from ugc.kit.ids import new_id
from ugc.models import RefreshToken, User
from ugc.runtime import Runtime


@dataclass(frozen=True)
class Tokens:
    """What a successful sign-in or refresh returns."""

    access_token: str
    expires_in: int
    refresh_token: str


def start_session(session: Session, rt: Runtime, user_id: str) -> Tokens:
    """Issue an access token and the first refresh token of a new family."""
    return _issue(session, rt, user_id, new_id("rfam"))


def refresh(session: Session, rt: Runtime, raw: str, ip: str | None) -> Tokens:
    """Rotate a refresh token; a rotated one coming back revokes its whole family."""
    row = repository.refresh_token(session, token_hash(raw))
    if row is None:
        raise Unauthorized("invalid refresh token")
    if row.revoked_at is not None:
        raise Unauthorized("refresh token revoked")
    now = utcnow()
    if row.expires_at <= now:
        raise Unauthorized("refresh token expired")
    if row.rotated_at is None and repository.mark_rotated(session, row.id, now):
        pass  # the normal case: this token is spent, its successor follows
    elif not _in_grace(rt, row, now):
        _reused(session, rt, row, ip)
    if session.get(User, row.user_id) is None:
        raise Unauthorized("user no longer exists")
    return _issue(session, rt, row.user_id, row.family_id)


def _in_grace(rt: Runtime, row: RefreshToken, now: datetime) -> bool:
    """Return True when a rotated token comes back within the grace period (ADR 0007).

    A page reloaded while its refresh was in flight, or two tabs refreshing at once, present
    the same token twice within moments; that is not theft, so it gets a sibling token.
    """
    rotated = row.rotated_at or now  # lost the race just now: rotated by the other request
    return (now - rotated).total_seconds() <= auth_limits(rt).refresh_grace_s


def logout(session: Session, raw: str, ip: str | None) -> None:
    """Revoke the family of a refresh token (unknown tokens are ignored)."""
    row = repository.refresh_token(session, token_hash(raw))
    if row is None:
        return
    revoked = repository.revoke_family(session, row.family_id, utcnow())
    if revoked:
        record(session, row.user_id, "auth.logout", target=row.user_id, ip=ip)


def revoke_all(session: Session, user_id: str) -> int:
    """Revoke every refresh token of a user and return how many were live."""
    return repository.revoke_user_tokens(session, user_id, utcnow())


def _issue(session: Session, rt: Runtime, user_id: str, family_id: str) -> Tokens:
    """Mint an access token and store a new refresh token in the family."""
    limits = auth_limits(rt)
    raw = random_token(32)
    session.add(
        RefreshToken(
            id=new_id("rtk"),
            user_id=user_id,
            family_id=family_id,
            token_hash=token_hash(raw),
            expires_at=utcnow() + timedelta(seconds=limits.refresh_ttl_s),
        )
    )
    session.flush()
    ttl = limits.access_ttl
    access = issue_access(rt.keys.jwt, user_id, ttl, {"typ": "access"})
    return Tokens(access, ttl, raw)


def _reused(session: Session, rt: Runtime, row: RefreshToken, ip: str | None) -> NoReturn:
    """Revoke the family of a replayed token durably, then refuse."""
    user_id, family_id = row.user_id, row.family_id

    def revoke(side: Session) -> None:
        revoked = repository.revoke_family(side, family_id, utcnow())
        data = {"family": family_id, "revoked": revoked}
        record(side, user_id, "auth.refresh_reused", target=user_id, data=data, ip=ip)

    durable(session, rt, revoke)
    raise TokenReused("this refresh token was already used; sign in again")
