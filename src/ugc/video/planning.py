"""Rebuild a job's plan from its row: working folder, brief, engines and the step DAG."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ugc.models import VideoJob
from ugc.ops import logs
from ugc.pipeline.coordinator import Step
from ugc.pipeline.job import Engines, JobSpec, plan
from ugc.pipeline.store import FileArtifactStore, file_digest
from ugc.runtime import Runtime
from ugc.video.jobdir import JobLoader, job_dir, write_brief

IO_KINDS = frozenset({"script", "fit", "avatar"})  # AI providers and the network
WEIGHTS = {"render": 6.0, "qa": 3.0, "fit": 2.0, "motion": 1.5, "thumbs": 1.0}


@dataclass(frozen=True)
class Planned:
    """Everything needed to run any step of a job revision."""

    spec: JobSpec
    engines: Engines
    store: FileArtifactStore
    steps: dict[str, Step]
    folder: Path


def queue_for(kind: str) -> str:
    """Return the queue a step kind runs on."""
    return "io" if kind in IO_KINDS else "cpu"


def artifact_store(runtime: Runtime) -> FileArtifactStore:
    """Return the content-keyed store every worker shares."""
    return FileArtifactStore(runtime.cache_dir / "artifacts")


def organization_keys(
    runtime: Runtime, org_id: str, session: Session | None = None
) -> dict[str, str]:
    """Return the organisation's own provider keys, masked in logs from now on."""
    from ugc.aikeys.service import org_keys

    if session is not None:  # inside a request: its session (SQLite allows one writer)
        found = org_keys(session, runtime.keys, org_id)
    else:
        with runtime.sessions() as own:
            found = org_keys(own, runtime.keys, org_id)
    logs.mask(found.values())
    return found


def plan_job(runtime: Runtime, job: VideoJob) -> Planned:
    """Fetch the job's assets, load its brief and engines, and return its steps."""
    from ugc.asset.service import materialize

    folder = job_dir(runtime.cache_dir, job.id)
    path = folder / f"brief-r{job.revision}.json"
    if not path.exists():

        def fetch(asset_id: str, dest: Path) -> Path:
            with runtime.sessions() as session:  # a short read; no write lock held
                found: Path = materialize(
                    session, runtime.blobs, job.organization_id, asset_id, dest
                )
                return found

        write_brief(folder, job.brief, job.revision, fetch)
    loader: JobLoader | None = runtime.engines
    if loader is None:
        raise RuntimeError("the runtime has no job loader; start through `ugc serve`/`ugc worker`")
    brief, engines = loader(path, organization_keys(runtime, job.organization_id))
    spec = JobSpec(brief, job.variants, tuple(job.aspects), job.seed, path.name, file_digest(path))
    store = artifact_store(runtime)
    steps = {s.name: s for s in plan(spec, engines, store)}
    return Planned(spec, engines, store, steps, folder)
