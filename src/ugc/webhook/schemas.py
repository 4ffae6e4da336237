"""Request and response bodies of the webhook API (separate from the ORM rows)."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from ugc.kit.clock import rfc3339
from ugc.models import WebhookDelivery, WebhookEndpoint

EventType = Literal["video.succeeded", "video.failed", "video.cancelled"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
TEST_EVENT = "webhook.test"
DeliveryStatus = Literal["pending", "retrying", "succeeded", "failed"]

_URL = "https://example.com/hooks/ugc"


class EndpointCreate(BaseModel):
    """A new endpoint; no events means every event."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"url": _URL, "description": "Production", "events": ["video.succeeded"]}]
        },
    )

    url: str = Field(min_length=1, max_length=2000)
    description: str = Field(default="", max_length=500)
    events: list[EventType] = Field(default_factory=list)


class EndpointUpdate(BaseModel):
    """Fields to change; `enabled: true` turns a disabled endpoint back on."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"events": [], "enabled": True}]},
    )

    url: str | None = Field(default=None, min_length=1, max_length=2000)
    description: str | None = Field(default=None, max_length=500)
    events: list[EventType] | None = None
    enabled: bool | None = None


class EndpointOut(BaseModel):
    """An endpoint as listed and read (never with its secret)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "whe_3k9x...",
                    "url": _URL,
                    "description": "Production",
                    "events": ["video.succeeded"],
                    "enabled": True,
                    "disabled_at": None,
                    "failing_since": None,
                    "created_at": "2025-01-01T12:00:00Z",
                }
            ]
        }
    )

    id: str
    url: str
    description: str
    events: list[str]
    enabled: bool
    disabled_at: str | None
    failing_since: str | None
    created_at: str

    @classmethod
    def of(cls, row: WebhookEndpoint) -> EndpointOut:
        """Describe an endpoint row."""
        return cls(
            id=row.id,
            url=row.url,
            description=row.description,
            events=list(row.events),
            enabled=row.disabled_at is None,
            disabled_at=rfc3339(row.disabled_at),
            failing_since=rfc3339(row.failing_since),
            created_at=rfc3339(row.created_at) or "",
        )


class EndpointCreated(EndpointOut):
    """A new endpoint with its signing secret: shown this once, never again."""

    secret: str = Field(description="whsec_... signing secret; store it now")

    @classmethod
    def with_secret(cls, row: WebhookEndpoint, secret: str) -> EndpointCreated:
        """Describe a new endpoint together with its secret."""
        return cls(**EndpointOut.of(row).model_dump(), secret=secret)


class SecretOut(BaseModel):
    """A freshly rotated secret: shown this once, never again."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"id": "whe_3k9x...", "secret": "whsec_MfKQ9r8G..."}]}
    )

    id: str
    secret: str


class EndpointPage(BaseModel):
    """One page of endpoints."""

    items: list[EndpointOut]
    next_cursor: str | None


class Attempt(BaseModel):
    """One try at delivering: when, the HTTP status (if any), the error, how long it took."""

    at: str
    status: int | None
    error: str | None
    duration_ms: int


class DeliveryOut(BaseModel):
    """One event to one endpoint and where its delivery stands."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "whd_8f2...",
                    "endpoint_id": "whe_3k9x...",
                    "event_id": "evt_5m1...",
                    "event_type": "video.succeeded",
                    "status": "retrying",
                    "attempts": 2,
                    "next_attempt_at": "2025-01-01T12:35:00Z",
                    "last_status_code": 503,
                    "last_error": "HTTP 503",
                    "delivered_at": None,
                    "created_at": "2025-01-01T12:00:00Z",
                }
            ]
        }
    )

    id: str
    endpoint_id: str
    event_id: str
    event_type: str
    status: str
    attempts: int
    next_attempt_at: str | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: str | None
    created_at: str

    @classmethod
    def of(cls, row: WebhookDelivery) -> DeliveryOut:
        """Describe a delivery row."""
        return cls(
            id=row.id,
            endpoint_id=row.endpoint_id,
            event_id=row.event_id,
            event_type=row.event_type,
            status=row.status,
            attempts=row.attempts,
            next_attempt_at=rfc3339(row.next_attempt_at),
            last_status_code=row.last_status_code,
            last_error=row.last_error,
            delivered_at=rfc3339(row.delivered_at),
            created_at=rfc3339(row.created_at) or "",
        )


class DeliveryDetail(DeliveryOut):
    """A delivery with the payload it sends and its recent attempts (the last 20)."""

    payload: dict[str, Any]
    attempt_log: list[Attempt]

    @classmethod
    def of(cls, row: WebhookDelivery) -> DeliveryDetail:
        """Describe a delivery row in full."""
        log = [Attempt.model_validate(entry) for entry in row.attempt_log]
        base = DeliveryOut.of(row).model_dump()
        return cls(**base, payload=dict(row.payload), attempt_log=log)


class DeliveryPage(BaseModel):
    """One page of deliveries."""

    items: list[DeliveryOut]
    next_cursor: str | None
