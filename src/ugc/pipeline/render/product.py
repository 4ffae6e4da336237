"""Product cut-ins: a rounded card with Ken Burns motion, and a blurred full-frame backdrop."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

from ugc.pipeline.render.images import cover, load_rgba, rounded_mask, shadow
from ugc.pipeline.render.layout import Box
from ugc.pipeline.render.yuv import Planes, Sprite, paste, rgb_to_planes, sprite_from_rgba

ZOOM = 0.14  # how far the Ken Burns move pushes in over one cut-in
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

    def draw(self, frame: Planes, progress: float) -> None:
        """Draw the card at a point (0..1) of its Ken Burns move."""
        w, h = self.box.w & ~1, self.box.h & ~1
        sw, sh = self._planes[0].size
        ease = 0.5 - 0.5 * math.cos(math.pi * min(max(progress, 0.0), 1.0))
        z = 1 + ZOOM * (1 - ease) if self._angle >= math.pi else 1 + ZOOM * ease
        cw, ch = sw / z, sh / z
        cx = sw / 2 + math.cos(self._angle) * (sw - cw) / 2 * (2 * ease - 1)
        cy = sh / 2 + math.sin(self._angle) * (sh - ch) / 2 * (2 * ease - 1)
        crop = (cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2)
        y = np.asarray(self._planes[0].resize((w, h), _RES, box=crop))
        half = (crop[0] / 2, crop[1] / 2, crop[2] / 2, crop[3] / 2)
        u = np.asarray(self._planes[1].resize((w // 2, h // 2), _RES, box=half))
        v = np.asarray(self._planes[2].resize((w // 2, h // 2), _RES, box=half))
        paste(frame, self._shadow, self.box.x - self._pad, self.box.y - self._pad + self._pad // 3)
        paste(frame, Sprite(Planes(y, u, v), self._alpha, self._alpha2), self.box.x, self.box.y)


def backdrop(path: str, width: int, height: int) -> Planes:
    """Return a blurred, softened full-frame version of a product image."""
    img = cover(load_rgba(path).convert("RGB"), width // 4, height // 4)
    img = img.filter(ImageFilter.GaussianBlur(6)).resize((width, height), _RES)
    img = ImageEnhance.Brightness(img).enhance(0.85)
    return rgb_to_planes(img)
