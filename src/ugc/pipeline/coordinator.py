"""Run a DAG of cached steps through an executor; finished steps are never run twice."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Protocol

from ugc.pipeline.errors import StepError
from ugc.pipeline.store import FileArtifactStore, content_key

Outputs = Mapping[str, dict[str, Any]]
Progress = Callable[[float], None]


@dataclass(frozen=True)
class StepResult:
    """What a step produced: a JSON output and the artifact keys it references."""

    output: dict[str, Any]
    artifacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """A node of the DAG; `run` gets the outputs of `deps` by name and a progress callback."""

    name: str
    kind: str
    version: str
    params: Any
    run: Callable[[Outputs, Progress], StepResult]
    deps: tuple[str, ...] = ()
    heavy: bool = False


@dataclass
class StepRun:
    """How one step went in this run."""

    name: str
    kind: str
    key: str
    status: str = "pending"
    seconds: float = 0.0
    error: str | None = None
    started: float | None = None


class Listener(Protocol):
    """Receives progress events (the CLI draws them with Rich)."""

    def started(self, step: Step) -> None:
        """Note that a step began."""

    def progressed(self, step: Step, fraction: float) -> None:
        """Note a step's progress in [0, 1]."""

    def finished(self, step: Step, run: StepRun) -> None:
        """Note that a step finished, was cached, or failed."""


class Executor(Protocol):
    """Runs callables somewhere and returns futures."""

    def submit(self, fn: Callable[[], StepResult], heavy: bool) -> Future[StepResult]:
        """Schedule fn; heavy work is serialised by the executor."""
        ...

    def shutdown(self) -> None:
        """Release the workers."""
        ...


class LocalExecutor:
    """A thread pool; heavy steps (encodes use every core already) run one at a time."""

    def __init__(self, workers: int = 4, heavy_slots: int = 1) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ugc-step")
        self._heavy = threading.Semaphore(heavy_slots)

    def submit(self, fn: Callable[[], StepResult], heavy: bool) -> Future[StepResult]:
        """Schedule fn, holding the heavy slot while it runs if needed."""
        if not heavy:
            return self._pool.submit(fn)

        def guarded() -> StepResult:
            with self._heavy:
                return fn()

        return self._pool.submit(guarded)

    def shutdown(self) -> None:
        """Stop the pool, cancelling queued work."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class SerialExecutor:
    """Runs each step inline, one by one; used to measure the DAG's parallel gain."""

    def submit(self, fn: Callable[[], StepResult], heavy: bool) -> Future[StepResult]:  # noqa: ARG002
        """Run fn now and return a completed future."""
        fut: Future[StepResult] = Future()
        try:
            fut.set_result(fn())
        except BaseException as exc:  # the coordinator re-raises it from the future
            fut.set_exception(exc)
        return fut

    def shutdown(self) -> None:
        """Nothing to release."""


@dataclass
class _Quiet:
    """A listener that ignores events."""

    def started(self, step: Step) -> None:
        """Ignore."""

    def progressed(self, step: Step, fraction: float) -> None:
        """Ignore."""

    def finished(self, step: Step, run: StepRun) -> None:
        """Ignore."""


@dataclass
class Coordinator:
    """Resolves ready steps, skips cached ones, and hands the rest to the executor."""

    store: FileArtifactStore
    executor: Executor
    listener: Listener = field(default_factory=_Quiet)
    runs: dict[str, StepRun] = field(default_factory=dict)

    def run(self, steps: Sequence[Step]) -> dict[str, dict[str, Any]]:
        """Run every step once its deps are done; return each step's output by name."""
        by_name = _index(steps)
        outputs: dict[str, dict[str, Any]] = {}
        running: dict[Future[StepResult], tuple[Step, StepRun, float]] = {}
        pending = list(by_name.values())
        try:
            while pending or running:
                pending = self._launch_ready(pending, outputs, running)
                if not running:
                    continue
                done, _ = wait(list(running), return_when=FIRST_COMPLETED)
                for fut in done:
                    step, run, t0 = running.pop(fut)
                    outputs[step.name] = self._collect(step, run, fut, t0)
        except BaseException:
            for fut in running:
                fut.cancel()
            raise
        return outputs

    def _launch_ready(
        self,
        pending: list[Step],
        outputs: dict[str, dict[str, Any]],
        running: dict[Future[StepResult], tuple[Step, StepRun, float]],
    ) -> list[Step]:
        """Start or satisfy from cache every step whose deps are done; return the rest."""
        still: list[Step] = []
        for step in pending:
            if any(d not in outputs for d in step.deps):
                still.append(step)
                continue
            dep_out = {d: outputs[d] for d in step.deps}
            key = step_key(step, dep_out)
            run = StepRun(step.name, step.kind, key)
            self.runs[step.name] = run
            cached = self.store.get_step(key)
            if cached is not None:
                run.status = "cached"
                outputs[step.name] = cached["output"]
                self.listener.finished(step, run)
                continue
            running[self._submit(step, run, dep_out)] = (step, run, time.perf_counter())
        return still

    def _submit(self, step: Step, run: StepRun, dep_out: Outputs) -> Future[StepResult]:
        """Hand one step to the executor with a progress callback bound to it."""

        def work() -> StepResult:
            run.started = time.perf_counter()
            self.listener.started(step)
            return step.run(dep_out, lambda f: self.listener.progressed(step, f))

        return self.executor.submit(work, step.heavy)

    def _collect(
        self, step: Step, run: StepRun, fut: Future[StepResult], t0: float
    ) -> dict[str, Any]:
        """Record a finished step's result, or mark it failed and re-raise."""
        run.seconds = time.perf_counter() - (run.started or t0)
        try:
            result = fut.result()
        except StepError as exc:
            run.status, run.error = "failed", exc.message
            self.listener.finished(step, run)
            raise
        except Exception as exc:
            run.status, run.error = "failed", str(exc)
            self.listener.finished(step, run)
            raise StepError(step.name, f"{type(exc).__name__}: {exc}") from exc
        record = {"output": result.output, "artifacts": list(result.artifacts), "step": step.kind}
        self.store.put_step(run.key, record)
        run.status = "ran"
        self.listener.finished(step, run)
        return result.output


def step_key(step: Step, dep_outputs: Outputs) -> str:
    """Return sha256(kind, version, params, the content of each dependency's output)."""
    deps = [[name, content_key(dep_outputs[name])] for name in step.deps]
    return content_key(step.kind, step.version, step.params, deps)


def _index(steps: Sequence[Step]) -> dict[str, Step]:
    """Index steps by name, rejecting duplicates, unknown deps and cycles."""
    by_name: dict[str, Step] = {}
    for step in steps:
        if step.name in by_name:
            raise ValueError(f"duplicate step name {step.name!r}")
        by_name[step.name] = step
    for step in steps:
        missing = [d for d in step.deps if d not in by_name]
        if missing:
            raise ValueError(f"step {step.name!r} depends on unknown steps {missing}")
    _check_acyclic(by_name)
    return by_name


def _check_acyclic(by_name: dict[str, Step]) -> None:
    """Raise ValueError if the dependency graph has a cycle."""
    state: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise ValueError(f"dependency cycle: {' -> '.join((*trail, name))}")
        state[name] = 1
        for dep in by_name[name].deps:
            visit(dep, (*trail, name))
        state[name] = 2

    for name in by_name:
        visit(name, ())
