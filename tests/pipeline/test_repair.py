"""QA repairs: a quiet or hot mix is re-mixed to target inside a copied video stream."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
from tests.media import ebur128

from ugc.pipeline.agents.repair import limit, relayout, remix_gain
from ugc.pipeline.render.encode import Mp4Writer, replace_audio
from ugc.pipeline.render.layout import layout_for
from ugc.pipeline.render.yuv import solid_planes
from ugc.pipeline.timeline import Segment, Timeline
from ugc.pipeline.types import SAMPLE_RATE, BrandKit


def _tone(seconds: float, amp: float) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    env = 0.5 + 0.5 * np.sin(2 * np.pi * 1.5 * t)
    mono = (amp * env * np.sin(2 * np.pi * 330 * t)).astype(np.float32)
    return np.stack([mono, mono], axis=1)


def test_limit_keeps_peaks_under_the_ceiling() -> None:
    hot = _tone(1.0, 1.6)
    out = limit(hot, -2.0)
    assert np.abs(out).max() <= 10 ** (-2.0 / 20) + 1e-4
    assert np.abs(out).max() > 0.5  # limited, not muted


def test_remix_repairs_a_quiet_video(tmp_path: Path) -> None:
    quiet = _tone(3.0, 0.02)
    src = tmp_path / "quiet.mp4"
    frame = solid_planes(320, 240, (90, 140, 200))
    with Mp4Writer(src, 320, 240, quiet) as w:
        for _ in range(90):
            w.write(frame)
    before, _ = ebur128(src)
    assert before < -25
    fixed = remix_gain(quiet, before)
    out = tmp_path / "fixed.mp4"
    replace_audio(src, fixed, out)
    lufs, peak = ebur128(out)
    assert abs(lufs + 14) <= 1.0
    assert peak <= -1.0
    probe = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-count_frames",
            "-select_streams",
            "v",
            "-show_entries",
            "stream=nb_read_frames",
            "-of",
            "csv=p=0",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "90"  # the picture was copied, not re-encoded or lost


def test_relayout_shrinks_captions_onto_a_band() -> None:
    lay = layout_for("9:16")
    tl = Timeline(
        3.0,
        (Segment("talk", 0, 3),),
        (),
        "maya",
        "desk",
        "pop",
        BrandKit(),
        "X",
        "",
        "Buy",
        "",
        None,
        (),
        None,
        1,
    )
    smaller, safer = relayout(lay, tl)
    assert smaller.caption_size < lay.caption_size
    assert safer.caption_style == "subtle"
