"""Draw the example briefs' product images and logos with Pillow (deterministic, no downloads).

Run from the repository root: .venv/bin/python examples/make_images.py
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
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


def podium(c: Canvas, cx: float, top: float, w: float, h: float, colour: RGB) -> None:
    """Draw a round display plinth whose top ellipse is centred at (cx, top)."""
    eh = w * 0.18

    def side(d: ImageDraw.ImageDraw, b: list[int]) -> None:
        """Fill the plinth's side (a box with a round bottom) into the mask."""
        d.rectangle([0, 0, b[2], round(b[3] - eh * SCALE / 2)], 255)
        d.ellipse([0, round(b[3] - eh * SCALE), b[2] - 1, b[3] - 1], 255)

    body = cylinder(round(w), round(h), colour, shine=0.12, dark=0.35)
    c.paste(body, (cx - w / 2, top, cx + w / 2, top + h), side)
    top_colour = mix(colour, (255, 255, 255), 0.35)
    c.ellipse((cx - w / 2, top - eh / 2, cx + w / 2, top + eh / 2), top_colour)


def draw_serum_bottle(brand: dict[str, RGB]) -> Image.Image:
    """Draw the Glow Serum dropper bottle on a plinth in a blush studio."""
    primary, cream, navy = brand["primary"], brand["secondary"], brand["accent"]
    c = Canvas(gradient(SIZE, SIZE, (255, 236, 230), (236, 196, 192), (0.5, 0.33, (255, 249, 245))))
    for x, y, r, a in (
        (190, 260, 90, 60),
        (1010, 380, 120, 50),
        (980, 170, 50, 70),
        (250, 640, 60, 40),
    ):
        c.glow((x - r, y - r, x + r, y + r), (255, 255, 255), a, 18)
    podium(c, 600, 860, 620, 230, (238, 178, 176))
    c.shadow((430, 838, 770, 884), 12, 140)
    c.shadow((470, 850, 730, 870), 5, 120)
    _bottle_glass(c, primary)
    _bottle_label(c, cream, navy, primary)
    _bottle_dropper(c, navy)
    for x, y, r in ((385, 885, 16), (414, 902, 9), (812, 880, 12)):
        c.ellipse(
            (x - r, y - r * 0.8, x + r, y + r * 0.8), (*mix(primary, (255, 200, 120), 0.35), 230)
        )
        c.ellipse((x - r * 0.5, y - r * 0.55, x - r * 0.05, y - r * 0.2), (255, 255, 255, 200))
    return c.finish()


def _bottle_glass(c: Canvas, primary: RGB) -> None:
    """Draw the bottle body: tinted glass, the serum inside, and its shoulders."""
    air, liquid = mix(primary, (255, 255, 255), 0.55), mix(primary, (255, 170, 90), 0.25)
    c.paste(cylinder(300, 440, air, shine=0.35, dark=0.35), (450, 420, 750, 860), rounded_mask(48))
    c.paste(
        cylinder(300, 330, liquid, shine=0.3, dark=0.45),
        (450, 530, 750, 860),
        lambda d, b: d.rounded_rectangle([0, 0, b[2] - 1, b[3] - 1], 48 * SCALE, 255),
    )
    c.ellipse((458, 518, 742, 546), mix(liquid, (255, 255, 255), 0.35))
    c.paste(
        cylinder(120, 40, (214, 170, 92), shine=0.7, dark=0.5),
        (540, 392, 660, 432),
        rounded_mask(6),
    )


def _bottle_label(c: Canvas, cream: RGB, navy: RGB, primary: RGB) -> None:
    """Draw the wrap-around label with the product name."""
    c.rounded((478, 585, 722, 815), 10, cream)
    c.text((600, 640), "GLOW", 62, navy, bold=True, family="serif")
    c.line(((540, 680), (660, 680)), primary, 2)
    c.text((600, 706), "VITAMIN C SERUM", 19, navy, bold=True)
    c.text((600, 736), "brightening · hydrating", 16, mix(navy, cream, 0.3))
    c.text((600, 788), "30 ml / 1 fl oz", 14, mix(navy, cream, 0.35))
    curve_shade(c, (450, 420, 750, 860), 48, 0.55)
    highlight(c, (488, 450, 512, 830), 150, 5)
    highlight(c, (700, 470, 712, 800), 90, 4)


def _bottle_dropper(c: Canvas, navy: RGB) -> None:
    """Draw the ribbed dropper collar and the rubber bulb on top."""
    cap = mix(navy, (0, 0, 0), 0.1)
    c.paste(cylinder(150, 100, cap, shine=0.35, dark=0.5), (525, 300, 675, 400), rounded_mask(10))
    for x in range(538, 670, 12):
        c.line(((x, 306), (x, 394)), (255, 255, 255, 28), 2)
    bulb = cylinder(104, 170, mix(navy, (60, 60, 80), 0.2), shine=0.4, dark=0.55)
    c.paste(
        bulb,
        (548, 150, 652, 320),
        lambda d, b: d.rounded_rectangle([0, 0, b[2] - 1, b[3] - 1], 52 * SCALE, 255),
    )
    highlight(c, (566, 175, 582, 290), 120, 4)


def gel(w: int, h: int, blobs: Sequence[tuple[float, float, float]], colour: RGB) -> Image.Image:
    """Return an RGBA glossy gel puddle from metaballs (x, y, radius), lit from the top left."""
    yy, xx = np.mgrid[0:h, 0:w].astype(float)
    field = np.zeros((h, w))
    for bx, by, br in blobs:
        field += np.exp(-((xx - bx) ** 2 + (yy - by) ** 2) / (br * br))
    inside = np.clip(field - 0.45, 0.0, None)
    dome = np.sqrt(inside)  # steep at the rim, flat on top: how a bead of liquid sits
    gy, gx = np.gradient(dome * 22.0)
    nz = 1.0 / np.sqrt(gx**2 + gy**2 + 1.0)
    half = np.array([-0.3, -0.4, 1.0]) / np.linalg.norm([-0.3, -0.4, 1.0])
    spec = np.clip((-gx * half[0] - gy * half[1] + half[2]) * nz, 0, 1) ** 90
    t = np.clip(dome / 0.55, 0.0, 1.0)[..., None]
    rim, core = (
        np.asarray(mix(colour, (90, 30, 30), 0.35), float),
        np.asarray(mix(colour, (255, 236, 200), 0.35), float),
    )
    rgb = rim * (1 - t) + core * t + 255.0 * 0.9 * spec[..., None]
    alpha = np.clip(inside * 10.0, 0.0, 1.0) * 0.8 + spec * 0.2
    out = np.dstack([np.clip(rgb, 0, 255), np.clip(alpha, 0, 1) * 255]).astype(np.uint8)
    return Image.fromarray(out, "RGBA")


def draw_serum_texture(brand: dict[str, RGB]) -> Image.Image:
    """Draw a macro swatch of the serum with a pipette letting a drop fall."""
    primary = brand["primary"]
    base = gradient(SIZE, SIZE, (252, 236, 230), (240, 208, 204), (0.35, 0.3, (255, 250, 247)))
    serum = mix(primary, (255, 190, 110), 0.45)
    stroke = [
        (150 + 11 * i, 930 - 8 * i + 50 * np.sin(i / 8.0), 16 + 30 * np.sin(np.pi * i / 62))
        for i in range(56)
    ]
    puddle = gel(
        SIZE,
        SIZE,
        [*stroke, (880, 780, 105), (960, 720, 60), (805, 830, 55), (330, 560, 26), (1010, 930, 22)],
        serum,
    )
    shadow = puddle.getchannel("A").filter(ImageFilter.GaussianBlur(14)).point(lambda v: v // 5)
    base.paste((120, 40, 50), (10, 16), shadow)
    base = Image.alpha_composite(base.convert("RGBA"), puddle).convert("RGB")
    c = Canvas(base)
    for x, y, r in (
        (420, 800, 9),
        (560, 720, 6),
        (640, 700, 11),
        (300, 880, 7),
        (900, 800, 9),
        (850, 740, 6),
    ):
        c.ellipse((x - r, y - r, x + r, y + r), None, (255, 255, 255, 150), 1.5)
        c.ellipse((x - r * 0.55, y - r * 0.6, x - r * 0.05, y - r * 0.15), (255, 255, 255, 210))
    _pipette(c, serum)
    return c.finish()


def _pipette(c: Canvas, serum: RGB) -> None:
    """Draw a glass pipette coming in from the top with a drop about to fall."""
    c.shadow((890, 0, 950, 430), 22, 45, rounded=30)
    c.paste(
        cylinder(56, 420, (236, 226, 228), shine=0.5, dark=0.25),
        (842, -20, 898, 400),
        rounded_mask(26, 200),
    )
    c.paste(cylinder(40, 230, serum, shine=0.3, dark=0.4), (850, 170, 890, 400), rounded_mask(18))
    c.polygon(((846, 380), (894, 380), (876, 468), (864, 468)), (226, 200, 204, 235))
    c.polygon(((852, 380), (888, 380), (873, 462), (867, 462)), (*serum, 235))
    c.ellipse((851, 484, 889, 530), (*serum, 240))
    c.polygon(((862, 470), (878, 470), (889, 506), (851, 506)), (*serum, 240))
    c.ellipse((858, 494, 868, 508), (255, 255, 255, 200))
    highlight(c, (852, 0, 862, 380), 140, 3)


def draw_serum_logo(brand: dict[str, RGB]) -> Image.Image:
    """Draw the Glow logo: a drop with a sparkle on a brand-coloured disc, wordmark beneath."""
    primary, cream = brand["primary"], brand["secondary"]
    c = Canvas(Image.new("RGBA", (LOGO, LOGO), (0, 0, 0, 0)))
    c.ellipse((16, 16, 496, 496), (*primary, 255))
    c.ellipse((34, 34, 478, 478), None, (*mix(primary, cream, 0.6), 255), 3)
    c.ellipse((196, 150, 316, 270), (*cream, 255))
    c.polygon(((200, 196), (256, 82), (312, 196)), (*cream, 255))
    _sparkle(c, 330, 120, 26, (*cream, 255))
    c.text((256, 345), "GLOW", 92, (*cream, 255), bold=True, family="serif")
    c.text((256, 415), "SKINCARE", 30, (*mix(primary, cream, 0.85), 255), bold=True)
    return c.finish()


def _sparkle(c: Canvas, x: float, y: float, r: float, fill: Ink) -> None:
    """Draw a four-pointed sparkle."""
    k = r * 0.22
    c.polygon(
        (
            (x, y - r),
            (x + k, y - k),
            (x + r, y),
            (x + k, y + k),
            (x, y + r),
            (x - k, y + k),
            (x - r, y),
            (x - k, y - k),
        ),
        fill,
    )


def card(c: Canvas, box: Box, fill: Ink = (255, 255, 255), r: float = 14, lift: int = 40) -> None:
    """Draw a UI card with a faint drop shadow."""
    c.shadow((box[0] + 4, box[1] + 8, box[2] - 4, box[3] + 6), 10, lift, rounded=r)
    c.rounded(box, r, fill)


def line_chart(c: Canvas, box: Box, values: Sequence[float], colour: RGB) -> None:
    """Draw a smooth area chart with grid lines inside box."""
    x0, y0, x1, y1 = box
    for i in range(4):
        y = y0 + (y1 - y0) * i / 3
        c.line(((x0, y), (x1, y)), (226, 230, 240), 1)
    xs = np.linspace(x0, x1, 8 * (len(values) - 1) + 1)
    ys = np.interp(np.linspace(0, len(values) - 1, len(xs)), np.arange(len(values)), values)
    ys = np.convolve(np.pad(ys, 4, mode="edge"), np.ones(9) / 9, mode="valid")
    pts = [(float(x), y1 - (y1 - y0) * float(v)) for x, v in zip(xs, ys, strict=True)]
    c.polygon([*pts, (x1, y1), (x0, y1)], (*colour, 40))
    c.line(pts, colour, 3.5)
    px, py = pts[-1]
    c.ellipse((px - 7, py - 7, px + 7, py + 7), (255, 255, 255), colour, 3)


def bar_chart(
    c: Canvas, box: Box, values: Sequence[float], colours: Sequence[RGB], labels: Sequence[str]
) -> None:
    """Draw rounded vertical bars with labels under them."""
    x0, y0, x1, y1 = box
    step = (x1 - x0) / len(values)
    for i, (v, col, label) in enumerate(zip(values, colours, labels, strict=True)):
        bx = x0 + step * i + step * 0.22
        c.rounded((bx, y1 - (y1 - y0) * v, bx + step * 0.56, y1), 6, col)
        c.text((bx + step * 0.28, y1 + 18), label, 13, (110, 116, 140))


def pill(c: Canvas, xy: tuple[float, float], text: str, colour: RGB, size: float = 13) -> None:
    """Draw a small status pill centred at xy."""
    w = len(text) * size * 0.62 + 22
    c.rounded(
        (xy[0] - w / 2, xy[1] - size, xy[0] + w / 2, xy[1] + size),
        size,
        mix(colour, (255, 255, 255), 0.82),
    )
    c.text(xy, text, size, colour, bold=True)


def draw_saas_dashboard(brand: dict[str, RGB]) -> Image.Image:
    """Draw the FlowDesk web app: sidebar, KPI cards, charts and the ticket queue."""
    primary, teal = brand["primary"], brand["accent"]
    c = Canvas(gradient(SIZE, SIZE, (236, 240, 255), (206, 212, 248), (0.5, 0.2, (250, 251, 255))))
    c.shadow((80, 190, 1120, 1080), 30, 110, rounded=24)
    c.rounded((60, 130, 1140, 1060), 22, (248, 249, 253))
    c.rounded((60, 130, 1140, 178), 22, (232, 235, 245))
    c.draw.rectangle(c.s((60, 160, 1140, 178)), (232, 235, 245))
    for i, col in enumerate(((255, 95, 87), (255, 189, 46), (40, 201, 64))):
        c.ellipse((84 + 24 * i, 147, 98 + 24 * i, 161), col)
    c.text((600, 154), "FlowDesk", 15, (110, 116, 140), bold=True)
    _sidebar(c, primary)
    _dash_header(c, primary)
    _dash_charts(c, primary, teal)
    _ticket_rows(c, primary, teal)
    return c.finish()


def _sidebar(c: Canvas, primary: RGB) -> None:
    """Draw the app's navigation column."""
    c.rounded((60, 178, 270, 1060), 22, primary)
    c.draw.rectangle(c.s((60, 178, 270, 220)), primary)
    c.draw.rectangle(c.s((230, 178, 270, 1060)), primary)
    flow_mark(c, 88, 204, 40, (255, 255, 255), primary)
    c.text((142, 224), "FlowDesk", 22, (255, 255, 255), bold=True, anchor="lm")
    items = (
        ("Inbox", "42"),
        ("Mine", "9"),
        ("Unassigned", "6"),
        ("Live chat", "3"),
        ("Reports", ""),
        ("Automations", ""),
        ("Settings", ""),
    )
    for i, (name, count) in enumerate(items):
        y = 300 + 54 * i
        if i == 0:
            c.rounded((76, y - 20, 254, y + 20), 10, mix(primary, (255, 255, 255), 0.18))
        c.rounded((92, y - 7, 106, y + 7), 4, (255, 255, 255, 200 if i == 0 else 110))
        c.text(
            (120, y), name, 16, (255, 255, 255, 255 if i == 0 else 190), anchor="lm", bold=i == 0
        )
        if count:
            c.text((238, y), count, 14, (255, 255, 255, 220), anchor="rm", bold=True)
    c.rounded((82, 960, 248, 1010), 12, mix(primary, (255, 255, 255), 0.15))
    c.ellipse((94, 970, 124, 1000), (255, 205, 180))
    c.text((136, 985), "Sam · Support", 14, (255, 255, 255), anchor="lm")


def flow_mark(c: Canvas, x: float, y: float, size: float, fg: Ink, bg: RGB) -> None:
    """Draw the FlowDesk mark: a rounded tile holding three flowing bars that form an F."""
    c.rounded((x, y, x + size, y + size), size * 0.26, fg)
    u = size / 10
    for i, (w, col) in enumerate(((6.0, bg), (4.4, bg), (2.4, bg))):
        top = y + u * (2.2 + 2.1 * i)
        c.rounded((x + u * 2, top, x + u * (2 + w), top + u * 1.4), u * 0.7, col)
    c.ellipse((x + u * 6.6, y + u * 6.5, x + u * 8.1, y + u * 8.0), mix(bg, (20, 184, 166), 0.9))


def _dash_header(c: Canvas, primary: RGB) -> None:
    """Draw the greeting, search, button and KPI cards."""
    ink, grey = (30, 34, 56), (110, 116, 140)
    c.text((300, 222), "Good morning, Sam", 26, ink, bold=True, anchor="lm")
    c.text((300, 256), "Here is your team's queue today", 15, grey, anchor="lm")
    c.rounded((690, 206, 925, 246), 20, (255, 255, 255), (224, 228, 240), 1.5)
    c.text((716, 226), "Search tickets…", 14, (150, 156, 176), anchor="lm")
    c.rounded((940, 206, 1110, 246), 20, primary)
    c.text((1025, 226), "+  New ticket", 15, (255, 255, 255), bold=True)
    kpis = (
        ("Open tickets", "42", "-18%"),
        ("First reply", "18m", "-32%"),
        ("Resolved this week", "318", "+12%"),
        ("Customer rating", "4.8", "+0.3"),
    )
    for i, (label, value, delta) in enumerate(kpis):
        x = 290 + i * 211.5
        card(c, (x, 285, x + 195.5, 395))
        c.text((x + 18, 312), label, 14, grey, anchor="lm")
        c.text((x + 18, 358), value, 34, ink, bold=True, anchor="lm")
        pill(c, (x + 150, 358), delta, (22, 163, 74), 12)


def _dash_charts(c: Canvas, primary: RGB, teal: RGB) -> None:
    """Draw the resolved-tickets area chart and the channel bar chart."""
    ink, grey = (30, 34, 56), (110, 116, 140)
    card(c, (290, 415, 830, 690))
    c.text((312, 445), "Tickets resolved", 18, ink, bold=True, anchor="lm")
    c.text((312, 470), "Last 14 days", 13, grey, anchor="lm")
    pill(c, (770, 447), "+24%", (22, 163, 74), 12)
    values = (0.32, 0.38, 0.35, 0.46, 0.44, 0.52, 0.49, 0.58, 0.62, 0.57, 0.68, 0.72, 0.7, 0.84)
    line_chart(c, (315, 495, 805, 665), values, primary)
    card(c, (846, 415, 1120, 690))
    c.text((866, 445), "By channel", 18, ink, bold=True, anchor="lm")
    c.text((866, 470), "This week", 13, grey, anchor="lm")
    cols = (primary, teal, mix(primary, (255, 255, 255), 0.45), (245, 158, 11))
    bar_chart(
        c,
        (866, 505, 1100, 640),
        (0.9, 0.66, 0.38, 0.22),
        cols,
        ("Email", "Chat", "Social", "Phone"),
    )


def _ticket_rows(c: Canvas, primary: RGB, teal: RGB) -> None:
    """Draw the ticket queue with avatars, channels, statuses and SLA timers."""
    ink, grey = (30, 34, 56), (110, 116, 140)
    card(c, (290, 710, 1120, 1035))
    c.text((312, 742), "Queue", 18, ink, bold=True, anchor="lm")
    for i, label in enumerate(("All", "Mine", "Urgent")):
        fill = primary if i == 0 else (238, 240, 248)
        c.rounded((880 + 76 * i, 728, 946 + 76 * i, 756), 14, fill)
        c.text((913 + 76 * i, 742), label, 13, (255, 255, 255) if i == 0 else grey, bold=True)
    rows = (
        ("MR", "Maya R.", "Where is my order #4821?", "Email", "Open", "12m", (236, 72, 153)),
        (
            "JT",
            "Jon T.",
            "Can I change my plan to annual?",
            "Chat",
            "Pending",
            "34m",
            (59, 130, 246),
        ),
        ("AK", "Aisha K.", "Refund for duplicate charge", "Email", "Open", "1h", (245, 158, 11)),
        ("LP", "Leo P.", "Love the new update!", "Social", "Solved", "", (16, 185, 129)),
    )
    status = {"Open": primary, "Pending": (217, 119, 6), "Solved": (22, 163, 74)}
    for i, (ini, name, subject, channel, state, sla, col) in enumerate(rows):
        y = 800 + 62 * i
        c.line(((312, y - 31), (1098, y - 31)), (236, 238, 246), 1)
        c.ellipse((312, y - 20, 352, y + 20), col)
        c.text((332, y), ini, 14, (255, 255, 255), bold=True)
        c.text((368, y - 10), name, 15, ink, bold=True, anchor="lm")
        c.text((368, y + 12), subject, 14, grey, anchor="lm")
        pill(c, (780, y), channel, teal, 12)
        pill(c, (890, y), state, status[state], 12)
        c.text((1090, y), sla, 14, (220, 38, 38) if sla == "1h" else grey, anchor="rm", bold=True)


def draw_saas_phone(brand: dict[str, RGB]) -> Image.Image:
    """Draw FlowDesk's mobile inbox on a tilted phone, with a notification card beside it."""
    primary, teal = brand["primary"], brand["accent"]
    bg = gradient(SIZE, SIZE, (240, 242, 255), (203, 208, 246), (0.42, 0.3, (252, 252, 255)))
    phone = _phone_screen(primary, teal).rotate(-7, Image.Resampling.BICUBIC, expand=True)
    shadow = Image.new("L", bg.size, 0)
    shadow.paste(phone.getchannel("A").point(lambda v: v // 2), (360, 170))
    bg.paste((30, 30, 70), (0, 0), shadow.filter(ImageFilter.GaussianBlur(28)))
    bg.paste(phone, (600 - phone.width // 2, 600 - phone.height // 2), phone)
    c = Canvas(bg)
    card(c, (690, 300, 1110, 410), (255, 255, 255), 22, 70)
    flow_mark(c, 712, 326, 56, primary, (255, 255, 255))
    c.text((786, 336), "New chat assigned to you", 17, (30, 34, 56), bold=True, anchor="lm")
    c.text((786, 366), "Maya: Where is my order #4821?", 15, (110, 116, 140), anchor="lm")
    card(c, (90, 780, 440, 880), (255, 255, 255), 22, 70)
    c.ellipse((112, 802, 168, 858), mix(teal, (255, 255, 255), 0.8))
    c.line(((126, 830), (137, 842), (156, 818)), teal, 5)
    c.text((186, 812), "Replied in 4 min", 18, (30, 34, 56), bold=True, anchor="lm")
    c.text((186, 842), "SLA met · auto-assigned", 15, (110, 116, 140), anchor="lm")
    return c.finish()


def _phone_screen(primary: RGB, teal: RGB) -> Image.Image:
    """Return an RGBA phone (bezel, island, app UI) drawn upright at 1x scale."""
    w, h = 440, 900
    c = Canvas(Image.new("RGBA", (w, h), (0, 0, 0, 0)))
    c.rounded((0, 0, w, h), 64, (24, 26, 38))
    c.rounded((4, 4, w - 4, h - 4), 60, None, (90, 94, 110), 2)
    c.rounded((16, 16, w - 16, h - 16), 50, (247, 248, 253))
    c.rounded((16, 16, w - 16, 190), 50, primary)
    c.draw.rectangle(c.s((16, 120, w - 16, 190)), primary)
    c.rounded((170, 30, 270, 60), 15, (14, 15, 22))
    c.text((56, 46), "9:41", 16, (255, 255, 255), bold=True, anchor="lm")
    c.text((44, 110), "Inbox", 32, (255, 255, 255), bold=True, anchor="lm")
    c.text((44, 150), "6 waiting · 2 urgent", 16, (255, 255, 255, 210), anchor="lm")
    c.ellipse((356, 92, 400, 136), (255, 205, 180))
    for i, (label, on) in enumerate((("All", True), ("Mine", False), ("Urgent", False))):
        x = 36 + 96 * i
        c.rounded((x, 210, x + 84, 246), 18, primary if on else (232, 234, 246))
        c.text((x + 42, 228), label, 15, (255, 255, 255) if on else (90, 96, 120), bold=True)
    _phone_tickets(c)
    c.rounded((16, h - 110, w - 16, h - 16), 50, (255, 255, 255))
    c.draw.rectangle(c.s((16, h - 110, w - 16, h - 70)), (255, 255, 255))
    for i in range(4):
        x = 78 + 95 * i
        c.rounded((x - 14, h - 82, x + 14, h - 54), 8, primary if i == 0 else (200, 204, 222))
    c.rounded((160, h - 36, 280, h - 30), 3, (30, 34, 56))
    c.ellipse((330, 690, 400, 760), teal)
    c.text((365, 724), "+", 40, (255, 255, 255), bold=True)
    return c.finish()


def _phone_tickets(c: Canvas) -> None:
    """Draw the mobile ticket cards."""
    rows = (
        ("MR", "Maya R.", "Where is my order #4821?", "12m", (236, 72, 153), True),
        ("JT", "Jon T.", "Switch to annual billing?", "34m", (59, 130, 246), False),
        ("AK", "Aisha K.", "Refund for duplicate charge", "1h", (245, 158, 11), True),
        ("DS", "Dan S.", "Invoice for March, please", "2h", (139, 92, 246), False),
    )
    for i, (ini, name, text, age, col, urgent) in enumerate(rows):
        y = 266 + 102 * i
        card(c, (32, y, 408, y + 88), (255, 255, 255), 18, 30)
        c.ellipse((48, y + 22, 92, y + 66), col)
        c.text((70, y + 44), ini, 15, (255, 255, 255), bold=True)
        c.text((106, y + 30), name, 17, (30, 34, 56), bold=True, anchor="lm")
        c.text((106, y + 58), text, 14, (110, 116, 140), anchor="lm")
        c.text((392, y + 30), age, 13, (150, 156, 176), anchor="rm")
        if urgent:
            c.ellipse((380, y + 52, 392, y + 64), (239, 68, 68))


def draw_saas_logo(brand: dict[str, RGB]) -> Image.Image:
    """Draw the FlowDesk logo: the mark above an outlined wordmark, on transparency."""
    primary = brand["primary"]
    c = Canvas(Image.new("RGBA", (LOGO, LOGO), (0, 0, 0, 0)))
    c.rounded((118, 30, 394, 306), 74, (255, 255, 255, 255))
    flow_mark(c, 128, 40, 256, (*primary, 255), (255, 255, 255))
    c.text((256, 400), "FlowDesk", 84, (*primary, 255), bold=True, stroke=(255, 255, 255, 255))
    return c.finish()


class Place:
    """Maps coordinates of a part drawn around (0, 0) to a spot and scale on the canvas."""

    def __init__(self, cx: float, cy: float, k: float) -> None:
        """Centre the part at (cx, cy) and scale it by k."""
        self.cx, self.cy, self.k = cx, cy, k

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """Return a mapped box."""
        return (
            self.cx + x0 * self.k,
            self.cy + y0 * self.k,
            self.cx + x1 * self.k,
            self.cy + y1 * self.k,
        )

    def pts(self, *points: tuple[float, float]) -> list[tuple[float, float]]:
        """Return mapped points."""
        return [(self.cx + x * self.k, self.cy + y * self.k) for x, y in points]


def chopper(c: Canvas, p: Place, green: RGB, zest: RGB, rng: np.random.Generator) -> None:
    """Draw the ZestPro push chopper: clear bowl, blades, herbs inside, green lid and knob."""
    c.shadow(p.box(-230, 150, 230, 215), 18 * p.k, 150)
    c.ellipse(p.box(-180, 148, 180, 192), (255, 255, 255, 60))
    _chopped(c, p, rng, green)
    c.rounded(p.box(-8, -100, 8, 160), 4 * p.k, (150, 156, 164))
    for y, flip in ((30, 1), (92, -1)):
        teeth = [
            (-140 * flip, y),
            (-105 * flip, y - 14),
            (-70 * flip, y),
            (-35 * flip, y - 14),
            (0, y),
        ]
        blade = [*teeth, (140 * flip, y - 6), (140 * flip, y + 6), (0, y + 9), (-140 * flip, y + 9)]
        c.polygon(p.pts(*blade), (176, 184, 192, 255))
        c.line(p.pts(*blade, blade[0]), (120, 128, 138, 255), 1.5 * p.k)
        c.line(p.pts(*teeth), (250, 252, 253, 255), 2 * p.k)
        c.ellipse(p.box(-16, y - 8, 16, y + 12), (140, 146, 154))
    c.rounded(
        p.box(-180, -70, 180, 172), 26 * p.k, (255, 255, 255, 38), (150, 162, 160, 170), 2.5 * p.k
    )
    curve_shade(c, p.box(-180, -70, 180, 172), 26 * p.k, 0.22)
    highlight(c, p.box(-160, -50, -138, 150), 170, 3 * p.k)
    highlight(c, p.box(130, -40, 142, 140), 110, 3 * p.k)
    _lid(c, p, green, zest)


def _chopped(c: Canvas, p: Place, rng: np.random.Generator, green: RGB) -> None:
    """Scatter minced herbs and garlic, as small irregular flakes, in the bottom of the bowl."""
    for _ in range(420):
        x, y = rng.uniform(-165, 165), rng.uniform(108, 170)
        garlic = rng.random() < 0.3
        col = (246, 238, 215) if garlic else mix(green, (25, 60, 20), float(rng.uniform(0, 0.7)))
        r = float(rng.uniform(3, 8))
        angles = np.sort(rng.uniform(0, 2 * np.pi, 5))
        flake = [(x + r * np.cos(a) * rng.uniform(0.5, 1), y + r * 0.7 * np.sin(a)) for a in angles]
        c.polygon(p.pts(*[(float(a), float(b)) for a, b in flake]), (*col, 255))


def _lid(c: Canvas, p: Place, green: RGB, zest: RGB) -> None:
    """Draw the lid band, the plunger shaft and the knob."""
    x0, y0, x1, y1 = p.box(-196, -120, 196, -50)
    c.paste(
        cylinder(round(x1 - x0), round(y1 - y0), green, 0.3, 0.45),
        (x0, y0, x1, y1),
        rounded_mask(18 * p.k),
    )
    c.ellipse(p.box(-196, -140, 196, -100), mix(green, (255, 255, 255), 0.25))
    c.text((p.cx, p.cy - 84 * p.k), "ZestPro", 30 * p.k, (255, 255, 255), bold=True)
    x0, y0, x1, y1 = p.box(-26, -300, 26, -118)
    c.paste(
        cylinder(round(x1 - x0), round(y1 - y0), (178, 184, 190), 0.5, 0.5),
        (x0, y0, x1, y1),
        rounded_mask(4),
    )
    x0, y0, x1, y1 = p.box(-110, -350, 110, -282)
    c.paste(
        cylinder(round(x1 - x0), round(y1 - y0), zest, 0.35, 0.45),
        (x0, y0, x1, y1),
        rounded_mask(34 * p.k),
    )
    c.ellipse(p.box(-110, -370, 110, -328), mix(zest, (255, 255, 255), 0.18))
    c.ellipse(p.box(-64, -362, -4, -348), (255, 255, 255, 90))


def garlic_bulb(c: Canvas, p: Place) -> None:
    """Draw a garlic bulb: a plump teardrop with a pointed top, clove lines and a stem."""
    c.shadow(p.box(-80, 52, 80, 82), 10 * p.k, 110)
    t = np.linspace(0, np.pi, 40)
    right = [(float(78 * np.sin(u) ** 1.6), float(-70 + 140 * (1 - np.cos(u)) / 2)) for u in t]
    outline = right + [(-x, y) for x, y in reversed(right)]
    c.polygon(p.pts(*outline), (248, 242, 228))
    for off in (-48, -22, 0, 24, 50):
        curve = [
            (float(off * np.sin(u) ** 1.2), float(-70 + 140 * (1 - np.cos(u)) / 2)) for u in t[4:-2]
        ]
        c.line(p.pts(*curve), (214, 196, 204), 2 * p.k)
    c.polygon(p.pts((-9, -66), (9, -66), (4, -108), (-4, -108)), (222, 206, 176))
    c.ellipse(p.box(-50, -20, -22, 40), (255, 255, 255, 130))


def basil(c: Canvas, p: Place, angle: float, green: RGB) -> None:
    """Draw a basil leaf pointing at `angle` degrees, with its midrib."""
    a = np.radians(angle)
    d, n = np.array([np.cos(a), np.sin(a)]), np.array([-np.sin(a), np.cos(a)])
    ts = np.linspace(0.0, 1.0, 18)
    half = [(d * 95 * t, n * 36 * np.sin(np.pi * t) ** 0.8 * (1 - 0.35 * t)) for t in ts]
    outline = [tuple(a + b) for a, b in half] + [tuple(a - b) for a, b in reversed(half)]
    c.polygon(p.pts(*[(float(x), float(y)) for x, y in outline]), green)
    c.line(
        p.pts((0.0, 0.0), (float(d[0] * 84), float(d[1] * 84))),
        mix(green, (255, 255, 255), 0.35),
        2 * p.k,
    )


def lemon_half(c: Canvas, p: Place) -> None:
    """Draw a cut lemon half seen from the front: rind, pith and segments."""
    c.shadow(p.box(-90, 40, 90, 75), 10 * p.k, 110)
    c.ellipse(p.box(-80, -70, 80, 70), (236, 190, 20))
    c.ellipse(p.box(-70, -60, 70, 60), (255, 246, 214))
    c.ellipse(p.box(-62, -52, 62, 52), (250, 214, 60))
    for i in range(8):
        a = np.radians(22.5 + 45 * i)
        c.line(
            p.pts((0, 0), (float(60 * np.cos(a)), float(50 * np.sin(a)))), (255, 246, 214), 4 * p.k
        )
    c.ellipse(p.box(-8, -8, 8, 8), (255, 246, 214))


def draw_gadget_hero(brand: dict[str, RGB]) -> Image.Image:
    """Draw the ZestPro chopper on a warm seamless backdrop with garlic, basil and lemon."""
    green, zest = brand["primary"], brand["accent"]
    c = Canvas(gradient(SIZE, SIZE, (253, 249, 240), (232, 224, 206), (0.5, 0.32, (255, 253, 248))))
    c.glow((-200, 860, 1400, 1300), (255, 252, 244), 120, 40)
    rng = np.random.default_rng(7)
    chopper(c, Place(600, 640, 1.25), green, zest, rng)
    garlic_bulb(c, Place(215, 880, 1.1))
    lemon_half(c, Place(985, 870, 0.95))
    for x, y, ang in ((330, 975, -25), (860, 990, 195), (395, 1000, 10)):
        basil(c, Place(x, y, 1.0), ang, mix(green, (20, 90, 30), 0.3))
    return c.finish()


def tile_wall(w: int, h: int) -> Image.Image:
    """Return a white subway-tile wall lit by a window on the left."""
    wall = gradient(w, h, (246, 244, 238), (226, 222, 214), (0.15, 0.2, (255, 254, 250)))
    c = Canvas(wall)
    for row in range(h // 60 + 1):
        y = row * 60
        c.line(((0, y), (w, y)), (206, 202, 194), 3)
        for col in range(-1, w // 120 + 2):
            x = col * 120 + (60 if row % 2 else 0)
            c.line(((x, y), (x, y + 60)), (206, 202, 194), 3)
            c.line(((x + 6, y + 8), (x + 100, y + 8)), (255, 255, 255, 110), 3)
    return c.finish()


def herb_pot(c: Canvas, p: Place, green: RGB, rng: np.random.Generator) -> None:
    """Draw a terracotta pot of basil."""
    c.shadow(p.box(-80, 100, 80, 125), 8 * p.k, 110)
    for _ in range(40):
        a, r = rng.uniform(-2.6, -0.5), rng.uniform(30, 110)
        basil(
            c,
            Place(p.cx + r * np.cos(a) * 0.6 * p.k, p.cy + (r * np.sin(a) - 10) * p.k, 0.55 * p.k),
            float(np.degrees(a) + rng.uniform(-30, 30)),
            mix(green, (20, 80, 25), float(rng.uniform(0, 0.5))),
        )
    c.polygon(p.pts((-75, -10), (75, -10), (58, 115), (-58, 115)), (196, 110, 70))
    c.rounded(p.box(-84, -22, 84, 14), 6 * p.k, (210, 124, 82))


def draw_gadget_in_use(brand: dict[str, RGB]) -> Image.Image:
    """Draw the chopper on a cutting board in a bright kitchen, mid-press."""
    green, zest = brand["primary"], brand["accent"]
    rng = np.random.default_rng(11)
    base = tile_wall(SIZE, SIZE)
    c = Canvas(base)
    c.draw.rectangle(c.s((0, 760, SIZE, SIZE)), (232, 226, 216))
    c.draw.rectangle(c.s((0, 760, SIZE, 776)), (246, 242, 236))
    for _ in range(14):
        x, y = rng.uniform(0, SIZE), rng.uniform(790, 1190)
        c.line(
            [(x + i * 30, y + rng.uniform(-8, 8) + i * 4) for i in range(6)], (200, 194, 186, 90), 2
        )
    herb_pot(c, Place(170, 640, 1.0), green, rng)
    c.shadow((140, 900, 1080, 1050), 16, 120, rounded=40)
    c.rounded((130, 880, 1070, 1040), 40, (176, 122, 74))
    c.rounded((130, 860, 1070, 1010), 40, (214, 162, 108))
    for i in range(7):
        y = 880 + 18 * i
        c.line([(170 + 80 * j, y + 4 * np.sin(j + i)) for j in range(11)], (190, 136, 86, 120), 2)
    chopper(c, Place(600, 705, 1.05), green, zest, rng)
    for y in (190, 228):  # "press" chevrons above the knob
        c.line(((570, y), (600, y + 22), (630, y)), mix(green, (255, 255, 255), 0.15), 8)
    for x, y in ((240, 935), (290, 960), (850, 940)):
        garlic_clove(c, Place(x, y, 1.0))
    lemon_half(c, Place(930, 975, 0.7))
    basil(c, Place(330, 990, 0.9), -15, green)
    return c.finish()


def garlic_clove(c: Canvas, p: Place) -> None:
    """Draw one peeled garlic clove: a leaning teardrop with a highlight."""
    c.shadow(p.box(-26, 14, 26, 28), 5 * p.k, 100)
    t = np.linspace(0.0, 2 * np.pi, 48)
    pts = [
        (
            float(22 * np.sin(u) * np.sin(u / 2) + 8 * (1 - np.cos(u)) / 2 - 4),
            float(-22 * np.cos(u)),
        )
        for u in t
    ]
    c.polygon(p.pts(*pts), (248, 242, 224))
    c.line(p.pts(*pts[26:44]), (222, 210, 184), 2 * p.k)
    c.ellipse(p.box(-10, -4, -2, 12), (255, 255, 255, 170))


def draw_gadget_logo(brand: dict[str, RGB]) -> Image.Image:
    """Draw the ZestPro logo: a lemon-zest leaf badge with the wordmark, on transparency."""
    green, zest = brand["primary"], brand["accent"]
    c = Canvas(Image.new("RGBA", (LOGO, LOGO), (0, 0, 0, 0)))
    c.ellipse((106, 24, 406, 324), (*green, 255))
    c.ellipse((170, 88, 342, 260), (*zest, 255))
    c.ellipse((186, 104, 326, 244), (255, 246, 200, 255))
    for i in range(8):
        a = np.radians(22.5 + 45 * i)
        c.line(((256, 174), (256 + 62 * np.cos(a), 174 + 62 * np.sin(a))), (*zest, 255), 7)
    basil(c, Place(300, 110, 1.1), -50, mix(green, (255, 255, 255), 0.25))
    c.text((256, 410), "ZestPro", 96, (*green, 255), bold=True, stroke=(255, 255, 255, 255))
    return c.finish()


Drawer = Callable[[dict[str, RGB]], Image.Image]
PICTURES: dict[str, dict[str, Drawer]] = {
    "serum": {
        "serum_bottle.png": draw_serum_bottle,
        "serum_texture.png": draw_serum_texture,
        "logo.png": draw_serum_logo,
    },
    "saas": {
        "app_dashboard.png": draw_saas_dashboard,
        "app_phone.png": draw_saas_phone,
        "logo.png": draw_saas_logo,
    },
    "gadget": {
        "gadget_hero.png": draw_gadget_hero,
        "gadget_in_use.png": draw_gadget_in_use,
        "logo.png": draw_gadget_logo,
    },
}


def brand_colours(folder: Path) -> dict[str, RGB]:
    """Return the brand colours of the brief in folder, so pictures and brief never disagree."""
    brief = yaml.safe_load((folder / "brief.yaml").read_text(encoding="utf-8"))
    return {key: hex_rgb(brief["brand"][key]) for key in ("primary", "secondary", "accent", "text")}


def main() -> None:
    """Draw every picture next to its brief."""
    for name, pictures in PICTURES.items():
        folder = HERE / name
        brand = brand_colours(folder)
        for filename, draw in pictures.items():
            path = folder / filename
            picture = draw(brand)
            (save_logo if filename == "logo.png" else save_photo)(picture, path)
            kb = path.stat().st_size // 1024
            print(
                f"wrote {path.relative_to(HERE.parent)}  {picture.width}x{picture.height}  {kb} KB"
            )


if __name__ == "__main__":
    main()
