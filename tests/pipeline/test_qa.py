"""QA measures: text contrast from glyph masks, caption onsets against the audio."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ugc.pipeline.agents.qa import caption_offsets, text_contrast
from ugc.pipeline.render import color
from ugc.pipeline.types import WordTiming
from ugc.providers.offline.fonts import resolve_fonts


def _label(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    img = Image.new("RGB", (240, 80), bg)
    fills = Image.new("L", img.size)
    font = ImageFont.truetype(resolve_fonts().bold, 48)
    ImageDraw.Draw(img).text((10, 10), "Shop", font=font, fill=fg)
    ImageDraw.Draw(fills).text((10, 10), "Shop", font=font, fill=255)
    return np.asarray(img), np.asarray(fills)


def test_contrast_matches_wcag_for_flat_colours() -> None:
    for fg, bg in (((17, 17, 17), (13, 148, 136)), ((255, 255, 255), (79, 70, 229))):
        rgb, fills = _label(fg, bg)
        expected = color.contrast(fg, bg)
        assert abs(text_contrast(rgb, fills) - expected) < 0.15 * expected


def test_low_contrast_is_reported_low() -> None:
    rgb, fills = _label((200, 200, 200), (230, 230, 230))
    assert text_contrast(rgb, fills) < 1.5


def test_caption_offsets_measure_late_highlights() -> None:
    rate = 16_000
    voice = np.zeros(rate * 2, np.float32)
    voice[int(1.0 * rate) : int(1.4 * rate)] = 0.5 * np.sin(np.arange(int(0.4 * rate)) * 0.3)
    word = WordTiming("hello", 1.0, 1.4, 0)
    on_time = caption_offsets([word], [1.0], voice, rate)
    late = caption_offsets([word], [1.2], voice, rate)
    assert on_time[0] <= 10
    assert 190 <= late[0] <= 210
