"""Helpers for auth and org tests: cheap hashing, mail reading, signing up and in."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import pyotp
from fastapi.testclient import TestClient
from sqlalchemy import select

from ugc.kit.ids import new_id
from ugc.models import OutboxMail
from ugc.runtime import Runtime

PASSWORD = "correct horse battery"


def light_hashing(runtime: Runtime) -> None:
    """Make Argon2 cheap for tests (production keeps the library defaults)."""
    runtime.limits.setdefault("auth", {}).update(
        argon2_time_cost=1, argon2_memory_kib=8192, argon2_parallelism=1
    )


def mails_to(runtime: Runtime, to: str) -> list[OutboxMail]:
    """Return the mail queued for an address, oldest first."""
    with runtime.sessions() as s:
        query = select(OutboxMail).where(OutboxMail.to == to).order_by(OutboxMail.created_at)
        return list(s.scalars(query))


def link_token(body: str, path: str) -> str:
    """Return the token of the `<public_url>/<path>?token=...` link in a mail body."""
    found = re.search(rf"/{path}\?token=([A-Za-z0-9_\-]+)", body)
    assert found, body
    return found.group(1)


def latest_token(runtime: Runtime, to: str, path: str) -> str:
    """Return the token of the newest mail to `to` carrying a `/path?token=` link."""
    bodies = [m.body for m in mails_to(runtime, to) if f"/{path}?token=" in m.body]
    assert bodies, f"no {path} mail to {to}"
    return link_token(bodies[-1], path)


@dataclass
class Account:
    """A signed-up, verified user and their current tokens."""

    user_id: str
    email: str
    password: str
    access: str
    refresh: str

    @property
    def headers(self) -> dict[str, str]:
        """Return headers that act as this user."""
        return {"Authorization": f"Bearer {self.access}"}


def signup(client: TestClient, email: str | None = None, password: str = PASSWORD) -> str:
    """Sign up and return the e-mail address used."""
    email = email or f"{new_id('u', 10)}@example.com"
    r = client.post("/api/v1/auth/signup", json={"email": email, "password": password, "name": "T"})
    assert r.status_code == 201, r.text
    return email


def verify(client: TestClient, runtime: Runtime, email: str) -> None:
    """Follow the verification link mailed to email."""
    r = client.post("/api/v1/auth/verify", json={"token": latest_token(runtime, email, "verify")})
    assert r.status_code == 200, r.text


def login(client: TestClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Sign in without MFA and return the tokens body."""
    r = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    body: dict[str, str] = r.json()
    return body


def account(client: TestClient, runtime: Runtime, email: str | None = None) -> Account:
    """Sign up, verify and sign in a new user."""
    email = signup(client, email)
    verify(client, runtime, email)
    tokens = login(client, email)
    me = client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    return Account(
        me.json()["id"], email, PASSWORD, tokens["access_token"], tokens["refresh_token"]
    )


def totp_code(secret: str, steps: int = 0) -> str:
    """Return the TOTP code `steps` time steps from now, away from a step boundary."""
    totp = pyotp.TOTP(secret)
    left = totp.interval - time.time() % totp.interval
    if left < 2:  # the server must see the same step as we do
        time.sleep(left + 0.05)
    return str(totp.at(time.time() + steps * totp.interval))
