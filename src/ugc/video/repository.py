"""Queries over video jobs and steps, scoped to an organisation where a caller asks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ugc.kit.pagination import Page, paginate
from ugc.kit.repository import ScopedRepository
from ugc.models import VideoJob, VideoStep

ACTIVE = ("queued", "running")


class JobRepository(ScopedRepository[VideoJob]):
    """Video jobs of one organisation."""

    model = VideoJob
    kind = "video"

    def page(
        self, limit: int, cursor: str | None, status: str | None, q: str | None = None
    ) -> Page[VideoJob]:
        """Return a page of jobs, newest first, optionally by status and product-name search."""
        query = self.select()
        if status:
            query = query.where(VideoJob.status == status)
        if q:
            name = VideoJob.brief["product"]["name"].as_string()
            query = query.where(func.lower(name).contains(q.lower(), autoescape=True))
        return paginate(self.session, query, VideoJob.created_at, VideoJob.id, limit, cursor)

    def count_active(self) -> int:
        """Return how many jobs are queued or running."""
        query = select(func.count()).where(
            VideoJob.organization_id == self.organization_id, VideoJob.status.in_(ACTIVE)
        )
        return int(self.session.scalar(query) or 0)


# The worker acts on ids from messages; a job id names its organisation's row exactly.


def load_job(session: Session, job_id: str, lock: bool = False) -> VideoJob | None:
    """Return a job by id for the worker, optionally locking its row (PostgreSQL)."""
    query = select(VideoJob).where(VideoJob.id == job_id)
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def steps_of(session: Session, job_id: str, revision: int) -> list[VideoStep]:
    """Return a job revision's steps in creation order."""
    query = select(VideoStep).where(VideoStep.job_id == job_id, VideoStep.revision == revision)
    return list(session.scalars(query.order_by(VideoStep.id)))


def step_by_name(session: Session, job_id: str, revision: int, name: str) -> VideoStep | None:
    """Return one step of a revision."""
    query = select(VideoStep).where(
        VideoStep.job_id == job_id, VideoStep.revision == revision, VideoStep.name == name
    )
    return session.scalars(query).first()


def cas_step(
    session: Session,
    step_id: str,
    expect: tuple[str, ...],
    values: dict[str, Any],
    attempt: int | None = None,
) -> bool:
    """Update a step if its status is one of `expect` (and it is still this attempt's)."""
    mine = [] if attempt is None else [VideoStep.attempts == attempt]
    result = session.execute(
        update(VideoStep)
        .where(VideoStep.id == step_id, VideoStep.status.in_(expect), *mine)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def cas_job(
    session: Session,
    job_id: str,
    expect: tuple[str, ...],
    values: dict[str, Any],
    revision: int | None = None,
) -> bool:
    """Update a job if its status is one of `expect` (and it is still at `revision`)."""
    same = [] if revision is None else [VideoJob.revision == revision]
    result = session.execute(
        update(VideoJob)
        .where(VideoJob.id == job_id, VideoJob.status.in_(expect), *same)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def running_count(session: Session, organization_id: str) -> int:
    """Return how many of an organisation's jobs are running."""
    query = select(func.count()).where(
        VideoJob.organization_id == organization_id, VideoJob.status == "running"
    )
    return int(session.scalar(query) or 0)


def next_queued(session: Session, organization_id: str) -> VideoJob | None:
    """Return the organisation's oldest queued job."""
    query = (
        select(VideoJob)
        .where(VideoJob.organization_id == organization_id, VideoJob.status == "queued")
        .order_by(VideoJob.created_at, VideoJob.id)
        .limit(1)
    )
    return session.scalars(query).first()


def stale_steps(
    session: Session, running_before: datetime, dispatched_before: datetime
) -> list[VideoStep]:
    """Return live steps whose heartbeat stopped, or whose dispatch was never picked up."""
    query = (
        select(VideoStep)
        .join(VideoJob, VideoJob.id == VideoStep.job_id)
        .where(VideoJob.status == "running", VideoJob.revision == VideoStep.revision)
        .where(
            ((VideoStep.status == "running") & (VideoStep.heartbeat_at < running_before))
            | ((VideoStep.status == "dispatched") & (VideoStep.dispatched_at < dispatched_before))
        )
        .order_by(VideoStep.dispatched_at)
    )
    return list(session.scalars(query.limit(500)))


def dead_steps(session: Session) -> list[str]:
    """Return ids of unfinished steps whose job ended or moved to a newer revision."""
    query = (
        select(VideoStep.id)
        .join(VideoJob, VideoJob.id == VideoStep.job_id)
        .where(VideoStep.status.in_(("pending", "dispatched", "running")))
        .where((VideoJob.status != "running") | (VideoJob.revision != VideoStep.revision))
    )
    return list(session.scalars(query.limit(1000)))


def stuck_jobs(session: Session, status: str, before: datetime) -> list[VideoJob]:
    """Return jobs in a status since before (queued never started, or running with no progress)."""
    query = select(VideoJob).where(VideoJob.status == status, VideoJob.created_at < before)
    return list(session.scalars(query.limit(500)))
