"""Fixed-window rate limits per API key, user and IP: Redis in production, memory embedded."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ugc.auth.tokens import read_access
from ugc.errors import AppError
from ugc.http.problem import problem_body

WINDOW_S = 60


@dataclass(frozen=True)
class Verdict:
    """The state of one bucket after counting a request."""

    allowed: bool
    limit: int
    remaining: int
    reset_s: int


class Counter(Protocol):
    """Counts hits per key in the current window."""

    async def hit_many(self, keys: list[str], window_s: int) -> list[tuple[int, int]]:
        """Count one hit on each key; return (hits in this window, seconds until it resets)."""


class MemoryCounter:
    """In-process counters (the embedded mode)."""

    def __init__(self) -> None:
        self._hits: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    async def hit_many(self, keys: list[str], window_s: int) -> list[tuple[int, int]]:
        """Count one hit on each key."""
        return [self.hit(k, window_s) for k in keys]

    def hit(self, key: str, window_s: int) -> tuple[int, int]:
        """Count one hit in the current window."""
        now = time.time()
        window = int(now // window_s)
        with self._lock:
            if len(self._hits) > 100_000:  # drop old windows now and then
                self._hits = {k: v for k, v in self._hits.items() if v[0] == window}
            w, n = self._hits.get(key, (window, 0))
            n = n + 1 if w == window else 1
            self._hits[key] = (window, n)
        return n, int((window + 1) * window_s - now) + 1


class RedisCounter:
    """Counters in Redis (asyncio client), shared by every API process."""

    def __init__(self, client: Any) -> None:
        self._redis = client

    async def hit_many(self, keys: list[str], window_s: int) -> list[tuple[int, int]]:
        """Count one hit on several keys in one round trip, without blocking the event loop."""
        now = time.time()
        window = int(now // window_s)
        pipe = self._redis.pipeline(transaction=False)
        for key in keys:
            name = f"ugc:rl:{key}:{window}"
            pipe.incr(name)
            pipe.expire(name, window_s + 5)
        counts = (await pipe.execute())[::2]
        reset = int((window + 1) * window_s - now) + 1
        return [(int(n), reset) for n in counts]


async def check(counter: Counter, key: str, limit: int) -> Verdict:
    """Count a request against one bucket."""
    (hits, reset), *_ = await counter.hit_many([key], WINDOW_S)
    return Verdict(hits <= limit, limit, max(limit - hits, 0), reset)


def subject_of(authorization: str, jwt_key: bytes) -> str | None:
    """Return who a bearer credential names (API key prefix or token subject), cheaply."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    if token.startswith("ugc_"):
        return "key:" + "_".join(token.split("_")[:2])
    try:
        claims = read_access(jwt_key, token)  # verified: a forged subject must not spend a budget
    except AppError:
        return None
    return f"sub:{claims.get('sub')}"


class RateLimit:
    """Apply the per-IP and per-caller limits to /api/v1 and add RateLimit-* headers."""

    def __init__(
        self, app: ASGIApp, counter: Counter, jwt_key: bytes, per_caller: int, per_ip: int
    ) -> None:
        self.app = app
        self.counter = counter
        self.jwt_key = jwt_key
        self.per_caller = per_caller
        self.per_ip = per_ip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Count, then pass on or answer 429."""
        if scope["type"] != "http" or not scope["path"].startswith("/api/v1"):
            await self.app(scope, receive, send)
            return
        verdict = await self._verdict(scope)
        headers = [
            (b"ratelimit-limit", str(verdict.limit).encode()),
            (b"ratelimit-remaining", str(verdict.remaining).encode()),
            (b"ratelimit-reset", str(verdict.reset_s).encode()),
        ]
        if not verdict.allowed:
            await _refuse(scope, send, verdict, headers)
            return

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *headers]
            await send(message)

        await self.app(scope, receive, tagged)

    async def _verdict(self, scope: Scope) -> Verdict:
        """Return the tighter of the IP and caller buckets."""
        client = scope.get("client") or ("unknown", 0)
        auth = next((v for k, v in scope.get("headers", []) if k == b"authorization"), b"")
        auth = auth.decode("latin-1")  # the first one, as authentication reads it
        who = subject_of(auth, self.jwt_key) if auth else None
        buckets = [(f"ip:{client[0]}", self.per_ip)] + ([(who, self.per_caller)] if who else [])
        counts = await self.counter.hit_many([k for k, _ in buckets], WINDOW_S)
        verdicts = [
            Verdict(hits <= limit, limit, max(limit - hits, 0), reset)
            for (_, limit), (hits, reset) in zip(buckets, counts, strict=True)
        ]
        refused = [v for v in verdicts if not v.allowed]
        if refused:
            return max(refused, key=lambda v: v.reset_s)
        return min(verdicts, key=lambda v: v.remaining)


async def _refuse(
    scope: Scope, send: Send, verdict: Verdict, headers: list[tuple[bytes, bytes]]
) -> None:
    """Answer 429 with Retry-After."""
    rid = scope.get("state", {}).get("request_id")
    detail = f"rate limit of {verdict.limit} requests per minute reached"
    raw = problem_body(429, "rate_limited", detail, rid)
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"retry-after", str(math.ceil(verdict.reset_s)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": raw})
