"""Members and roles: who may change whom, and the last owner always stays."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.platform import Member, add_member
from ugc.models import AuditEvent, Membership
from ugc.runtime import Runtime


def _role(client: TestClient, actor: Member, target: str, role: str) -> int:
    """Change target's role as actor; return the status."""
    path = f"/api/v1/orgs/{actor.org_id}/members/{target}"
    return client.patch(path, json={"role": role}, headers=actor.headers).status_code


def _remove(client: TestClient, actor: Member, target: str) -> int:
    """Remove target as actor; return the status."""
    path = f"/api/v1/orgs/{actor.org_id}/members/{target}"
    return client.delete(path, headers=actor.headers).status_code


def test_list_members(client: TestClient, runtime: Runtime, owner: Member) -> None:
    viewer = add_member(runtime, "viewer", owner.org_id)
    r = client.get(f"/api/v1/orgs/{owner.org_id}/members", headers=viewer.headers)
    assert r.status_code == 200
    found = {m["user_id"]: (m["role"], m["email"]) for m in r.json()["items"]}
    assert found == {
        owner.user_id: ("owner", owner.email),
        viewer.user_id: ("viewer", viewer.email),
    }


def test_admins_manage_members_but_not_owners(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    admin = add_member(runtime, "admin", owner.org_id)
    editor = add_member(runtime, "editor", owner.org_id)
    assert _role(client, admin, editor.user_id, "viewer") == 200
    assert _role(client, admin, editor.user_id, "owner") == 403  # admins cannot make owners
    assert _role(client, admin, owner.user_id, "admin") == 403  # nor unmake them
    assert _remove(client, admin, owner.user_id) == 403
    assert _role(client, editor, admin.user_id, "viewer") == 403  # editors change nobody
    assert _role(client, admin, "usr_missing", "viewer") == 404
    with runtime.sessions() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "member.role_changed")
        ).one()
    assert event.data == {"user": editor.user_id, "from": "editor", "to": "viewer"}
    assert event.organization_id == owner.org_id


def test_last_owner_stays(client: TestClient, runtime: Runtime, owner: Member) -> None:
    assert _role(client, owner, owner.user_id, "admin") == 409
    assert _remove(client, owner, owner.user_id) == 409
    second = add_member(runtime, "admin", owner.org_id)
    assert _role(client, owner, second.user_id, "owner") == 200
    assert _role(client, owner, owner.user_id, "admin") == 200  # now someone else owns it
    second.role = "owner"
    assert _role(client, second, second.user_id, "viewer") == 409


def test_remove_and_leave(client: TestClient, runtime: Runtime, owner: Member) -> None:
    editor = add_member(runtime, "editor", owner.org_id)
    viewer = add_member(runtime, "viewer", owner.org_id)
    assert _remove(client, viewer, editor.user_id) == 403
    assert _remove(client, viewer, viewer.user_id) == 204  # anyone may leave
    assert _remove(client, owner, editor.user_id) == 204
    with runtime.sessions() as s:
        left = s.scalars(select(Membership.user_id)).all()
        removed = s.scalars(select(AuditEvent).where(AuditEvent.action == "member.removed")).all()
    assert left == [owner.user_id]
    assert len(removed) == 2
    assert client.get(f"/api/v1/orgs/{owner.org_id}", headers=editor.headers).status_code == 404


def test_unknown_role_is_rejected(client: TestClient, runtime: Runtime, owner: Member) -> None:
    editor = add_member(runtime, "editor", owner.org_id)
    assert _role(client, owner, editor.user_id, "superuser") == 422
