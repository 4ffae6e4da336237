"""TOTP enrolment, sign-in with a code or a recovery code, replays, and turning MFA off."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.auth.helpers import PASSWORD, Account, account, totp_code
from ugc.kit.crypto import unseal
from ugc.models import AuditEvent, MfaRecoveryCode, User
from ugc.runtime import Runtime

MFA = "/api/v1/auth/mfa"


def _enable(client: TestClient, a: Account) -> tuple[str, list[str]]:
    """Enrol and turn on MFA (with the previous step's code); return secret and codes."""
    r = client.post(f"{MFA}/enroll", headers=a.headers)
    assert r.status_code == 200, r.text
    secret = r.json()["secret"]
    assert r.json()["otpauth_uri"].startswith("otpauth://totp/")
    r = client.post(f"{MFA}/verify", json={"code": totp_code(secret, -1)}, headers=a.headers)
    assert r.status_code == 200, r.text
    return secret, r.json()["recovery_codes"]


def _challenge(client: TestClient, a: Account) -> str:
    """Sign in with the password and return the MFA token."""
    r = client.post("/api/v1/auth/login", json={"email": a.email, "password": PASSWORD})
    assert r.status_code == 200
    assert r.json()["mfa_required"] is True
    assert "access_token" not in r.json()
    token: str = r.json()["mfa_token"]
    return token


def _second(client: TestClient, token: str, **factor: str) -> tuple[int, dict[str, str]]:
    """Finish a sign-in."""
    r = client.post("/api/v1/auth/login/mfa", json={"mfa_token": token, **factor})
    return r.status_code, r.json()


def test_enrol_verify_and_sign_in_with_totp(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    secret, codes = _enable(client, a)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    with runtime.sessions() as s:
        user = s.get(User, a.user_id)
        assert user is not None
        assert user.mfa_enabled_at is not None
        assert user.mfa_secret
        assert secret not in user.mfa_secret  # sealed at rest
        assert unseal(runtime.keys.seal, user.mfa_secret, context=a.user_id) == secret
        stored = s.scalars(select(MfaRecoveryCode.code_hash)).all()
        assert len(stored) == 10
        assert not set(codes) & set(stored)
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "auth.mfa_enabled" in actions

    token = _challenge(client, a)
    r = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401  # an MFA token is not an access token
    code = totp_code(secret)
    status, body = _second(client, token, code=code)
    assert status == 200, body
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["mfa_enabled"] is True

    status, _ = _second(client, _challenge(client, a), code=code)
    assert status == 401  # the same code again is a replay
    assert _second(client, _challenge(client, a), code=totp_code(secret, 1))[0] == 200


def test_recovery_codes_work_once(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    _, codes = _enable(client, a)
    status, body = _second(client, _challenge(client, a), recovery_code=codes[0].upper())
    assert status == 200, body
    status, _ = _second(client, _challenge(client, a), recovery_code=codes[0])
    assert status == 401
    with runtime.sessions() as s:
        used = s.scalars(select(MfaRecoveryCode).where(MfaRecoveryCode.used_at.is_not(None))).all()
    assert len(used) == 1


def test_wrong_codes_count_toward_lockout(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    _enable(client, a)
    for _ in range(5):
        status, body = _second(client, _challenge(client, a), code="000000")
        assert status == 401
        assert body["detail"] == "invalid code"
    r = client.post("/api/v1/auth/login", json={"email": a.email, "password": PASSWORD})
    assert r.status_code == 423


def test_one_factor_at_a_time(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    _enable(client, a)
    token = _challenge(client, a)
    assert _second(client, token)[0] == 422
    assert _second(client, token, code="123456", recovery_code="abcd")[0] == 422


def test_verify_rejects_a_wrong_code_and_double_enrolment(
    client: TestClient, runtime: Runtime
) -> None:
    a = account(client, runtime)
    assert (
        client.post(f"{MFA}/verify", json={"code": "123456"}, headers=a.headers).status_code == 409
    )
    client.post(f"{MFA}/enroll", headers=a.headers)
    r = client.post(f"{MFA}/verify", json={"code": "000000"}, headers=a.headers)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "code"
    _enable(client, a)
    assert client.post(f"{MFA}/enroll", headers=a.headers).status_code == 409


def test_disable_needs_a_code(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    secret, _codes = _enable(client, a)
    bad = client.post(f"{MFA}/disable", json={"code": "000000"}, headers=a.headers)
    assert bad.status_code == 422
    r = client.post(f"{MFA}/disable", json={"code": totp_code(secret)}, headers=a.headers)
    assert r.status_code == 204
    r = client.post("/api/v1/auth/login", json={"email": a.email, "password": PASSWORD})
    assert "access_token" in r.json()
    with runtime.sessions() as s:
        assert s.scalars(select(MfaRecoveryCode)).all() == []
        actions = s.scalars(select(AuditEvent.action)).all()
    assert "auth.mfa_disabled" in actions


def test_api_keys_cannot_manage_mfa(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    org = client.post("/api/v1/orgs", json={"name": "K"}, headers=a.headers).json()["id"]
    headers = {**a.headers, "X-Organization-Id": org}
    key = client.post(
        "/api/v1/api-keys", json={"name": "k", "scopes": ["org:read"]}, headers=headers
    ).json()["key"]
    r = client.post(f"{MFA}/enroll", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 403
