"""Share the canvas, colour, shading and saving helpers that every example drawing uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = 1200
LOGO = 512
MAX_BYTES = 400 * 1024
SCALE = 2  # draw at 2x and downsample: Pillow's shapes are not anti-aliased
RGB = tuple[int, int, int]
Box = Sequence[float]
Ink = tuple[int, ...] | None  # RGB or RGBA; None draws nothing
_FONT_DIRS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu")
_FONT_FILES = {
    ("sans", False): ("NotoSans-Regular.ttf", "DejaVuSans.ttf"),
    ("sans", True): ("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    ("serif", True): ("NotoSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"),
    ("serif", False): ("NotoSerif-Regular.ttf", "DejaVuSerif.ttf"),
}


def hex_rgb(value: str) -> RGB:
    """Return an (r, g, b) tuple from '#RRGGBB'."""
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Return the colour t of the way from a to b."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def font(
    size: float, bold: bool = False, family: str = "sans"
) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Return a system Noto (or DejaVu) font; system fonts keep the repo free of font files."""
    for name in _FONT_FILES[(family, bold)]:
        for folder in _FONT_DIRS:
            path = Path(folder) / name
            if path.exists():
                return ImageFont.truetype(str(path), round(size))
    return ImageFont.load_default(round(size))


def gradient(
    w: int, h: int, top: RGB, bottom: RGB, glow: tuple[float, float, RGB] | None
) -> Image.Image:
    """Return a vertical gradient, optionally lit by a soft radial glow at (x, y) fractions."""
    t = np.linspace(0.0, 1.0, h)[:, None, None]
    img = np.asarray(top, float) * (1 - t) + np.asarray(bottom, float) * t
    img = np.broadcast_to(img, (h, w, 3)).copy()
    if glow is not None:
        gx, gy, colour = glow
        yy, xx = np.mgrid[0:h, 0:w]
        d = np.hypot(xx / w - gx, (yy / h - gy) * h / w)
        a = np.clip(1.0 - d / 0.7, 0.0, 1.0)[..., None] ** 2
        img = img * (1 - a) + np.asarray(colour, float) * a
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")


def cylinder(w: int, h: int, base: RGB, shine: float = 0.55, dark: float = 0.45) -> Image.Image:
    """Return a horizontally shaded strip that reads as a lit cylinder or rounded object."""
    x = np.linspace(-1.0, 1.0, w)
    light = (1 - dark) + dark * np.sqrt(np.clip(1 - x**2, 0, 1))
    spec = shine * np.exp(-(((x + 0.5) / 0.09) ** 2)) + 0.5 * shine * np.exp(
        -(((x - 0.62) / 0.04) ** 2)
    )
    row = np.asarray(base, float)[None, :] * light[:, None] + 255.0 * spec[:, None]
    img = np.broadcast_to(np.clip(row, 0, 255), (h, w, 3)).astype(np.uint8)
    return Image.fromarray(img, "RGB")


class Canvas:
    """An RGB(A) picture drawn at SCALE x with coordinates given at final size."""

    def __init__(self, base: Image.Image) -> None:
        """Start from a background already at final size."""
        self.size = base.size
        self.img = base.resize((base.width * SCALE, base.height * SCALE), Image.Resampling.BICUBIC)
        self.draw = ImageDraw.Draw(self.img, "RGBA")

    def s(self, box: Box) -> list[int]:
        """Scale final-size coordinates to the drawing size."""
        return [round(v * SCALE) for v in box]

    def rounded(self, box: Box, r: float, fill: Ink, outline: Ink = None, width: float = 0) -> None:
        """Draw a rounded rectangle."""
        self.draw.rounded_rectangle(
            self.s(box), round(r * SCALE), fill, outline, round(width * SCALE)
        )

    def ellipse(self, box: Box, fill: Ink, outline: Ink = None, width: float = 0) -> None:
        """Draw an ellipse."""
        self.draw.ellipse(self.s(box), fill, outline, round(width * SCALE))

    def polygon(self, points: Sequence[tuple[float, float]], fill: Ink) -> None:
        """Draw a filled polygon."""
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill)

    def line(self, points: Sequence[tuple[float, float]], fill: Ink, width: float) -> None:
        """Draw a polyline with round joints."""
        self.draw.line(
            [(x * SCALE, y * SCALE) for x, y in points], fill, round(width * SCALE), "curve"
        )

    def text(self, xy: tuple[float, float], text: str, size: float, fill: Ink, **kw: Any) -> None:
        """Draw text; kw: bold, family, anchor (default centred), stroke (outline colour)."""
        face = font(size * SCALE, bool(kw.get("bold", False)), str(kw.get("family", "sans")))
        stroke: Ink = kw.get("stroke")
        width = round(size * SCALE * 0.08) if stroke is not None else 0
        at = (xy[0] * SCALE, xy[1] * SCALE)
        anchor = str(kw.get("anchor", "mm"))
        self.draw.text(at, text, fill, face, anchor, stroke_width=width, stroke_fill=stroke)

    def shadow(self, box: Box, blur: float, opacity: int, rounded: float | None = None) -> None:
        """Darken a blurred ellipse (or rounded box) under an object: the studio's soft shadow."""
        mask = Image.new("L", self.img.size, 0)
        md = ImageDraw.Draw(mask)
        if rounded is None:
            md.ellipse(self.s(box), opacity)
        else:
            md.rounded_rectangle(self.s(box), round(rounded * SCALE), opacity)
        mask = mask.filter(ImageFilter.GaussianBlur(blur * SCALE))
        self.img.paste((20, 12, 16), (0, 0), mask)

    def paste(
        self,
        picture: Image.Image,
        box: Box,
        mask_fn: Callable[[ImageDraw.ImageDraw, list[int]], None],
    ) -> None:
        """Paste a final-size picture into box through a mask drawn by mask_fn (drawing coords)."""
        x0, y0, x1, y1 = self.s(box)
        pic = picture.resize((x1 - x0, y1 - y0), Image.Resampling.BICUBIC)
        mask = Image.new("L", pic.size, 0)
        mask_fn(ImageDraw.Draw(mask), [0, 0, pic.width, pic.height])
        self.img.paste(pic, (x0, y0), mask)

    def glow(self, box: Box, colour: RGB, opacity: int, blur: float) -> None:
        """Add a blurred light (highlight or rim light) over the picture."""
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).ellipse(self.s(box), opacity)
        self.img.paste(colour, (0, 0), mask.filter(ImageFilter.GaussianBlur(blur * SCALE)))

    def finish(self) -> Image.Image:
        """Return the picture downsampled to its final size."""
        return self.img.resize(self.size, Image.Resampling.LANCZOS)


def rounded_mask(r: float, opacity: int = 255) -> Callable[[ImageDraw.ImageDraw, list[int]], None]:
    """Return a mask painter for a rounded rectangle of final-size radius r."""

    def paint(d: ImageDraw.ImageDraw, box: list[int]) -> None:
        """Fill the rounded rectangle into the mask."""
        d.rounded_rectangle([box[0], box[1], box[2] - 1, box[3] - 1], round(r * SCALE), opacity)

    return paint


def save_photo(img: Image.Image, path: Path) -> None:
    """Save an RGB picture as PNG; fall back to a 256-colour palette if it would pass 400 KB."""
    rgb = img.convert("RGB")
    rgb.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        # A palette bands on smooth gradients, so it is only the fallback.
        rgb.quantize(256, Image.Quantize.MEDIANCUT).save(path, optimize=True)


def save_logo(img: Image.Image, path: Path) -> None:
    """Save an RGBA logo as PNG, keeping its transparency."""
    img.save(path, optimize=True)


def curve_shade(c: Canvas, box: Box, r: float, strength: float) -> None:
    """Darken the left and right edges of a rounded box so flat drawing reads as round."""
    x0, y0, x1, y1 = c.s(box)
    x = np.linspace(-1.0, 1.0, x1 - x0)
    profile = strength * (1.0 - np.sqrt(np.clip(1.0 - x**2, 0.0, 1.0))) ** 0.7
    shade = Image.fromarray(
        np.broadcast_to(profile * 255, (y1 - y0, x1 - x0)).astype(np.uint8), "L"
    )
    shape = Image.new("L", shade.size, 0)
    ImageDraw.Draw(shape).rounded_rectangle(
        [0, 0, shade.width - 1, shade.height - 1], round(r * SCALE), 255
    )
    mask = Image.new("L", c.img.size, 0)
    mask.paste(
        Image.fromarray(
            (np.asarray(shade, float) * np.asarray(shape, float) / 255).astype(np.uint8)
        ),
        (x0, y0),
    )
    c.img.paste((25, 15, 25), (0, 0), mask)


def highlight(c: Canvas, box: Box, opacity: int, blur: float = 4.0) -> None:
    """Add a soft white specular streak (a tall thin ellipse)."""
    c.glow(box, (255, 255, 255), opacity, blur)
