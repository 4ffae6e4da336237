"""OAuth2 clients and the client-credentials token endpoint (RFC 6749 errors)."""

from __future__ import annotations

import base64

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.platform import Member, add_member
from ugc.auth.tokens import read_access
from ugc.kit.crypto import token_hash
from ugc.models import OAuthClient
from ugc.runtime import Runtime

CLIENTS = "/api/v1/oauth-clients"
TOKEN = "/api/v1/oauth/token"


def _client(client: TestClient, owner: Member, scopes: list[str]) -> dict[str, str]:
    """Register an OAuth client and return the response body."""
    r = client.post(CLIENTS, json={"name": "zap", "scopes": scopes}, headers=owner.headers)
    assert r.status_code == 201, r.text
    body: dict[str, str] = r.json()
    return body


def _grant(client: TestClient, creds: dict[str, str], **form: str) -> tuple[int, dict[str, str]]:
    """Ask for a token with form credentials."""
    data = {
        "grant_type": "client_credentials",
        "client_id": creds["client_id"],
        "client_secret": creds["client_secret"],
        **form,
    }
    r = client.post(TOKEN, data=data)
    return r.status_code, r.json()


def test_client_secret_is_shown_once_and_hashed(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    creds = _client(client, owner, ["org:read", "videos:read"])
    with runtime.sessions() as s:
        row = s.scalars(select(OAuthClient)).one()
        assert row.secret_hash == token_hash(creds["client_secret"])
    listed = client.get(CLIENTS, headers=owner.headers).json()["items"]
    assert [c["client_id"] for c in listed] == [creds["client_id"]]
    assert "client_secret" not in listed[0]


def test_token_works_as_a_bearer(client: TestClient, runtime: Runtime, owner: Member) -> None:
    creds = _client(client, owner, ["org:read", "videos:read"])
    status, body = _grant(client, creds)
    assert status == 200, body
    assert body["token_type"] == "Bearer"
    assert 0 < int(body["expires_in"]) <= 900
    assert body["scope"] == "org:read videos:read"
    claims = read_access(runtime.keys.jwt, body["access_token"])
    assert claims["typ"] == "client"
    assert claims["org"] == owner.org_id
    r = client.get(
        f"/api/v1/orgs/{owner.org_id}", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert r.status_code == 200
    with runtime.sessions() as s:
        assert s.scalars(select(OAuthClient.last_used_at)).one() is not None


def test_basic_auth_and_narrower_scope(client: TestClient, owner: Member) -> None:
    creds = _client(client, owner, ["org:read", "videos:read"])
    basic = base64.b64encode(f"{creds['client_id']}:{creds['client_secret']}".encode()).decode()
    r = client.post(
        TOKEN,
        data={"grant_type": "client_credentials", "scope": "videos:read"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    assert r.json()["scope"] == "videos:read"
    r = client.get(
        f"/api/v1/orgs/{owner.org_id}",
        headers={"Authorization": f"Bearer {r.json()['access_token']}"},
    )
    assert r.status_code == 403  # org:read was not asked for


def test_rfc6749_errors(client: TestClient, owner: Member) -> None:
    creds = _client(client, owner, ["org:read"])
    r = client.post(TOKEN, data={**creds, "grant_type": "client_credentials", "client_secret": "x"})
    assert r.status_code == 401
    assert r.headers["content-type"] == "application/json"
    assert r.json()["error"] == "invalid_client"
    assert "www-authenticate" in r.headers
    status, body = _grant(client, creds, grant_type="password")
    assert (status, body["error"]) == (400, "unsupported_grant_type")
    status, body = _grant(client, creds, scope="videos:write")
    assert (status, body["error"]) == (400, "invalid_scope")
    r = client.post(TOKEN, data={})
    assert (r.status_code, r.json()["error"]) == (400, "invalid_request")
    r = client.post(TOKEN, data={"grant_type": "client_credentials", "client_id": "cli_nope"})
    assert (r.status_code, r.json()["error"]) == (401, "invalid_client")


def test_revoked_client_gets_no_tokens(client: TestClient, owner: Member) -> None:
    creds = _client(client, owner, ["org:read"])
    r = client.delete(f"{CLIENTS}/{creds['id']}", headers=owner.headers)
    assert r.status_code == 204
    status, body = _grant(client, creds)
    assert (status, body["error"]) == (401, "invalid_client")


def test_update_and_tenant_scope(client: TestClient, runtime: Runtime, owner: Member) -> None:
    creds = _client(client, owner, ["org:read"])
    path = f"{CLIENTS}/{creds['id']}"
    r = client.patch(path, json={"name": "zap2", "scopes": ["videos:read"]}, headers=owner.headers)
    assert r.status_code == 200
    assert (r.json()["name"], r.json()["scopes"]) == ("zap2", ["videos:read"])
    stranger = add_member(runtime, "owner")
    assert client.get(path, headers=stranger.headers).status_code == 404
    assert client.patch(path, json={"name": "x"}, headers=stranger.headers).status_code == 404
    assert client.delete(path, headers=stranger.headers).status_code == 404
    viewer = add_member(runtime, "viewer", owner.org_id)
    assert client.get(path, headers=viewer.headers).status_code == 403
