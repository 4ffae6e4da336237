"""Invitations: who may invite, the mailed link, accepting, revoking."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.auth.helpers import account, latest_token, login
from tests.platform import Member, add_member
from ugc.kit.crypto import token_hash
from ugc.models import AuditEvent, Invitation, Membership
from ugc.runtime import Runtime


def _invite(
    client: TestClient, actor: Member, email: str, role: str = "editor"
) -> tuple[int, dict[str, str]]:
    """Invite email as actor."""
    r = client.post(
        f"/api/v1/orgs/{actor.org_id}/invitations",
        json={"email": email, "role": role},
        headers=actor.headers,
    )
    return r.status_code, r.json()


def _accept(client: TestClient, headers: dict[str, str], token: str) -> tuple[int, dict[str, str]]:
    """Accept an invitation."""
    r = client.post("/api/v1/invitations/accept", json={"token": token}, headers=headers)
    return r.status_code, r.json()


def test_invite_and_accept(client: TestClient, runtime: Runtime, owner: Member) -> None:
    status, inv = _invite(client, owner, "Grace@Example.com", "editor")
    assert status == 201, inv
    assert (inv["email"], inv["role"], inv["status"]) == ("grace@example.com", "editor", "pending")
    token = latest_token(runtime, "grace@example.com", "invite")
    with runtime.sessions() as s:
        assert s.scalars(select(Invitation.token_hash)).one() == token_hash(token)

    grace = account(client, runtime, "grace@example.com")
    status, joined = _accept(client, grace.headers, token)
    assert status == 200, joined
    assert joined == {"organization_id": owner.org_id, "name": joined["name"], "role": "editor"}
    me = client.get("/api/v1/auth/me", headers=grace.headers).json()
    assert me["memberships"][0]["role"] == "editor"
    assert _accept(client, grace.headers, token)[0] == 422  # single use

    listed = client.get(f"/api/v1/orgs/{owner.org_id}/invitations", headers=owner.headers).json()
    assert [i["status"] for i in listed["items"]] == ["accepted"]
    with runtime.sessions() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert {"invitation.created", "invitation.accepted"} <= set(actions)


def test_only_the_invited_verified_address_can_accept(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    _invite(client, owner, "heidi@example.com")
    token = latest_token(runtime, "heidi@example.com", "invite")
    mallory = account(client, runtime)
    assert _accept(client, mallory.headers, token)[0] == 403
    with runtime.sessions() as s:
        assert (
            s.scalars(select(Membership).where(Membership.user_id == mallory.user_id)).all() == []
        )


def test_unverified_user_cannot_accept(client: TestClient, runtime: Runtime, owner: Member) -> None:
    member = add_member(runtime, "viewer")  # a test user whose address was never verified
    _invite(client, owner, member.email)
    token = latest_token(runtime, member.email, "invite")
    status, body = _accept(client, member.headers, token)
    assert status == 403
    assert body["code"] == "email_not_verified"


def test_viewer_cannot_invite_and_admin_cannot_invite_owners(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    viewer = add_member(runtime, "viewer", owner.org_id)
    admin = add_member(runtime, "admin", owner.org_id)
    assert _invite(client, viewer, "x@example.com")[0] == 403
    assert _invite(client, admin, "x@example.com", "owner")[0] == 403
    assert _invite(client, admin, "x@example.com", "admin")[0] == 201
    assert _invite(client, owner, "y@example.com", "owner")[0] == 201
    assert _invite(client, owner, admin.email)[0] == 409  # already a member
    assert _invite(client, owner, "not-an-address")[0] == 422


def test_revoke_and_reinvite(client: TestClient, runtime: Runtime, owner: Member) -> None:
    _, first = _invite(client, owner, "ivan@example.com")
    old = latest_token(runtime, "ivan@example.com", "invite")
    _, second = _invite(client, owner, "ivan@example.com", "viewer")  # replaces the first
    path = f"/api/v1/orgs/{owner.org_id}/invitations"
    statuses = {
        i["id"]: i["status"] for i in client.get(path, headers=owner.headers).json()["items"]
    }
    assert statuses == {first["id"]: "revoked", second["id"]: "pending"}
    new = latest_token(runtime, "ivan@example.com", "invite")
    assert client.delete(f"{path}/{second['id']}", headers=owner.headers).status_code == 204
    ivan = account(client, runtime, "ivan@example.com")
    assert _accept(client, ivan.headers, old)[0] == 422
    assert _accept(client, ivan.headers, new)[0] == 422
    tokens = login(client, ivan.email)
    assert tokens["access_token"]
    with runtime.sessions() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "invitation.revoked" in actions
