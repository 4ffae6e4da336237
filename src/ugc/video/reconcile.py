"""The reconciler: re-dispatch steps whose worker went silent and nudge stuck jobs."""

from __future__ import annotations

from datetime import timedelta

from ugc.db.session import transaction
from ugc.kit.clock import utcnow
from ugc.kit.tasks import enqueue
from ugc.runtime import Runtime
from ugc.video import repository as repo


def reconcile(rt: Runtime) -> int:
    """Re-send stale steps and stuck jobs; return how many messages were sent."""
    now = utcnow()
    stale = timedelta(seconds=float(rt.limits.get("step_stale_s", 30)))
    lost = timedelta(seconds=float(rt.limits.get("dispatch_lost_s", 120)))
    sent = 0
    with transaction(rt.sessions) as s:
        for step_id in repo.dead_steps(s):  # a cancelled, failed or re-rendered job's leftovers
            repo.cas_step(s, step_id, ("pending", "dispatched", "running"), {"status": "cancelled"})
        for step in repo.stale_steps(s, now - stale, now - lost):
            values = {"status": "dispatched", "dispatched_at": now, "heartbeat_at": None}
            if repo.cas_step(s, step.id, (step.status,), values):
                enqueue(s, f"video.step.{step.queue}", step.job_id, step.revision, step.name)
                sent += 1
        for job in repo.stuck_jobs(s, "queued", now - lost):
            enqueue(s, "video.start", job.id)
            sent += 1
        for job in repo.stuck_jobs(s, "running", now - lost):
            enqueue(s, "video.advance", job.id)
            sent += 1
    return sent
