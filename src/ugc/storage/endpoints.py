"""Serve local blobs through signed, expiring URLs (Azure serves its own SAS URLs)."""

from __future__ import annotations

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from ugc.errors import Forbidden, NotFound
from ugc.http.deps import Rt
from ugc.storage.local import LocalBlobStore

router = APIRouter(tags=["blobs"])


@router.get(
    "/blobs/{key:path}",
    response_class=FileResponse,
    summary="Download a blob through a signed URL",
    responses={403: {"description": "Invalid or expired signature"}},
)
def download_blob(
    key: str,
    runtime: Rt,
    exp: str = Query(description="Expiry, Unix seconds"),
    sig: str = Query(description="HMAC signature"),
    filename: str | None = None,
) -> FileResponse:
    """Download a blob with a signed URL."""
    store = runtime.blobs
    if not isinstance(store, LocalBlobStore):
        raise NotFound("blob", key)
    try:
        path = store.path(key)
    except ValueError as exc:
        raise NotFound("blob", key) from exc
    if not store.check_signature(key, exp, sig, filename):
        raise Forbidden("this download link is invalid or has expired")
    if not path.is_file():
        raise NotFound("blob", key)
    return FileResponse(path, filename=filename)
