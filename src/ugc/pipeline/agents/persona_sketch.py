"""Supersampled RGBA drawing surface addressed in rig units (a rig is 1000 units tall)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import Image, ImageChops, ImageDraw, ImageFilter

Point = tuple[float, float]
RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]


def hex_rgb(colour: str) -> RGB:
    """Parse '#RRGGBB' into an RGB tuple."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"colour must be #RRGGBB, got {colour!r}")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend a towards b by t in [0, 1]."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def darker(colour: RGB, t: float) -> RGB:
    """Return a shadow tone; shadows drift toward violet so they stay lively, not grey."""
    shadow = (int(colour[0] * 0.45 + 20), int(colour[1] * 0.38 + 6), int(colour[2] * 0.45 + 28))
    return mix(colour, shadow, t)


def lighter(colour: RGB, t: float) -> RGB:
    """Return a highlight tone; highlights drift toward warm white."""
    return mix(colour, (255, 250, 240), t)


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, n: int = 14) -> list[Point]:
    """Sample a cubic Bezier curve into n+1 points."""
    out: list[Point] = []
    for i in range(n + 1):
        t = i / n
        u = 1.0 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        out.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return out


def mirror(points: Sequence[Point], cx: float) -> list[Point]:
    """Reflect points about the vertical line x = cx, reversing order to keep the outline closed."""
    return [(2 * cx - x, y) for x, y in reversed(points)]


def arc_points(c: Point, rx: float, ry: float, a0: float, a1: float, n: int = 24) -> list[Point]:
    """Sample an elliptical arc from angle a0 to a1 in degrees (0 = right, 90 = down)."""
    out: list[Point] = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        out.append((c[0] + rx * math.cos(a), c[1] + ry * math.sin(a)))
    return out


def round_rect(cx: float, cy: float, hw: float, hh: float, r: float) -> list[Point]:
    """Return a rounded rectangle outline centred on (cx, cy)."""
    out: list[Point] = []
    corners = (
        (hw - r, -hh + r, -90),
        (hw - r, hh - r, 0),
        (-hw + r, hh - r, 90),
        (-hw + r, -hh + r, 180),
    )
    for x, y, start in corners:
        for i in range(7):
            t = math.radians(start + 15 * i)
            out.append((cx + x + r * math.cos(t), cy + y + r * math.sin(t)))
    return out


def soften(mask: Image.Image, radius: float) -> Image.Image:
    """Gaussian-blur a mask; wide blurs run on a reduced copy because soft shading has no detail."""
    if radius < 12:
        return mask.filter(ImageFilter.GaussianBlur(radius))
    f = 4 if radius < 40 else 8
    w, h = mask.size
    small = mask.resize((max(1, w // f), max(1, h // f)), Image.Resampling.BOX)
    small = small.filter(ImageFilter.GaussianBlur(radius / f))
    return small.resize((w, h), Image.Resampling.BILINEAR)


class Sketch:
    """An RGBA canvas drawn at `ss`x resolution and reduced on `result` for antialiasing."""

    def __init__(self, box: Box, scale: float, ss: int = 2) -> None:
        """Cover the unit-space box at `scale` output pixels per unit."""
        x0, y0, x1, y1 = box
        self.origin = (x0, y0)
        self.ss = ss
        self.k = scale * ss
        self.out_size = (max(1, math.ceil((x1 - x0) * scale)), max(1, math.ceil((y1 - y0) * scale)))
        self.img = Image.new("RGBA", (self.out_size[0] * ss, self.out_size[1] * ss), (0, 0, 0, 0))
        self.draw = ImageDraw.Draw(self.img)

    def pt(self, p: Point) -> Point:
        """Map a unit-space point to canvas pixels."""
        return ((p[0] - self.origin[0]) * self.k, (p[1] - self.origin[1]) * self.k)

    def px(self, units: float) -> float:
        """Convert a length in units to canvas pixels."""
        return units * self.k

    def mask(self) -> Image.Image:
        """Return an empty mask the size of the canvas."""
        return Image.new("L", self.img.size, 0)

    def poly(self, pts: Sequence[Point], colour: RGB, target: Image.Image | None = None) -> None:
        """Fill a polygon on the canvas, or as 255 on a mask when `target` is given."""
        xy = [self.pt(p) for p in pts]
        if target is None:
            self.draw.polygon(xy, fill=(*colour, 255))
        else:
            ImageDraw.Draw(target).polygon(xy, fill=255)

    def ellipse(
        self, c: Point, rx: float, ry: float, colour: RGB, target: Image.Image | None = None
    ) -> None:
        """Fill an axis-aligned ellipse."""
        (x, y) = self.pt(c)
        box = (x - self.px(rx), y - self.px(ry), x + self.px(rx), y + self.px(ry))
        if target is None:
            self.draw.ellipse(box, fill=(*colour, 255))
        else:
            ImageDraw.Draw(target).ellipse(box, fill=255)

    def stroke(
        self,
        pts: Sequence[Point],
        width: float,
        colour: RGB,
        target: Image.Image | None = None,
    ) -> None:
        """Draw a polyline with round joints and round caps."""
        xy = [self.pt(p) for p in pts]
        w = max(1, round(self.px(width)))
        draw = self.draw if target is None else ImageDraw.Draw(target)
        fill: int | tuple[int, int, int, int] = 255 if target is not None else (*colour, 255)
        draw.line(xy, fill=fill, width=w, joint="curve")
        r = w / 2.0
        for x, y in (xy[0], xy[-1]):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def fill(
        self,
        mask: Image.Image,
        colour: RGB,
        opacity: float = 1.0,
        clip: Image.Image | None = None,
        blur: float = 0.0,
    ) -> None:
        """Paint colour through a mask, optionally softened and clipped to another mask."""
        box = mask.getbbox()
        if box is None:
            return
        # Work only on the mask's bounding box (grown by the blur reach): most shapes are small.
        pad = math.ceil(self.px(blur) * 2.5) if blur > 0 else 0
        w, h = self.img.size
        box = (
            max(0, box[0] - pad),
            max(0, box[1] - pad),
            min(w, box[2] + pad),
            min(h, box[3] + pad),
        )
        m = mask.crop(box)
        if blur > 0:
            m = soften(m, self.px(blur))
        if clip is not None:
            m = ImageChops.multiply(m, clip.crop(box))
        if opacity < 1.0:
            m = m.point(lambda v: round(v * opacity))
        self.img.paste((*colour, 255), box, m)

    def shifted(self, mask: Image.Image, dx: float, dy: float) -> Image.Image:
        """Return a copy of a mask moved by (dx, dy) units."""
        out = self.mask()
        out.paste(mask, (round(self.px(dx)), round(self.px(dy))))
        return out

    def alpha(self) -> Image.Image:
        """Return the canvas coverage as a mask, for clipping shading to what is drawn."""
        return self.img.getchannel("A")

    def result(self) -> Image.Image:
        """Return the antialiased sprite at output resolution."""
        if self.ss == 1:
            return self.img
        return self.img.reduce(self.ss)
