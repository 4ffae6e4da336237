"""OAuth2 clients and the client-credentials grant (RFC 6749 §4.4)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth import repository
from ugc.auth.errors import OAuthError
from ugc.auth.principal import Principal
from ugc.auth.repository import OAuthClients
from ugc.auth.service.common import auth_limits
from ugc.auth.service.keys import grantable
from ugc.auth.tokens import issue_access
from ugc.kit.clock import utcnow
from ugc.kit.crypto import random_token, token_hash
from ugc.kit.ids import new_id
from ugc.kit.pagination import Page, paginate
from ugc.models import OAuthClient
from ugc.runtime import Runtime

GRANT = "client_credentials"


@dataclass(frozen=True)
class NewClient:
    """A freshly made client: its row, and its secret (never stored, shown once)."""

    row: OAuthClient
    secret: str


@dataclass(frozen=True)
class ClientToken:
    """An access token minted for a client."""

    access_token: str
    expires_in: int
    scope: str


def create_client(
    session: Session, caller: Principal, name: str, scopes: list[str], ip: str | None
) -> NewClient:
    """Register an OAuth2 client for the caller's organisation."""
    granted = grantable(caller, scopes)
    secret = random_token(32)
    row = OAuthClient(
        id=new_id("ocl"),
        name=name.strip(),
        client_id=new_id("cli", 24),
        secret_hash=token_hash(secret),
        scopes=granted,
        created_by=caller.subject,
    )
    OAuthClients(session, caller.org).add(row)
    data = {"client_id": row.client_id, "scopes": granted}
    record(session, caller.subject, "oauth_client.created", caller.org, row.id, data, ip)
    return NewClient(row, secret)


def list_clients(
    session: Session, caller: Principal, limit: int, cursor: str | None
) -> Page[OAuthClient]:
    """Return a page of the organisation's OAuth2 clients, newest first."""
    repo = OAuthClients(session, caller.org)
    return paginate(session, repo.select(), OAuthClient.created_at, OAuthClient.id, limit, cursor)


def get_client(session: Session, caller: Principal, ident: str) -> OAuthClient:
    """Return one of the organisation's OAuth2 clients."""
    return OAuthClients(session, caller.org).get(ident)


def update_client(
    session: Session,
    caller: Principal,
    ident: str,
    name: str | None,
    scopes: list[str] | None,
    ip: str | None,
) -> OAuthClient:
    """Rename a client or change its scopes (tokens already issued keep theirs)."""
    row = OAuthClients(session, caller.org).get(ident)
    if name is not None:
        row.name = name.strip()
    if scopes is not None:
        row.scopes = grantable(caller, scopes)
    data = {"name": row.name, "scopes": list(row.scopes)}
    record(session, caller.subject, "oauth_client.updated", caller.org, row.id, data, ip)
    return row


def revoke_client(session: Session, caller: Principal, ident: str, ip: str | None) -> None:
    """Revoke a client: it can get no more tokens."""
    row = OAuthClients(session, caller.org).get(ident)
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        record(session, caller.subject, "oauth_client.revoked", caller.org, row.id, ip=ip)


def grant_client_credentials(
    session: Session,
    rt: Runtime,
    grant_type: str | None,
    client_id: str | None,
    client_secret: str | None,
    scope: str | None,
) -> ClientToken:
    """Mint an access token for a client's own credentials, or raise an OAuthError."""
    if not grant_type:
        raise OAuthError("invalid_request", "grant_type is required")
    if grant_type != GRANT:
        raise OAuthError("unsupported_grant_type", f"only {GRANT} is supported")
    client = _authenticate(session, client_id, client_secret)
    allowed = set(client.scopes)
    wanted = sorted(set(scope.split())) if scope else sorted(allowed)
    if not wanted or not set(wanted) <= allowed:
        raise OAuthError("invalid_scope", "the scope is not granted to this client")
    ttl = auth_limits(rt).access_ttl
    claims = {"typ": "client", "org": client.organization_id, "scopes": wanted}
    token = issue_access(rt.keys.jwt, client.client_id, ttl, claims)
    client.last_used_at = utcnow()
    return ClientToken(token, ttl, " ".join(wanted))


def _authenticate(session: Session, client_id: str | None, secret: str | None) -> OAuthClient:
    """Return the live client these credentials belong to, or raise invalid_client."""
    client = repository.client_by_client_id(session, client_id) if client_id else None
    given = token_hash(secret or "")
    if client is None or not secret or not hmac.compare_digest(client.secret_hash, given):
        raise OAuthError("invalid_client", "client authentication failed", 401)
    if client.revoked_at is not None:
        raise OAuthError("invalid_client", "this client was revoked", 401)
    return client
