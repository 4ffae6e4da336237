"""HTTP routes of this domain: endpoints, their secrets, the delivery log and replay."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from ugc.auth.principal import Principal
from ugc.http.deps import NO_STORE, Db, Require, Rt
from ugc.webhook import service
from ugc.webhook.schemas import (
    DeliveryDetail,
    DeliveryOut,
    DeliveryPage,
    DeliveryStatus,
    EndpointCreate,
    EndpointCreated,
    EndpointOut,
    EndpointPage,
    EndpointUpdate,
    SecretOut,
)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

Reader = Annotated[Principal, Depends(Require("webhooks:read"))]
Writer = Annotated[Principal, Depends(Require("webhooks:write"))]
Limit = Annotated[int, Query(ge=1, le=100, description="Page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]


def _ip(request: Request) -> str | None:
    """Return the client address for the audit log."""
    return request.client.host if request.client else None


@router.post(
    "/endpoints",
    status_code=201,
    summary="Create a webhook endpoint (the secret is shown once)",
    dependencies=[NO_STORE],
)
def create_endpoint(
    body: EndpointCreate,
    request: Request,
    response: Response,
    session: Db,
    runtime: Rt,
    caller: Writer,
) -> EndpointCreated:
    """Add an endpoint to the organisation and return its signing secret once."""
    row, secret = service.create_endpoint(session, runtime, caller, body, _ip(request))
    response.headers["Cache-Control"] = "no-store"
    return EndpointCreated.with_secret(row, secret)


@router.get("/endpoints", summary="List webhook endpoints")
def list_endpoints(
    session: Db, caller: Reader, limit: Limit = 50, cursor: Cursor = None
) -> EndpointPage:
    """List the organisation's endpoints, newest first."""
    page = service.list_endpoints(session, caller.org, limit, cursor)
    return EndpointPage(items=[EndpointOut.of(r) for r in page.items], next_cursor=page.next_cursor)


@router.get("/endpoints/{endpoint_id}", summary="Get a webhook endpoint")
def get_endpoint(endpoint_id: str, session: Db, caller: Reader) -> EndpointOut:
    """Return one endpoint (without its secret)."""
    return EndpointOut.of(service.get_endpoint(session, caller.org, endpoint_id))


@router.patch("/endpoints/{endpoint_id}", summary="Update or re-enable a webhook endpoint")
def update_endpoint(
    endpoint_id: str,
    body: EndpointUpdate,
    request: Request,
    session: Db,
    runtime: Rt,
    caller: Writer,
) -> EndpointOut:
    """Change the URL, events or description, or turn the endpoint on or off."""
    row = service.update_endpoint(session, runtime, caller, endpoint_id, body, _ip(request))
    return EndpointOut.of(row)


@router.delete("/endpoints/{endpoint_id}", status_code=204, summary="Delete a webhook endpoint")
def delete_endpoint(endpoint_id: str, request: Request, session: Db, caller: Writer) -> None:
    """Delete the endpoint and its delivery log."""
    service.delete_endpoint(session, caller, endpoint_id, _ip(request))


@router.post(
    "/endpoints/{endpoint_id}/rotate-secret",
    summary="Replace the signing secret (the new one is shown once)",
    dependencies=[NO_STORE],
)
def rotate_secret(
    endpoint_id: str, request: Request, response: Response, session: Db, runtime: Rt, caller: Writer
) -> SecretOut:
    """Give the endpoint a new secret at once and return it."""
    secret = service.rotate_secret(session, runtime, caller, endpoint_id, _ip(request))
    response.headers["Cache-Control"] = "no-store"
    return SecretOut(id=endpoint_id, secret=secret)


@router.post("/endpoints/{endpoint_id}/test", status_code=202, summary="Send a webhook.test event")
def send_test(endpoint_id: str, session: Db, caller: Writer) -> DeliveryOut:
    """Queue a test event to the endpoint and return its delivery."""
    return DeliveryOut.of(service.send_test(session, caller.org, endpoint_id))


@router.get("/endpoints/{endpoint_id}/deliveries", summary="List an endpoint's deliveries")
def list_deliveries(
    endpoint_id: str,
    session: Db,
    caller: Reader,
    status: DeliveryStatus | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> DeliveryPage:
    """List the endpoint's deliveries, newest first, optionally of one status."""
    page = service.list_deliveries(session, caller.org, endpoint_id, status, limit, cursor)
    return DeliveryPage(items=[DeliveryOut.of(r) for r in page.items], next_cursor=page.next_cursor)


@router.get("/deliveries/{delivery_id}", summary="Get a delivery with its attempts")
def get_delivery(delivery_id: str, session: Db, caller: Reader) -> DeliveryDetail:
    """Return one delivery, its payload and its recent attempts."""
    return DeliveryDetail.of(service.get_delivery(session, caller.org, delivery_id))


@router.post(
    "/deliveries/{delivery_id}/replay", status_code=202, summary="Send a finished delivery again"
)
def replay_delivery(delivery_id: str, session: Db, caller: Writer) -> DeliveryOut:
    """Re-send the same event (same webhook-id, fresh timestamp and signature)."""
    return DeliveryOut.of(service.replay(session, caller.org, delivery_id))
