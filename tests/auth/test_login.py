"""Password sign-in: no enumeration, lockout with backoff, rehashing, audit."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests.auth.helpers import PASSWORD, account, login
from ugc.kit.clock import utcnow
from ugc.models import AuditEvent, User
from ugc.runtime import Runtime

LOGIN = "/api/v1/auth/login"


def _try(client: TestClient, email: str, password: str) -> tuple[int, dict[str, object], str]:
    """Attempt a sign-in; return status, body and Retry-After."""
    r = client.post(LOGIN, json={"email": email, "password": password})
    return r.status_code, r.json(), r.headers.get("retry-after", "")


def _user(runtime: Runtime, email: str) -> User:
    """Read the user row."""
    with runtime.sessions() as s:
        return s.scalars(select(User).where(User.email == email)).one()


def test_unknown_email_and_wrong_password_look_the_same(
    client: TestClient, runtime: Runtime
) -> None:
    a = account(client, runtime)
    unknown = _try(client, "nobody@example.com", PASSWORD)
    wrong = _try(client, a.email, "wrong password!")
    assert unknown[0] == wrong[0] == 401
    assert unknown[1]["detail"] == wrong[1]["detail"] == "invalid email or password"
    assert unknown[1]["code"] == wrong[1]["code"] == "unauthorized"


def test_lockout_backoff_and_retry_after(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    for _ in range(4):
        assert _try(client, a.email, "wrong password!")[0] == 401
    assert _user(runtime, a.email).failed_logins == 4  # persisted despite the 401 rollback
    assert _user(runtime, a.email).locked_until is None
    assert _try(client, a.email, "wrong password!")[0] == 401  # the 5th failure locks

    status, body, retry = _try(client, a.email, PASSWORD)  # right password, still locked
    assert status == 423
    assert body["code"] == "locked"
    assert 28 <= int(retry) <= 30

    # Time passes: the lock ends, and the next failure locks twice as long.
    with runtime.sessions() as s:
        s.execute(update(User).values(locked_until=utcnow() - timedelta(seconds=1)))
        s.commit()
    assert _try(client, a.email, "wrong password!")[0] == 401
    status, _, retry = _try(client, a.email, PASSWORD)
    assert status == 423
    assert 58 <= int(retry) <= 60

    with runtime.sessions() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.actor == a.user_id)).all()
    assert actions.count("auth.login_failed") == 6
    assert actions.count("auth.locked") == 2


def test_lock_is_capped_and_success_resets_the_count(client: TestClient, runtime: Runtime) -> None:
    runtime.limits["auth"].update(lockout_after=2, lockout_base_s=30.0, lockout_cap_s=45.0)
    a = account(client, runtime)
    for _ in range(2):
        _try(client, a.email, "wrong password!")
    with runtime.sessions() as s:  # unlock, fail once more: 60 s, capped to 45 s
        s.execute(update(User).values(locked_until=utcnow() - timedelta(seconds=1)))
        s.commit()
    _try(client, a.email, "wrong password!")
    status, _, retry = _try(client, a.email, PASSWORD)
    assert status == 423
    assert 43 <= int(retry) <= 45

    with runtime.sessions() as s:
        s.execute(update(User).values(locked_until=utcnow() - timedelta(seconds=1)))
        s.commit()
    login(client, a.email)
    assert _user(runtime, a.email).failed_logins == 0
    assert _try(client, a.email, "wrong password!")[0] == 401  # counting starts again


def test_unknown_email_failures_are_audited(client: TestClient, runtime: Runtime) -> None:
    _try(client, "Ghost@Example.com", PASSWORD)
    with runtime.sessions() as s:
        row = s.scalars(select(AuditEvent).where(AuditEvent.action == "auth.login_failed")).one()
    assert row.actor == "anonymous"
    assert row.data == {"reason": "unknown_email", "email": "ghost@example.com"}


def test_password_is_rehashed_when_parameters_change(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    assert "m=8192,t=1" in _user(runtime, a.email).password_hash
    runtime.limits["auth"].update(argon2_time_cost=2)
    login(client, a.email)
    assert "m=8192,t=2" in _user(runtime, a.email).password_hash
    login(client, a.email)  # and the new hash verifies


def test_access_ttl_never_exceeds_fifteen_minutes(client: TestClient, runtime: Runtime) -> None:
    runtime.limits["auth"]["access_ttl_s"] = 3600
    a = account(client, runtime)
    assert int(login(client, a.email)["expires_in"]) == 900


def test_successful_login_is_audited(client: TestClient, runtime: Runtime) -> None:
    a = account(client, runtime)
    with runtime.sessions() as s:
        row = s.scalars(select(AuditEvent).where(AuditEvent.action == "auth.login")).one()
    assert row.actor == a.user_id
    assert row.data == {"method": "password"}
    assert row.ip
