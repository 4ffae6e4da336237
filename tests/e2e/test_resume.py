"""Stopping and editing: a stopped run resumes; an edit redoes only the steps it touches."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.helpers import (
    UPSTREAM,
    Render,
    code_fingerprint,
    copy_brief,
    edit_brief,
    run_create,
    skip_if_code_changed,
    start_create,
    statuses,
    step_records,
    tree,
)

pytestmark = pytest.mark.slow

TWO = ("--aspects", "9:16,1:1")
ONE = ("--aspects", "9:16")
LATE_KINDS = ("render", "thumbs", "qa")
PROMPT_EXIT_S = 5.0


def _wait_for(cond: Callable[[], bool], proc: subprocess.Popen[bytes], log: Path) -> None:
    """Poll until cond() holds; fail (killing the run) if it ends first or takes too long."""
    deadline = time.monotonic() + 300
    while not cond():
        problem = None
        if proc.poll() is not None:
            problem = f"ugc create ended ({proc.returncode}) before the point of interruption"
        elif time.monotonic() > deadline:
            problem = "timed out waiting for the run to reach the point of interruption"
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if problem:
            pytest.fail(f"{problem}:\n{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.05)


def _stop(proc: subprocess.Popen[bytes], sig: signal.Signals) -> tuple[int, float]:
    """Signal the run's whole process group (as a terminal would); return its code and latency."""
    t0 = time.monotonic()
    os.killpg(proc.pid, sig)
    try:
        code = proc.wait(timeout=300)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return code, time.monotonic() - t0


def _assert_nothing_looks_delivered(out: Path) -> None:
    """No manifest (old or new) and no delivered video after an interrupted run."""
    assert not (out / "manifest.json").exists(), "an interrupted run left a manifest"
    assert not list(out.rglob("*.mp4")), "an interrupted run left delivered videos"


def _assert_resumed(out: Path, done: Counter[str]) -> None:
    """Check the rerun took every step finished before the stop from the cache."""
    st = statuses(out)
    for kind in UPSTREAM:
        assert done[kind] == 1, f"{kind} had not finished before the stop"
        assert st[f"{kind}/00"] == "cached", f"{kind}/00 re-ran after the stop: {st}"
    for kind in LATE_KINDS:
        names = [n for n in st if n.startswith(f"{kind}/")]
        cached = [n for n in names if st[n] == "cached"]
        assert len(cached) == done[kind], f"{kind}: {done[kind]} finished, cached now: {st}"
        assert all(st[n] in ("cached", "ran") for n in names), st
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["passed"] is True


def test_kill_9_during_the_renders_resumes_from_the_cache(tmp_path: Path) -> None:
    brief = copy_brief(tmp_path / "brief")
    out, cache, log = tmp_path / "OUT", tmp_path / "cache", tmp_path / "run.log"
    out.mkdir()
    (out / "manifest.json").write_text('{"stale": "from an earlier run"}')
    fingerprint = code_fingerprint()

    proc = start_create(brief, out, cache, log, *TWO)
    _wait_for(lambda: bool(step_records(cache, "render")), proc, log)
    code, _ = _stop(proc, signal.SIGKILL)
    assert code == -signal.SIGKILL
    _assert_nothing_looks_delivered(out)
    done = Counter(r["step"] for r in step_records(cache))
    assert 1 <= done["render"] <= 2

    again = run_create(brief, out, cache, *TWO)
    assert again.returncode == 0, again.stderr[-3000:]
    skip_if_code_changed(fingerprint)
    _assert_resumed(out, done)


def _rendering(cache: Path) -> bool:
    """Return True once a render is writing its MP4 into the store's scratch folder."""
    for path in (cache / "tmp").glob("*.mp4"):
        try:
            if path.stat().st_size > 0:
                return True
        except FileNotFoundError:  # just moved into the store
            continue
    return False


def test_ctrl_c_during_a_render_stops_and_resumes(tmp_path: Path) -> None:
    brief = copy_brief(tmp_path / "brief")
    out, cache, log = tmp_path / "OUT", tmp_path / "cache", tmp_path / "run.log"
    fingerprint = code_fingerprint()

    proc = start_create(brief, out, cache, log, *ONE)
    _wait_for(lambda: _rendering(cache), proc, log)
    code, latency = _stop(proc, signal.SIGINT)
    assert code not in (0, 3), f"Ctrl-C exited {code}"
    assert latency <= PROMPT_EXIT_S, f"Ctrl-C took {latency:.1f} s to stop the run"
    assert "Traceback" not in log.read_text(errors="replace")
    _assert_nothing_looks_delivered(out)
    done = Counter(r["step"] for r in step_records(cache))

    again = run_create(brief, out, cache, *ONE)
    assert again.returncode == 0, again.stderr[-3000:]
    skip_if_code_changed(fingerprint)
    _assert_resumed(out, done)


def test_edits_redo_only_the_steps_they_touch(gadget: Render, tmp_path: Path) -> None:
    # Start from the shared run's cache; the edited brief sits beside the original so every
    # asset path (and so every step key) is the same.
    cache, out = tmp_path / "cache", tmp_path / "OUT"
    shutil.copytree(gadget.cache, cache)
    brief = gadget.brief.with_name("brief-edit.yaml")
    shutil.copy2(gadget.brief, brief)

    run = run_create(brief, out, cache, *ONE)
    assert run.returncode == 0, run.stderr[-3000:]
    skip_if_code_changed(gadget.code)
    assert set(statuses(out).values()) == {"cached"}, statuses(out)

    edit_brief(brief, 'primary: "#3F8F3A"', 'primary: "#2B5FA8"')
    run = run_create(brief, out, cache, *ONE)
    assert run.returncode == 0, run.stderr[-3000:]
    skip_if_code_changed(gadget.code)
    st = statuses(out)
    for kind in ("script", "fit", "music", "mix", "motion"):
        assert st[f"{kind}/00"] == "cached", f"a brand colour edit re-ran {kind}: {st}"
    for kind in LATE_KINDS:
        assert st[f"{kind}/00/9x16"] == "ran", f"a brand colour edit did not redo {kind}: {st}"

    edit_brief(brief, 'cta: "Get yours today"', 'cta: "Order yours today"')
    run = run_create(brief, out, cache, *ONE)
    assert run.returncode == 0, run.stderr[-3000:]
    skip_if_code_changed(gadget.code)
    st = statuses(out)
    assert st["script/00"] == "ran"
    assert st["fit/00"] == "ran"
    script = (out / "variant-00" / "script.json").read_text(encoding="utf-8")
    assert "Order yours today" in script
    assert "Get yours today" not in script
    assert "Order yours" in (out / "variant-00" / "captions.srt").read_text(encoding="utf-8")

    objects, steps = tree(cache / "objects"), tree(cache / "steps")
    run = run_create(brief, out, cache, *ONE)
    assert run.returncode == 0, run.stderr[-3000:]
    skip_if_code_changed(gadget.code)
    assert set(statuses(out).values()) == {"cached"}, statuses(out)
    assert tree(cache / "objects") == objects, "an unchanged rerun wrote new artifacts"
    assert tree(cache / "steps") == steps, "an unchanged rerun wrote new step records"
