"""Decode video clips (creator clips, B-roll) into planes at 30 fps, cover-scaled to a box."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import av
import numpy as np

from ugc.pipeline.render.images import rounded_mask, shadow
from ugc.pipeline.render.layout import Box
from ugc.pipeline.render.yuv import Planes, Sprite, paste, put, sprite_from_rgba


def decode_frames(path: str, w: int, h: int) -> Iterator[Planes]:
    """Yield the clip's frames at 30 fps, cover-scaled to w x h, as planes."""
    container: Any = av.open(path)
    try:
        stream = container.streams.video[0]
        src_w, src_h = stream.codec_context.width, stream.codec_context.height
        scale = max(w / src_w, h / src_h)
        sw, sh = int(src_w * scale + 1) & ~1, int(src_h * scale + 1) & ~1
        x, y = ((sw - w) // 2) & ~1, ((sh - h) // 2) & ~1
        graph_fps = stream.average_rate or 30
        step = float(graph_fps) / 30.0
        acc = 0.0
        for frame in container.decode(stream):
            acc += 1.0
            while acc >= step:
                acc -= step
                arr = frame.reformat(width=sw, height=sh, format="yuv420p").to_ndarray()
                yield i420_planes(arr, sw, sh).crop(x, y, w, h)
    finally:
        container.close()


def i420_planes(arr: Any, w: int, h: int) -> Planes:
    """Split PyAV's (h*3/2, w) yuv420p array into planes."""
    y = arr[:h]
    u = arr[h : h + h // 4].reshape(h // 2, w // 2)
    v = arr[h + h // 4 :].reshape(h // 2, w // 2)
    return Planes(np.ascontiguousarray(y), np.ascontiguousarray(u), np.ascontiguousarray(v))


class BrollCard:
    """A B-roll clip played from its start each time its cut-in begins."""

    def __init__(self, path: str, box: Box, full: bool) -> None:
        self.path, self.full = path, full
        self.box = box
        w, h = box.w & ~1, box.h & ~1
        self._size = (w, h)
        self._frames: Iterator[Planes] | None = None
        self._last: Planes | None = None
        self._started = -1.0
        mask = np.asarray(rounded_mask(w, h, max(8, w // 18)), dtype=np.uint8)
        self._alpha, self._alpha2 = mask.copy(), np.ascontiguousarray(mask[::2, ::2])
        self._shadow = sprite_from_rgba(shadow(w, h, max(8, w // 18), max(6, w // 40)))
        self._pad = max(6, w // 40) * 2

    def draw(self, frame: Planes, segment_start: float) -> None:
        """Draw the clip's next frame for the cut-in that began at segment_start."""
        if segment_start != self._started:
            self._started = segment_start
            self._frames = decode_frames(self.path, *self._size)
        nxt = next(self._frames, None) if self._frames is not None else None
        if nxt is not None:
            self._last = nxt
        if self._last is None:
            return
        if self.full:
            put(frame, self._last, self.box.x, self.box.y)
            return
        paste(frame, self._shadow, self.box.x - self._pad, self.box.y - self._pad + self._pad // 3)
        paste(frame, Sprite(self._last, self._alpha, self._alpha2), self.box.x, self.box.y)
