"""Runner state rules on real rows: leftovers of ended jobs, steps whose workers keep dying,
and one delivery per revision."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from tests.platform import Member, RecordingQueue
from ugc.kit.clock import utcnow
from ugc.kit.ids import new_id
from ugc.models import VideoJob, VideoStep
from ugc.runtime import Runtime
from ugc.video import runner
from ugc.video.reconcile import reconcile


def job_with_step(
    runtime: Runtime, owner: Member, job_status: str, step_status: str, attempts: int = 0
) -> tuple[str, str]:
    """Insert a job and one stale step; return their ids."""
    old = utcnow() - timedelta(hours=1)
    with runtime.sessions() as s:
        vid, sid = new_id("vid"), new_id("stp")
        s.add(
            VideoJob(
                id=vid,
                organization_id=owner.org_id,
                created_by=owner.user_id,
                status=job_status,
                brief={},
                aspects=["9:16"],
                variants=1,
                seed=7,
                quote={},
                created_at=old,
            )
        )
        s.flush()
        s.add(
            VideoStep(
                id=sid,
                organization_id=owner.org_id,
                job_id=vid,
                revision=1,
                name="render/00/9x16",
                kind="render",
                queue="cpu",
                deps=[],
                status=step_status,
                attempts=attempts,
                dispatched_at=old,
                heartbeat_at=old,
            )
        )
        s.commit()
    return vid, sid


def status_of(runtime: Runtime, step_id: str) -> str:
    """Return a step's status."""
    with runtime.sessions() as s:
        return str(s.scalars(select(VideoStep.status).where(VideoStep.id == step_id)).one())


def test_leftovers_of_an_ended_job_are_cancelled_not_resent(
    runtime: Runtime, owner: Member, recorded: RecordingQueue
) -> None:
    _, sid = job_with_step(runtime, owner, "cancelled", "dispatched")
    reconcile(runtime)
    assert status_of(runtime, sid) == "cancelled"
    assert not [n for n, _ in recorded.sent if n.startswith("video.step")]


def test_a_stale_step_of_a_running_job_is_sent_again(
    runtime: Runtime, owner: Member, recorded: RecordingQueue
) -> None:
    vid, sid = job_with_step(runtime, owner, "running", "running", attempts=1)
    reconcile(runtime)
    assert status_of(runtime, sid) == "dispatched"
    assert ("video.step.cpu", (vid, 1, "render/00/9x16")) in recorded.sent


def test_a_step_whose_workers_keep_dying_fails(
    runtime: Runtime, owner: Member, recorded: RecordingQueue
) -> None:
    vid, sid = job_with_step(runtime, owner, "running", "dispatched", attempts=runner.MAX_ATTEMPTS)
    runner.run_step(runtime, vid, 1, "render/00/9x16")
    assert status_of(runtime, sid) == "failed"
    assert ("video.advance", (vid,)) in recorded.sent


def test_only_one_worker_delivers_a_revision(runtime: Runtime, owner: Member) -> None:
    vid, _ = job_with_step(runtime, owner, "running", "succeeded")
    with runtime.sessions() as s:
        job = s.get(VideoJob, vid)
    assert job is not None
    assert runner._lease_finish(runtime, job)
    assert not runner._lease_finish(runtime, job)
