"""Video routes: quote, submit (202), read, list, cancel, re-render, and progress over SSE."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from ugc.auth.principal import Principal
from ugc.http.deps import Db, Require, Rt
from ugc.video import events, service
from ugc.video.schemas import Quote, Status, VideoCreate, VideoEdit, VideoOut, VideoPage

router = APIRouter(prefix="/videos", tags=["videos"])
Reader = Annotated[Principal, Depends(Require("videos:read"))]
Writer = Annotated[Principal, Depends(Require("videos:write"))]


@router.post("/quote", response_model=Quote, summary="Price a request before rendering")
def quote_video(body: VideoCreate, db: Db, who: Writer) -> Quote:
    """Estimate duration, compute and credits; nothing is rendered or charged."""
    brief = service.resolve_brief(db, who.org, body)
    return service.quote(brief, len(set(body.aspects)), body.variants)


@router.post("", status_code=202, response_model=VideoOut, summary="Render a video")
def create_video(body: VideoCreate, db: Db, rt: Rt, who: Writer) -> dict[str, object]:
    """Queue a render of a brief (or template) in the chosen aspects; answers 202."""
    job = service.submit(rt, db, who, body)
    return service.view(rt, db, job)


@router.get("", response_model=VideoPage, summary="List videos")
def list_videos(
    db: Db,
    rt: Rt,
    who: Reader,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: str | None = None,
    status: Status | None = None,
    q: Annotated[str | None, Query(max_length=80, description="Product name contains")] = None,
) -> VideoPage:
    """List the organisation's videos, newest first; filter by status or product name."""
    page = service.page(db, who.org, limit, cursor, status, q)
    items = [service.summary(rt, j) for j in page.items]
    return VideoPage.model_validate({"items": items, "next_cursor": page.next_cursor})


@router.get("/{video_id}", response_model=VideoOut, summary="Get a video")
def get_video(video_id: str, db: Db, rt: Rt, who: Reader) -> dict[str, object]:
    """Return status, per-step progress, ETA, error, and signed output URLs."""
    return service.view(rt, db, service.get(db, who.org, video_id))


@router.post("/{video_id}/cancel", response_model=VideoOut, summary="Cancel a video")
def cancel_video(video_id: str, db: Db, rt: Rt, who: Writer) -> dict[str, object]:
    """Cancel a queued or running render (a finished one is returned unchanged)."""
    return service.view(rt, db, service.cancel(db, who.org, video_id))


@router.post("/{video_id}/rerender", status_code=202, response_model=VideoOut, summary="Re-render")
def rerender_video(
    video_id: str, body: VideoEdit, db: Db, rt: Rt, who: Writer
) -> dict[str, object]:
    """Render a new revision from an edited brief; only affected steps run again."""
    return service.view(rt, db, service.rerender(rt, db, who.org, video_id, body))


@router.get(
    "/{video_id}/events",
    response_class=StreamingResponse,
    summary="Progress stream (SSE)",
    responses={200: {"content": {"text/event-stream": {}}}},
)
def video_events(video_id: str, db: Db, rt: Rt, who: Reader) -> StreamingResponse:
    """Stream `progress` events while the video renders and one `done` event at the end."""
    service.get(db, who.org, video_id)  # 404 before the stream starts
    return StreamingResponse(
        events.stream(rt, who.org, video_id),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
