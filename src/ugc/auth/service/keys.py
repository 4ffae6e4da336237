"""Scoped API keys: `ugc_<prefix>_<secret>`, the secret shown once and stored hashed."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth.principal import KEY_SCOPES, Principal
from ugc.auth.repository import ApiKeys
from ugc.auth.resolve import KEY_PREFIX
from ugc.errors import FieldError, Forbidden, InvalidRequest
from ugc.kit.clock import utcnow
from ugc.kit.crypto import token_hash
from ugc.kit.ids import new_id
from ugc.kit.pagination import Page, paginate
from ugc.models import ApiKey

PREFIX_LENGTH = 8
SECRET_LENGTH = 40  # about 238 bits
_LOWER = string.ascii_lowercase + string.digits
_ALNUM = string.ascii_letters + string.digits  # url-safe and never "_", the separator


@dataclass(frozen=True)
class NewKey:
    """A freshly made key: its row, and the full key (never stored, shown once)."""

    row: ApiKey
    key: str


def grantable(caller: Principal, scopes: list[str]) -> list[str]:
    """Return the scopes, sorted and unique, if machine credentials may hold them all."""
    wanted = sorted(set(scopes))
    unknown = [s for s in wanted if s not in KEY_SCOPES]
    if unknown or not wanted:
        detail = f"unknown scopes: {', '.join(unknown)}" if unknown else "name at least one scope"
        raise InvalidRequest("invalid scopes", [FieldError("scopes", detail)])
    missing = [s for s in wanted if not caller.can(s)]
    if missing:
        raise Forbidden(f"you cannot grant scopes you do not hold: {', '.join(missing)}")
    return wanted


def create_key(
    session: Session,
    caller: Principal,
    name: str,
    scopes: list[str],
    expires_at: datetime | None,
    ip: str | None,
) -> NewKey:
    """Make an API key for the caller's organisation."""
    granted = grantable(caller, scopes)
    if expires_at is not None and expires_at <= utcnow():
        raise InvalidRequest("invalid expiry", [FieldError("expires_at", "must be in the future")])
    prefix = KEY_PREFIX + "".join(secrets.choice(_LOWER) for _ in range(PREFIX_LENGTH))
    secret = "".join(secrets.choice(_ALNUM) for _ in range(SECRET_LENGTH))
    row = ApiKey(
        id=new_id("key"),
        name=name.strip(),
        prefix=prefix,
        secret_hash=token_hash(secret),
        scopes=granted,
        created_by=caller.subject,
        expires_at=expires_at,
    )
    ApiKeys(session, caller.org).add(row)
    data = {"prefix": prefix, "scopes": granted}
    record(session, caller.subject, "api_key.created", caller.org, target=row.id, data=data, ip=ip)
    return NewKey(row, f"{prefix}_{secret}")


def list_keys(session: Session, caller: Principal, limit: int, cursor: str | None) -> Page[ApiKey]:
    """Return a page of the organisation's API keys, newest first."""
    repo = ApiKeys(session, caller.org)
    return paginate(session, repo.select(), ApiKey.created_at, ApiKey.id, limit, cursor)


def get_key(session: Session, caller: Principal, key_id: str) -> ApiKey:
    """Return one of the organisation's API keys."""
    return ApiKeys(session, caller.org).get(key_id)


def revoke_key(session: Session, caller: Principal, key_id: str, ip: str | None) -> ApiKey:
    """Revoke an API key (revoking twice is harmless)."""
    row = ApiKeys(session, caller.org).get(key_id)
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        target = row.id
        record(session, caller.subject, "api_key.revoked", caller.org, target=target, ip=ip)
    return row
