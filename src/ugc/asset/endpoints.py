"""HTTP routes of the asset domain: upload, list, read with a download link, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Response, UploadFile

from ugc.asset import service
from ugc.asset.schemas import AssetDetail, AssetOut, AssetPage, Kind
from ugc.auth.principal import Principal
from ugc.http.deps import Db, Require, Rt

router = APIRouter(prefix="/assets", tags=["assets"])

Reader = Annotated[Principal, Depends(Require("assets:read"))]
Writer = Annotated[Principal, Depends(Require("assets:write"))]


@router.post(
    "",
    status_code=201,
    response_model=AssetOut,
    summary="Upload an image, video or audio file",
    responses={413: {"description": "Over the size limit"}, 415: {"description": "Not media"}},
)
def upload_asset(
    session: Db,
    runtime: Rt,
    caller: Writer,
    file: Annotated[UploadFile, File(description="The media file (type sniffed from its bytes).")],
    kind: Annotated[
        Kind | None, Form(description="Refuse the file unless it is this kind.")
    ] = None,
) -> AssetOut:
    """Check an upload (type, limits, decoding) and store it."""
    row = service.create_asset(
        session, runtime.blobs, caller.org, caller.subject, file.file, file.filename, kind
    )
    return AssetOut.of(row)


@router.get("", response_model=AssetPage, summary="List assets")
def list_assets(
    session: Db,
    caller: Reader,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: str | None = None,
    kind: Kind | None = None,
) -> AssetPage:
    """List the organisation's assets, newest first."""
    page = service.list_assets(session, caller.org, limit, cursor, kind)
    return AssetPage(items=[AssetOut.of(r) for r in page.items], next_cursor=page.next_cursor)


@router.get("/{asset_id}", response_model=AssetDetail, summary="Get an asset and a download URL")
def get_asset(asset_id: str, session: Db, runtime: Rt, caller: Reader) -> AssetDetail:
    """Return an asset with a signed, expiring download URL."""
    ttl = int(runtime.limits.get("signed_url_ttl_s", 3600))
    row, url, expires = service.get_with_link(session, runtime.blobs, caller.org, asset_id, ttl)
    return AssetDetail.linked(row, url, expires)


@router.delete("/{asset_id}", status_code=204, summary="Delete an asset")
def delete_asset(asset_id: str, session: Db, runtime: Rt, caller: Writer) -> Response:
    """Delete an asset and its stored file."""
    service.delete_asset(session, runtime.blobs, caller.org, asset_id, caller.subject)
    return Response(status_code=204)
