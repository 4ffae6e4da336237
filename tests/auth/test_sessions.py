"""Refresh-token rotation, reuse detection, logout, and password reset."""

from __future__ import annotations

import time
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.auth.helpers import PASSWORD, account, latest_token, login, mails_to
from ugc.kit.crypto import token_hash
from ugc.models import AuditEvent, RefreshToken, User
from ugc.runtime import Runtime

REFRESH = "/api/v1/auth/refresh"


def _refresh(client: TestClient, token: str) -> tuple[int, dict[str, str]]:
    """Present a refresh token."""
    r = client.post(REFRESH, json={"refresh_token": token})
    return r.status_code, r.json()


def _family(runtime: Runtime, raw: str) -> list[RefreshToken]:
    """Return every token of the family the raw token belongs to."""
    with runtime.sessions() as s:
        row = s.scalars(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash(raw))
        ).one()
        query = select(RefreshToken).where(RefreshToken.family_id == row.family_id)
        return list(s.scalars(query))


def test_refresh_rotates_within_the_family(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    status, second = _refresh(client, a.refresh)
    assert status == 200
    assert second["refresh_token"] != a.refresh
    assert (
        client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {second['access_token']}"}
        ).status_code
        == 200
    )
    family = _family(runtime, a.refresh)
    assert len(family) == 2
    assert sum(t.rotated_at is not None for t in family) == 1
    assert all(len(t.token_hash) == 64 for t in family)
    status, _third = _refresh(client, second["refresh_token"])
    assert status == 200
    assert len(_family(runtime, a.refresh)) == 3


def _age_rotation(runtime: Runtime, raw: str, seconds: float) -> None:
    """Pretend the token was rotated `seconds` ago (past the grace period, ADR 0007)."""
    with runtime.sessions() as s:
        query = select(RefreshToken).where(RefreshToken.token_hash == token_hash(raw))
        row = s.scalars(query).one()
        assert row.rotated_at is not None
        row.rotated_at = row.rotated_at - timedelta(seconds=seconds)
        s.commit()


def test_a_token_back_within_the_grace_period_gets_a_sibling(
    client: TestClient, runtime: Runtime
) -> None:
    a = account(client, runtime)
    status, second = _refresh(client, a.refresh)
    assert status == 200
    status, sibling = _refresh(client, a.refresh)  # a reload that lost the first answer
    assert status == 200
    assert sibling["refresh_token"] != second["refresh_token"]
    assert _refresh(client, second["refresh_token"])[0] == 200  # nothing was revoked
    assert _refresh(client, sibling["refresh_token"])[0] == 200
    assert all(t.revoked_at is None for t in _family(runtime, a.refresh))


def test_reusing_a_rotated_token_revokes_the_family(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    _, second = _refresh(client, a.refresh)
    _age_rotation(runtime, a.refresh, 21)
    status, body = _refresh(client, a.refresh)  # replay of the rotated token
    assert status == 401
    assert body["code"] == "token_reused"
    assert all(t.revoked_at is not None for t in _family(runtime, a.refresh))  # persisted
    status, body = _refresh(client, second["refresh_token"])  # the newest one is dead too
    assert status == 401
    with runtime.sessions() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "auth.refresh_reused" in actions


def test_other_sessions_survive_a_reuse(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    other = login(client, a.email)
    _refresh(client, a.refresh)
    _age_rotation(runtime, a.refresh, 21)
    _refresh(client, a.refresh)
    assert _refresh(client, other["refresh_token"])[0] == 200


def test_logout_revokes_the_family(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    _, second = _refresh(client, a.refresh)
    r = client.post("/api/v1/auth/logout", json={"refresh_token": second["refresh_token"]})
    assert r.status_code == 204
    assert _refresh(client, second["refresh_token"])[0] == 401
    assert client.post("/api/v1/auth/logout", json={"refresh_token": "junk"}).status_code == 204


def test_unknown_refresh_token_is_rejected(client: TestClient) -> None:
    status, body = _refresh(client, "not-a-token")
    assert status == 401
    assert body["code"] == "unauthorized"


def test_forgot_password_never_tells_who_has_an_account(
    client: TestClient, runtime: Runtime
) -> None:
    a = account(client, runtime)
    known = client.post("/api/v1/auth/password/forgot", json={"email": a.email.upper()})
    unknown = client.post("/api/v1/auth/password/forgot", json={"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert mails_to(runtime, "nobody@example.com") == []
    assert f"{runtime.public_url}/reset-password?token=" in mails_to(runtime, a.email)[-1].body


def test_reset_sets_password_and_ends_old_sessions(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    for _ in range(3):
        client.post("/api/v1/auth/login", json={"email": a.email, "password": "wrong password!"})
    client.post("/api/v1/auth/password/forgot", json={"email": a.email})
    token = latest_token(runtime, a.email, "reset-password")
    # Access tokens carry whole seconds: let a second pass so the old one predates the reset.
    time.sleep(1.05 - time.time() % 1)

    weak = client.post("/api/v1/auth/password/reset", json={"token": token, "password": "short"})
    assert weak.status_code == 422
    new = "a brand new passphrase"
    r = client.post("/api/v1/auth/password/reset", json={"token": token, "password": new})
    assert r.status_code == 204

    assert client.get("/api/v1/auth/me", headers=a.headers).status_code == 401
    assert _refresh(client, a.refresh)[0] == 401
    assert (
        client.post("/api/v1/auth/login", json={"email": a.email, "password": PASSWORD}).status_code
        == 401
    )
    fresh = login(client, a.email, new)
    headers = {"Authorization": f"Bearer {fresh['access_token']}"}
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 200
    with runtime.sessions() as s:
        user = s.get(User, a.user_id)
        assert user is not None
        assert user.password_changed_at is not None
        assert user.failed_logins == 0
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "auth.password_reset" in actions

    again = client.post("/api/v1/auth/password/reset", json={"token": token, "password": new})
    assert again.status_code == 422  # single use


def test_reset_clears_a_lockout(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    for _ in range(5):
        client.post("/api/v1/auth/login", json={"email": a.email, "password": "wrong password!"})
    r = client.post("/api/v1/auth/login", json={"email": a.email, "password": PASSWORD})
    assert r.status_code == 423
    client.post("/api/v1/auth/password/forgot", json={"email": a.email})
    token = latest_token(runtime, a.email, "reset-password")
    new = "another long passphrase"
    client.post("/api/v1/auth/password/reset", json={"token": token, "password": new})
    login(client, a.email, new)
