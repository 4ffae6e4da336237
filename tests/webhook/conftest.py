"""Webhook fixtures: a real local HTTP receiver, a recording task queue, an installed runtime."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient

import ugc.webhook.tasks  # noqa: F401  (registers webhook.deliver, as the worker does)
from tests.platform import Member
from ugc.kit.tasks import REGISTRY, use_queue
from ugc.models import WebhookDelivery, WebhookEndpoint
from ugc.runtime import Runtime, install
from ugc.webhook.delivery import attempt_delivery
from ugc.webhook.service import emit

Answer = int | str  # an HTTP status, or "timeout" (answer later than the client waits)


@dataclass(frozen=True)
class Received:
    """One request the receiver got."""

    path: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    """A loopback HTTP server that records POSTs and answers as told (200 by default)."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.answers: list[Answer] = []
        self.default: Answer = 200
        self.stall_s = 1.5
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,))

    @property
    def url(self) -> str:
        """Return the URL that records requests."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def answer(self, *answers: Answer, default: Answer = 200) -> None:
        """Answer the next requests with these, then with `default`."""
        self.answers, self.default = list(answers), default

    def _next(self, received: Received) -> Answer:
        with self._lock:
            self.requests.append(received)
            return self.answers.pop(0) if self.answers else self.default

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                answer = receiver._next(Received(self.path, headers, body))
                if answer == "timeout":
                    time.sleep(receiver.stall_s)
                    answer = 200
                self.send_response(int(answer))
                if int(answer) in (301, 302, 307, 308):
                    self.send_header("location", "/elsewhere")
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        return Handler


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A running receiver on 127.0.0.1."""
    rec = Receiver()
    rec.thread.start()
    yield rec
    rec.server.shutdown()
    rec.server.server_close()


class RecordingQueue:
    """A TaskQueue that records messages; `run` executes them like a worker would."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, tuple[Any, ...], str | None]] = []

    def send(self, name: str, args: tuple[Any, ...], queue: str | None = None) -> None:
        """Record one message."""
        self.sent.append((name, args, queue))

    def run(self) -> int:
        """Run every recorded message in order; return how many ran."""
        ran = 0
        while self.sent:
            name, args, _ = self.sent.pop(0)
            REGISTRY[name].fn(*args)
            ran += 1
        return ran


@pytest.fixture
def queue() -> Iterator[RecordingQueue]:
    """The installed task queue for this test."""
    q = RecordingQueue()
    use_queue(q)
    yield q
    use_queue(None)


@pytest.fixture
def rt(runtime: Runtime, queue: RecordingQueue) -> Runtime:  # noqa: ARG001
    """The installed runtime, with a short HTTP timeout so timeout tests stay fast."""
    runtime.limits["webhook_timeout_s"] = 0.5
    return install(runtime)


def make_endpoint(
    client: TestClient, member: Member, url: str, events: list[str] | None = None
) -> tuple[str, str]:
    """Create an endpoint through the API; return its id and its (once-shown) secret."""
    r = client.post(
        "/api/v1/webhooks/endpoints",
        json={"url": url, "description": "test", "events": events or []},
        headers=member.headers,
    )
    assert r.status_code == 201, r.text
    return r.json()["id"], r.json()["secret"]


def emit_now(rt: Runtime, org_id: str, event: str = "video.succeeded") -> list[str]:
    """Emit one event in its own committed transaction; return the delivery ids."""
    with rt.sessions() as s:
        rows = emit(s, org_id, event, {"id": "vid_123", "revision": 1})
        ids = [r.id for r in rows]
        s.commit()
    return ids


def load(rt: Runtime, delivery_id: str) -> WebhookDelivery:
    """Read a delivery fresh from the database."""
    with rt.sessions() as s:
        row = s.get(WebhookDelivery, delivery_id)
        assert row is not None
        return row


def endpoint(rt: Runtime, endpoint_id: str) -> WebhookEndpoint:
    """Read an endpoint fresh from the database."""
    with rt.sessions() as s:
        row = s.get(WebhookEndpoint, endpoint_id)
        assert row is not None
        return row


def exhaust(rt: Runtime, delivery_id: str, start: datetime) -> datetime:
    """Attempt a delivery until it finishes, 11 h apart (beyond every jittered delay)."""
    now = start
    while load(rt, delivery_id).status in ("pending", "retrying"):
        assert attempt_delivery(rt, delivery_id, now=now) is not None
        now += timedelta(hours=11)
    return now
