"""Queries over webhook endpoints and deliveries; the worker's by-id claims live here too."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Select, select, update
from sqlalchemy.orm import Session

from ugc.kit.repository import ScopedRepository
from ugc.models import WebhookDelivery, WebhookEndpoint

OPEN = ("pending", "retrying")  # statuses a delivery can still be attempted in
FINISHED = ("succeeded", "failed")


class EndpointRepository(ScopedRepository[WebhookEndpoint]):
    """An organisation's webhook endpoints."""

    model = WebhookEndpoint
    kind = "webhook endpoint"

    def enabled(self) -> list[WebhookEndpoint]:
        """Return the endpoints that are not disabled, oldest first."""
        query = self.select().where(WebhookEndpoint.disabled_at.is_(None))
        return list(self.session.scalars(query.order_by(WebhookEndpoint.created_at)))


class DeliveryRepository(ScopedRepository[WebhookDelivery]):
    """An organisation's webhook deliveries."""

    model = WebhookDelivery
    kind = "webhook delivery"

    def of_endpoint(self, endpoint_id: str, status: str | None) -> Select[Any]:
        """Return a SELECT of one endpoint's deliveries, optionally of one status."""
        query = self.select().where(WebhookDelivery.endpoint_id == endpoint_id)
        if status is not None:
            query = query.where(WebhookDelivery.status == status)
        return query


# The worker and the scheduler hold only a delivery id (the message), not an organisation.


def due_ids(session: Session, now: datetime, limit: int) -> list[str]:
    """Return ids of open deliveries whose next attempt is due, earliest first."""
    query = (
        select(WebhookDelivery.id)
        .where(WebhookDelivery.status.in_(OPEN), WebhookDelivery.next_attempt_at <= now)
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
    )
    return list(session.scalars(query))


def claim(
    session: Session, delivery_id: str, seen_attempts: int, now: datetime, lease: datetime
) -> bool:
    """Take the next attempt if nobody else has; hide it from due_ids until `lease`."""
    stmt = (
        update(WebhookDelivery)
        .where(
            WebhookDelivery.id == delivery_id,
            WebhookDelivery.status.in_(OPEN),
            WebhookDelivery.attempts == seen_attempts,
            WebhookDelivery.next_attempt_at <= now,
        )
        .values(attempts=seen_attempts + 1, next_attempt_at=lease)
        .execution_options(synchronize_session=False)
    )
    result = cast(CursorResult[Any], session.execute(stmt))
    return result.rowcount == 1


def last_finished(session: Session, endpoint_id: str, count: int) -> list[str]:
    """Return the statuses of an endpoint's newest finished deliveries."""
    query = (
        select(WebhookDelivery.status)
        .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.status.in_(FINISHED))
        .order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc())
        .limit(count)
    )
    return list(session.scalars(query))
