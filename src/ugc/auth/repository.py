"""Queries over accounts and their credentials: users, e-mail and refresh tokens, keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ugc.kit.ids import new_id
from ugc.kit.repository import ScopedRepository
from ugc.models import (
    ApiKey,
    EmailToken,
    Membership,
    MfaRecoveryCode,
    OAuthClient,
    Organization,
    RefreshToken,
    User,
)

# Used TOTP time steps are kept as EmailToken rows of this purpose until their window closes:
# the unique token_hash makes a replayed code fail even under concurrent requests.
TOTP_PURPOSE = "totp"


def _rowcount(result: Any) -> int:
    """Return how many rows an UPDATE or DELETE touched."""
    return cast(CursorResult[Any], result).rowcount


def user_by_email(session: Session, email: str) -> User | None:
    """Return the user with this (normalised) e-mail address, if any."""
    return session.scalars(select(User).where(User.email == email)).first()


def users_by_ids(session: Session, ids: list[str]) -> list[User]:
    """Return the users with these ids (missing ones are skipped)."""
    if not ids:
        return []
    return list(session.scalars(select(User).where(User.id.in_(ids))))


def add_failure(session: Session, user_id: str) -> int:
    """Count one more failed sign-in atomically and return the new count."""
    session.execute(
        update(User).where(User.id == user_id).values(failed_logins=User.failed_logins + 1)
    )
    count = session.scalar(select(User.failed_logins).where(User.id == user_id))
    return int(count or 0)


def set_lock(session: Session, user_id: str, until: datetime | None) -> None:
    """Lock the account until a time (or unlock it with None)."""
    session.execute(update(User).where(User.id == user_id).values(locked_until=until))


def email_token(session: Session, hashed: str, purpose: str) -> EmailToken | None:
    """Return the e-mail token with this hash and purpose, if any."""
    query = select(EmailToken).where(EmailToken.token_hash == hashed, EmailToken.purpose == purpose)
    return session.scalars(query).first()


def spend_email_token(session: Session, token_id: str, now: datetime) -> bool:
    """Mark a token used; return False if it was used meanwhile."""
    result = session.execute(
        update(EmailToken)
        .where(EmailToken.id == token_id, EmailToken.used_at.is_(None))
        .values(used_at=now)
    )
    return _rowcount(result) == 1


def use_email_tokens(session: Session, user_id: str, purpose: str, now: datetime) -> None:
    """Mark every unused token of this purpose as used (the newest link wins)."""
    session.execute(
        update(EmailToken)
        .where(
            EmailToken.user_id == user_id,
            EmailToken.purpose == purpose,
            EmailToken.used_at.is_(None),
        )
        .values(used_at=now)
    )


def totp_step_used(session: Session, marker: str) -> bool:
    """Return True if this user's TOTP time step was already accepted."""
    query = select(EmailToken.id).where(EmailToken.token_hash == marker)
    return session.scalar(query) is not None


def claim_totp_step(
    session: Session, user_id: str, marker: str, now: datetime, until: datetime
) -> bool:
    """Record a TOTP time step as used until its window closes; False if already taken."""
    session.execute(
        delete(EmailToken).where(
            EmailToken.user_id == user_id,
            EmailToken.purpose == TOTP_PURPOSE,
            EmailToken.expires_at < now,
        )
    )
    row = EmailToken(
        id=new_id("etk"),
        user_id=user_id,
        purpose=TOTP_PURPOSE,
        token_hash=marker,
        expires_at=until,
        used_at=now,
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


def refresh_token(session: Session, hashed: str) -> RefreshToken | None:
    """Return the refresh token with this hash, if any."""
    return session.scalars(select(RefreshToken).where(RefreshToken.token_hash == hashed)).first()


def mark_rotated(session: Session, token_id: str, now: datetime) -> bool:
    """Mark a live token rotated; return False if it was rotated or revoked meanwhile."""
    result = session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.id == token_id,
            RefreshToken.rotated_at.is_(None),
            RefreshToken.revoked_at.is_(None),
        )
        .values(rotated_at=now)
    )
    return _rowcount(result) == 1


def revoke_family(session: Session, family_id: str, now: datetime) -> int:
    """Revoke every token of a family and return how many were live."""
    result = session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return _rowcount(result)


def revoke_user_tokens(session: Session, user_id: str, now: datetime) -> int:
    """Revoke every refresh token of a user and return how many were live."""
    result = session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return _rowcount(result)


def unused_recovery_code(session: Session, user_id: str, hashed: str) -> MfaRecoveryCode | None:
    """Return the user's unused recovery code with this hash, if any."""
    query = select(MfaRecoveryCode).where(
        MfaRecoveryCode.user_id == user_id,
        MfaRecoveryCode.code_hash == hashed,
        MfaRecoveryCode.used_at.is_(None),
    )
    return session.scalars(query).first()


def use_recovery_code(session: Session, code_id: str, now: datetime) -> bool:
    """Spend a recovery code; return False if it was spent meanwhile."""
    result = session.execute(
        update(MfaRecoveryCode)
        .where(MfaRecoveryCode.id == code_id, MfaRecoveryCode.used_at.is_(None))
        .values(used_at=now)
    )
    return _rowcount(result) == 1


def replace_recovery_codes(session: Session, user_id: str, hashes: list[str]) -> None:
    """Drop a user's recovery codes and store new ones."""
    session.execute(delete(MfaRecoveryCode).where(MfaRecoveryCode.user_id == user_id))
    for hashed in hashes:
        session.add(MfaRecoveryCode(id=new_id("rec"), user_id=user_id, code_hash=hashed))
    session.flush()


def memberships_of(session: Session, user_id: str) -> list[tuple[Membership, Organization]]:
    """Return a user's memberships with their organisations, oldest first."""
    query = (
        select(Membership, Organization)
        .join(Organization, Organization.id == Membership.organization_id)
        .where(Membership.user_id == user_id)
        .order_by(Membership.created_at, Membership.id)
    )
    return [(m, o) for m, o in session.execute(query)]


class ApiKeys(ScopedRepository[ApiKey]):
    """An organisation's API keys."""

    model = ApiKey
    kind = "api_key"


class OAuthClients(ScopedRepository[OAuthClient]):
    """An organisation's OAuth2 clients."""

    model = OAuthClient
    kind = "oauth_client"


def client_by_client_id(session: Session, client_id: str) -> OAuthClient | None:
    """Return the OAuth client with this public client id, if any."""
    # Lookup by credential: the client id itself names its organisation.
    query = select(OAuthClient).where(OAuthClient.client_id == client_id)
    return session.scalars(query).first()
