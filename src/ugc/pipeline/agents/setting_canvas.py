"""A small RGB painter for room backgrounds, addressed in fractions of the frame."""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]


def rgb(colour: str) -> RGB:
    """Parse '#RRGGBB'."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"colour must be #RRGGBB, got {colour!r}")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def blend(a: RGB, b: RGB, t: float) -> RGB:
    """Blend a towards b by t."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


class Canvas:
    """An RGB image with helpers; `u` is the shorter side, so shapes keep their proportions."""

    def __init__(self, width: int, height: int, rng: random.Random, flip: bool) -> None:
        """Start a blank canvas; `flip` mirrors side-anchored furniture for variety."""
        self.w, self.h = width, height
        self.u = float(min(width, height))
        self.rng = rng
        self.flip = flip
        self.img = Image.new("RGB", (width, height), (255, 255, 255))
        self.draw = ImageDraw.Draw(self.img)

    def side(self, fx: float) -> float:
        """Return x for a fraction of the width, mirrored when the room is flipped."""
        return self.w * (1.0 - fx if self.flip else fx)

    def rect(self, box: Box, colour: RGB, radius: float = 0.0) -> None:
        """Fill an (optionally rounded) rectangle given in pixels."""
        x0, y0, x1, y1 = box
        b = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        if radius > 0:
            self.draw.rounded_rectangle(b, radius=radius, fill=colour)
        else:
            self.draw.rectangle(b, fill=colour)

    def ellipse(self, c: tuple[float, float], rx: float, ry: float, colour: RGB) -> None:
        """Fill an ellipse centred on c."""
        self.draw.ellipse((c[0] - rx, c[1] - ry, c[0] + rx, c[1] + ry), fill=colour)

    def poly(self, pts: Sequence[tuple[float, float]], colour: RGB) -> None:
        """Fill a polygon."""
        self.draw.polygon(list(pts), fill=colour)

    def vgrad(self, box: Box, top: RGB, bottom: RGB) -> None:
        """Fill a rectangle with a vertical gradient."""
        x0, y0, x1, y1 = (round(v) for v in box)
        w, h = max(1, x1 - x0), max(1, y1 - y0)
        t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
        col = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
        band = np.broadcast_to(col, (h, w, 3)).astype(np.uint8)
        self.img.paste(Image.fromarray(band, "RGB"), (x0, y0))

    def soft(
        self, shapes: Sequence[tuple[str, Box]], colour: RGB, blur: float, opacity: float
    ) -> None:
        """Paint blurred ellipses/rectangles (glows, shadows) in one pass."""
        mask = Image.new("L", (self.w, self.h), 0)
        md = ImageDraw.Draw(mask)
        for kind, box in shapes:
            fill = round(255 * opacity)
            if kind == "ellipse":
                md.ellipse(box, fill=fill)
            else:
                md.rectangle(box, fill=fill)
        if blur > 0:
            mask = mask.filter(ImageFilter.GaussianBlur(blur))
        self.img.paste(colour, (0, 0), mask)

    def light(self, cx: float, cy: float, radius: float, strength: float) -> None:
        """Brighten the room around a point with a broad soft-light falloff (screen blend)."""
        small_w, small_h = max(8, self.w // 8), max(8, self.h // 8)
        ys, xs = np.mgrid[0:small_h, 0:small_w].astype(np.float32)
        d = np.hypot(xs * 8 - cx, ys * 8 - cy) / max(radius, 1.0)
        glow = np.clip(1.0 - d, 0.0, 1.0) ** 2 * (255 * strength)
        layer = Image.fromarray(glow.astype(np.uint8), "L").resize(
            (self.w, self.h), Image.Resampling.BILINEAR
        )
        warm = Image.merge(
            "RGB", (layer, layer.point(lambda v: v * 0.94), layer.point(lambda v: v * 0.82))
        )
        self.img = ImageChops.screen(self.img, warm)
        self.draw = ImageDraw.Draw(self.img)
