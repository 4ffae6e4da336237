"""Idempotency-Key on every POST: a replay gets the stored response, a new body gets 422."""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
from datetime import timedelta
from typing import IO, Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ugc.auth.resolve import resolve
from ugc.db.session import transaction
from ugc.errors import AppError
from ugc.http.problem import problem_body
from ugc.kit.clock import utcnow
from ugc.kit.ids import new_id
from ugc.models import IdempotencyRecord
from ugc.runtime import Runtime

KEEP = timedelta(hours=24)
WAIT_S = 30.0  # how long a duplicate waits for the first request to finish
ABANDONED = timedelta(minutes=5)  # an unfinished record this old was never going to finish


class Idempotency:
    """Store the first response per (organisation or caller, key) and replay it."""

    def __init__(self, app: ASGIApp, runtime: Runtime) -> None:
        self.app = app
        self.rt = runtime

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass through, or replay, or record."""
        key = _header(scope, b"idempotency-key")
        if scope["type"] != "http" or scope["method"] != "POST" or key is None:
            await self.app(scope, receive, send)
            return
        if not 1 <= len(key) <= 255 or not key.isprintable():
            await _answer(
                scope,
                send,
                422,
                "validation_error",
                "Idempotency-Key must be 1-255 printable characters",
            )
            return
        head = b"\n".join(
            [scope["method"].encode(), scope["path"].encode(), scope.get("query_string", b"")]
        )
        with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as body:
            digest = await _spool(receive, body, hashlib.sha256(head + b"\n"))
            owner = await asyncio.to_thread(self._owner, scope)
            if owner is None:  # not authenticated: the route will answer 401 by itself
                await self.app(scope, _replay_body(body), send)
                return
            await self._run(scope, send, owner, key, digest, body)

    async def _run(
        self, scope: Scope, send: Send, owner: str, key: str, digest: str, body: IO[bytes]
    ) -> None:
        """Claim the key, or wait for and replay the first response."""
        record_id = await asyncio.to_thread(self._claim, owner, key, digest, scope["path"])
        if record_id is None:
            await self._replay(scope, send, owner, key, digest)
            return
        status, headers, chunks = 500, [], []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], message.get("headers", [])
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, _replay_body(body), capture)
        finally:
            await asyncio.to_thread(self._store, record_id, status, headers, b"".join(chunks))

    def _owner(self, scope: Scope) -> str | None:
        """Return the organisation (or the caller) the key is scoped to."""
        auth = _header(scope, b"authorization") or ""
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            with self.rt.sessions() as s:
                who = resolve(s, self.rt.keys, token.strip(), _header(scope, b"x-organization-id"))
        except AppError:
            return None
        # Per caller within the organisation: a replay must never hand one member the
        # response (a key, a secret) that another member's permissions produced.
        return f"{who.organization_id or '-'}:{who.subject}"

    def _claim(self, owner: str, key: str, digest: str, path: str) -> str | None:
        """Insert the in-flight record; return its id, or None if the key is taken."""
        now = utcnow()
        try:
            with transaction(self.rt.sessions) as s:
                s.execute(
                    delete(IdempotencyRecord).where(
                        IdempotencyRecord.scope == owner,
                        IdempotencyRecord.key == key,
                        (IdempotencyRecord.expires_at < now)
                        | (
                            IdempotencyRecord.status_code.is_(None)
                            & (IdempotencyRecord.created_at < now - ABANDONED)
                        ),
                    )
                )
                rec = IdempotencyRecord(
                    id=new_id("idem"),
                    scope=owner,
                    key=key,
                    method="POST",
                    path=path,
                    request_hash=digest,
                    status_code=None,
                    response=None,
                    expires_at=now + KEEP,
                )
                s.add(rec)
            return rec.id
        except IntegrityError:
            return None

    def _load(self, owner: str, key: str) -> IdempotencyRecord | None:
        """Return the record for (owner, key)."""
        with self.rt.sessions() as s:
            query = select(IdempotencyRecord).where(
                IdempotencyRecord.scope == owner, IdempotencyRecord.key == key
            )
            return s.scalars(query).first()

    async def _replay(self, scope: Scope, send: Send, owner: str, key: str, digest: str) -> None:
        """Answer from the first request's record (waiting while it is still running)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT_S
        while True:
            rec = await asyncio.to_thread(self._load, owner, key)
            if rec is not None and rec.request_hash != digest:
                await _answer(
                    scope,
                    send,
                    422,
                    "validation_error",
                    "this Idempotency-Key was used with a different request body",
                )
                return
            if rec is not None and rec.status_code is not None and rec.response is not None:
                await _send_stored(send, rec.status_code, rec.response)
                return
            if rec is None or loop.time() > deadline or utcnow() - rec.created_at > ABANDONED:
                await _answer(
                    scope,
                    send,
                    409,
                    "conflict",
                    "a request with this Idempotency-Key is still in progress; retry shortly",
                )
                return
            await asyncio.sleep(0.1)

    def _store(self, record_id: str, status: int, headers: list[Any], body: bytes) -> None:
        """Keep the response for replays; forget the key if the request failed on our side."""
        with transaction(self.rt.sessions) as s:
            rec = s.get(IdempotencyRecord, record_id)
            if rec is None:
                return
            if status >= 500:
                s.delete(rec)
                return
            if _no_store(headers):
                rec.status_code, rec.response = 409, SECRET_SHOWN
                return
            kept = {
                k.decode(): v.decode("latin-1")
                for k, v in headers
                if k.lower() in (b"content-type", b"location")
            }
            rec.status_code = status
            rec.response = {"headers": kept, "body": body.decode("utf-8", "replace")}


def _no_store(headers: list[Any]) -> bool:
    """Return True when the answer holds a secret shown once (Cache-Control: no-store)."""
    return any(k.lower() == b"cache-control" and b"no-store" in v.lower() for k, v in headers)


# A replay must neither repeat the action nor show its secret again, so a secret's answer is
# never kept: the key remembers only that the first request succeeded.
SECRET_SHOWN = {
    "headers": {"content-type": "application/problem+json"},
    "body": problem_body(
        409,
        "conflict",
        "a request with this Idempotency-Key already succeeded; its answer held a secret,"
        " which is shown only once",
        None,
    ).decode(),
}


def _header(scope: Scope, name: bytes) -> str | None:
    """Return one request header."""
    for k, v in scope.get("headers", []):
        if k == name:
            return str(v.decode("latin-1"))
    return None


async def _spool(receive: Receive, body: IO[bytes], digest: Any) -> str:
    """Copy the request body into a spooled file (big uploads go to disk), hashing it."""
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        digest.update(chunk)
        body.write(chunk)
        if not message.get("more_body"):
            body.seek(0)
            return str(digest.hexdigest())


def _replay_body(body: IO[bytes], chunk: int = 256 * 1024) -> Receive:
    """Return a receive callable that streams the spooled body back in chunks."""
    body.seek(0)
    pending, finished = body.read(chunk), False

    async def receive() -> Message:
        nonlocal pending, finished
        if finished:
            return {"type": "http.disconnect"}
        data, pending = pending, body.read(chunk)
        finished = not pending
        return {"type": "http.request", "body": data, "more_body": bool(pending)}

    return receive


async def _send_stored(send: Send, status: int, response: dict[str, Any]) -> None:
    """Send a stored response, marked as a replay."""
    raw = str(response.get("body", "")).encode()
    headers = [(k.encode(), v.encode("latin-1")) for k, v in response.get("headers", {}).items()]
    headers.append((b"idempotent-replayed", b"true"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": raw})


async def _answer(scope: Scope, send: Send, status: int, code: str, detail: str) -> None:
    """Send a problem+json answer."""
    raw = problem_body(status, code, detail, scope.get("state", {}).get("request_id"))
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/problem+json")],
        }
    )
    await send({"type": "http.response.body", "body": raw})


def purge_expired(session: Session) -> int:
    """Delete records past their 24 h (stored bodies may hold secrets shown once)."""
    result = session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.expires_at < utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)
