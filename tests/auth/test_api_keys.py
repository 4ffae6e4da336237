"""API keys: shown once, stored hashed, scoped, revocable, expiring, tenant-scoped."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests.platform import Member, add_member
from ugc.auth.principal import Principal
from ugc.auth.resolve import split_key
from ugc.auth.service.keys import grantable
from ugc.errors import Forbidden, InvalidRequest
from ugc.kit.clock import utcnow
from ugc.kit.crypto import token_hash
from ugc.models import ApiKey, AuditEvent
from ugc.runtime import Runtime

KEYS = "/api/v1/api-keys"


def _create(client: TestClient, member: Member, scopes: list[str], **extra: str) -> dict[str, str]:
    """Create a key as member and return the response body."""
    r = client.post(KEYS, json={"name": "ci", "scopes": scopes, **extra}, headers=member.headers)
    assert r.status_code == 201, r.text
    body: dict[str, str] = r.json()
    return body


def _bearer(key: str) -> dict[str, str]:
    """Return headers that authenticate with an API key."""
    return {"Authorization": f"Bearer {key}"}


def test_key_is_shown_once_and_stored_hashed(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    body = _create(client, owner, ["org:read", "videos:read"])
    key = body["key"]
    assert re.fullmatch(r"ugc_[a-z0-9]{8}_[A-Za-z0-9\-]{32,}", key)
    prefix, secret = split_key(key)
    assert body["prefix"] == prefix
    with runtime.sessions() as s:
        row = s.scalars(select(ApiKey).where(ApiKey.prefix == prefix)).one()
        assert row.secret_hash == token_hash(secret)
        assert row.organization_id == owner.org_id
        assert row.created_by == owner.user_id
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "api_key.created" in actions
    listed = client.get(KEYS, headers=owner.headers).json()
    assert [k["id"] for k in listed["items"]] == [body["id"]]
    assert "key" not in listed["items"][0]
    assert secret not in str(listed)
    one = client.get(f"{KEYS}/{body['id']}", headers=owner.headers).json()
    assert one["scopes"] == ["org:read", "videos:read"]


def test_key_authenticates_and_records_use(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    body = _create(client, owner, ["org:read"])
    r = client.get(f"/api/v1/orgs/{owner.org_id}", headers=_bearer(body["key"]))
    assert r.status_code == 200, r.text
    assert r.json()["id"] == owner.org_id
    assert r.json()["role"] is None
    with runtime.sessions() as s:
        row = s.get(ApiKey, body["id"])
        assert row is not None
        assert row.last_used_at is not None
    listed = client.get(KEYS, headers=owner.headers).json()["items"][0]
    assert listed["last_used_at"] is not None


def test_scopes_are_enforced(client: TestClient, owner: Member) -> None:
    key = _create(client, owner, ["videos:read"])["key"]
    r = client.get(f"/api/v1/orgs/{owner.org_id}", headers=_bearer(key))
    assert r.status_code == 403
    assert client.get(KEYS, headers=_bearer(key)).status_code == 403  # keys cannot manage keys


def test_revoked_and_expired_keys_get_401(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    revoked = _create(client, owner, ["org:read"])
    r = client.delete(f"{KEYS}/{revoked['id']}", headers=owner.headers)
    assert r.status_code == 204
    r = client.get(f"/api/v1/orgs/{owner.org_id}", headers=_bearer(revoked["key"]))
    assert r.status_code == 401
    assert client.get(f"{KEYS}/{revoked['id']}", headers=owner.headers).json()["revoked_at"]

    soon = (utcnow() + timedelta(hours=1)).isoformat()
    expiring = _create(client, owner, ["org:read"], expires_at=soon)
    path = f"/api/v1/orgs/{owner.org_id}"
    assert client.get(path, headers=_bearer(expiring["key"])).status_code == 200
    with runtime.sessions() as s:
        s.execute(update(ApiKey).values(expires_at=utcnow() - timedelta(seconds=1)))
        s.commit()
    assert client.get(path, headers=_bearer(expiring["key"])).status_code == 401
    with runtime.sessions() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "api_key.revoked" in actions


def test_bad_requests(client: TestClient, owner: Member) -> None:
    r = client.post(KEYS, json={"name": "x", "scopes": ["members:write"]}, headers=owner.headers)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "scopes"
    past = (utcnow() - timedelta(hours=1)).isoformat()
    r = client.post(
        KEYS, json={"name": "x", "scopes": ["org:read"], "expires_at": past}, headers=owner.headers
    )
    assert r.status_code == 422
    r = client.post(
        KEYS,
        json={"name": "x", "scopes": ["org:read"], "expires_at": "2030-01-01T00:00:00"},
        headers=owner.headers,
    )
    assert r.status_code == 422  # a timestamp without a zone is ambiguous


def test_only_admins_and_owners_manage_keys(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    editor = add_member(runtime, "editor", owner.org_id)
    admin = add_member(runtime, "admin", owner.org_id)
    r = client.post(KEYS, json={"name": "x", "scopes": ["org:read"]}, headers=editor.headers)
    assert r.status_code == 403
    assert client.get(KEYS, headers=editor.headers).status_code == 403
    _create(client, admin, ["webhooks:write"])


def test_keys_are_tenant_scoped(client: TestClient, runtime: Runtime, owner: Member) -> None:
    body = _create(client, owner, ["org:read"])
    stranger = add_member(runtime, "owner")
    assert client.get(f"{KEYS}/{body['id']}", headers=stranger.headers).status_code == 404
    assert client.delete(f"{KEYS}/{body['id']}", headers=stranger.headers).status_code == 404
    assert client.get(KEYS, headers=stranger.headers).json()["items"] == []
    r = client.get(f"/api/v1/orgs/{stranger.org_id}", headers=_bearer(body["key"]))
    assert r.status_code == 404


def test_list_pages_with_a_cursor(client: TestClient, owner: Member) -> None:
    ids = {_create(client, owner, ["org:read"])["id"] for _ in range(3)}
    first = client.get(KEYS, params={"limit": 2}, headers=owner.headers).json()
    assert len(first["items"]) == 2
    assert first["next_cursor"]
    rest = client.get(
        KEYS, params={"limit": 2, "cursor": first["next_cursor"]}, headers=owner.headers
    ).json()
    assert {k["id"] for k in first["items"] + rest["items"]} == ids
    assert rest["next_cursor"] is None


def _principal(permissions: set[str]) -> Principal:
    """Return a caller holding exactly these permissions."""
    return Principal("user", "usr_x", "org_x", None, frozenset(permissions), "usr_x")


def test_scopes_may_not_exceed_the_creator() -> None:
    caller = _principal({"keys:write", "videos:read"})
    assert grantable(caller, ["videos:read", "videos:read"]) == ["videos:read"]
    with pytest.raises(Forbidden):
        grantable(caller, ["videos:read", "videos:write"])
    with pytest.raises(InvalidRequest):
        grantable(caller, ["keys:write"])
