"""Caption cues follow the voice timings; SRT/VTT are well-formed; styles draw inside the box."""

from __future__ import annotations

import re

import numpy as np
import pytest

from ugc.pipeline.agents.captions import STYLES, Cue, group_cues, to_srt, to_vtt
from ugc.pipeline.render.caption_draw import CaptionPainter
from ugc.pipeline.render.layout import all_aspects, layout_for
from ugc.pipeline.types import BrandKit, WordTiming
from ugc.providers.offline.fonts import resolve_fonts


def _words(text: str, line: int = 0, start: float = 0.1, step: float = 0.3) -> list[WordTiming]:
    return [
        WordTiming(w, start + i * step, start + i * step + 0.25, line)
        for i, w in enumerate(text.split())
    ]


def test_cues_never_cross_lines_and_keep_word_onsets() -> None:
    words = _words("This serum changed my mornings honestly.") + _words(
        "Shop now!", line=1, start=3.0
    )
    cues = group_cues(words)
    assert all(len(c.words) <= 3 for c in cues)
    flat = [s for c in cues for s in c.starts]
    assert flat == pytest.approx([w.start for w in words])
    line1_first = next(i for i, c in enumerate(cues) if c.words[0] == "Shop")
    assert cues[line1_first - 1].end <= 3.0


def test_cue_breaks_after_punctuation() -> None:
    cues = group_cues(_words("Wow. This works"))
    assert cues[0].words == ("Wow.",)


def test_active_word_follows_time() -> None:
    cue = Cue(1.0, 2.0, ("a", "b", "c"), (1.0, 1.3, 1.6))
    assert [cue.active(t) for t in (0.9, 1.0, 1.35, 1.9)] == [-1, 0, 1, 2]


def test_srt_and_vtt_format() -> None:
    cues = group_cues(_words("One two three four five"))
    srt = to_srt(cues)
    assert srt.startswith("1\n00:00:00,100 --> ")
    assert re.search(r"^2\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}$", srt, re.M)
    vtt = to_vtt(cues)
    assert vtt.startswith("WEBVTT\n\n00:00:00.100 --> ")
    assert "<00:00:00.400>two" in vtt


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("aspect", all_aspects())
def test_every_style_draws_inside_the_caption_box(style: str, aspect: str) -> None:
    layout = layout_for(aspect)
    painter = CaptionPainter(
        resolve_fonts(), style, layout.captions, layout.caption_size, BrandKit()
    )
    cue = Cue(0, 1, ("Unbelievably", "transformative", "results✨"), (0, 0.3, 0.6))
    img, (x, y) = painter.render(cue, 1)
    alpha = np.asarray(img.getchannel("A"))
    assert alpha.max() == 255
    box = layout.captions
    assert box.x <= x
    assert box.y <= y
    assert x + img.width <= box.x1
    assert y + img.height <= box.y1
    assert layout.safe.contains(box)


def test_active_word_changes_pixels() -> None:
    layout = layout_for("9:16")
    painter = CaptionPainter(resolve_fonts(), "pop", layout.captions, 70, BrandKit())
    cue = Cue(0, 1, ("Glow", "Serum"), (0, 0.3))
    a = np.asarray(painter.render(cue, 0)[0].convert("RGB"), dtype=np.int16)
    b = np.asarray(painter.render(cue, 1)[0].convert("RGB"), dtype=np.int16)
    assert a.shape != b.shape or np.abs(a - b).sum() > 0


def test_cjk_and_emoji_render_with_ink() -> None:
    layout = layout_for("1:1")
    painter = CaptionPainter(resolve_fonts(), "box", layout.captions, 60, BrandKit())
    img, _ = painter.render(Cue(0, 1, ("你好，", "世界", "✨"), (0, 0.2, 0.4)), 2)
    rgba = np.asarray(img)
    colourful = (np.abs(rgba[..., 0].astype(int) - rgba[..., 2].astype(int)) > 60) & (
        rgba[..., 3] > 200
    )
    assert colourful.sum() > 50  # the emoji is in colour, not a tofu box
    assert (rgba[..., 3] > 0).sum() > 2000
