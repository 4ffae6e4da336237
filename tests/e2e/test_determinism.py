"""The same brief, seed and code give the same video: frames, audio and bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.helpers import (
    Render,
    copy_brief,
    framemd5,
    run_create,
    sha256,
    skip_if_code_changed,
    statuses,
)

pytestmark = pytest.mark.slow

ASPECT = "1:1"  # the cheapest cut; the shared run renders it too


def _differ(a: Path, b: Path, which: str) -> list[int]:
    """Return the indices of decoded frames ('v') or audio packets ('a') that differ."""
    fa, fb = framemd5(a, which), framemd5(b, which)
    assert len(fa) == len(fb), f"{which}: {len(fa)} vs {len(fb)} frames"
    return [i for i, (x, y) in enumerate(zip(fa, fb, strict=True)) if x != y]


def _render_alone(root: Path) -> Path:
    """Render ASPECT from a fresh copy of the brief into a fresh cache; return the MP4."""
    brief = copy_brief(root / "brief")
    out = root / "OUT"
    run = run_create(brief, out, root / "cache", "--aspects", ASPECT)
    assert run.returncode == 0, run.stderr[-3000:]
    assert set(statuses(out).values()) == {"ran"}, "a fresh cache served a step"
    return out / "variant-00" / f"{ASPECT.replace(':', 'x')}.mp4"


def test_two_fresh_caches_render_identical_videos(gadget: Render, tmp_path: Path) -> None:
    # Two more folders and empty caches: nothing is shared, and the brief's absolute asset
    # paths differ between them, which must not change a pixel.
    one, two = _render_alone(tmp_path / "one"), _render_alone(tmp_path / "two")
    skip_if_code_changed(gadget.code)

    assert not _differ(one, two, "a"), "decoded audio differs"
    frames = _differ(one, two, "v")
    assert not frames, f"{len(frames)} decoded frames differ, first at frame {frames[0]}"
    assert sha256(one) == sha256(two), "decoded streams match but the MP4 bytes differ"
    for name in ("script.json", "captions.srt", "captions.vtt"):
        a = gadget.out / "variant-00" / name
        b = one.parent / name
        assert a.read_bytes() == b.read_bytes(), f"{name} differs from the shared run's"

    # The shared run made the same cut beside another aspect, in one process.
    shared = gadget.video(ASPECT)
    assert not _differ(shared, one, "a"), "the shared run's audio differs"
    frames = _differ(shared, one, "v")
    assert not frames, f"the shared run's {ASPECT} cut differs from frame {frames[0]}"
    assert sha256(shared) == sha256(one)
