"""HTTP routes of the importer: draft a brief from a product page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ugc.auth.principal import Principal
from ugc.http.deps import Db, Require, Rt
from ugc.importer.schemas import ImportOut, ImportRequest, ImportSource
from ugc.importer.service import import_product

router = APIRouter(tags=["briefs"])


@router.post(
    "/briefs/import",
    response_model=ImportOut,
    summary="Draft a brief from a product page",
    responses={422: {"description": "The URL is refused or the page has no product"}},
)
def import_brief(
    body: ImportRequest,
    session: Db,
    runtime: Rt,
    caller: Annotated[Principal, Depends(Require("videos:write"))],
) -> ImportOut:
    """Fetch a public product page (SSRF-guarded) and return a brief and its image assets."""
    settings = runtime.extras.get("importer", {})
    got = import_product(session, runtime.blobs, caller.org, caller.subject, body.url, settings)
    return ImportOut(brief=got.brief, images=got.images, source=ImportSource(**got.source))
