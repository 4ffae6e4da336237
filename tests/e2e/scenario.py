"""The platform's whole story through the API alone, shared by the embedded and production runs."""

from __future__ import annotations

import io
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import av
import pytest
from PIL import Image

from ugc.webhook.signature import verify_signature

BRIEF: dict[str, Any] = {
    "product": {
        "name": "Loop Headphones",
        "description": "Wireless headphones with forty hours of battery and a comfy fit.",
        "benefits": ["Forty hours of battery", "Soft memory-foam cushions"],
        "cta": "Shop now",
    },
    "target_seconds": 15,
    "options": {"persona": "aiko", "music_mood": "upbeat", "caption_style": "karaoke"},
}


class Receiver:
    """A local webhook endpoint that records every delivery."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                outer.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_: object) -> None:
                return

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/ugc"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self, kind: str) -> list[tuple[dict[str, str], bytes]]:
        """Return the deliveries of one event type."""
        return [(h, b) for h, b in self.received if json.loads(b).get("type") == kind]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A webhook receiver on loopback."""
    r = Receiver()
    yield r
    r.server.shutdown()


def read_token(mail_dir: Path, to: str, purpose: str) -> str:
    """Return the token from the newest mail to `to` whose link names purpose (verify, reset)."""
    for path in sorted(mail_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
        msg = message_from_bytes(path.read_bytes())
        if msg["To"] != to:
            continue
        part = (
            msg.get_payload(decode=True)
            if not msg.is_multipart()
            else msg.get_payload(0).get_payload(decode=True)
        )
        found = re.search(rf"/{purpose}\?token=([A-Za-z0-9_-]+)", bytes(part).decode())
        if found:
            return found.group(1)
    raise AssertionError(f"no {purpose} mail to {to} in {mail_dir}")


def png(size: int = 256) -> bytes:
    """Return a logo image."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    img.paste((30, 200, 120, 255), (32, 32, size - 32, size - 32))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def run_scenario(
    client: Any,
    mail_dir: Path,
    receiver: Receiver,
    fetch: Callable[[str], bytes],
    timeout: float = 600,
) -> dict[str, Any]:
    """Sign up, verify, log in; add an org, key and kit; render, follow, download; get the hook."""
    email = "founder@brand.example"
    r = client.post(
        "/api/v1/auth/signup",
        json={"email": email, "password": "correct horse battery", "name": "Ada"},
    )
    assert r.status_code == 201, r.text
    token = read_token(mail_dir, email, "verify")
    assert client.post("/api/v1/auth/verify", json={"token": token}).status_code in (200, 204)
    r = client.post(
        "/api/v1/auth/login", json={"email": email, "password": "correct horse battery"}
    )
    assert r.status_code == 200, r.text
    jwt = {"Authorization": f"Bearer {r.json()['access_token']}"}
    org = client.post("/api/v1/orgs", json={"name": "Loop Audio"}, headers=jwt).json()["id"]
    scopes = [
        "videos:read",
        "videos:write",
        "brand:write",
        "brand:read",
        "assets:write",
        "assets:read",
        "webhooks:write",
    ]
    r = client.post(
        "/api/v1/api-keys",
        json={"name": "ci", "scopes": scopes},
        headers={**jwt, "X-Organization-Id": org},
    )
    assert r.status_code == 201, r.text
    key = {"Authorization": f"Bearer {r.json()['key']}"}

    logo = client.post(
        "/api/v1/assets", files={"file": ("logo.png", png(), "image/png")}, headers=key
    )
    assert logo.status_code == 201, logo.text
    kit = {
        "name": "Loop",
        "colors": {"primary": "#1E90FF", "accent": "#FFB000"},
        "logo_asset_id": logo.json()["id"],
    }
    assert client.post("/api/v1/brand-kits", json=kit, headers=key).status_code == 201
    hook = client.post("/api/v1/webhooks/endpoints", json={"url": receiver.url}, headers=key)
    assert hook.status_code == 201, hook.text
    secret = hook.json()["secret"]

    r = client.post(
        "/api/v1/videos",
        json={"brief": BRIEF, "aspects": ["9:16"]},
        headers={**key, "Idempotency-Key": "first-ad"},
    )
    assert r.status_code == 202, r.text
    vid = r.json()["id"]
    seen = follow(client, vid, key, timeout)
    assert seen[-1]["status"] == "succeeded", seen[-1]
    assert any(0 < e["progress"] < 1 for e in seen), "no intermediate progress was streamed"

    body = client.get(f"/api/v1/videos/{vid}", headers=key).json()
    out = body["outputs"][0]["outputs"][0]
    video = fetch(out["video"]["url"])
    with av.open(io.BytesIO(video)) as box:
        assert (
            box.streams.video[0].codec_context.width,
            box.streams.video[0].codec_context.height,
        ) == (1080, 1920)
        assert 12 <= float(box.duration or 0) / 1e6 <= 20
    assert fetch(out["srt"]["url"]).startswith(b"1\n") or b"-->" in fetch(out["srt"]["url"])
    report = json.loads(fetch(out["qa_report"]["url"]))
    assert report["checks"]

    end = time.monotonic() + 60
    while not receiver.events("video.succeeded") and time.monotonic() < end:
        time.sleep(0.2)
    (headers, raw), *more = receiver.events("video.succeeded")
    assert not more
    verify_signature(secret, headers, raw)
    assert json.loads(raw)["data"]["id"] == vid
    return body


def follow(client: Any, vid: str, headers: dict[str, str], timeout: float) -> list[dict[str, Any]]:
    """Read the SSE stream to its `done` event; return every event's data."""
    events: list[dict[str, Any]] = []
    with client.stream(
        "GET", f"/api/v1/videos/{vid}/events", headers=headers, timeout=timeout
    ) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        kind = ""
        for line in r.iter_lines():
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                events.append(json.loads(line[6:]))
                if kind == "done":
                    break
    return events
