"""Routes for machine credentials: /api-keys, /oauth-clients and the /oauth/token endpoint."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated
from urllib.parse import unquote_plus

from fastapi import APIRouter, Depends, Form, Query, Request, Response
from fastapi.responses import JSONResponse

from ugc.auth.errors import OAuthError
from ugc.auth.principal import Principal
from ugc.auth.schemas.credentials import (
    ApiKeyCreatedOut,
    ApiKeyIn,
    ApiKeyOut,
    ApiKeyPage,
    ClientCreatedOut,
    ClientIn,
    ClientOut,
    ClientPage,
    ClientPatch,
    OAuthErrorOut,
    OAuthTokenOut,
)
from ugc.auth.service import clients, keys
from ugc.http.deps import NO_STORE, Db, Require, Rt

router = APIRouter()
KeysRead = Annotated[Principal, Depends(Require("keys:read"))]
KeysWrite = Annotated[Principal, Depends(Require("keys:write"))]
Limit = Annotated[int, Query(ge=1, le=100)]
FormField = Annotated[str | None, Form()]
TOKEN_HEADERS = {"Cache-Control": "no-store", "Pragma": "no-cache"}  # RFC 6749 5.1


def _ip(request: Request) -> str | None:
    """Return the client address for the audit log."""
    return request.client.host if request.client else None


@router.post(
    "/api-keys",
    status_code=201,
    tags=["api-keys"],
    summary="Create an API key",
    dependencies=[NO_STORE],
)
def create_key(body: ApiKeyIn, request: Request, caller: KeysWrite, db: Db) -> ApiKeyCreatedOut:
    """Create a scoped key; the full key is in this response only."""
    found = keys.create_key(db, caller, body.name, body.scopes, body.expires_at, _ip(request))
    return ApiKeyCreatedOut(**ApiKeyOut.of(found.row).model_dump(), key=found.key)


@router.get("/api-keys", tags=["api-keys"], summary="List API keys")
def list_keys(caller: KeysRead, db: Db, limit: Limit = 20, cursor: str | None = None) -> ApiKeyPage:
    """List the organisation's keys, newest first (never their secrets)."""
    page = keys.list_keys(db, caller, limit, cursor)
    return ApiKeyPage(items=[ApiKeyOut.of(k) for k in page.items], next_cursor=page.next_cursor)


@router.get("/api-keys/{key_id}", tags=["api-keys"], summary="Get an API key")
def get_key(key_id: str, caller: KeysRead, db: Db) -> ApiKeyOut:
    """Return one key of the organisation."""
    return ApiKeyOut.of(keys.get_key(db, caller, key_id))


@router.delete(
    "/api-keys/{key_id}",
    status_code=204,
    response_class=Response,
    tags=["api-keys"],
    summary="Revoke an API key",
)
def revoke_key(key_id: str, request: Request, caller: KeysWrite, db: Db) -> None:
    """Revoke a key at once; requests with it get 401."""
    keys.revoke_key(db, caller, key_id, _ip(request))


@router.post(
    "/oauth-clients",
    status_code=201,
    tags=["oauth"],
    summary="Register an OAuth2 client",
    dependencies=[NO_STORE],
)
def create_client(body: ClientIn, request: Request, caller: KeysWrite, db: Db) -> ClientCreatedOut:
    """Register a client-credentials client; the secret is in this response only."""
    found = clients.create_client(db, caller, body.name, body.scopes, _ip(request))
    return ClientCreatedOut(**ClientOut.of(found.row).model_dump(), client_secret=found.secret)


@router.get("/oauth-clients", tags=["oauth"], summary="List OAuth2 clients")
def list_clients(
    caller: KeysRead, db: Db, limit: Limit = 20, cursor: str | None = None
) -> ClientPage:
    """List the organisation's clients, newest first."""
    page = clients.list_clients(db, caller, limit, cursor)
    return ClientPage(items=[ClientOut.of(c) for c in page.items], next_cursor=page.next_cursor)


@router.get("/oauth-clients/{client_ref}", tags=["oauth"], summary="Get an OAuth2 client")
def get_client(client_ref: str, caller: KeysRead, db: Db) -> ClientOut:
    """Return one client of the organisation (by its `ocl_` id)."""
    return ClientOut.of(clients.get_client(db, caller, client_ref))


@router.patch("/oauth-clients/{client_ref}", tags=["oauth"], summary="Change an OAuth2 client")
def update_client(
    client_ref: str, body: ClientPatch, request: Request, caller: KeysWrite, db: Db
) -> ClientOut:
    """Rename a client or change its scopes."""
    row = clients.update_client(db, caller, client_ref, body.name, body.scopes, _ip(request))
    return ClientOut.of(row)


@router.delete(
    "/oauth-clients/{client_ref}",
    status_code=204,
    response_class=Response,
    tags=["oauth"],
    summary="Revoke an OAuth2 client",
)
def revoke_client(client_ref: str, request: Request, caller: KeysWrite, db: Db) -> None:
    """Revoke a client: it gets no more tokens."""
    clients.revoke_client(db, caller, client_ref, _ip(request))


@router.post(
    "/oauth/token",
    tags=["oauth"],
    summary="Get an access token (client credentials)",
    response_model=OAuthTokenOut,
    responses={400: {"model": OAuthErrorOut}, 401: {"model": OAuthErrorOut}},
)
def token(
    request: Request,
    db: Db,
    rt: Rt,
    grant_type: FormField = None,
    client_id: FormField = None,
    client_secret: FormField = None,
    scope: FormField = None,
) -> JSONResponse:
    """Issue a token for `grant_type=client_credentials` (RFC 6749 §4.4).

    Errors here follow RFC 6749 §5.2 (`{"error", "error_description"}`), not problem+json.
    """
    try:
        cid, secret = _client_credentials(request, client_id, client_secret)
        found = clients.grant_client_credentials(db, rt, grant_type, cid, secret, scope)
    except OAuthError as exc:
        headers = dict(TOKEN_HEADERS)
        if exc.status == 401:
            headers["WWW-Authenticate"] = 'Basic realm="ugc"'
        body = OAuthErrorOut(error=exc.code, error_description=exc.message)
        return JSONResponse(body.model_dump(), exc.status, headers=headers)
    out = OAuthTokenOut(
        access_token=found.access_token, expires_in=found.expires_in, scope=found.scope
    )
    return JSONResponse(out.model_dump(), headers=TOKEN_HEADERS)


def _client_credentials(
    request: Request, form_id: str | None, form_secret: str | None
) -> tuple[str | None, str | None]:
    """Return the client id and secret from HTTP Basic or the form (not both)."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return form_id, form_secret
    if form_secret is not None:
        raise OAuthError("invalid_request", "send the client secret in one place only")
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise OAuthError("invalid_client", "malformed Basic credentials", 401) from exc
    user, sep, password = decoded.partition(":")
    if not sep:
        raise OAuthError("invalid_client", "malformed Basic credentials", 401)
    return unquote_plus(user), unquote_plus(password)
