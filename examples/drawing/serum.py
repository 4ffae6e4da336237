"""Draw the Glow Serum pictures: the dropper bottle, the texture swatch and the logo."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from drawing.kit import (
    LOGO,
    RGB,
    SCALE,
    SIZE,
    Canvas,
    Ink,
    curve_shade,
    cylinder,
    gradient,
    highlight,
    mix,
    rounded_mask,
)


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
