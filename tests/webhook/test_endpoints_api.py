"""Endpoint management over HTTP: secrets shown once, validation, scope, audit."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.platform import Member, add_member
from tests.webhook.conftest import RecordingQueue, make_endpoint
from ugc.kit.crypto import unseal
from ugc.models import AuditEvent, WebhookEndpoint
from ugc.runtime import Runtime

BASE = "/api/v1/webhooks/endpoints"
URL = "https://hooks.example.com/ugc?token=abc"


def test_create_shows_the_secret_once_and_stores_it_sealed(
    client: TestClient, owner: Member, runtime: Runtime
) -> None:
    r = client.post(BASE, json={"url": URL, "events": ["video.succeeded"]}, headers=owner.headers)
    assert r.status_code == 201
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert body["id"].startswith("whe_")
    assert body["secret"].startswith("whsec_")
    assert body["events"] == ["video.succeeded"]
    assert body["enabled"] is True
    with runtime.sessions() as s:
        row = s.get(WebhookEndpoint, body["id"])
        assert row is not None
        assert body["secret"] not in row.secret_sealed
        assert unseal(runtime.keys.seal, row.secret_sealed, context=row.id) == body["secret"]
    listed = client.get(BASE, headers=owner.headers)
    got = client.get(f"{BASE}/{body['id']}", headers=owner.headers)
    for resp in (listed, got):
        assert resp.status_code == 200
        assert body["secret"] not in resp.text
        assert "secret" not in resp.text
    assert got.json()["url"] == URL


def test_invalid_urls_and_events_are_422(client: TestClient, owner: Member) -> None:
    for bad in ("ftp://example.com/x", "not a url", "https://", "/relative"):
        r = client.post(BASE, json={"url": bad}, headers=owner.headers)
        assert r.status_code == 422, bad
        assert r.json()["errors"][0]["field"] == "url"
    r = client.post(BASE, json={"url": URL, "events": ["video.exploded"]}, headers=owner.headers)
    assert r.status_code == 422
    r = client.post(BASE, json={"url": URL, "secret": "mine"}, headers=owner.headers)
    assert r.status_code == 422


def test_https_only_flag_refuses_plain_http(
    client: TestClient, owner: Member, runtime: Runtime
) -> None:
    assert (
        client.post(BASE, json={"url": "http://a.example"}, headers=owner.headers).status_code
        == 201
    )
    runtime.limits["webhook_https_only"] = True
    r = client.post(BASE, json={"url": "http://a.example"}, headers=owner.headers)
    assert r.status_code == 422
    assert "https" in r.json()["errors"][0]["message"]
    assert client.post(BASE, json={"url": URL}, headers=owner.headers).status_code == 201
    ident = client.get(BASE, headers=owner.headers).json()["items"][0]["id"]
    r = client.patch(f"{BASE}/{ident}", json={"url": "http://b.example"}, headers=owner.headers)
    assert r.status_code == 422


def test_patch_changes_fields_and_enables_again(
    client: TestClient, owner: Member, runtime: Runtime
) -> None:
    ident, _ = make_endpoint(client, owner, URL)
    r = client.patch(
        f"{BASE}/{ident}",
        json={"description": "prod", "events": ["video.failed", "video.failed"], "enabled": False},
        headers=owner.headers,
    )
    assert r.status_code == 200
    assert r.json()["description"] == "prod"
    assert r.json()["events"] == ["video.failed"]
    assert r.json()["enabled"] is False
    assert r.json()["disabled_at"] is not None
    with runtime.sessions() as s:
        row = s.get(WebhookEndpoint, ident)
        assert row is not None
        assert row.disabled_at is not None
    r = client.patch(f"{BASE}/{ident}", json={"enabled": True, "events": []}, headers=owner.headers)
    assert r.json()["enabled"] is True
    assert r.json()["events"] == []
    assert r.json()["failing_since"] is None
    client.patch(f"{BASE}/{ident}", json={"description": "only text"}, headers=owner.headers)
    with runtime.sessions() as s:
        audit = s.scalars(select(AuditEvent).where(AuditEvent.target == ident)).all()
    assert [(e.action, e.data.get("changed")) for e in audit] == [
        ("webhook.endpoint.created", None),
        ("webhook.endpoint.updated", ["description", "enabled", "events"]),
        ("webhook.endpoint.updated", ["enabled", "events"]),
    ]


def test_rotate_and_delete_are_audited(client: TestClient, owner: Member, runtime: Runtime) -> None:
    ident, first = make_endpoint(client, owner, URL)
    r = client.post(f"{BASE}/{ident}/rotate-secret", headers=owner.headers)
    assert r.status_code == 200
    second = r.json()["secret"]
    assert second.startswith("whsec_")
    assert second != first
    with runtime.sessions() as s:
        row = s.get(WebhookEndpoint, ident)
        assert row is not None
        assert unseal(runtime.keys.seal, row.secret_sealed, context=ident) == second
    assert client.delete(f"{BASE}/{ident}", headers=owner.headers).status_code == 204
    assert client.get(f"{BASE}/{ident}", headers=owner.headers).status_code == 404
    with runtime.sessions() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.target == ident)))
    actions = [e.action for e in events]
    assert actions == [
        "webhook.endpoint.created",
        "webhook.endpoint.secret_rotated",
        "webhook.endpoint.deleted",
    ]
    assert {e.organization_id for e in events} == {owner.org_id}
    assert {e.actor for e in events} == {owner.user_id}
    assert all(first not in str(e.data) and second not in str(e.data) for e in events)
    assert all("token=abc" not in str(e.data) for e in events)


def test_list_is_cursor_paginated(client: TestClient, owner: Member) -> None:
    made = {make_endpoint(client, owner, f"{URL}&n={i}")[0] for i in range(3)}
    first = client.get(BASE, params={"limit": 2}, headers=owner.headers).json()
    assert len(first["items"]) == 2
    assert first["next_cursor"]
    rest = client.get(
        BASE, params={"limit": 2, "cursor": first["next_cursor"]}, headers=owner.headers
    ).json()
    assert rest["next_cursor"] is None
    assert {e["id"] for e in first["items"] + rest["items"]} == made
    assert client.get(BASE, params={"limit": 101}, headers=owner.headers).status_code == 422


def test_other_organisations_get_404_everywhere(
    client: TestClient, owner: Member, runtime: Runtime, queue: RecordingQueue
) -> None:
    ident, _ = make_endpoint(client, owner, URL)
    sent = client.post(f"{BASE}/{ident}/test", headers=owner.headers).json()
    stranger = add_member(runtime, "owner")
    h = stranger.headers
    assert client.get(BASE, headers=h).json()["items"] == []
    calls = [
        client.get(f"{BASE}/{ident}", headers=h),
        client.patch(f"{BASE}/{ident}", json={"description": "x"}, headers=h),
        client.post(f"{BASE}/{ident}/rotate-secret", headers=h),
        client.post(f"{BASE}/{ident}/test", headers=h),
        client.get(f"{BASE}/{ident}/deliveries", headers=h),
        client.get(f"/api/v1/webhooks/deliveries/{sent['id']}", headers=h),
        client.post(f"/api/v1/webhooks/deliveries/{sent['id']}/replay", headers=h),
        client.delete(f"{BASE}/{ident}", headers=h),
    ]
    assert [c.status_code for c in calls] == [404] * len(calls)
    assert len(queue.sent) == 1  # only the owner's own test event
    assert client.get(f"{BASE}/{ident}", headers=owner.headers).json()["description"] == "test"


def test_permissions(client: TestClient, owner: Member, runtime: Runtime) -> None:
    ident, _ = make_endpoint(client, owner, URL)
    editor = add_member(runtime, "editor", owner.org_id)
    assert client.get(BASE, headers=editor.headers).status_code == 403
    assert client.post(BASE, json={"url": URL}, headers=editor.headers).status_code == 403
    admin = add_member(runtime, "admin", owner.org_id)
    assert client.get(f"{BASE}/{ident}", headers=admin.headers).status_code == 200
    assert client.get(BASE).status_code == 401


def test_openapi_documents_every_webhook_route(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        BASE,
        f"{BASE}/{{endpoint_id}}",
        f"{BASE}/{{endpoint_id}}/rotate-secret",
        f"{BASE}/{{endpoint_id}}/test",
        f"{BASE}/{{endpoint_id}}/deliveries",
        "/api/v1/webhooks/deliveries/{delivery_id}",
        "/api/v1/webhooks/deliveries/{delivery_id}/replay",
    }
    assert expected <= set(paths)
    for path in expected:
        for op in paths[path].values():
            assert op["summary"]
