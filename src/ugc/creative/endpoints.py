"""Creative routes: the catalog, item previews, and script drafts for the create-video wizard."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ugc.auth.principal import Principal
from ugc.creative import service
from ugc.creative.schemas import Catalog, PreviewKind, ScriptDraftRequest, ScriptDrafts
from ugc.http.deps import Db, Require, Rt

router = APIRouter(tags=["creative"])
Member = [Depends(Require("videos:read"))]  # any member: every role can read videos
Writer = Annotated[Principal, Depends(Require("videos:write"))]
CACHE = "private, max-age=86400"
BINARY = {"schema": {"type": "string", "format": "binary"}}


@router.post("/scripts/draft", response_model=ScriptDrafts, summary="Draft scripts")
def draft_scripts(body: ScriptDraftRequest, db: Db, rt: Rt, who: Writer) -> ScriptDrafts:
    """Write each variant's script as a render would; `variant` + `attempt` regenerate one."""
    return service.draft_scripts(rt, db, who.org, body)


@router.get(
    "/catalog", response_model=Catalog, summary="List creative choices", dependencies=Member
)
def get_catalog(rt: Rt) -> Catalog:
    """Return personas, settings, caption styles, moods, voices, tones, formats, aspects, fonts."""
    return service.catalog(rt)


@router.get(
    "/catalog/{kind}/{item_id}/preview",
    response_class=Response,
    summary="Preview a catalog item",
    dependencies=Member,
    responses={
        200: {
            "description": "A PNG (personas, settings, caption styles) or a WAV (voices, moods).",
            "content": {"image/png": BINARY, "audio/wav": BINARY},
        },
        304: {"description": "Unchanged since the ETag in If-None-Match."},
        404: {"description": "No such item (problem+json)."},
    },
)
def get_preview(kind: PreviewKind, item_id: str, request: Request, rt: Rt) -> Response:
    """Return a still or a short sample of one item, made by the engines a render uses."""
    found = service.item_preview(rt, kind, item_id)
    headers = {"Cache-Control": CACHE, "ETag": f'"{found.key}"'}
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    return Response(found.body, media_type=found.media_type, headers=headers)
