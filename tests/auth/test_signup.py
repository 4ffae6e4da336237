"""Sign-up, the verification mail, verification, sign-in and /auth/me."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests.auth.helpers import PASSWORD, latest_token, login, mails_to, signup, verify
from ugc.config import Settings
from ugc.kit.clock import utcnow
from ugc.kit.crypto import token_hash
from ugc.models import AuditEvent, EmailToken, User
from ugc.runtime import Runtime

SIGNUP = "/api/v1/auth/signup"


def test_signup_verify_login_me(client: TestClient, runtime: Runtime, settings: Settings) -> None:
    r = client.post(SIGNUP, json={"email": "Ada@Example.COM", "password": PASSWORD, "name": "Ada"})
    assert r.status_code == 201, r.text
    user = r.json()
    assert user["email"] == "ada@example.com"
    assert user["email_verified"] is False
    assert user["id"].startswith("usr_")

    [mail] = mails_to(runtime, "ada@example.com")
    assert f"{runtime.public_url}/verify?token=" in mail.body
    token = latest_token(runtime, "ada@example.com", "verify")
    eml = message_from_bytes((settings.data_dir / "mail" / f"{mail.id}.eml").read_bytes())
    assert token in str(eml.get_payload())
    with runtime.sessions() as s:
        stored = s.scalars(select(EmailToken).where(EmailToken.user_id == user["id"])).one()
        assert stored.purpose == "verify"
        assert stored.token_hash == token_hash(token)  # only the hash is kept

    r = client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": PASSWORD})
    assert r.status_code == 403
    assert r.json()["code"] == "email_not_verified"

    r = client.post("/api/v1/auth/verify", json={"token": token})
    assert r.status_code == 200
    assert r.json()["email_verified"] is True

    tokens = login(client, "ADA@example.com")
    assert tokens["token_type"] == "Bearer"
    assert 0 < int(tokens["expires_in"]) <= 900
    me = client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["email"] == "ada@example.com"
    assert me.json()["memberships"] == []


def test_password_policy_gives_field_errors(client: TestClient) -> None:
    r = client.post(SIGNUP, json={"email": "bob@example.com", "password": "short", "name": ""})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "password"
    r = client.post(
        SIGNUP, json={"email": "bob@example.com", "password": "BOB@example.com", "name": ""}
    )
    assert r.status_code == 422
    assert "e-mail" in r.json()["errors"][0]["message"]
    r = client.post(SIGNUP, json={"email": "not-an-address", "password": PASSWORD})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "email"


def test_duplicate_email_conflicts(client: TestClient) -> None:
    signup(client, "carol@example.com")
    r = client.post(SIGNUP, json={"email": "CAROL@example.com", "password": PASSWORD})
    assert r.status_code == 409


def test_verification_token_is_single_use_and_expires(client: TestClient, runtime: Runtime) -> None:
    email = signup(client)
    token = latest_token(runtime, email, "verify")
    assert client.post("/api/v1/auth/verify", json={"token": token}).status_code == 200
    r = client.post("/api/v1/auth/verify", json={"token": token})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "token"

    other = signup(client)
    with runtime.sessions() as s:
        s.execute(update(EmailToken).values(expires_at=utcnow() - timedelta(seconds=1)))
        s.commit()
    r = client.post("/api/v1/auth/verify", json={"token": latest_token(runtime, other, "verify")})
    assert r.status_code == 422


def test_resend_sends_a_new_link_only_to_unverified(client: TestClient, runtime: Runtime) -> None:
    email = signup(client)
    r = client.post("/api/v1/auth/verify/resend", json={"email": email})
    assert r.status_code == 202
    assert len(mails_to(runtime, email)) == 2
    verify(client, runtime, email)
    client.post("/api/v1/auth/verify/resend", json={"email": email})
    client.post("/api/v1/auth/verify/resend", json={"email": "nobody@example.com"})
    assert len(mails_to(runtime, email)) == 2
    assert mails_to(runtime, "nobody@example.com") == []


def test_signup_is_audited_and_password_hashed_with_argon2id(
    client: TestClient, runtime: Runtime
) -> None:
    email = signup(client)
    with runtime.sessions() as s:
        user = s.scalars(select(User).where(User.email == email)).one()
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.actor == user.id)).all()
    assert "auth.signup" in actions
