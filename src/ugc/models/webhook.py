"""Webhook endpoints of an organisation, and the log of every delivery attempt."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, OrgScoped, TimestampMixin


class WebhookEndpoint(IdMixin, TimestampMixin, OrgScoped, Base):
    """A URL that receives signed events; the secret is sealed, shown once."""

    __tablename__ = "webhook_endpoints"

    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(500), default="")
    secret_sealed: Mapped[str] = mapped_column(String(300))
    events: Mapped[list[Any]]
    disabled_at: Mapped[datetime | None]
    failing_since: Mapped[datetime | None]


class WebhookDelivery(IdMixin, TimestampMixin, OrgScoped, Base):
    """One event to one endpoint, retried with backoff until delivered or given up."""

    __tablename__ = "webhook_deliveries"

    endpoint_id: Mapped[str] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[str] = mapped_column(String(40), index=True)
    event_type: Mapped[str] = mapped_column(String(60))
    payload: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(index=True)
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(1000))
    delivered_at: Mapped[datetime | None]
    attempt_log: Mapped[list[Any]]
