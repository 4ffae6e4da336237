"""Job progress and ETA from step weights and timings."""

from __future__ import annotations

from datetime import datetime

from ugc.models import VideoJob, VideoStep

DONE = ("succeeded",)


def job_progress(steps: list[VideoStep]) -> float:
    """Return the weighted fraction of the job's work that is done."""
    total = sum(s.weight for s in steps) or 1.0
    done = sum(s.weight * (1.0 if s.status in DONE else min(s.progress, 0.99)) for s in steps)
    return round(min(done / total, 1.0), 4)


def eta_seconds(job: VideoJob, progress: float, now: datetime) -> float | None:
    """Estimate the seconds left from the time spent so far, or the quote before that."""
    if job.status in ("succeeded", "failed", "cancelled"):
        return 0.0
    quoted = float(job.quote.get("compute_seconds", 0.0))
    if job.started_at is None or progress < 0.05:
        return round(quoted * (1 - progress), 1) if quoted else None
    spent = (now - job.started_at).total_seconds()
    return round(max(spent / progress - spent, 0.0), 1)
