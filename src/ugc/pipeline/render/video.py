"""Render a timeline for one layout into an MP4, capturing thumbnail frames and overlay masks."""

from __future__ import annotations

import contextlib
import math
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from ugc.pipeline.agents.persona import Pose
from ugc.pipeline.agents.qa import text_contrast
from ugc.pipeline.render.encode import Mp4Writer
from ugc.pipeline.render.fonts import FontSet
from ugc.pipeline.render.layout import Layout
from ugc.pipeline.render.scene import Scene
from ugc.pipeline.render.yuv import Planes
from ugc.pipeline.timeline import Timeline
from ugc.pipeline.types import FloatArray

MASK_EVERY = 3  # overlays change at most a few times a second; sample every third frame
CONTRAST_EVERY = 15
AHEAD = 4  # frames composed ahead of the encoder


@dataclass
class RenderReport:
    """What the render saw: overlay pixels outside the safe zone, faces, thumbnail frames."""

    outside_safe_px: int = 0
    face_outside: int = 0
    frames: int = 0
    thumbs: dict[int, Image.Image] = field(default_factory=dict)
    contrast_min: float = math.inf


def render_video(
    timeline: Timeline,
    layout: Layout,
    poses: Sequence[Pose],
    fonts: FontSet,
    audio: FloatArray,
    out: Path,
    thumb_frames: Sequence[int],
    progress: Callable[[float], None],
) -> RenderReport:
    """Encode every frame; composing runs one frame ahead in a thread, beside x264's threads."""
    scene = Scene(timeline, layout, poses, fonts)
    report = RenderReport(frames=scene.n_frames)
    frames: queue.Queue[Planes | BaseException | None] = queue.Queue(maxsize=AHEAD)
    stop = threading.Event()
    worker = threading.Thread(
        target=_compose,
        args=(scene, thumb_frames, report, frames, stop),
        name="ugc-compose",
        daemon=True,
    )
    worker.start()
    try:
        with Mp4Writer(out, layout.width, layout.height, audio) as writer:
            for i in range(scene.n_frames):
                item = frames.get()
                if isinstance(item, BaseException):
                    raise item
                if item is None:
                    break
                writer.write(item)
                if i % 30 == 0:
                    progress(i / scene.n_frames)
    finally:
        stop.set()
        while worker.is_alive():  # unblock a producer waiting on a full queue
            with contextlib.suppress(queue.Empty):
                frames.get_nowait()
            worker.join(timeout=0.05)
    return report


def _compose(
    scene: Scene,
    thumb_frames: Sequence[int],
    report: RenderReport,
    frames: queue.Queue[Planes | BaseException | None],
    stop: threading.Event,
) -> None:
    """Produce frames in order, checking overlays and capturing thumbnails on the way."""
    wanted = set(thumb_frames)
    try:
        for i in range(scene.n_frames):
            if stop.is_set():
                return
            frame = scene.frame(i)
            if i in wanted:
                report.thumbs[i] = frame.to_rgb()
            if i % MASK_EVERY == 0:
                _check_safe(scene, scene.layout, i, report)
            if i % CONTRAST_EVERY == 0 or i in wanted:
                _check_contrast(scene, frame, i, report)
            frames.put(frame)
        frames.put(None)
    except BaseException as exc:  # handed to the encoding thread, which re-raises it
        frames.put(exc)


def _check_safe(scene: Scene, layout: Layout, i: int, report: RenderReport) -> None:
    """Count overlay ink and face area falling outside the safe zone at frame i."""
    safe = layout.safe
    for sprite, (x, y) in scene.overlays(i):
        ink = sprite.alpha > 0
        h, w = ink.shape
        xs = np.arange(x, x + w)
        ys = np.arange(y, y + h)
        outside = ((xs < safe.x) | (xs >= safe.x1))[None, :] | ((ys < safe.y) | (ys >= safe.y1))[
            :, None
        ]
        report.outside_safe_px += int(np.count_nonzero(ink & outside))
    face = scene.face_box(i)
    if face is not None and not safe.contains(face):
        report.face_outside += 1


def _check_contrast(scene: Scene, frame: Planes, i: int, report: RenderReport) -> None:
    """Measure each text overlay's contrast against the encoded-to-be pixels under it."""
    for sprite, (x, y) in scene.text_overlays(i):
        h, w = sprite.alpha.shape
        outside = x < 0 or y < 0 or x + w > frame.size[0] or y + h > frame.size[1]
        if sprite.text is None or outside:
            continue
        rgb = np.asarray(frame.crop(x, y, w, h).to_rgb())  # what a viewer sees, after YUV
        value = text_contrast(rgb, sprite.text)
        report.contrast_min = min(report.contrast_min, value)


def overlay_mask(scene: Scene, i: int) -> np.ndarray:
    """Render only the overlays of frame i as an alpha mask the size of the frame."""
    mask = np.zeros((scene.layout.height, scene.layout.width), np.uint8)
    for sprite, (x, y) in scene.overlays(i):
        h, w = sprite.alpha.shape
        x0, y0 = max(x, 0), max(y, 0)
        x1, y1 = min(x + w, scene.layout.width), min(y + h, scene.layout.height)
        if x0 < x1 and y0 < y1:
            region = sprite.alpha[y0 - y : y1 - y, x0 - x : x1 - x]
            np.maximum(mask[y0:y1, x0:x1], region, out=mask[y0:y1, x0:x1])
    return mask
