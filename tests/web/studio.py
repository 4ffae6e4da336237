"""Helpers for the browser tests: a live `ugc serve`, mail links, API users, axe, screenshots."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "artifacts" / "screens"
PASSWORD = "correct horse battery staple"
CHROMIUM = "/usr/bin/chromium"
# MACHINE.md: without the background-networking flags Chromium phones home and gets refused.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class Studio:
    """A running `ugc serve` and the folder it keeps its data in."""

    url: str
    data_dir: Path

    @property
    def api(self) -> str:
        """Return the API's base URL."""
        return f"{self.url}/api/v1"

    def mail_link(self, to: str, path: str, timeout: float = 10.0) -> str:
        """Return the newest `/<path>?token=...` link mailed to `to`."""
        deadline = time.monotonic() + timeout
        pattern = re.compile(rf"https?://[^\s]+/{re.escape(path)}\?token=[A-Za-z0-9_.-]+")
        while time.monotonic() < deadline:
            for eml in sorted((self.data_dir / "mail").glob("*.eml"), key=_mtime, reverse=True):
                msg = message_from_bytes(eml.read_bytes())
                if to.lower() not in str(msg["To"]).lower():
                    continue
                found = pattern.search(_text(msg))
                if found:
                    return found.group(0)
            time.sleep(0.1)
        raise AssertionError(f"no /{path} link was mailed to {to}")


def _mtime(p: Path) -> float:
    return p.stat().st_mtime


def _text(msg: Any) -> str:
    """Return the plain-text body of a mail."""
    if msg.is_multipart():
        return "\n".join(_text(part) for part in msg.get_payload())
    payload = msg.get_payload(decode=True)
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)


@dataclass
class ApiUser:
    """A verified user made through the API, signed in, with an organisation."""

    email: str
    token: str
    org_id: str
    headers: dict[str, str] = field(default_factory=dict)


def api_user(studio: Studio, org_name: str = "Glow Labs", org_id: str | None = None) -> ApiUser:
    """Sign up, verify and sign in through the API; create an organisation unless given one."""
    email = f"u{time.monotonic_ns()}@brand.example"
    with httpx.Client(base_url=studio.api, timeout=30) as c:
        c.post("/auth/signup", json={"email": email, "password": PASSWORD, "name": "Test User"})
        token = studio.mail_link(email, "verify").rsplit("=", 1)[1]
        c.post("/auth/verify", json={"token": token}).raise_for_status()
        login = c.post("/auth/login", json={"email": email, "password": PASSWORD})
        access = login.raise_for_status().json()["access_token"]
        auth = {"authorization": f"Bearer {access}"}
        if org_id is None:
            org = c.post("/orgs", json={"name": org_name}, headers=auth)
            org_id = org.raise_for_status().json()["id"]
    return ApiUser(email, access, org_id, {**auth, "x-organization-id": org_id})


def add_role(studio: Studio, owner: ApiUser, role: str) -> ApiUser:
    """Invite a new user into the owner's organisation with `role` and accept it."""
    member = api_user(studio, org_id=owner.org_id)
    with httpx.Client(base_url=studio.api, timeout=30) as c:
        c.post(
            f"/orgs/{owner.org_id}/invitations",
            json={"email": member.email, "role": role},
            headers={**owner.headers, "idempotency-key": f"inv-{member.email}"},
        ).raise_for_status()
        token = studio.mail_link(member.email, "invite").rsplit("=", 1)[1]
        c.post(
            "/invitations/accept",
            json={"token": token},
            headers={"authorization": member.headers["authorization"], "idempotency-key": token},
        ).raise_for_status()
    return member


def sign_in(page: Page, studio: Studio, user: ApiUser) -> None:
    """Sign in through the sign-in screen and land in the user's organisation."""
    page.goto(f"{studio.url}/signin")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/videos$"))


def check_a11y(page: Page, context: str = "document") -> None:
    """Run axe-core (WCAG 2 A and AA rules) in the page and fail listing any violation."""
    # Evaluated through the DevTools protocol, which the studio's CSP (no inline scripts) allows.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0")
    result = page.evaluate(
        """async (ctx) => await axe.run(ctx === 'document' ? document : document.querySelector(ctx),
               {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""",
        context,
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]
    assert not problems, f"accessibility violations on {page.url}:\n" + "\n".join(problems)


def shot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as a test artifact (artifacts/screens/<name>.png)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def problem_json(text: str) -> dict[str, Any]:
    """Parse a problem+json body."""
    body: dict[str, Any] = json.loads(text)
    return body
