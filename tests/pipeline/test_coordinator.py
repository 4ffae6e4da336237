"""The coordinator: ordering, caching by content, parallelism and failure."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from ugc.pipeline.coordinator import (
    Coordinator,
    LocalExecutor,
    Outputs,
    Progress,
    SerialExecutor,
    Step,
    StepResult,
)
from ugc.pipeline.errors import StepError
from ugc.pipeline.store import FileArtifactStore


def _const(value: object, calls: list[str], name: str):  # type: ignore[no-untyped-def]
    def run(deps: Outputs, _p: Progress) -> StepResult:
        calls.append(name)
        return StepResult({"value": value, "deps": sorted(deps)})

    return run


def _dag(calls: list[str], a_value: object = 1) -> list[Step]:
    return [
        Step("c", "c", "1", {}, _const("c", calls, "c"), ("a", "b")),
        Step("a", "a", "1", {"x": a_value}, _const(a_value, calls, "a")),
        Step("b", "b", "1", {}, _const("b", calls, "b")),
    ]


def test_runs_in_dependency_order_and_returns_outputs(tmp_path: Path) -> None:
    calls: list[str] = []
    out = Coordinator(FileArtifactStore(tmp_path), SerialExecutor()).run(_dag(calls))
    assert calls.index("c") > calls.index("a")
    assert calls.index("c") > calls.index("b")
    assert out["c"] == {"value": "c", "deps": ["a", "b"]}


def test_second_run_is_fully_cached(tmp_path: Path) -> None:
    store = FileArtifactStore(tmp_path)
    Coordinator(store, SerialExecutor()).run(_dag([]))
    calls: list[str] = []
    coord = Coordinator(store, SerialExecutor())
    coord.run(_dag(calls))
    assert calls == []
    assert {r.status for r in coord.runs.values()} == {"cached"}


def test_changed_params_rerun_only_dependents(tmp_path: Path) -> None:
    store = FileArtifactStore(tmp_path)
    Coordinator(store, SerialExecutor()).run(_dag([]))
    calls: list[str] = []
    Coordinator(store, SerialExecutor()).run(_dag(calls, a_value=2))
    assert sorted(calls) == ["a", "c"]


def test_same_output_keeps_downstream_cached(tmp_path: Path) -> None:
    """A re-run step whose output is unchanged does not invalidate its dependents."""
    store = FileArtifactStore(tmp_path)
    calls: list[str] = []

    def steps(param: int) -> list[Step]:
        return [
            Step("a", "a", "1", {"p": param}, _const("same", calls, "a")),
            Step("b", "b", "1", {}, _const("b", calls, "b"), ("a",)),
        ]

    Coordinator(store, SerialExecutor()).run(steps(1))
    calls.clear()
    Coordinator(store, SerialExecutor()).run(steps(2))
    assert calls == ["a"]


def test_independent_steps_run_in_parallel(tmp_path: Path) -> None:
    barrier = threading.Barrier(2, timeout=5)

    def meet(_d: Outputs, _p: Progress) -> StepResult:
        barrier.wait()  # deadlocks (and times out) unless both run at once
        return StepResult({"t": time.time()})

    steps = [Step("x", "x", "1", {}, meet), Step("y", "y", "1", {}, meet)]
    ex = LocalExecutor(workers=2)
    try:
        Coordinator(FileArtifactStore(tmp_path), ex).run(steps)
    finally:
        ex.shutdown()


def test_failure_names_the_step_and_is_not_cached(tmp_path: Path) -> None:
    store = FileArtifactStore(tmp_path)

    def boom(_d: Outputs, _p: Progress) -> StepResult:
        raise RuntimeError("disk on fire")

    with pytest.raises(StepError, match="bad: RuntimeError: disk on fire"):
        Coordinator(store, SerialExecutor()).run([Step("bad", "bad", "1", {}, boom)])
    assert list((tmp_path / "steps").iterdir()) == []


def test_rejects_cycles_and_unknown_deps(tmp_path: Path) -> None:
    store = FileArtifactStore(tmp_path)
    noop = _const(0, [], "n")
    with pytest.raises(ValueError, match="cycle"):
        Coordinator(store, SerialExecutor()).run(
            [Step("a", "a", "1", {}, noop, ("b",)), Step("b", "b", "1", {}, noop, ("a",))]
        )
    with pytest.raises(ValueError, match="unknown steps"):
        Coordinator(store, SerialExecutor()).run([Step("a", "a", "1", {}, noop, ("zz",))])


def test_record_with_missing_artifact_is_not_trusted(tmp_path: Path) -> None:
    store = FileArtifactStore(tmp_path)
    calls: list[str] = []

    def make(_d: Outputs, _p: Progress) -> StepResult:
        calls.append("made")
        key = store.put_bytes(b"payload", ".bin")
        return StepResult({"k": key}, (key,))

    steps = [Step("m", "m", "1", {}, make)]
    out = Coordinator(store, SerialExecutor()).run(steps)
    store.path(out["m"]["k"]).unlink()
    Coordinator(store, SerialExecutor()).run(steps)
    assert calls == ["made", "made"]
