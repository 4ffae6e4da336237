"""Turn a bearer credential (API key or JWT) and an optional organisation into a Principal."""

from __future__ import annotations

import hmac

from sqlalchemy import select
from sqlalchemy.orm import Session

from ugc.auth.principal import ROLE_PERMISSIONS, Principal
from ugc.auth.tokens import read_access
from ugc.errors import NotFound, Unauthorized
from ugc.kit.clock import utcnow
from ugc.kit.crypto import Keys, token_hash
from ugc.models import ApiKey, Membership, User

KEY_PREFIX = "ugc_"


def resolve(session: Session, keys: Keys, bearer: str, org_hint: str | None) -> Principal:
    """Return the caller behind a bearer credential, or raise Unauthorized."""
    if bearer.startswith(KEY_PREFIX):
        return _api_key(session, bearer)
    claims = read_access(keys.jwt, bearer)
    if claims.get("typ") == "client":
        return Principal(
            "client",
            str(claims["sub"]),
            str(claims["org"]),
            None,
            frozenset(claims.get("scopes", [])),
        )
    if claims.get("typ") != "access":
        raise Unauthorized("not an access token")
    return _user(session, str(claims["sub"]), claims.get("iat", 0), org_hint)


def split_key(raw: str) -> tuple[str, str]:
    """Split `ugc_<prefix>_<secret>` into its public prefix and secret."""
    parts = raw.split("_")
    if len(parts) != 3 or not parts[1] or not parts[2]:
        raise Unauthorized("malformed API key")
    return f"{parts[0]}_{parts[1]}", parts[2]


def _api_key(session: Session, raw: str) -> Principal:
    """Look up an API key by its prefix and check its secret, expiry and revocation."""
    prefix, secret = split_key(raw)
    # Lookup by credential: the key itself names its organisation.
    key = session.scalars(select(ApiKey).where(ApiKey.prefix == prefix)).first()
    if key is None or not hmac.compare_digest(key.secret_hash, token_hash(secret)):
        raise Unauthorized("invalid API key")
    now = utcnow()
    if key.revoked_at is not None:
        raise Unauthorized("API key revoked")
    if key.expires_at is not None and key.expires_at <= now:
        raise Unauthorized("API key expired")
    key.last_used_at = now
    return Principal("api_key", key.id, key.organization_id, None, frozenset(key.scopes))


def _user(session: Session, user_id: str, issued_at: int, org_hint: str | None) -> Principal:
    """Return a user principal in the hinted organisation (or their only one): one query."""
    query = (
        select(User.password_changed_at, Membership.organization_id, Membership.role)
        .outerjoin(Membership, Membership.user_id == User.id)
        .where(User.id == user_id)
    )
    if org_hint:
        query = query.where(Membership.organization_id == org_hint)
    rows = session.execute(query.limit(2)).all()
    if not rows and org_hint and session.get(User, user_id) is not None:
        raise NotFound("organization", org_hint)
    if not rows:
        raise Unauthorized("user no longer exists")
    changed = rows[0].password_changed_at
    if changed is not None and issued_at < int(changed.timestamp()):
        raise Unauthorized("access token predates a password change")
    if len(rows) != 1 or rows[0].organization_id is None:
        return Principal("user", user_id, None, None, frozenset(), user_id)
    org, role = rows[0].organization_id, rows[0].role
    return Principal("user", user_id, org, role, ROLE_PERMISSIONS[role], user_id)
