"""Disabling failing endpoints, replay, the delivery log, rotation, and secrecy of secrets."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests.platform import Member
from tests.webhook.conftest import (
    Receiver,
    RecordingQueue,
    emit_now,
    endpoint,
    exhaust,
    load,
    make_endpoint,
)
from ugc.kit.clock import utcnow
from ugc.models import AuditEvent, WebhookEndpoint
from ugc.runtime import Runtime
from ugc.webhook.delivery import attempt_delivery
from ugc.webhook.signature import WebhookVerificationError, verify_signature

API = "/api/v1/webhooks"


def test_three_exhausted_deliveries_disable_the_endpoint(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver
) -> None:
    ident, _ = make_endpoint(client, owner, receiver.url)
    receiver.answer(default=500)
    dids = [emit_now(rt, owner.org_id)[0] for _ in range(3)]
    now = utcnow()
    for n, did in enumerate(dids, start=1):
        exhaust(rt, did, now)
        assert load(rt, did).status == "failed"
        assert (endpoint(rt, ident).disabled_at is not None) == (n == 3)
    with rt.sessions() as s:
        audit = s.scalars(select(AuditEvent).where(AuditEvent.target == ident)).all()
    assert audit[-1].action == "webhook.endpoint.disabled"
    assert audit[-1].actor == "system"
    assert emit_now(rt, owner.org_id) == []
    got = client.get(f"{API}/endpoints/{ident}", headers=owner.headers).json()
    assert got["enabled"] is False


def test_a_success_between_exhaustions_keeps_the_endpoint(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver
) -> None:
    ident, _ = make_endpoint(client, owner, receiver.url)
    receiver.answer(default=500)
    first, second = emit_now(rt, owner.org_id)[0], emit_now(rt, owner.org_id)[0]
    now = exhaust(rt, first, utcnow())
    receiver.answer(default=200)
    ok = emit_now(rt, owner.org_id)[0]
    attempt_delivery(rt, ok, now=now)
    receiver.answer(default=500)
    exhaust(rt, second, now)
    third = emit_now(rt, owner.org_id)[0]
    exhaust(rt, third, now)
    assert endpoint(rt, ident).disabled_at is None


@pytest.mark.parametrize(
    ("failing_for", "disabled"), [(timedelta(days=4), False), (timedelta(days=5), True)]
)
def test_five_days_of_continuous_failure_disable_the_endpoint(
    client: TestClient,
    owner: Member,
    rt: Runtime,
    receiver: Receiver,
    failing_for: timedelta,
    disabled: bool,
) -> None:
    ident, _ = make_endpoint(client, owner, receiver.url)
    receiver.answer(default=503)
    [did] = emit_now(rt, owner.org_id)
    now = utcnow()
    with rt.sessions() as s:
        s.execute(
            update(WebhookEndpoint)
            .where(WebhookEndpoint.id == ident)
            .values(failing_since=now - failing_for)
        )
        s.commit()
    attempt_delivery(rt, did, now=now)
    assert load(rt, did).status == "retrying"
    assert (endpoint(rt, ident).disabled_at is not None) is disabled


def test_open_delivery_of_a_disabled_endpoint_fails_without_sending(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver, queue: RecordingQueue
) -> None:
    ident, _ = make_endpoint(client, owner, receiver.url)
    [did] = emit_now(rt, owner.org_id)
    client.patch(f"{API}/endpoints/{ident}", json={"enabled": False}, headers=owner.headers)
    r = client.post(f"{API}/deliveries/{did}/replay", headers=owner.headers)
    assert r.status_code == 409  # still open
    queue.run()
    assert receiver.requests == []
    row = load(rt, did)
    assert (row.status, row.last_error) == ("failed", "endpoint disabled")
    assert client.post(f"{API}/deliveries/{did}/replay", headers=owner.headers).status_code == 409
    client.patch(f"{API}/endpoints/{ident}", json={"enabled": True}, headers=owner.headers)
    assert client.post(f"{API}/deliveries/{did}/replay", headers=owner.headers).status_code == 202
    queue.run()
    assert len(receiver.requests) == 1
    assert load(rt, did).status == "succeeded"


def test_replay_keeps_the_webhook_id_and_signs_afresh(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver, queue: RecordingQueue
) -> None:
    _, secret = make_endpoint(client, owner, receiver.url)
    receiver.answer(default=500)
    [did] = emit_now(rt, owner.org_id)
    queue.run()
    r = client.post(f"{API}/deliveries/{did}/replay", headers=owner.headers)
    assert r.status_code == 409  # retrying: the schedule is still running
    exhaust(rt, did, utcnow() + timedelta(minutes=1))
    assert load(rt, did).status == "failed"
    receiver.answer(default=200)
    receiver.requests.clear()
    for expected_attempts in (1, 1):  # replay the failed one, then the succeeded one
        r = client.post(f"{API}/deliveries/{did}/replay", headers=owner.headers)
        assert r.status_code == 202
        assert r.json()["status"] == "pending"
        assert queue.run() == 1
        row = load(rt, did)
        assert (row.status, row.attempts) == ("succeeded", expected_attempts)
    first, second = receiver.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == row.event_id
    assert json.loads(first.body) == json.loads(second.body)
    for got in (first, second):
        verify_signature(secret, got.headers, got.body)
    assert len(load(rt, did).attempt_log) == 10


def test_test_event_and_delivery_log(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver, queue: RecordingQueue
) -> None:
    ident, secret = make_endpoint(client, owner, receiver.url)
    r = client.post(f"{API}/endpoints/{ident}/test", headers=owner.headers)
    assert r.status_code == 202
    assert r.json()["event_type"] == "webhook.test"
    assert queue.run() == 1
    receiver.answer(500)
    [failing] = emit_now(rt, owner.org_id)
    assert queue.run() == 1
    assert json.loads(receiver.requests[0].body)["type"] == "webhook.test"
    verify_signature(secret, receiver.requests[0].headers, receiver.requests[0].body)
    log = client.get(f"{API}/endpoints/{ident}/deliveries", headers=owner.headers).json()
    assert {d["status"] for d in log["items"]} == {"succeeded", "retrying"}
    only = client.get(
        f"{API}/endpoints/{ident}/deliveries", params={"status": "retrying"}, headers=owner.headers
    ).json()
    assert [d["id"] for d in only["items"]] == [failing]
    assert "attempt_log" not in only["items"][0]
    bad = client.get(
        f"{API}/endpoints/{ident}/deliveries", params={"status": "lost"}, headers=owner.headers
    )
    assert bad.status_code == 422
    detail = client.get(f"{API}/deliveries/{failing}", headers=owner.headers).json()
    assert detail["attempt_log"][0]["status"] == 500
    assert detail["payload"]["type"] == "video.succeeded"


def test_rotation_signs_later_deliveries_with_the_new_secret(
    client: TestClient, owner: Member, rt: Runtime, receiver: Receiver, queue: RecordingQueue
) -> None:
    ident, old = make_endpoint(client, owner, receiver.url)
    new = client.post(f"{API}/endpoints/{ident}/rotate-secret", headers=owner.headers).json()
    emit_now(rt, owner.org_id)
    queue.run()
    [got] = receiver.requests
    verify_signature(new["secret"], got.headers, got.body)
    with pytest.raises(WebhookVerificationError):
        verify_signature(old, got.headers, got.body)


def test_the_secret_never_reaches_logs_or_reads(
    client: TestClient,
    owner: Member,
    rt: Runtime,
    receiver: Receiver,
    queue: RecordingQueue,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    ident, secret = make_endpoint(client, owner, receiver.url)
    receiver.answer(500, default=500)
    client.post(f"{API}/endpoints/{ident}/test", headers=owner.headers)
    [did] = emit_now(rt, owner.org_id)
    queue.run()
    exhaust(rt, did, utcnow() + timedelta(minutes=1))
    reads = [
        client.get(f"{API}/endpoints", headers=owner.headers),
        client.get(f"{API}/endpoints/{ident}", headers=owner.headers),
        client.patch(f"{API}/endpoints/{ident}", json={"description": "x"}, headers=owner.headers),
        client.get(f"{API}/endpoints/{ident}/deliveries", headers=owner.headers),
        client.get(f"{API}/deliveries/{did}", headers=owner.headers),
    ]
    assert all(r.status_code == 200 for r in reads)
    key = secret.removeprefix("whsec_")
    assert all(key not in r.text for r in reads)
    assert "webhook" in caplog.text  # the attempts were logged...
    assert key not in caplog.text  # ...without the secret
    assert all(key not in r.body.decode() for r in receiver.requests)
