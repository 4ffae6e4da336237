"""Draw the ZestPro pictures: the hero shot, the kitchen in-use shot and the logo."""

from __future__ import annotations

import numpy as np
from PIL import Image

from drawing.kit import (
    LOGO,
    RGB,
    SIZE,
    Canvas,
    curve_shade,
    cylinder,
    gradient,
    highlight,
    mix,
    rounded_mask,
)


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
