"""Emitting and delivering against a real local receiver: signatures, retries, duplicates."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tests.platform import Member
from tests.webhook.conftest import (
    Receiver,
    RecordingQueue,
    emit_now,
    endpoint,
    load,
    make_endpoint,
)
from ugc.kit.clock import utcnow
from ugc.runtime import Runtime
from ugc.webhook.delivery import SCHEDULE, attempt_delivery
from ugc.webhook.service import due_deliveries, emit
from ugc.webhook.signature import WebhookVerificationError, verify_signature
from ugc.webhook.tasks import deliver

API = "/api/v1/webhooks"


def test_delivery_is_signed_with_the_shown_secret(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver, queue: RecordingQueue
) -> None:
    ident, secret = make_endpoint(client, owner, receiver.url)
    [did] = emit_now(rt, owner.org_id)
    assert queue.sent == [("webhook.deliver", (did,), None)]
    assert queue.run() == 1
    [got] = receiver.requests
    verify_signature(secret, got.headers, got.body)
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{got.headers['webhook-id']}.{got.headers['webhook-timestamp']}.".encode() + got.body
    mac = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    assert got.headers["webhook-signature"] == f"v1,{mac}"
    assert got.headers["content-type"] == "application/json"
    assert got.headers["user-agent"].startswith("UGC-Studio-Webhooks/")
    payload = json.loads(got.body)
    assert payload["type"] == "video.succeeded"
    assert payload["data"] == {"id": "vid_123", "revision": 1}
    assert payload["timestamp"].endswith("Z")
    detail = client.get(f"{API}/deliveries/{did}", headers=owner.headers).json()
    assert detail["status"] == "succeeded"
    assert detail["event_id"] == got.headers["webhook-id"]
    assert detail["event_id"].startswith("evt_")
    assert detail["endpoint_id"] == ident
    assert [a["status"] for a in detail["attempt_log"]] == [200]
    with pytest.raises(WebhookVerificationError):
        verify_signature(secret, got.headers, got.body + b" ")


def test_emit_matches_events_skips_disabled_and_sends_after_commit(
    client: TestClient, owner: Member, rt: Runtime, queue: RecordingQueue
) -> None:
    only_ok, _ = make_endpoint(client, owner, "https://a.example/h", ["video.succeeded"])
    every, _ = make_endpoint(client, owner, "https://b.example/h")
    off, _ = make_endpoint(client, owner, "https://c.example/h")
    client.patch(f"{API}/endpoints/{off}", json={"enabled": False}, headers=owner.headers)
    with rt.sessions() as s:
        rows = emit(s, owner.org_id, "video.succeeded", {"id": "vid_1"})
        assert queue.sent == []  # nothing leaves before the commit
        s.rollback()
    assert queue.sent == []
    with rt.sessions() as s:
        ok = emit(s, owner.org_id, "video.succeeded", {"id": "vid_1"})
        failed = emit(s, owner.org_id, "video.failed", {"id": "vid_2"})
        s.commit()
    assert {r.endpoint_id for r in ok} == {only_ok, every}
    assert len({r.event_id for r in ok}) == 1
    assert [r.endpoint_id for r in failed] == [every]
    assert failed[0].event_id != ok[0].event_id
    assert sorted(q[1][0] for q in queue.sent) == sorted(r.id for r in ok + failed)
    assert emit_now(rt, "org_elsewhere") == []
    with rt.sessions() as s, pytest.raises(ValueError, match="unknown"):
        emit(s, owner.org_id, "video.exploded", {})
    assert len(rows) == 2


def test_retry_schedule_spans_more_than_24_hours(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver
) -> None:
    make_endpoint(client, owner, receiver.url)
    receiver.answer(default=500)
    [did] = emit_now(rt, owner.org_id)
    start = now = utcnow()
    for n, delay in enumerate(SCHEDULE, start=1):
        outcome = attempt_delivery(rt, did, now=now)
        assert outcome is not None
        assert outcome.status == 500
        row = load(rt, did)
        assert (row.status, row.attempts) == ("retrying", n)
        assert row.next_attempt_at is not None
        wait = row.next_attempt_at - now
        assert delay * 0.9 <= wait <= delay * 1.1
        assert attempt_delivery(rt, did, now=row.next_attempt_at - timedelta(seconds=1)) is None
        now = row.next_attempt_at
    assert attempt_delivery(rt, did, now=now) is not None
    row = load(rt, did)
    assert (row.status, row.attempts, row.next_attempt_at) == ("failed", 8, None)
    assert now - start >= timedelta(hours=24)
    assert [a["status"] for a in row.attempt_log] == [500] * 8
    assert row.last_status_code == 500
    assert len(receiver.requests) == 8
    assert len({r.headers["webhook-id"] for r in receiver.requests}) == 1
    assert attempt_delivery(rt, did, now=now + timedelta(days=1)) is None


def test_failure_then_timeout_then_success(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver
) -> None:
    ident, secret = make_endpoint(client, owner, receiver.url)
    receiver.answer(500, "timeout", 200)
    [did] = emit_now(rt, owner.org_id)
    now = utcnow()
    for expected in ("retrying", "retrying", "succeeded"):
        assert attempt_delivery(rt, did, now=now) is not None
        assert load(rt, did).status == expected
        assert (endpoint(rt, ident).failing_since is None) is (expected == "succeeded")
        now += timedelta(hours=11)
    row = load(rt, did)
    assert row.status == "succeeded"
    assert row.delivered_at is not None
    assert [(a["status"], a["error"]) for a in row.attempt_log] == [
        (500, "HTTP 500"),
        (None, "timeout"),
        (200, None),
    ]
    assert all(a["duration_ms"] >= 0 for a in row.attempt_log)
    assert endpoint(rt, ident).failing_since is None
    for got in receiver.requests:
        verify_signature(secret, got.headers, got.body)


def test_redirects_are_failures_and_not_followed(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver
) -> None:
    make_endpoint(client, owner, receiver.url)
    receiver.answer(302)
    [did] = emit_now(rt, owner.org_id)
    attempt_delivery(rt, did)
    assert [r.path for r in receiver.requests] == ["/hook"]
    row = load(rt, did)
    assert (row.status, row.last_status_code) == ("retrying", 302)


def test_unreachable_endpoint_records_the_error(
    client: TestClient, owner: Member, rt: Runtime
) -> None:
    make_endpoint(client, owner, "http://127.0.0.1:9/nothing-listens-here")
    [did] = emit_now(rt, owner.org_id)
    attempt_delivery(rt, did)
    row = load(rt, did)
    assert row.status == "retrying"
    assert row.last_status_code is None
    assert row.last_error


def test_concurrent_duplicate_messages_send_once(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver
) -> None:
    make_endpoint(client, owner, receiver.url)
    dids = [emit_now(rt, owner.org_id)[0] for _ in range(3)]
    for did in dids:
        gate = threading.Barrier(3)

        def run(delivery_id: str = did, barrier: threading.Barrier = gate) -> None:
            barrier.wait()
            deliver(delivery_id)

        threads = [threading.Thread(target=run) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        row = load(rt, did)
        assert (row.status, row.attempts) == ("succeeded", 1)
    assert len(receiver.requests) == 3
    deliver(dids[0])  # a late duplicate of a succeeded delivery does nothing
    assert len(receiver.requests) == 3


def test_due_deliveries_lists_only_open_due_ones(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver
) -> None:
    make_endpoint(client, owner, receiver.url)
    done, later, fresh = (emit_now(rt, owner.org_id)[0] for _ in range(3))
    now = utcnow()
    attempt_delivery(rt, done, now=now)
    receiver.answer(500)
    attempt_delivery(rt, later, now=now)
    with rt.sessions() as s:
        assert set(due_deliveries(s, now + timedelta(seconds=1), 10)) == {fresh}
        assert set(due_deliveries(s, now + timedelta(minutes=1), 10)) == {fresh, later}
        assert len(due_deliveries(s, now + timedelta(minutes=1), 1)) == 1
        assert due_deliveries(s, limit=10) == [fresh]
