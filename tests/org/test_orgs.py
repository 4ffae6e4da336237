"""Organisations: create, list, read, rename, delete, and the path-vs-caller scope."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.auth.helpers import account
from tests.platform import Member, add_member
from ugc.auth.principal import ROLE_PERMISSIONS
from ugc.models import ApiKey, AuditEvent, Membership, Organization
from ugc.runtime import Runtime


def test_create_list_and_me(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    r = client.post("/api/v1/orgs", json={"name": " Acme "}, headers=a.headers)
    assert r.status_code == 201
    org = r.json()
    assert (org["name"], org["role"]) == ("Acme", "owner")
    assert org["id"].startswith("org_")
    client.post("/api/v1/orgs", json={"name": "Beta"}, headers=a.headers)
    mine = client.get("/api/v1/orgs", headers=a.headers).json()
    assert [o["name"] for o in mine["items"]] == ["Beta", "Acme"]
    me = client.get("/api/v1/auth/me", headers=a.headers).json()
    first = me["memberships"][0]
    assert first.pop("permissions") == sorted(ROLE_PERMISSIONS["owner"])  # what the UI may show
    assert first == {"organization_id": org["id"], "name": "Acme", "role": "owner"}
    with runtime.sessions() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "org.created" in actions


def test_keys_cannot_create_orgs(client: TestClient, owner: Member) -> None:
    key = client.post(
        "/api/v1/api-keys", json={"name": "k", "scopes": ["org:read"]}, headers=owner.headers
    ).json()["key"]
    r = client.post("/api/v1/orgs", json={"name": "X"}, headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 403


def test_read_and_rename(client: TestClient, runtime: Runtime, owner: Member) -> None:
    path = f"/api/v1/orgs/{owner.org_id}"
    assert client.get(path, headers=owner.headers).json()["role"] == "owner"
    r = client.patch(path, json={"name": "Renamed"}, headers=owner.headers)
    assert r.status_code == 200
    assert r.json()["name"] == "Renamed"
    admin = add_member(runtime, "admin", owner.org_id)
    assert client.patch(path, json={"name": "No"}, headers=admin.headers).status_code == 403
    assert client.get(path, headers=admin.headers).json()["name"] == "Renamed"


def test_path_must_match_the_callers_org(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    other = add_member(runtime, "owner")
    path = f"/api/v1/orgs/{other.org_id}"
    assert client.get(path, headers=owner.headers).status_code == 404
    assert client.patch(path, json={"name": "x"}, headers=owner.headers).status_code == 404
    assert client.delete(path, headers=owner.headers).status_code == 404
    # Asking for an organisation one does not belong to is a 404 as well.
    r = client.get(path, headers={**owner.headers, "X-Organization-Id": other.org_id})
    assert r.status_code == 404


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("GET", ""),
        ("PATCH", ""),
        ("DELETE", ""),
        ("GET", "/members"),
        ("PATCH", "/members/usr_x"),
        ("DELETE", "/members/usr_x"),
        ("GET", "/invitations"),
        ("POST", "/invitations"),
        ("DELETE", "/invitations/inv_x"),
    ],
)
def test_every_org_route_is_tenant_scoped(
    client: TestClient, runtime: Runtime, owner: Member, method: str, suffix: str
) -> None:
    other = add_member(runtime, "owner")
    body = {"name": "x", "role": "viewer", "email": "z@example.com"}
    r = client.request(
        method, f"/api/v1/orgs/{other.org_id}{suffix}", json=body, headers=owner.headers
    )
    assert r.status_code == 404, r.text
    with runtime.sessions() as s:
        org = s.get(Organization, other.org_id)
        assert org is not None
        assert org.name != "x"


def test_delete_removes_the_org_and_its_rows(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    admin = add_member(runtime, "admin", owner.org_id)
    bystander = add_member(runtime, "owner")
    client.post(
        "/api/v1/api-keys", json={"name": "k", "scopes": ["org:read"]}, headers=owner.headers
    )
    client.post(
        "/api/v1/api-keys", json={"name": "k", "scopes": ["org:read"]}, headers=bystander.headers
    )
    path = f"/api/v1/orgs/{owner.org_id}"
    assert client.delete(path, headers=admin.headers).status_code == 403
    assert client.delete(path, headers=owner.headers).status_code == 204
    with runtime.sessions() as s:
        assert s.get(Organization, owner.org_id) is None
        count = select(func.count()).select_from(Membership)
        assert s.scalar(count.where(Membership.organization_id == owner.org_id)) == 0
        keys = s.scalars(select(ApiKey.organization_id)).all()
        assert keys == [bystander.org_id]
        deleted = s.scalars(select(AuditEvent).where(AuditEvent.action == "org.deleted")).one()
        assert deleted.organization_id == owner.org_id
    assert (
        client.get(f"/api/v1/orgs/{bystander.org_id}", headers=bystander.headers).status_code == 200
    )
