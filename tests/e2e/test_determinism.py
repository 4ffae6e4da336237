"""The same brief, seed and code give the same video: frames, audio and (ideally) bytes."""

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


def test_a_fresh_cache_reproduces_the_render(gadget: Render, tmp_path: Path) -> None:
    # Another folder and another empty cache: nothing can come from the first run, and the
    # brief's absolute asset paths differ, which must not change a pixel.
    brief = copy_brief(tmp_path / "elsewhere")
    out = tmp_path / "OUT"
    run = run_create(brief, out, tmp_path / "cache", "--aspects", "9:16")
    assert run.returncode == 0, run.stderr[-3000:]
    skip_if_code_changed(gadget.code)
    assert set(statuses(out).values()) == {"ran"}

    first, second = gadget.video("9:16"), out / "variant-00" / "9x16.mp4"
    video_a, video_b = framemd5(first, "v"), framemd5(second, "v")
    assert len(video_a) == len(video_b)
    differ = [i for i, (a, b) in enumerate(zip(video_a, video_b, strict=True)) if a != b]
    assert not differ, f"{len(differ)} decoded frames differ, first at frame {differ[0]}"
    assert framemd5(first, "a") == framemd5(second, "a"), "decoded audio differs"

    for name in ("script.json", "captions.srt", "captions.vtt"):
        a, b = gadget.out / "variant-00" / name, out / "variant-00" / name
        assert a.read_bytes() == b.read_bytes(), f"{name} differs"
    # Frames and audio match; the container bytes should too (same muxer, same packets).
    assert sha256(first) == sha256(second), "decoded streams match but the MP4 bytes differ"
