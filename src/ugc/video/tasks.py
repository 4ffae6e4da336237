"""Queue actors of the video domain: thin wrappers over the runner, ids only."""

from __future__ import annotations

from ugc.kit.tasks import task
from ugc.runtime import current
from ugc.video import runner


@task("video.start", queue="default")
def start(job_id: str) -> None:
    """Start a queued job."""
    runner.start(current(), job_id)


@task("video.advance", queue="default")
def advance(job_id: str) -> None:
    """Dispatch ready steps, or finish the job."""
    runner.advance(current(), job_id)


@task("video.step.io", queue="io", time_limit_s=1800)
def step_io(job_id: str, revision: int, name: str) -> None:
    """Run a provider-bound step (script, voice, avatar)."""
    runner.run_step(current(), job_id, revision, name)


@task("video.step.cpu", queue="cpu", time_limit_s=3600)
def step_cpu(job_id: str, revision: int, name: str) -> None:
    """Run a compute step (render, QA, music, thumbnails)."""
    runner.run_step(current(), job_id, revision, name)


@task("video.finish", queue="cpu")
def finish(job_id: str) -> None:
    """Deliver, upload and complete a job."""
    runner.finish(current(), job_id)
