"""HTTP routes of this domain: /brand-kits."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from ugc.auth.principal import Principal
from ugc.brand import service
from ugc.brand.schemas import BrandKitCreate, BrandKitOut, BrandKitPage, BrandKitPatch
from ugc.http.deps import Db, Require

router = APIRouter(prefix="/brand-kits", tags=["brand kits"])
Reader = Annotated[Principal, Depends(Require("brand:read"))]
Writer = Annotated[Principal, Depends(Require("brand:write"))]


@router.post("", status_code=201, summary="Create a brand kit")
def create_kit(body: BrandKitCreate, db: Db, caller: Writer) -> BrandKitOut:
    """Create a brand kit; the organisation's first kit becomes its default."""
    return BrandKitOut.of(service.create_kit(db, caller.org, body))


@router.get("", summary="List brand kits")
def list_kits(
    db: Db,
    caller: Reader,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: str | None = None,
) -> BrandKitPage:
    """List the organisation's brand kits, newest first."""
    page = service.list_kits(db, caller.org, limit, cursor)
    return BrandKitPage(items=[BrandKitOut.of(k) for k in page.items], next_cursor=page.next_cursor)


@router.get("/{kit_id}", summary="Get a brand kit")
def get_kit(kit_id: str, db: Db, caller: Reader) -> BrandKitOut:
    """Return one brand kit."""
    return BrandKitOut.of(service.get_kit(db, caller.org, kit_id))


@router.patch("/{kit_id}", summary="Change a brand kit")
def update_kit(kit_id: str, body: BrandKitPatch, db: Db, caller: Writer) -> BrandKitOut:
    """Change the fields sent; nested objects change only the keys sent."""
    return BrandKitOut.of(service.update_kit(db, caller.org, kit_id, body))


@router.delete("/{kit_id}", status_code=204, summary="Delete a brand kit")
def delete_kit(kit_id: str, request: Request, db: Db, caller: Writer) -> Response:
    """Delete a brand kit (recorded in the audit log)."""
    ip = request.client.host if request.client else None
    service.delete_kit(db, caller.subject, caller.org, kit_id, ip)
    return Response(status_code=204)


@router.post("/{kit_id}/default", summary="Make a brand kit the default")
def set_default(kit_id: str, db: Db, caller: Writer) -> BrandKitOut:
    """Make this kit the organisation's default brand kit."""
    return BrandKitOut.of(service.set_default_kit(db, caller.org, kit_id))
