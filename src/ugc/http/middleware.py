"""Pure ASGI middleware: request ids and security headers, and request size limits."""

from __future__ import annotations

import re
import time
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ugc.http.problem import problem_body
from ugc.kit.ids import new_id
from ugc.ops import logs
from ugc.ops.metrics import REQUESTS, template_of

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"strict-transport-security", b"max-age=31536000; includeSubDomains"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# The studio's own scripts only (no inline script: that keeps injected code away from the
# session). Media, and the QA reports and scripts the results page reads, may come from blob
# storage's signed https URLs; React's style attributes need inline styles.
CSP = (
    b"default-src 'self'; img-src 'self' data: blob: https:; media-src 'self' blob: https:; "
    b"connect-src 'self' https:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
    b"base-uri 'self'; form-action 'self'; object-src 'none'"
)
access = structlog.get_logger("ugc.access")
_REQ_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestContext:
    """Give every request an id, harden every response, and log and time the request once."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Tag the request and its response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"request-id")
        rid = incoming if incoming and _REQ_ID.match(incoming) else new_id("req", 16)
        scope.setdefault("state", {})["request_id"] = rid
        logs.clear()
        logs.bind(request_id=rid)
        scope["state"]["started"] = time.perf_counter()

        status = [500]

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"request-id", rid.encode()))
                headers.extend(SECURITY_HEADERS)
                headers.append((b"content-security-policy", CSP))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, tagged)
        finally:
            seconds = time.perf_counter() - scope["state"]["started"]
            REQUESTS.labels(scope["method"], template_of(scope), str(status[0])).observe(seconds)
            access.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=status[0],
                ms=round(seconds * 1000, 1),
            )


class BodyLimit:
    """Refuse bodies over the limit with 413, before the app reads them."""

    def __init__(self, app: ASGIApp, limits: dict[str, Any]) -> None:
        self.app = app
        self.default = int(limits.get("max_body_bytes", 1024 * 1024))
        self.upload = int(limits.get("max_upload_bytes", 200 * 1024 * 1024))

    def _limit(self, path: str) -> int:
        """Uploads get the larger limit."""
        return self.upload if path.startswith("/api/v1/assets") else self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check Content-Length, then count streamed bytes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        declared = _header(scope, b"content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            await _too_large(scope, send, limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _too_large(scope, send, limit)


class _TooLarge(Exception):
    """Raised inside the app when a streamed body passes the limit."""


def _header(scope: Scope, name: bytes) -> str | None:
    """Return a request header as text, or None."""
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    """Answer 413 as problem+json."""
    rid = scope.get("state", {}).get("request_id")
    raw = problem_body(
        413, "payload_too_large", f"the request body is over the {limit} byte limit", rid
    )
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(raw)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": raw})
