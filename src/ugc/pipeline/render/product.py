"""Product cut-ins: a rounded card with Ken Burns motion, and a blurred full-frame backdrop."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

from ugc.pipeline.render.images import cover, load_rgba, rounded_mask, shadow
from ugc.pipeline.render.layout import Box
from ugc.pipeline.render.yuv import Planes, Sprite, paste, rgb_to_planes, sprite_from_rgba

ZOOM = 0.18  # how far the Ken Burns move pushes in over one cut-in
ENTER = 0.35  # seconds the card takes to slide into place
DRIFT = 56  # px the blurred backdrop travels across a full-frame cut-in
_RES = Image.Resampling.BILINEAR


class ProductCard:
    """One product image as a moving card; per-frame work is three C-level plane resizes."""

    def __init__(self, path: str, box: Box, seed: int) -> None:
        self.box = box
        w, h = box.w & ~1, box.h & ~1
        src = cover(load_rgba(path), int(w * (1 + ZOOM)) & ~1, int(h * (1 + ZOOM)) & ~1)
        flat = Image.new("RGB", src.size, (255, 255, 255))
        flat.paste(src, (0, 0), src)
        planes = rgb_to_planes(flat)
        self._planes = [Image.fromarray(p) for p in (planes.y, planes.u, planes.v)]
        mask = np.asarray(rounded_mask(w, h, max(8, w // 18)), dtype=np.uint8)
        self._alpha = mask.copy()
        self._alpha2 = np.ascontiguousarray(mask[::2, ::2])
        self._shadow = sprite_from_rgba(shadow(w, h, max(8, w // 18), max(6, w // 40)))
        self._pad = max(6, w // 40) * 2
        # Seeded pan direction, so variants do not all move the same way.
        self._angle = (seed % 8) * math.pi / 4

    def draw(self, frame: Planes, progress: float, elapsed: float) -> None:
        """Draw the card at a point (0..1) of its Ken Burns move, sliding in for ENTER s."""
        w, h = self.box.w & ~1, self.box.h & ~1
        sw, sh = self._planes[0].size
        p = min(max(progress, 0.0), 1.0)
        # Mostly linear so the picture never sits still at either end of the cut-in.
        ease = 0.8 * p + 0.2 * (0.5 - 0.5 * math.cos(math.pi * p))
        rise = round(h * 0.12 * (1 - min(elapsed / ENTER, 1.0)) ** 2)
        z = 1 + ZOOM * (1 - ease) if self._angle >= math.pi else 1 + ZOOM * ease
        cw, ch = sw / z, sh / z
        cx = sw / 2 + math.cos(self._angle) * (sw - cw) / 2 * (2 * ease - 1)
        cy = sh / 2 + math.sin(self._angle) * (sh - ch) / 2 * (2 * ease - 1)
        crop = (cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2)
        y = np.asarray(self._planes[0].resize((w, h), _RES, box=crop))
        half = (crop[0] / 2, crop[1] / 2, crop[2] / 2, crop[3] / 2)
        u = np.asarray(self._planes[1].resize((w // 2, h // 2), _RES, box=half))
        v = np.asarray(self._planes[2].resize((w // 2, h // 2), _RES, box=half))
        top = self.box.y + rise
        paste(frame, self._shadow, self.box.x - self._pad, top - self._pad + self._pad // 3)
        paste(frame, Sprite(Planes(y, u, v), self._alpha, self._alpha2), self.box.x, top)


class Backdrop:
    """A blurred, softened, oversized copy of a product image that drifts across the cut-in."""

    def __init__(self, path: str, width: int, height: int, index: int) -> None:
        self.size = (width, height)
        w, h = width + 2 * DRIFT, height + 2 * DRIFT
        img = cover(load_rgba(path).convert("RGB"), w // 4, h // 4)
        img = img.filter(ImageFilter.GaussianBlur(5)).resize((w, h), _RES)
        self.planes = rgb_to_planes(ImageEnhance.Brightness(img).enhance(0.85))
        angle = index * 2.4  # a different drift direction per image
        self._dir = (math.cos(angle), math.sin(angle))

    def frame(self, progress: float) -> Planes:
        """Return the backdrop at a point (0..1) of the cut-in; it never holds still."""
        p = min(max(progress, 0.0), 1.0) * 2 - 1
        x = round(DRIFT + self._dir[0] * DRIFT * p)
        y = round(DRIFT + self._dir[1] * DRIFT * p)
        return self.planes.crop(x, y, *self.size)
