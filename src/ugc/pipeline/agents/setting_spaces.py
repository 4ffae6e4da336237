"""Desk corner and car interior backgrounds, drawn relative to the frame size."""

from __future__ import annotations

from ugc.pipeline.agents.setting_canvas import RGB, Canvas, blend
from ugc.pipeline.agents.setting_props import books, frame, lamp, plant, shelf

_DESK_WALLS: tuple[tuple[RGB, RGB], ...] = (
    ((232, 236, 242), (210, 218, 230)),
    ((244, 238, 228), (226, 216, 200)),
    ((226, 236, 230), (204, 220, 210)),
)


def desk(cv: Canvas, accent: RGB) -> None:
    """Draw a home-office corner: shelves of books, a framed print, monitor glow, lamp, desk."""
    top, bottom = _DESK_WALLS[cv.rng.randrange(len(_DESK_WALLS))]
    w, h, u = cv.w, cv.h, cv.u
    cv.vgrad((0, 0, w, h), top, bottom)
    wood = (196, 156, 112)
    for i, y in enumerate((h * 0.2, h * 0.38)):
        x0 = cv.side(0.0) if not cv.flip else cv.side(0.0) - u * 0.42
        x0 = min(x0, cv.w - u * 0.42) if not cv.flip else x0
        x1 = x0 + u * 0.42
        books(cv, x0 + u * 0.03, x1 - u * (0.14 if i == 0 else 0.05), y, u * 0.13)
        shelf(cv, x0, x1, y, u * 0.018, wood)
        if i == 0:
            plant(cv, x1 - u * 0.07, y, u * 0.14, (240, 236, 228))
    art_x = cv.side(0.86)
    frame(
        cv,
        (art_x - u * 0.1, h * 0.12, art_x + u * 0.1, h * 0.12 + u * 0.26),
        (40, 40, 46),
        ((236, 220, 200), accent, (90, 130, 150)),
    )
    desk_y = h * 0.78
    _monitor(cv, cv.side(0.9), desk_y)
    lamp(cv, cv.side(0.08), desk_y, u * 0.3, (250, 244, 230))
    cv.soft([("rect", (0, desk_y - u * 0.01, w, desk_y + u * 0.03))], (0, 0, 0), u * 0.015, 0.15)
    cv.vgrad((0, desk_y, w, h), (214, 178, 136), (190, 150, 110))
    _mug(cv, cv.side(0.2), desk_y + u * 0.09, accent)
    cv.light(cv.side(0.25), h * 0.1, max(w, h) * 0.85, 0.22)


def _monitor(cv: Canvas, cx: float, desk_y: float) -> None:
    """Draw a monitor on a stand, its screen glowing softly onto the wall."""
    u = cv.u
    sw, sh = u * 0.42, u * 0.26
    top = desk_y - u * 0.08 - sh
    cv.soft(
        [("rect", (cx - sw * 0.7, top - sh * 0.3, cx + sw * 0.7, top + sh * 1.2))],
        (170, 200, 255),
        u * 0.06,
        0.45,
    )
    cv.rect((cx - u * 0.015, top + sh, cx + u * 0.015, desk_y), (70, 72, 80))
    cv.rect(
        (cx - u * 0.08, desk_y - u * 0.012, cx + u * 0.08, desk_y), (70, 72, 80), radius=u * 0.006
    )
    cv.rect((cx - sw / 2, top, cx + sw / 2, top + sh), (40, 42, 50), radius=u * 0.01)
    inset = u * 0.012
    cv.vgrad(
        (cx - sw / 2 + inset, top + inset, cx + sw / 2 - inset, top + sh - inset),
        (120, 170, 255),
        (190, 150, 240),
    )
    for i in range(3):
        y = top + sh * (0.25 + 0.2 * i)
        cv.rect(
            (cx - sw * 0.38, y, cx - sw * (0.05 + 0.08 * i), y + sh * 0.08),
            (236, 242, 255),
            radius=u * 0.004,
        )


def _mug(cv: Canvas, x: float, y: float, colour: RGB) -> None:
    """Draw a coffee mug in the brand accent."""
    u = cv.u
    cv.draw.ellipse(
        (x + u * 0.02, y - u * 0.07, x + u * 0.07, y - u * 0.02),
        outline=colour,
        width=max(1, round(u * 0.012)),
    )
    cv.rect((x - u * 0.045, y - u * 0.09, x + u * 0.045, y), colour, radius=u * 0.012)
    cv.rect(
        (x - u * 0.045, y - u * 0.09, x - u * 0.02, y),
        blend(colour, (255, 255, 255), 0.2),
        radius=u * 0.012,
    )


_SEATS: tuple[tuple[RGB, RGB], ...] = (
    ((206, 196, 182), (222, 224, 226)),
    ((120, 124, 132), (214, 216, 220)),
    ((178, 128, 96), (226, 222, 216)),
)


def car(cv: Canvas, accent: RGB) -> None:
    """Draw a car interior from a dash-mounted phone: windows, pillars, seat, headrest, belt."""
    seat, liner = _SEATS[cv.rng.randrange(len(_SEATS))]
    w, h, u = cv.w, cv.h, cv.u
    cv.vgrad((0, 0, w, h), liner, blend(liner, (150, 150, 150), 0.3))
    _side_window(cv, 0.0, 0.34, h * 0.12, h * 0.6)
    _side_window(cv, 0.66, 1.0, h * 0.12, h * 0.6)
    _rear_window(cv, h * 0.06, h * 0.3)
    pillar = blend(liner, (120, 120, 120), 0.2)
    for fx in (0.34, 0.66):
        cv.rect((w * fx - u * 0.05, 0, w * fx + u * 0.05, h * 0.7), pillar)
    _belt(cv, cv.side(0.7), h * 0.2)
    _seat(cv, seat)
    cv.rect((0, 0, w, h * 0.05), blend(liner, (255, 255, 255), 0.3))
    # A hanging air freshener carries the brand accent.
    fx = cv.side(0.2)
    cv.draw.line(
        [(fx, h * 0.05), (fx, h * 0.14)], fill=(90, 90, 96), width=max(1, round(u * 0.003))
    )
    cv.poly(
        [(fx, h * 0.14), (fx + u * 0.03, h * 0.17), (fx, h * 0.22), (fx - u * 0.03, h * 0.17)],
        accent,
    )
    cv.light(w * 0.5, 0, max(w, h) * 0.9, 0.2)


def _belt(cv: Canvas, x: float, y: float) -> None:
    """Draw the seat-belt anchor on the pillar and the strap running down behind the seat."""
    u, h = cv.u, cv.h
    inward = 1 if x < cv.w / 2 else -1
    strap = (58, 60, 66)
    end_x = x + inward * u * 0.12
    cv.poly(
        [
            (x - u * 0.02, y),
            (x + u * 0.02, y),
            (end_x + u * 0.02, h * 0.5),
            (end_x - u * 0.02, h * 0.5),
        ],
        strap,
    )
    cv.rect(
        (x - u * 0.028, y - u * 0.03, x + u * 0.028, y + u * 0.03), (74, 76, 84), radius=u * 0.01
    )
    cv.ellipse((x, y), u * 0.008, u * 0.008, (150, 150, 160))


def _side_window(cv: Canvas, fx0: float, fx1: float, y0: float, y1: float) -> None:
    """Draw a side window with bright sky and blurred roadside trees."""
    u = cv.u
    x0, x1 = cv.w * fx0, cv.w * fx1
    cv.rect((x0, y0, x1, y1), (60, 62, 68), radius=u * 0.05)
    inset = u * 0.02
    cv.vgrad((x0 + inset, y0 + inset, x1 - inset, y1 - inset), (150, 200, 240), (226, 240, 250))
    trees = []
    x = x0
    while x < x1:
        r = u * cv.rng.uniform(0.07, 0.12)
        trees.append(("ellipse", (x - r, y1 - inset - r * 1.6, x + r, y1)))
        x += r * 1.2
    cv.soft(trees, (120, 170, 110), u * 0.015, 0.9)


def _rear_window(cv: Canvas, y0: float, y1: float) -> None:
    """Draw the rear window seen over the seats."""
    u = cv.u
    x0, x1 = cv.w * 0.36, cv.w * 0.64
    cv.rect((x0, y0, x1, y1), (60, 62, 68), radius=u * 0.04)
    inset = u * 0.015
    cv.vgrad((x0 + inset, y0 + inset, x1 - inset, y1 - inset), (170, 210, 240), (236, 244, 250))


def _seat(cv: Canvas, colour: RGB) -> None:
    """Draw the seat back and headrest centred behind the driver."""
    w, h, u = cv.w, cv.h, cv.u
    half = min(w * 0.4, u * 0.5)
    cv.soft(
        [("rect", (w / 2 - half, h * 0.45, w / 2 + half + u * 0.03, h))], (0, 0, 0), u * 0.04, 0.25
    )
    cv.rect((w / 2 - half, h * 0.45, w / 2 + half, h * 1.1), colour, radius=u * 0.12)
    rest_w, rest_h = u * 0.34, u * 0.22
    top = h * 0.45 - rest_h * 0.9
    for side in (-1, 1):
        cv.rect(
            (
                w / 2 + side * u * 0.09 - u * 0.012,
                top + rest_h * 0.8,
                w / 2 + side * u * 0.09 + u * 0.012,
                h * 0.47,
            ),
            (150, 150, 156),
        )
    cv.rect((w / 2 - rest_w / 2, top, w / 2 + rest_w / 2, top + rest_h), colour, radius=u * 0.07)
    seam = blend(colour, (0, 0, 0), 0.15)
    for k in (0.33, 0.66):
        y = top + rest_h * k
        cv.draw.line(
            [(w / 2 - rest_w * 0.4, y), (w / 2 + rest_w * 0.4, y)],
            fill=seam,
            width=max(1, round(u * 0.004)),
        )
    for fx in (-0.25, 0.25):
        x = w / 2 + half * fx * 2
        cv.draw.line([(x, h * 0.5), (x, h)], fill=seam, width=max(1, round(u * 0.005)))
