"""One delivery attempt: claim it, POST the signed body, record the outcome, schedule the next.

Retries never sleep: a failed attempt stores `next_attempt_at` and the scheduler sends the
task again when it is due (see `service.due_deliveries`).

Disable rule: an endpoint is disabled (`disabled_at`) when an attempt fails and either
  * it has been failing continuously for `DISABLE_AFTER` (5 days) — `failing_since` is set
    by the first failure after a success and cleared by any success, or
  * this attempt exhausted its delivery and the endpoint's `DISABLE_AFTER_EXHAUSTED` (3)
    newest finished deliveries all failed (no success in between).
Deliveries still open for a disabled endpoint fail without a request; replay them after
turning the endpoint back on.
"""

from __future__ import annotations

import json
import logging
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.db.session import transaction
from ugc.kit.clock import rfc3339, utcnow
from ugc.kit.crypto import Keys, unseal
from ugc.models import WebhookDelivery, WebhookEndpoint
from ugc.runtime import Runtime
from ugc.webhook.egress import RefusedDestination, pinned_client
from ugc.webhook.repository import OPEN, claim, last_finished
from ugc.webhook.signature import signed_headers

log = logging.getLogger("ugc.webhook")

# Delay before retry n (after attempt n fails): 8 attempts over about 27.6 h.
SCHEDULE = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
JITTER = 0.1
LEASE = timedelta(minutes=5)  # an attempt in flight hides from the scheduler this long
DISABLE_AFTER = timedelta(days=5)
DISABLE_AFTER_EXHAUSTED = 3
KEEP_ATTEMPTS = 20
TIMEOUT_S = 10.0
USER_AGENT = "UGC-Studio-Webhooks/1.0"


@dataclass(frozen=True)
class Claimed:
    """An attempt this worker owns, with what it needs to send it."""

    delivery_id: str
    attempt: int
    url: str
    secret: str = field(repr=False)
    event_id: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    """What one POST did."""

    ok: bool
    status: int | None
    error: str | None
    duration_ms: int


def retry_delay(attempt: int, rng: random.Random | None = None) -> timedelta | None:
    """Return the jittered wait after failed attempt n (1-based), or None when exhausted."""
    if attempt > len(SCHEDULE):
        return None
    factor = (rng or random).uniform(1 - JITTER, 1 + JITTER)
    return SCHEDULE[attempt - 1] * factor


def attempt_delivery(
    runtime: Runtime, delivery_id: str, now: datetime | None = None
) -> Outcome | None:
    """Make the delivery's next attempt if it is due and unclaimed; return what happened."""
    now = now or utcnow()
    with transaction(runtime.sessions) as session:
        claimed = _claim(session, runtime.keys, delivery_id, now)
    if claimed is None:
        return None
    timeout = float(runtime.limits.get("webhook_timeout_s", TIMEOUT_S))
    outcome = _post(claimed, timeout, list(runtime.limits.get("webhook_allow_hosts") or []))
    log.info(
        "webhook %s attempt %d: %s",
        claimed.delivery_id,
        claimed.attempt,
        outcome.status if outcome.ok else outcome.error,
    )
    with transaction(runtime.sessions) as session:
        _record(session, claimed, outcome, now)
    return outcome


def _claim(session: Session, keys: Keys, delivery_id: str, now: datetime) -> Claimed | None:
    """Take the attempt with a conditional UPDATE, so duplicate messages send once."""
    row = session.get(WebhookDelivery, delivery_id)
    if row is None or row.status not in OPEN:
        return None  # gone, or already succeeded or failed
    if row.next_attempt_at is None or row.next_attempt_at > now:
        return None  # not due yet, or in flight elsewhere
    endpoint = session.get(WebhookEndpoint, row.endpoint_id)
    if endpoint is None or endpoint.disabled_at is not None:
        row.status, row.next_attempt_at, row.last_error = "failed", None, "endpoint disabled"
        return None
    seen = row.attempts
    if not claim(session, row.id, seen, now, now + LEASE):
        return None
    secret = unseal(keys.seal, endpoint.secret_sealed, context=endpoint.id)
    return Claimed(row.id, seen + 1, endpoint.url, secret, row.event_id, dict(row.payload))


def _post(claimed: Claimed, timeout_s: float, allow_hosts: list[str]) -> Outcome:
    """POST the signed JSON body once, to the checked address only; never follow redirects."""
    body = json.dumps(claimed.payload, separators=(",", ":"), sort_keys=True).encode()
    headers = signed_headers(claimed.secret, claimed.event_id, int(time.time()), body)
    headers |= {"content-type": "application/json", "user-agent": USER_AGENT}
    started = time.perf_counter()
    try:
        with (
            pinned_client(claimed.url, allow_hosts, timeout_s) as client,
            client.stream("POST", claimed.url, content=body, headers=headers) as response,
        ):
            status = response.status_code
    except RefusedDestination as exc:
        return Outcome(False, None, f"refused: {exc.reason}", _ms(started))
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
        return Outcome(False, None, _describe(exc), _ms(started))
    ok = 200 <= status < 300
    return Outcome(ok, status, None if ok else f"HTTP {status}", _ms(started))


def _ms(started: float) -> int:
    """Return the milliseconds since `started`."""
    return int((time.perf_counter() - started) * 1000)


def _describe(exc: Exception) -> str:
    """Return a short, stored description of a transport failure."""
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    return f"{type(exc).__name__}: {exc}"[:300]


def _record(session: Session, claimed: Claimed, outcome: Outcome, now: datetime) -> None:
    """Store the attempt's outcome and schedule the next one, or finish the delivery."""
    row = session.get(WebhookDelivery, claimed.delivery_id, with_for_update=True)
    if row is None or row.attempts != claimed.attempt:
        return  # deleted, or replayed meanwhile: this attempt's result no longer counts
    entry = {
        "at": rfc3339(now),
        "status": outcome.status,
        "error": outcome.error,
        "duration_ms": outcome.duration_ms,
    }
    row.attempt_log = [*row.attempt_log, entry][-KEEP_ATTEMPTS:]
    row.last_status_code, row.last_error = outcome.status, outcome.error
    endpoint = session.get(WebhookEndpoint, row.endpoint_id, with_for_update=True)
    if outcome.ok:
        row.status, row.next_attempt_at, row.delivered_at = "succeeded", None, now
        if endpoint is not None:
            endpoint.failing_since = None
        return
    delay = retry_delay(claimed.attempt)
    row.status = "retrying" if delay is not None else "failed"
    row.next_attempt_at = now + delay if delay is not None else None
    if endpoint is not None:
        _count_failure(session, endpoint, row, now)


def _count_failure(
    session: Session, endpoint: WebhookEndpoint, row: WebhookDelivery, now: datetime
) -> None:
    """Mark the endpoint failing, and disable it when the failure is sustained."""
    endpoint.failing_since = endpoint.failing_since or now
    if endpoint.disabled_at is not None:
        return
    reason = None
    if now - endpoint.failing_since >= DISABLE_AFTER:
        reason = f"failing continuously since {rfc3339(endpoint.failing_since)}"
    elif row.status == "failed":
        session.flush()
        recent = last_finished(session, endpoint.id, DISABLE_AFTER_EXHAUSTED)
        if len(recent) == DISABLE_AFTER_EXHAUSTED and set(recent) == {"failed"}:
            reason = f"{DISABLE_AFTER_EXHAUSTED} deliveries in a row exhausted their retries"
    if reason is None:
        return
    endpoint.disabled_at = now
    log.warning("webhook endpoint %s disabled: %s", endpoint.id, reason)
    data = {"reason": reason}
    record(
        session, "system", "webhook.endpoint.disabled", endpoint.organization_id, endpoint.id, data
    )
