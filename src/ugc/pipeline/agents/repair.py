"""Automatic repairs the QA agent may apply: re-mix the loudness, re-lay out the text."""

from __future__ import annotations

import dataclasses

import numpy as np

from ugc.pipeline.render.layout import Layout
from ugc.pipeline.timeline import Timeline
from ugc.pipeline.types import FloatArray

CEILING_DB = -2.0  # sample-peak ceiling; true peak lands under -1 dBTP after AAC
_BLOCK = 240  # 5 ms at 48 kHz


def remix_gain(audio: FloatArray, measured_lufs: float, target: float = -14.0) -> FloatArray:
    """Return the mix moved to the target loudness, with a look-ahead peak limiter."""
    out = audio * np.float32(10 ** ((target - measured_lufs) / 20))
    return limit(out)


def limit(audio: FloatArray, ceiling_db: float = CEILING_DB) -> FloatArray:
    """Keep sample peaks under the ceiling with smooth, block-wise gain reduction."""
    ceiling = 10 ** (ceiling_db / 20)
    n = len(audio)
    blocks = -(-n // _BLOCK)
    padded = np.zeros((blocks * _BLOCK, audio.shape[1]), np.float32)
    padded[:n] = audio
    peak = np.abs(padded).reshape(blocks, _BLOCK, -1).max(axis=(1, 2))
    need = np.minimum(1.0, ceiling / np.maximum(peak, 1e-9))
    # Look ahead and hold over two blocks either side so the gain moves before the peak.
    held = np.min(np.stack([np.roll(need, k) for k in range(-2, 3)]), axis=0)
    centres = (np.arange(blocks) + 0.5) * _BLOCK
    gain = np.interp(np.arange(n), centres, held).astype(np.float32)
    limited: FloatArray = (audio * gain[:, None]).astype(np.float32)
    return limited


def relayout(layout: Layout, timeline: Timeline) -> tuple[Layout, Timeline]:
    """Return a safer layout: smaller captions on a solid band, which always meets contrast."""
    smaller = dataclasses.replace(layout, caption_size=int(layout.caption_size * 0.85))
    return smaller, dataclasses.replace(timeline, caption_style="subtle")
