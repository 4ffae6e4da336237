"""Webhook endpoints of an organisation, emitting events to them, the delivery log and replay."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth.principal import Principal
from ugc.errors import Conflict, FieldError, InvalidRequest
from ugc.kit.clock import rfc3339, utcnow
from ugc.kit.crypto import seal
from ugc.kit.ids import new_id
from ugc.kit.pagination import Page, paginate
from ugc.kit.tasks import enqueue
from ugc.models import WebhookDelivery, WebhookEndpoint
from ugc.runtime import Runtime
from ugc.webhook.egress import check_destination
from ugc.webhook.repository import FINISHED, DeliveryRepository, EndpointRepository, due_ids
from ugc.webhook.schemas import EVENT_TYPES, TEST_EVENT, EndpointCreate, EndpointUpdate
from ugc.webhook.signature import new_secret

DELIVER_TASK = "webhook.deliver"


def _allowed(runtime: Runtime) -> list[str]:
    """Return the hosts exempt from the public-address rule (tests only)."""
    return list(runtime.limits.get("webhook_allow_hosts") or [])


def _check_url(url: str, https_only: bool, allow_hosts: list[str]) -> str:
    """Return the URL if it is absolute http(s) to a public host (https only when required)."""
    parts = urlsplit(url.strip())
    allowed = ("https",) if https_only else ("http", "https")
    if parts.scheme not in allowed or not parts.hostname:
        need = "an https URL" if https_only else "an absolute http or https URL"
        raise InvalidRequest("invalid webhook URL", [FieldError("url", f"must be {need}")])
    check_destination(url.strip(), allow_hosts)
    return url.strip()


def _reseal(runtime: Runtime, endpoint: WebhookEndpoint) -> str:
    """Give the endpoint a new secret, store it sealed, and return it (shown once)."""
    secret = new_secret()
    endpoint.secret_sealed = seal(runtime.keys.seal, secret, context=endpoint.id)
    return secret


def _https_only(runtime: Runtime) -> bool:
    """Return True where endpoints must use https (production)."""
    return bool(runtime.limits.get("webhook_https_only", False))


def _audit(
    session: Session,
    caller: Principal,
    action: str,
    row: WebhookEndpoint,
    ip: str | None,
    changed: list[str] | None = None,
) -> None:
    """Record a security-relevant change to an endpoint (its host only: URLs may hold tokens)."""
    data: dict[str, Any] = {"host": urlsplit(row.url).hostname or ""}
    if changed is not None:
        data["changed"] = changed
    record(session, caller.subject, action, caller.org, row.id, data, ip)


def create_endpoint(
    session: Session, runtime: Runtime, caller: Principal, body: EndpointCreate, ip: str | None
) -> tuple[WebhookEndpoint, str]:
    """Add an endpoint to the caller's organisation; return it and its new secret."""
    row = WebhookEndpoint(
        id=new_id("whe"),
        url=_check_url(body.url, _https_only(runtime), _allowed(runtime)),
        description=body.description,
        events=sorted(set(body.events)),
    )
    secret = _reseal(runtime, row)
    EndpointRepository(session, caller.org).add(row)
    _audit(session, caller, "webhook.endpoint.created", row, ip)
    return row, secret


def list_endpoints(
    session: Session, organization_id: str, limit: int, cursor: str | None
) -> Page[WebhookEndpoint]:
    """Return one page of an organisation's endpoints, newest first."""
    query = EndpointRepository(session, organization_id).select()
    m = WebhookEndpoint
    return paginate(session, query, m.created_at, m.id, limit, cursor)


def get_endpoint(session: Session, organization_id: str, endpoint_id: str) -> WebhookEndpoint:
    """Return one endpoint of the organisation, or raise NotFound."""
    return EndpointRepository(session, organization_id).get(endpoint_id)


def update_endpoint(
    session: Session,
    runtime: Runtime,
    caller: Principal,
    endpoint_id: str,
    body: EndpointUpdate,
    ip: str | None,
) -> WebhookEndpoint:
    """Change an endpoint's URL, events or description, or turn it on or off."""
    row = EndpointRepository(session, caller.org).get(endpoint_id)
    if body.url is not None:
        row.url = _check_url(body.url, _https_only(runtime), _allowed(runtime))
    if body.description is not None:
        row.description = body.description
    if body.events is not None:
        row.events = sorted(set(body.events))
    if body.enabled is True and row.disabled_at is not None:
        row.disabled_at, row.failing_since = None, None
    elif body.enabled is False and row.disabled_at is None:
        row.disabled_at = utcnow()
    changed = sorted(body.model_fields_set)
    if set(changed) & {"url", "events", "enabled"}:
        _audit(session, caller, "webhook.endpoint.updated", row, ip, changed)
    session.flush()
    return row


def delete_endpoint(session: Session, caller: Principal, endpoint_id: str, ip: str | None) -> None:
    """Delete an endpoint and its delivery log."""
    repo = EndpointRepository(session, caller.org)
    row = repo.get(endpoint_id)
    _audit(session, caller, "webhook.endpoint.deleted", row, ip)
    repo.delete(row)


def rotate_secret(
    session: Session, runtime: Runtime, caller: Principal, endpoint_id: str, ip: str | None
) -> str:
    """Replace an endpoint's secret at once; return the new one (shown once)."""
    row = EndpointRepository(session, caller.org).get(endpoint_id)
    secret = _reseal(runtime, row)
    _audit(session, caller, "webhook.endpoint.secret_rotated", row, ip)
    session.flush()
    return secret


def _queue(
    session: Session, endpoint: WebhookEndpoint, event_id: str, payload: dict[str, Any]
) -> WebhookDelivery:
    """Stage one pending delivery of a message to an endpoint; send it after commit."""
    row = WebhookDelivery(
        id=new_id("whd"),
        endpoint_id=endpoint.id,
        event_id=event_id,
        event_type=payload["type"],
        payload=payload,
        status="pending",
        attempts=0,
        next_attempt_at=utcnow(),
        attempt_log=[],
    )
    DeliveryRepository(session, endpoint.organization_id).add(row)
    enqueue(session, DELIVER_TASK, row.id)
    return row


def _message(event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """Return the Standard Webhooks payload of an event."""
    return {"type": event_type, "timestamp": rfc3339(utcnow()), "data": data}


def emit(
    session: Session, organization_id: str, event_type: str, data: dict[str, Any]
) -> list[WebhookDelivery]:
    """Queue an event to every enabled endpoint of the organisation that wants it."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown webhook event type {event_type!r}")
    endpoints = EndpointRepository(session, organization_id).enabled()
    wanted = [e for e in endpoints if not e.events or event_type in e.events]
    if not wanted:
        return []
    event_id, payload = new_id("evt"), _message(event_type, data)
    return [_queue(session, endpoint, event_id, payload) for endpoint in wanted]


def send_test(session: Session, organization_id: str, endpoint_id: str) -> WebhookDelivery:
    """Queue a `webhook.test` event to one endpoint."""
    endpoint = EndpointRepository(session, organization_id).get(endpoint_id)
    if endpoint.disabled_at is not None:
        raise Conflict("this endpoint is disabled; enable it first")
    data = {"endpoint_id": endpoint.id, "message": "This is a test event from UGC Studio."}
    return _queue(session, endpoint, new_id("evt"), _message(TEST_EVENT, data))


def due_deliveries(session: Session, now: datetime | None = None, limit: int = 100) -> list[str]:
    """Return ids of deliveries whose next attempt is due (for the scheduler to send)."""
    return due_ids(session, now or utcnow(), limit)


def list_deliveries(
    session: Session,
    organization_id: str,
    endpoint_id: str,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> Page[WebhookDelivery]:
    """Return one page of an endpoint's deliveries, newest first."""
    EndpointRepository(session, organization_id).get(endpoint_id)
    query = DeliveryRepository(session, organization_id).of_endpoint(endpoint_id, status)
    m = WebhookDelivery
    return paginate(session, query, m.created_at, m.id, limit, cursor)


def get_delivery(session: Session, organization_id: str, delivery_id: str) -> WebhookDelivery:
    """Return one delivery of the organisation, or raise NotFound."""
    return DeliveryRepository(session, organization_id).get(delivery_id)


def replay(session: Session, organization_id: str, delivery_id: str) -> WebhookDelivery:
    """Send a finished delivery again: same webhook-id, a fresh schedule and signature."""
    row = DeliveryRepository(session, organization_id).get(delivery_id)
    if row.status not in FINISHED:
        raise Conflict("this delivery is still being attempted; replay it once it finishes")
    endpoint = EndpointRepository(session, organization_id).get(row.endpoint_id)
    if endpoint.disabled_at is not None:
        raise Conflict("this endpoint is disabled; enable it first")
    row.status, row.attempts, row.next_attempt_at = "pending", 0, utcnow()
    row.delivered_at = None
    session.flush()
    enqueue(session, DELIVER_TASK, row.id)
    return row
