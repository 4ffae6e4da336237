"""Reusable props for room backgrounds: plants, lamps, frames, books, fairy lights."""

from __future__ import annotations

import math

from ugc.pipeline.agents.setting_canvas import RGB, Canvas, blend

LEAF_GREENS: tuple[RGB, ...] = ((92, 150, 96), (72, 128, 84), (118, 170, 104), (60, 112, 78))


def leaf(
    cv: Canvas, base: tuple[float, float], length: float, width: float, angle: float, colour: RGB
) -> None:
    """Draw a pointed leaf from its base along `angle` degrees (0 = up, clockwise)."""
    a = math.radians(angle)
    ux, uy = math.sin(a), -math.cos(a)
    nx, ny = -uy, ux
    pts: list[tuple[float, float]] = []
    for i in range(13):
        t = i / 12
        r = math.sin(math.pi * t) * width / 2
        pts.append((base[0] + ux * length * t + nx * r, base[1] + uy * length * t + ny * r))
    for i in range(12, -1, -1):
        t = i / 12
        r = math.sin(math.pi * t) * width / 2
        pts.append((base[0] + ux * length * t - nx * r, base[1] + uy * length * t - ny * r))
    cv.poly(pts, colour)
    mid = blend(colour, (255, 255, 255), 0.25)
    cv.draw.line(
        [base, (base[0] + ux * length * 0.85, base[1] + uy * length * 0.85)],
        fill=mid,
        width=max(1, round(width * 0.06)),
    )


def plant(cv: Canvas, x: float, floor: float, size: float, pot: RGB) -> None:
    """Draw a potted leafy plant standing on `floor` at x, about `size` px tall."""
    rng = cv.rng
    pot_w, pot_h = size * 0.36, size * 0.3
    stems = 9
    for i in range(stems):
        angle = -70 + 140 * i / (stems - 1) + rng.uniform(-8, 8)
        length = size * rng.uniform(0.45, 0.7) * (1.0 - abs(angle) / 260)
        colour = LEAF_GREENS[(i + rng.randrange(4)) % len(LEAF_GREENS)]
        leaf(cv, (x, floor - pot_h * 0.9), length, size * 0.2, angle, colour)
    cv.poly(
        [
            (x - pot_w / 2, floor - pot_h),
            (x + pot_w / 2, floor - pot_h),
            (x + pot_w * 0.38, floor),
            (x - pot_w * 0.38, floor),
        ],
        pot,
    )
    cv.rect(
        (
            x - pot_w * 0.55,
            floor - pot_h - size * 0.04,
            x + pot_w * 0.55,
            floor - pot_h + size * 0.02,
        ),
        blend(pot, (255, 255, 255), 0.15),
    )


def lamp(cv: Canvas, x: float, floor: float, size: float, shade: RGB, glow: bool = True) -> None:
    """Draw a table lamp with a glowing shade standing on `floor`."""
    base = blend(shade, (60, 50, 45), 0.5)
    cv.rect((x - size * 0.03, floor - size * 0.55, x + size * 0.03, floor), base)
    cv.ellipse((x, floor - size * 0.03), size * 0.16, size * 0.05, base)
    top, bottom = floor - size, floor - size * 0.52
    cv.poly(
        [
            (x - size * 0.2, top),
            (x + size * 0.2, top),
            (x + size * 0.32, bottom),
            (x - size * 0.32, bottom),
        ],
        shade,
    )
    if glow:
        cv.soft(
            [
                (
                    "ellipse",
                    (x - size * 0.7, bottom - size * 0.5, x + size * 0.7, bottom + size * 0.4),
                )
            ],
            (255, 226, 170),
            size * 0.2,
            0.45,
        )


def frame(
    cv: Canvas, box: tuple[float, float, float, float], border: RGB, art: tuple[RGB, ...]
) -> None:
    """Draw a framed abstract print: a mat, soft blobs and a horizon line."""
    x0, y0, x1, y1 = box
    w = x1 - x0
    cv.soft(
        [("rect", (x0 + w * 0.04, y0 + w * 0.06, x1 + w * 0.04, y1 + w * 0.06))],
        (0, 0, 0),
        w * 0.05,
        0.18,
    )
    cv.rect(box, border)
    m = w * 0.06
    cv.rect((x0 + m, y0 + m, x1 - m, y1 - m), (250, 247, 242))
    p = w * 0.16
    inner = (x0 + p, y0 + p, x1 - p, y1 - p)
    cv.rect(inner, art[0])
    iw, ih = inner[2] - inner[0], inner[3] - inner[1]
    cv.ellipse((inner[0] + iw * 0.62, inner[1] + ih * 0.38), iw * 0.24, iw * 0.24, art[1])
    cv.poly(
        [
            (inner[0], inner[3]),
            (inner[0], inner[1] + ih * 0.7),
            (inner[0] + iw * 0.5, inner[1] + ih * 0.55),
            (inner[2], inner[1] + ih * 0.75),
            (inner[2], inner[3]),
        ],
        art[2],
    )


BOOK_COLOURS: tuple[RGB, ...] = (
    (231, 111, 81),
    (244, 162, 97),
    (233, 196, 106),
    (42, 157, 143),
    (38, 70, 83),
    (131, 175, 155),
    (200, 140, 170),
    (90, 120, 190),
)


def books(cv: Canvas, x0: float, x1: float, shelf_y: float, height: float) -> None:
    """Stand a row of books on a shelf between x0 and x1."""
    rng = cv.rng
    x = x0
    while x < x1:
        bw = height * rng.uniform(0.14, 0.24)
        bh = height * rng.uniform(0.7, 1.0)
        if x + bw > x1:
            break
        colour = BOOK_COLOURS[rng.randrange(len(BOOK_COLOURS))]
        cv.rect((x, shelf_y - bh, x + bw, shelf_y), colour)
        cv.rect(
            (x, shelf_y - bh * 0.8, x + bw, shelf_y - bh * 0.74),
            blend(colour, (255, 255, 255), 0.4),
        )
        x += bw + height * 0.02


def fairy_lights(cv: Canvas, y0: float, y1: float, sag: float, bulb: float) -> None:
    """Hang a sagging string of warm bulbs across the wall, with a soft glow around each."""
    n = max(8, int(cv.w / (bulb * 9)))
    pts = []
    for i in range(n + 1):
        t = i / n
        pts.append((cv.w * t, y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)))
    cv.draw.line(pts, fill=(120, 100, 80), width=max(1, round(bulb * 0.25)))
    glows = [
        ("ellipse", (x - bulb * 2.6, y - bulb * 2.2, x + bulb * 2.6, y + bulb * 3.0))
        for x, y in pts[1:-1]
    ]
    cv.soft(glows, (255, 214, 140), bulb * 1.6, 0.55)
    for x, y in pts[1:-1]:
        cv.ellipse((x, y + bulb * 0.6), bulb * 0.55, bulb * 0.8, (255, 236, 180))


def shelf(cv: Canvas, x0: float, x1: float, y: float, thick: float, colour: RGB) -> None:
    """Draw a floating shelf with a soft shadow beneath."""
    cv.soft([("rect", (x0, y + thick, x1, y + thick * 2.2))], (0, 0, 0), thick * 0.9, 0.2)
    cv.rect((x0, y, x1, y + thick), colour)
    cv.rect((x0, y, x1, y + thick * 0.3), blend(colour, (255, 255, 255), 0.25))
