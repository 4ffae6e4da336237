"""Server-sent progress events, read from the database so any process's updates show."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from ugc.models import VideoJob
from ugc.runtime import Runtime
from ugc.video import repository as repo

TERMINAL = ("succeeded", "failed", "cancelled")


def _snapshot(rt: Runtime, org_id: str, job_id: str) -> dict[str, Any] | None:
    """Return the job's status, progress and steps now."""
    with rt.sessions() as s:
        job = repo.JobRepository(s, org_id).select().where(VideoJob.id == job_id)
        row = s.scalars(job).first()
        if row is None:
            return None
        steps = repo.steps_of(s, row.id, row.revision)
        return {
            "id": row.id,
            "status": row.status,
            "revision": row.revision,
            "progress": 1.0 if row.status == "succeeded" else row.progress,
            "eta_seconds": row.eta_seconds,
            "steps": {x.name: [x.status, round(x.progress, 2)] for x in steps},
            "error": row.error,
        }


async def stream(rt: Runtime, org_id: str, job_id: str, poll_s: float = 0.5) -> AsyncIterator[str]:
    """Yield SSE messages on every change until the job ends; comments keep proxies open."""
    last, idle, seq = None, 0.0, 0
    while True:
        snap = await asyncio.to_thread(_snapshot, rt, org_id, job_id)
        if snap is None:
            yield 'event: error\ndata: {"code": "not_found"}\n\n'
            return
        if snap != last:
            seq += 1
            kind = "done" if snap["status"] in TERMINAL else "progress"
            yield f"id: {seq}\nevent: {kind}\ndata: {json.dumps(snap)}\n\n"
            last, idle = snap, 0.0
            if kind == "done":
                return
        idle += poll_s
        if idle >= 15:
            yield ": keep-alive\n\n"
            idle = 0.0
        await asyncio.sleep(poll_s)
