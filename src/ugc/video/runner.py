"""Run a job on the queue: start it, dispatch ready steps, run one step, finish or fail it."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session

from ugc.db.session import transaction
from ugc.kit.clock import utcnow
from ugc.kit.ids import new_id
from ugc.kit.tasks import enqueue, send
from ugc.models import VideoJob, VideoStep
from ugc.ops import logs
from ugc.ops.metrics import JOBS, STEPS
from ugc.pipeline.coordinator import step_key
from ugc.pipeline.errors import StepError
from ugc.runtime import Runtime
from ugc.video import repository as repo
from ugc.video.planning import WEIGHTS, Planned, plan_job, queue_for
from ugc.video.progress import eta_seconds, job_progress

log = logging.getLogger("ugc.video")
T = TypeVar("T")
MAX_ATTEMPTS = 3
FINISH_LEASE = timedelta(minutes=10)


class Cancelled(Exception):
    """The job was cancelled while a step ran."""


def start(rt: Runtime, job_id: str) -> None:
    """Move a queued job to running (if a slot is free), create its steps, and dispatch."""
    limit = int(rt.limits.get("max_running_jobs", 4))
    with rt.sessions() as s:
        job = repo.load_job(s, job_id)
        busy = job is not None and repo.running_count(s, job.organization_id) >= limit
    if job is None or job.status != "queued" or job.cancel_requested or busy:
        return  # a busy organisation's job stays queued; a finishing job starts the next
    revision = job.revision
    try:
        planned: Planned | None = plan_job(rt, job)  # slow (assets, engines): no lock held
        problem = ""
    except Exception as exc:  # a brief that no longer loads fails the job, clearly
        planned, problem = None, str(exc)
    with transaction(rt.sessions) as s:
        job = repo.load_job(s, job_id, lock=True)
        if job is None or job.status != "queued" or job.cancel_requested:
            return
        if job.revision != revision:  # re-rendered while planning: its own start follows
            return
        if planned is None:
            _fail_job(s, job, "invalid_brief", problem, retryable=False)
            return
        if repo.running_count(s, job.organization_id) >= limit:
            return
        running = {"status": "running", "started_at": utcnow(), "finishing_at": None}
        if not repo.cas_job(s, job.id, ("queued",), running, revision=revision):
            return
        _create_steps(s, job, planned)
    send("video.advance", job_id)


def _create_steps(s: Session, job: VideoJob, planned: Planned) -> None:
    """Insert one row per step of this revision (once)."""
    if repo.steps_of(s, job.id, job.revision):
        return
    for i, step in enumerate(planned.steps.values()):
        s.add(
            VideoStep(
                id=f"stp_{job.id[4:]}_{job.revision:03d}_{i:04d}",
                organization_id=job.organization_id,
                job_id=job.id,
                revision=job.revision,
                name=step.name,
                kind=step.kind,
                queue=queue_for(step.kind),
                deps=list(step.deps),
                weight=WEIGHTS.get(step.kind, 1.0),
                status="pending",
            )
        )
    s.flush()


def advance(rt: Runtime, job_id: str) -> None:
    """Dispatch every step whose deps are done; finish or fail the job when it is over."""
    with transaction(rt.sessions) as s:
        job = repo.load_job(s, job_id, lock=True)
        if job is None or job.status != "running":
            return
        steps = repo.steps_of(s, job.id, job.revision)
        failed = [x for x in steps if x.status == "failed"]
        if failed:
            _fail_job(s, job, "step_failed", f"{failed[0].name}: {failed[0].error}", retryable=True)
            return
        if steps and all(x.status == "succeeded" for x in steps):
            enqueue(s, "video.finish", job.id)
            return
        _dispatch_ready(s, job, steps)
        job.progress = job_progress(steps)
        job.eta_seconds = eta_seconds(job, job.progress, utcnow())


def _dispatch_ready(s: Session, job: VideoJob, steps: list[VideoStep]) -> None:
    """Mark ready pending steps dispatched and send them, after commit, to their queue."""
    status = {x.name: x.status for x in steps}
    for x in steps:
        if x.status != "pending" or any(status.get(d) != "succeeded" for d in x.deps):
            continue
        if repo.cas_step(
            s, x.id, ("pending",), {"status": "dispatched", "dispatched_at": utcnow()}
        ):
            enqueue(s, f"video.step.{x.queue}", job.id, job.revision, x.name)


def run_step(rt: Runtime, job_id: str, revision: int, name: str) -> None:
    """Claim one step, run it (or find it cached), record the result, and advance the job."""
    logs.clear()
    logs.bind(job_id=job_id, step=name)
    claimed = _claim(rt, job_id, revision, name)
    if claimed is None:
        return
    step_id, attempts = claimed
    t0 = time.perf_counter()
    try:
        key, cached = _with_heartbeat(
            rt, job_id, step_id, attempts, lambda cb: _execute(rt, job_id, revision, name, cb)
        )
    except Cancelled:
        _finish_step(rt, step_id, attempts, {"status": "cancelled", "finished_at": utcnow()})
        return
    except StepError as exc:
        retry = exc.retryable and attempts < MAX_ATTEMPTS
        _step_failed(rt, step_id, attempts, exc.message, retry)
    except Exception as exc:  # a bug or an outage: retry a few times, then fail the job
        log.exception("step %s of %s crashed", name, job_id)
        retry = attempts < MAX_ATTEMPTS
        _step_failed(rt, step_id, attempts, f"{type(exc).__name__}: {exc}", retry)
    else:
        seconds = round(time.perf_counter() - t0, 3)
        values: dict[str, Any] = {
            "status": "succeeded",
            "key": key,
            "cached": cached,
            "progress": 1.0,
            "finished_at": utcnow(),
            "seconds": seconds,
        }
        _finish_step(rt, step_id, attempts, values)
        STEPS.labels(name.split("/")[0], str(cached).lower()).observe(seconds)
    send("video.advance", job_id)


def _claim(rt: Runtime, job_id: str, revision: int, name: str) -> tuple[str, int] | None:
    """Take the step if it was dispatched (or its runner went silent); None if not ours."""
    stale = utcnow().timestamp() - float(rt.limits.get("step_stale_s", 30))
    with transaction(rt.sessions) as s:
        job = repo.load_job(s, job_id)
        step = repo.step_by_name(s, job_id, revision, name)
        if job is None or step is None or job.status != "running" or job.revision != revision:
            return None
        beat = step.heartbeat_at.timestamp() if step.heartbeat_at else 0.0
        expect = ("dispatched", "running") if beat < stale else ("dispatched",)
        if step.attempts >= MAX_ATTEMPTS:  # its workers keep dying (OOM, kill): stop trying
            error = f"the step's worker stopped {step.attempts} times without finishing"
            values: dict[str, Any] = {"status": "failed", "error": error}
            if repo.cas_step(s, step.id, expect, values, attempt=step.attempts):
                enqueue(s, "video.advance", job_id)
            return None
        now = utcnow()
        values = {"status": "running", "attempts": step.attempts + 1, "started_at": now}
        values["heartbeat_at"] = now
        if not repo.cas_step(s, step.id, expect, values, attempt=step.attempts):
            return None
        return step.id, step.attempts + 1


def _execute(
    rt: Runtime, job_id: str, revision: int, name: str, report: Callable[[float], None]
) -> tuple[str, bool]:
    """Plan and run the step body; return its content key and whether it was cached."""
    with rt.sessions() as s:
        job = repo.load_job(s, job_id)
        keys = {x.name: x.key for x in repo.steps_of(s, job_id, revision)}
    assert job is not None
    planned = plan_job(rt, job)
    step = planned.steps[name]
    dep_out = {d: _output(planned, keys[d]) for d in step.deps}
    key = step_key(step, dep_out)
    if planned.store.get_step(key) is not None:
        return key, True
    result = step.run(dep_out, report)
    record = {"output": result.output, "artifacts": list(result.artifacts), "step": step.kind}
    planned.store.put_step(key, record)
    return key, False


def _output(planned: Planned, key: str | None) -> dict[str, Any]:
    """Return a finished dependency's output from the artifact store."""
    record = planned.store.get_step(key or "")
    if record is None:
        raise StepError("deps", "a dependency's output is missing from the store", retryable=True)
    out: dict[str, Any] = record["output"]
    return out


def _with_heartbeat(
    rt: Runtime,
    job_id: str,
    step_id: str,
    attempt: int,
    body: Callable[[Callable[[float], None]], T],
) -> T:
    """Run body while a thread records heartbeats and progress and watches for cancel."""
    progress = [0.0]
    cancelled = threading.Event()
    stop = threading.Event()

    every = float(rt.limits.get("heartbeat_s", 3.0))

    def beat() -> None:
        while not stop.wait(every):
            if _heartbeat(rt, job_id, step_id, attempt, progress[0]):
                cancelled.set()

    def report(fraction: float) -> None:
        progress[0] = fraction
        if cancelled.is_set():
            raise Cancelled

    thread = threading.Thread(target=beat, name=f"beat-{step_id}", daemon=True)
    thread.start()
    try:
        return body(report)
    finally:
        stop.set()
        thread.join()


def _heartbeat(rt: Runtime, job_id: str, step_id: str, attempt: int, fraction: float) -> bool:
    """Record that the step is alive; return True if its job was cancelled."""
    try:
        with transaction(rt.sessions) as s:
            values = {"heartbeat_at": utcnow(), "progress": round(fraction, 3)}
            repo.cas_step(s, step_id, ("running",), values, attempt=attempt)
            job = repo.load_job(s, job_id)
            return job is None or job.cancel_requested
    except Exception:  # a missed heartbeat is not fatal; the reconciler is lenient
        log.warning("heartbeat for %s failed", step_id)
        return False


def _finish_step(rt: Runtime, step_id: str, attempt: int, values: dict[str, Any]) -> None:
    """Record a step's end if it is still this attempt's (a re-dispatch took it otherwise)."""
    with transaction(rt.sessions) as s:
        repo.cas_step(s, step_id, ("running",), values, attempt=attempt)


def _step_failed(rt: Runtime, step_id: str, attempt: int, message: str, retry: bool) -> None:
    """Put a failed step back to pending (to retry) or mark it failed."""
    values: dict[str, Any] = {"error": message[:2000], "finished_at": utcnow()}
    values["status"] = "pending" if retry else "failed"
    _finish_step(rt, step_id, attempt, values)


def _fail_job(s: Session, job: VideoJob, code: str, message: str, retryable: bool) -> None:
    """Mark the job failed, tell webhooks, and start the organisation's next job."""
    error = {"code": code, "message": message[:1000], "retryable": retryable}
    if repo.cas_job(s, job.id, ("queued", "running"), _ended("failed") | {"error": error}):
        JOBS.labels("failed").inc()
        _announce(s, job, "video.failed", {"error": error})


def _ended(status: str) -> dict[str, Any]:
    """Return the column values of a job that just ended."""
    return {"status": status, "finished_at": utcnow(), "eta_seconds": 0.0}


def _announce(s: Session, job: VideoJob, event: str, extra: dict[str, Any]) -> None:
    """Emit the job's webhook event and start the next queued job of its organisation."""
    from ugc.webhook.service import emit

    emit(s, job.organization_id, event, {"id": job.id, "revision": job.revision, **extra})
    nxt = repo.next_queued(s, job.organization_id)
    if nxt is not None and nxt.id != job.id:
        enqueue(s, "video.start", nxt.id)


def new_job_id() -> str:
    """Return a fresh video id."""
    return new_id("vid")


def finish(rt: Runtime, job_id: str) -> None:
    """Deliver and upload a finished revision, then mark the job succeeded."""
    from ugc.video.outputs import deliver_files, describe, upload

    with rt.sessions() as s:
        job = repo.load_job(s, job_id)
        steps = repo.steps_of(s, job_id, job.revision) if job else []
    if job is None or job.status != "running" or not all(x.status == "succeeded" for x in steps):
        return
    if not _lease_finish(rt, job):
        return  # another worker is delivering this revision
    try:
        planned = plan_job(rt, job)
        outputs = {x.name: _output(planned, x.key) for x in steps}
        out, manifest = deliver_files(planned, outputs, job.revision)
        prefix = f"orgs/{job.organization_id}/videos/{job.id}/r{job.revision}"
        upload(rt.blobs, out, prefix)
    except Exception as exc:  # outputs that cannot be delivered fail the job, clearly
        log.exception("delivering %s failed", job.id)
        with transaction(rt.sessions) as s:
            _fail_job(s, job, "delivery_failed", f"{type(exc).__name__}: {exc}", retryable=True)
        return
    values = _ended("succeeded") | {
        "progress": 1.0,
        "outputs": {"variants": describe(manifest, prefix), "manifest": f"{prefix}/manifest.json"},
        "cost": {"usd": manifest["cost_usd"], "qa_passed": manifest["passed"]},
    }
    with transaction(rt.sessions) as s:
        if repo.cas_job(s, job.id, ("running",), values, revision=job.revision):
            JOBS.labels("succeeded").inc()
            _announce(s, job, "video.succeeded", {"qa_passed": manifest["passed"]})


def _lease_finish(rt: Runtime, job: VideoJob) -> bool:
    """Take the revision's delivery for this worker (a lease that lapses after ten minutes)."""
    now = utcnow()
    with transaction(rt.sessions) as s:
        result = s.execute(
            update(VideoJob)
            .where(VideoJob.id == job.id, VideoJob.status == "running")
            .where(VideoJob.revision == job.revision)
            .where((VideoJob.finishing_at.is_(None)) | (VideoJob.finishing_at < now - FINISH_LEASE))
            .values(finishing_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))
