"""Video jobs and their steps: the state the coordinator and reconciler work from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, OrgScoped, TimestampMixin


class VideoJob(IdMixin, TimestampMixin, OrgScoped, Base):
    """One request to render variants of a brief in some aspects."""

    __tablename__ = "video_jobs"

    created_by: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), index=True)
    brief: Mapped[dict[str, Any]]
    brand_kit_id: Mapped[str | None] = mapped_column(String(40))
    template_id: Mapped[str | None] = mapped_column(String(40))
    aspects: Mapped[list[Any]]
    variants: Mapped[int]
    seed: Mapped[int]
    revision: Mapped[int] = mapped_column(default=1)
    progress: Mapped[float] = mapped_column(default=0.0)
    eta_seconds: Mapped[float | None]
    error: Mapped[dict[str, Any] | None]
    outputs: Mapped[dict[str, Any] | None]
    quote: Mapped[dict[str, Any]]
    cost: Mapped[dict[str, Any] | None]
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    finishing_at: Mapped[datetime | None]  # a lease: one worker delivers a revision
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class VideoStep(IdMixin, OrgScoped, Base):
    """One step of a job's DAG in one revision; `key` is its content key once known."""

    __tablename__ = "video_steps"
    __table_args__ = (UniqueConstraint("job_id", "revision", "name"),)

    job_id: Mapped[str] = mapped_column(ForeignKey("video_jobs.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    queue: Mapped[str] = mapped_column(String(20))
    deps: Mapped[list[Any]]
    weight: Mapped[float] = mapped_column(default=1.0)
    status: Mapped[str] = mapped_column(String(20))
    key: Mapped[str | None] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(default=0)
    progress: Mapped[float] = mapped_column(default=0.0)
    cached: Mapped[bool] = mapped_column(default=False)
    dispatched_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    seconds: Mapped[float | None]
    error: Mapped[str | None] = mapped_column(String(2000))
