"""Video use cases for the API: quote, submit, read, list, cancel and re-render."""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from ugc.auth.principal import Principal
from ugc.errors import (
    BriefError,
    Conflict,
    FieldError,
    InvalidRequest,
    NotFound,
    QuotaExceeded,
)
from ugc.kit.clock import rfc3339, utcnow
from ugc.kit.pagination import Page
from ugc.kit.tasks import enqueue
from ugc.models import VideoJob
from ugc.ops.metrics import JOBS
from ugc.providers.errors import NotConfigured
from ugc.runtime import Runtime
from ugc.video import repository as repo
from ugc.video.jobdir import asset_refs, write_brief
from ugc.video.outputs import sign, signed_outputs
from ugc.video.planning import organization_keys
from ugc.video.progress import eta_seconds
from ugc.video.runner import new_job_id
from ugc.video.schemas import Quote, VideoCreate, VideoEdit

T = TypeVar("T")

# Step seconds of a 30 s, two-aspect job on 2 cores (ugc create, run.json): rendering about
# 0.6 s per rendered second per aspect (bench/RESULTS.md), thumbnails and QA another 0.16;
# voicing and fitting the script, music and mixing about 0.43 s per video second, once per
# variant. Quotes round those up.
COMPUTE_PER_RENDERED_SECOND = 0.8
PREP_PER_VIDEO_SECOND = 0.5
SECONDS_PER_CREDIT = 15
MAX_QUEUED = 100


def resolve_brief(session: Session, org_id: str, body: VideoCreate) -> dict[str, Any]:
    """Return the brief to render: given or from a template, with the brand kit applied."""
    if (body.brief is None) == (body.template_id is None):
        err = FieldError("brief", "give either a brief or a template_id, not both")
        raise InvalidRequest("give either a brief or a template_id", [err])
    if body.brief is not None:
        brief = body.brief
    else:
        from ugc.template.service import render_for_org

        brief = render_for_org(session, org_id, body.template_id or "", body.variables)
    if body.options:  # the wizard's picks and edited scripts, over a template's own options
        brief = {**brief, "options": {**(brief.get("options") or {}), **body.options}}
    return with_kit(session, org_id, brief, body.brand_kit_id)


def with_kit(
    session: Session, org_id: str, brief: dict[str, Any], kit_id: str | None
) -> dict[str, Any]:
    """Apply the named brand kit, or the organisation's default one, to the brief."""
    from ugc.brand.service import apply_brand, get_default_kit, get_kit

    kit = get_kit(session, org_id, kit_id) if kit_id else get_default_kit(session, org_id)
    if kit is None:
        return brief
    logo = f"asset:{kit.logo_asset_id}" if kit.logo_asset_id else None
    return apply_brand(brief, kit, logo)


def quote(brief: dict[str, Any], aspects: int, variants: int) -> Quote:
    """Estimate duration, compute and credits before anything renders."""
    seconds = float(brief.get("target_seconds", 30))
    video = seconds * variants
    renders = variants * aspects
    return Quote(
        video_seconds=video,
        renders=renders,
        compute_seconds=round(
            video * (aspects * COMPUTE_PER_RENDERED_SECOND + PREP_PER_VIDEO_SECOND), 1
        ),
        credits=max(1, math.ceil(video * aspects / SECONDS_PER_CREDIT)),
    )


def check_brief(rt: Runtime, session: Session, org_id: str, brief: dict[str, Any]) -> None:
    """Load the brief exactly as the worker will (assets included), or raise a field error."""
    with loaded_brief(rt, session, org_id, brief, rt.engines or _no_engines):
        pass


def _no_engines(_path: Path, _keys: Mapping[str, str]) -> None:
    """Stand in for a missing job loader: only entry points that run jobs install one."""
    raise RuntimeError("this process has no job loader (runtime.engines)")


@contextmanager
def loaded_brief(
    rt: Runtime,
    session: Session,
    org_id: str,
    brief: dict[str, Any],
    loader: Callable[[Path, Mapping[str, str]], T],
) -> Iterator[T]:
    """Fetch the brief's assets and load it with `loader`, or raise a field error."""
    from ugc.asset.service import materialize

    for ident in asset_refs(brief):
        try:
            _asset_exists(session, org_id, ident)
        except NotFound as exc:
            raise InvalidRequest(exc.message, [FieldError("brief", exc.message)]) from exc
    with tempfile.TemporaryDirectory(prefix="ugc-brief-") as tmp:

        def fetch(asset_id: str, dest: Path) -> Path:
            found: Path = materialize(session, rt.blobs, org_id, asset_id, dest)
            return found

        path = write_brief(Path(tmp), brief, 1, fetch)
        try:
            loaded = loader(path, organization_keys(rt, org_id, session))
        except BriefError as exc:
            field = "brief" if exc.field == "brief" else f"brief.{exc.field}"
            raise InvalidRequest(f"{field}: {exc.reason}", [FieldError(field, exc.reason)]) from exc
        except NotConfigured as exc:  # the brand kit names a provider with no key
            raise InvalidRequest(f"brief: {exc}", [FieldError("brief", str(exc))]) from exc
        yield loaded


def _asset_exists(session: Session, org_id: str, asset_id: str) -> None:
    """Raise NotFound unless the organisation owns the asset."""
    from ugc.asset.service import get_asset

    get_asset(session, org_id, asset_id)


def submit(rt: Runtime, session: Session, who: Principal, body: VideoCreate) -> VideoJob:
    """Validate and store a job, and enqueue its start after the commit."""
    jobs = repo.JobRepository(session, who.org)
    if jobs.count_active() >= MAX_QUEUED:
        raise QuotaExceeded(f"{MAX_QUEUED} videos are already queued or running; wait for some")
    brief = resolve_brief(session, who.org, body)
    check_brief(rt, session, who.org, brief)
    job = VideoJob(
        id=new_job_id(),
        created_by=who.subject,
        status="queued",
        brief=brief,
        brand_kit_id=body.brand_kit_id,
        template_id=body.template_id,
        aspects=list(dict.fromkeys(body.aspects)),
        variants=body.variants,
        seed=body.seed,
        quote=quote(brief, len(set(body.aspects)), body.variants).model_dump(),
    )
    jobs.add(job)
    enqueue(session, "video.start", job.id)
    return job


def page(
    session: Session,
    org_id: str,
    limit: int,
    cursor: str | None,
    status: str | None,
    q: str | None = None,
) -> Page[VideoJob]:
    """Return a page of the organisation's jobs, newest first."""
    return repo.JobRepository(session, org_id).page(limit, cursor, status, q)


def summary(rt: Runtime, job: VideoJob) -> dict[str, Any]:
    """Return the job as a list shows it, with a signed cover thumbnail once it is done."""
    cover = None
    if job.outputs and job.status == "succeeded":
        first = job.outputs["variants"][0]["outputs"][0]
        if first["thumbnails"]:
            ttl = int(rt.limits.get("signed_url_ttl_s", 3600))
            cover = sign(rt.blobs, first["thumbnails"][0], ttl)
    return {
        "id": job.id,
        "status": job.status,
        "progress": job.progress,
        "revision": job.revision,
        "product": str(job.brief.get("product", {}).get("name", "")),
        "aspects": job.aspects,
        "variants": job.variants,
        "cover": cover,
        "created_at": rfc3339(job.created_at),
        "finished_at": rfc3339(job.finished_at),
    }


def get(session: Session, org_id: str, job_id: str) -> VideoJob:
    """Return one of the organisation's jobs."""
    return repo.JobRepository(session, org_id).get(job_id)


def cancel(session: Session, org_id: str, job_id: str) -> VideoJob:
    """Cancel a queued or running job; running steps stop at their next progress report."""
    job = get(session, org_id, job_id)
    if job.status not in repo.ACTIVE:
        return job
    from ugc.webhook.service import emit

    ended = {"cancel_requested": True, "status": "cancelled", "finished_at": utcnow()}
    if not repo.cas_job(session, job.id, repo.ACTIVE, ended | {"eta_seconds": 0.0}):
        session.refresh(job)  # it ended a moment ago; show how
        return job
    session.refresh(job)
    for step in repo.steps_of(session, job.id, job.revision):
        if step.status in ("pending", "dispatched"):
            step.status = "cancelled"
    emit(session, org_id, "video.cancelled", {"id": job.id, "revision": job.revision})
    JOBS.labels("cancelled").inc()
    nxt = repo.next_queued(session, org_id)
    if nxt is not None and nxt.id != job.id:
        enqueue(session, "video.start", nxt.id)
    return job


def rerender(rt: Runtime, session: Session, org_id: str, job_id: str, edit: VideoEdit) -> VideoJob:
    """Start a new revision from an edited brief; unchanged steps come from the cache."""
    job = get(session, org_id, job_id)
    if job.status in repo.ACTIVE:
        raise Conflict("this video is still rendering; cancel it or wait before editing")
    brief = edit.brief
    check_brief(rt, session, org_id, brief)
    job.brief, job.revision = brief, job.revision + 1
    if edit.aspects:
        job.aspects = list(dict.fromkeys(edit.aspects))
    job.status, job.cancel_requested, job.error, job.outputs = "queued", False, None, None
    job.progress, job.started_at, job.finished_at = 0.0, None, None
    job.quote = quote(brief, len(job.aspects), job.variants).model_dump()
    enqueue(session, "video.start", job.id)
    return job


def view(rt: Runtime, session: Session, job: VideoJob) -> dict[str, Any]:
    """Return the job as the API shows it, with signed output URLs."""
    steps = repo.steps_of(session, job.id, job.revision)
    outputs = None
    if job.outputs and job.status == "succeeded":
        ttl = int(rt.limits.get("signed_url_ttl_s", 3600))
        outputs = signed_outputs(rt.blobs, job.outputs["variants"], ttl)
    return {
        "id": job.id,
        "status": job.status,
        "revision": job.revision,
        "progress": 1.0 if job.status == "succeeded" else job.progress,
        "eta_seconds": eta_seconds(job, job.progress, utcnow()),
        "aspects": job.aspects,
        "variants": job.variants,
        "brief": job.brief,
        "steps": [
            {
                "name": x.name,
                "kind": x.kind,
                "status": x.status,
                "progress": x.progress,
                "cached": x.cached,
                "attempts": x.attempts,
                "seconds": x.seconds,
            }
            for x in steps
        ],
        "error": job.error,
        "outputs": outputs,
        "quote": job.quote,
        "cost": job.cost,
        "created_at": rfc3339(job.created_at),
        "started_at": rfc3339(job.started_at),
        "finished_at": rfc3339(job.finished_at),
    }
