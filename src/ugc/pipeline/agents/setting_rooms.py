"""Home rooms: bedroom, kitchen and bathroom, drawn relative to the frame size."""

from __future__ import annotations

from ugc.pipeline.agents.setting_canvas import RGB, Canvas, blend
from ugc.pipeline.agents.setting_props import fairy_lights, frame, lamp, plant

_BEDROOM_WALLS: tuple[tuple[RGB, RGB, RGB], ...] = (
    ((246, 224, 216), (236, 204, 196), (150, 170, 196)),
    ((226, 234, 220), (208, 220, 200), (214, 150, 120)),
    ((244, 234, 220), (230, 214, 194), (126, 150, 140)),
)


def bedroom(cv: Canvas, accent: RGB) -> None:
    """Draw a cosy bedroom: fairy lights, framed print, tufted headboard, pillows, lamp, plant."""
    top, bottom, board = _BEDROOM_WALLS[cv.rng.randrange(len(_BEDROOM_WALLS))]
    w, h, u = cv.w, cv.h, cv.u
    cv.vgrad((0, 0, w, h), top, bottom)
    _window(cv, cv.side(0.86), h * 0.08, u * 0.34, h * 0.42)
    frame(
        cv,
        (cv.side(0.14) - u * 0.09, h * 0.16, cv.side(0.14) + u * 0.09, h * 0.16 + u * 0.24),
        (196, 160, 120),
        ((240, 214, 190), accent, (150, 180, 170)),
    )
    fairy_lights(cv, h * 0.05, h * 0.08, h * 0.07, u * 0.012)
    _headboard(cv, board, h * 0.55)
    _bedding(cv, accent, h * 0.7)
    floor = h * 0.62
    nightstand = (
        cv.side(0.0) - u * 0.02,
        floor,
        cv.side(0.0) + (-1 if cv.flip else 1) * u * 0.2,
        h,
    )
    cv.rect(nightstand, (210, 180, 150))
    lamp(cv, cv.side(0.0) + (-1 if cv.flip else 1) * u * 0.1, floor, u * 0.26, (250, 236, 214))
    stool = cv.side(0.97)
    cv.rect((stool - u * 0.13, h * 0.66, stool + u * 0.13, h), (196, 160, 122), radius=u * 0.02)
    cv.rect((stool - u * 0.13, h * 0.66, stool + u * 0.13, h * 0.66 + u * 0.02), (214, 182, 146))
    plant(cv, stool, h * 0.66, u * 0.36, (236, 228, 216))


def _window(cv: Canvas, cx: float, y0: float, width: float, height: float) -> None:
    """Draw a bright window with sky and a sheer curtain; it is the room's key light."""
    x0, x1 = cx - width / 2, cx + width / 2
    cv.rect(
        (x0 - cv.u * 0.012, y0 - cv.u * 0.012, x1 + cv.u * 0.012, y0 + height + cv.u * 0.012),
        (252, 250, 246),
    )
    cv.vgrad((x0, y0, x1, y0 + height), (176, 214, 242), (232, 242, 248))
    bottom = y0 + height
    trees = [
        (
            "ellipse",
            (
                x0 + width * k - width * 0.16,
                bottom - height * 0.2,
                x0 + width * k + width * 0.16,
                bottom + height * 0.1,
            ),
        )
        for k in (0.1, 0.35, 0.6, 0.85)
    ]
    cv.soft(trees, (160, 200, 150), width * 0.03, 0.85)
    bar = cv.u * 0.008
    cv.rect((cx - bar, y0, cx + bar, y0 + height), (252, 250, 246))
    cv.rect((x0, y0 + height / 2 - bar, x1, y0 + height / 2 + bar), (252, 250, 246))
    cv.soft(
        [("rect", (x0 - width * 0.1, y0, x0 + width * 0.35, y0 + height * 1.05))],
        (255, 255, 255),
        width * 0.06,
        0.7,
    )
    cv.light(cx, y0 + height / 2, max(cv.w, cv.h) * 0.8, 0.28)


def _headboard(cv: Canvas, colour: RGB, top: float) -> None:
    """Draw a channel-tufted headboard centred behind the creator."""
    w, h, u = cv.w, cv.h, cv.u
    half = min(w * 0.46, u * 0.62)
    x0, x1 = w / 2 - half, w / 2 + half
    cv.soft([("rect", (x0, top + u * 0.02, x1 + u * 0.02, h))], (0, 0, 0), u * 0.03, 0.18)
    cv.rect((x0, top, x1, h), colour, radius=u * 0.06)
    channels = 7
    step = (x1 - x0) / channels
    dark = blend(colour, (40, 40, 60), 0.25)
    light = blend(colour, (255, 255, 255), 0.22)
    for i in range(1, channels):
        x = x0 + step * i
        cv.rect((x - u * 0.004, top + u * 0.03, x + u * 0.004, h), dark)
        cv.rect((x + u * 0.004, top + u * 0.03, x + u * 0.016, h), light)


def _bedding(cv: Canvas, accent: RGB, top: float) -> None:
    """Draw pillows and a duvet across the bottom of the frame."""
    w, h, u = cv.w, cv.h, cv.u
    for side in (-1, 1):
        cx = w / 2 + side * min(w * 0.3, u * 0.36)
        cv.soft(
            [("ellipse", (cx - u * 0.2, top - u * 0.06, cx + u * 0.22, top + u * 0.12))],
            (0, 0, 0),
            u * 0.02,
            0.15,
        )
        cv.rect(
            (cx - u * 0.2, top - u * 0.1, cx + u * 0.2, top + u * 0.1),
            (250, 248, 244),
            radius=u * 0.05,
        )
    cv.rect(
        (w / 2 - u * 0.1, top - u * 0.06, w / 2 + u * 0.1, top + u * 0.1), accent, radius=u * 0.04
    )
    duvet = top + u * 0.08
    cv.vgrad((0, duvet, w, h), (246, 242, 236), (226, 220, 212))
    folds = [("ellipse", (w * 0.1, duvet + u * 0.05, w * 0.7, duvet + u * 0.09))]
    cv.soft(folds, (170, 160, 150), u * 0.02, 0.25)
    throw = max(duvet + u * 0.16, h - u * 0.14)
    cv.rect((-u, throw, w + u, h + u), blend(accent, (255, 255, 255), 0.25))
    for k in range(1, 4):
        y = throw + u * 0.03 * k
        cv.rect((-u, y, w + u, y + u * 0.008), blend(accent, (255, 255, 255), 0.6))


_KITCHEN: tuple[tuple[RGB, RGB, RGB], ...] = (
    ((148, 178, 152), (236, 226, 206), (196, 160, 118)),
    ((250, 250, 246), (226, 214, 196), (182, 140, 100)),
    ((70, 96, 130), (238, 232, 220), (214, 196, 170)),
)


def kitchen(cv: Canvas, accent: RGB) -> None:
    """Draw a bright kitchen: upper cabinets, subway tiles, counter with jars, fruit and herbs."""
    cabinet, wall, wood = _KITCHEN[cv.rng.randrange(len(_KITCHEN))]
    w, h, u = cv.w, cv.h, cv.u
    cv.vgrad((0, 0, w, h), wall, blend(wall, (200, 190, 175), 0.3))
    _tiles(cv, h * 0.26, h * 0.7, u * 0.075, u * 0.036)
    _cabinets(cv, cabinet, h * 0.26)
    cv.soft([("rect", (0, h * 0.26, w, h * 0.3))], (255, 236, 190), u * 0.03, 0.6)
    counter = h * 0.7
    cv.rect((0, counter, w, counter + u * 0.035), blend(wood, (255, 255, 255), 0.15))
    _lower_cabinets(cv, cabinet, counter + u * 0.035)
    _counter_items(cv, accent, wood, counter)
    cv.light(cv.side(0.1), 0.0, max(w, h) * 0.9, 0.22)


def _lower_cabinets(cv: Canvas, colour: RGB, top: float) -> None:
    """Draw base cabinet doors under the counter, slightly shaded by it."""
    u = cv.u
    cv.vgrad((0, top, cv.w, cv.h), blend(colour, (0, 0, 0), 0.12), blend(colour, (0, 0, 0), 0.04))
    door = u * 0.24
    n = int(cv.w / door) + 2
    x0 = (cv.w - n * door) / 2
    edge = blend(colour, (0, 0, 0), 0.2)
    for i in range(n):
        x = x0 + i * door
        box = (x + u * 0.008, top + u * 0.02, x + door - u * 0.008, cv.h + u)
        cv.draw.rectangle(box, outline=edge, width=max(1, round(u * 0.003)))
        hx = x + (door * 0.82 if i % 2 else door * 0.18)
        cv.rect((hx - u * 0.004, top + u * 0.04, hx + u * 0.004, top + u * 0.09), (200, 170, 110))


def _tiles(cv: Canvas, y0: float, y1: float, tw: float, th: float) -> None:
    """Draw white subway tiles with offset rows and pale grout."""
    cv.rect((0, y0, cv.w, y1), (246, 246, 242))
    grout = (218, 216, 210)
    line = max(1, round(cv.u * 0.003))
    row = 0
    y = y0
    while y < y1:
        cv.draw.line([(0, y), (cv.w, y)], fill=grout, width=line)
        x = -(tw / 2) * (row % 2)
        while x < cv.w:
            cv.draw.line([(x, y), (x, min(y1, y + th))], fill=grout, width=line)
            x += tw
        y += th
        row += 1


def _cabinets(cv: Canvas, colour: RGB, bottom: float) -> None:
    """Draw a run of upper cabinet doors with bar handles."""
    u = cv.u
    cv.rect((0, 0, cv.w, bottom), colour)
    door = u * 0.24
    n = int(cv.w / door) + 1
    x0 = (cv.w - n * door) / 2
    edge = blend(colour, (0, 0, 0), 0.15)
    for i in range(n):
        x = x0 + i * door
        cv.rect(
            (x + u * 0.008, u * 0.0, x + door - u * 0.008, bottom - u * 0.012),
            blend(colour, (255, 255, 255), 0.06),
        )
        cv.draw.rectangle(
            (x + u * 0.008, 0, x + door - u * 0.008, bottom - u * 0.012),
            outline=edge,
            width=max(1, round(u * 0.003)),
        )
        hx = x + (door * 0.82 if i % 2 else door * 0.18)
        cv.rect(
            (hx - u * 0.004, bottom - u * 0.09, hx + u * 0.004, bottom - u * 0.04),
            (200, 170, 110),
            radius=u * 0.004,
        )


def _counter_items(cv: Canvas, accent: RGB, wood: RGB, counter: float) -> None:
    """Put a cutting board, jars, a fruit bowl and a herb pot on the counter."""
    u = cv.u
    bx = cv.side(0.08)
    cv.rect((bx - u * 0.08, counter - u * 0.3, bx + u * 0.08, counter), wood, radius=u * 0.05)
    cv.ellipse((bx, counter - u * 0.26), u * 0.018, u * 0.018, blend(wood, (0, 0, 0), 0.3))
    for i, fill in enumerate(((236, 206, 150), (206, 120, 80), (245, 240, 230))):
        _jar(
            cv,
            cv.side(0.2) + (-1 if cv.flip else 1) * i * u * 0.075,
            counter,
            u * (0.12 + 0.03 * (i % 2)),
            fill,
        )
    fx = cv.side(0.88)
    for dx, dy in ((-0.05, -0.05), (0.0, -0.07), (0.05, -0.05), (-0.025, -0.1), (0.03, -0.1)):
        fruit = accent if dx == 0 else (244, 150, 60)
        cv.ellipse((fx + dx * u, counter + dy * u), u * 0.035, u * 0.035, fruit)
    bowl = [(fx - u * 0.1, counter - u * 0.05), (fx + u * 0.1, counter - u * 0.05)]
    cv.poly([*bowl, (fx + u * 0.06, counter), (fx - u * 0.06, counter)], (250, 248, 244))
    plant(cv, cv.side(0.98), counter, u * 0.3, (224, 120, 90))


def _jar(cv: Canvas, x: float, floor: float, height: float, fill: RGB) -> None:
    """Stand a glass storage jar with a wooden lid."""
    u = cv.u
    cv.rect((x - u * 0.03, floor - height, x + u * 0.03, floor), (226, 236, 238), radius=u * 0.012)
    cv.rect(
        (x - u * 0.026, floor - height * 0.7, x + u * 0.026, floor - u * 0.004),
        fill,
        radius=u * 0.01,
    )
    lid = (x - u * 0.032, floor - height - u * 0.016, x + u * 0.032, floor - height + u * 0.004)
    cv.rect(lid, (180, 150, 110), radius=u * 0.005)


_BATH: tuple[tuple[RGB, RGB], ...] = (
    ((236, 242, 238), (200, 222, 214)),
    ((246, 236, 232), (234, 206, 198)),
    ((240, 242, 246), (206, 216, 232)),
)


def bathroom(cv: Canvas, accent: RGB) -> None:
    """Draw a clean bathroom: tiled wall, round mirror, sconces, towel, plant and vanity."""
    paint, tile = _BATH[cv.rng.randrange(len(_BATH))]
    w, h, u = cv.w, cv.h, cv.u
    cv.vgrad((0, 0, w, h), paint, blend(paint, tile, 0.4))
    _square_tiles(cv, h * 0.42, tile, u * 0.14)
    _mirror(cv, (w / 2, h * 0.3), u * 0.3)
    _towel(cv, cv.side(0.06), h * 0.5, accent)
    vanity = h * 0.8
    cv.rect((0, vanity, w, h), (250, 250, 248))
    cv.rect((0, vanity, w, vanity + u * 0.02), (226, 226, 222))
    plant(cv, cv.side(0.93), vanity, u * 0.3, (250, 250, 250))
    for i, c in enumerate(((250, 200, 190), (200, 224, 214), (255, 255, 255))):
        bx = cv.side(0.82) + (-1 if cv.flip else 1) * i * u * 0.05
        top = vanity - u * (0.1 + 0.02 * i)
        cv.rect((bx - u * 0.018, top, bx + u * 0.018, vanity), c, radius=u * 0.01)
    cv.light(w / 2, h * 0.2, max(w, h) * 0.8, 0.2)


def _mirror(cv: Canvas, c: tuple[float, float], r: float) -> None:
    """Hang a brass-framed round mirror with a glare streak and a warm sconce either side."""
    u, (x, y) = cv.u, c
    cv.soft(
        [("ellipse", (x - r, y - r + u * 0.03, x + r + u * 0.02, y + r + u * 0.04))],
        (0, 0, 0),
        u * 0.03,
        0.18,
    )
    cv.ellipse(c, r, r, (206, 170, 110))
    cv.ellipse(c, r * 0.94, r * 0.94, (222, 232, 236))
    cv.soft([("rect", (x - r * 0.5, y - r, x - r * 0.3, y + r))], (255, 255, 255), u * 0.02, 0.6)
    for side in (-1, 1):
        sx = cv.w / 2 + side * min(cv.w * 0.42, r + u * 0.16)
        cv.rect(
            (sx - u * 0.02, y - u * 0.1, sx + u * 0.02, y + u * 0.02),
            (250, 244, 230),
            radius=u * 0.02,
        )
        glow = [("ellipse", (sx - u * 0.12, y - u * 0.2, sx + u * 0.12, y + u * 0.12))]
        cv.soft(glow, (255, 230, 180), u * 0.05, 0.5)


def _square_tiles(cv: Canvas, y0: float, colour: RGB, size: float) -> None:
    """Cover the lower wall with large square tiles."""
    cv.rect((0, y0, cv.w, cv.h), colour)
    grout = blend(colour, (255, 255, 255), 0.5)
    line = max(1, round(cv.u * 0.004))
    y = y0
    while y < cv.h:
        cv.draw.line([(0, y), (cv.w, y)], fill=grout, width=line)
        y += size
    x = (cv.w / 2) % size
    while x < cv.w:
        cv.draw.line([(x, y0), (x, cv.h)], fill=grout, width=line)
        x += size


def _towel(cv: Canvas, x: float, y: float, colour: RGB) -> None:
    """Hang a folded towel from a rail."""
    u = cv.u
    cv.rect(
        (x - u * 0.13, y - u * 0.012, x + u * 0.13, y + u * 0.012), (200, 176, 130), radius=u * 0.01
    )
    cv.soft([("rect", (x - u * 0.1, y, x + u * 0.12, y + u * 0.34))], (0, 0, 0), u * 0.02, 0.15)
    cv.rect((x - u * 0.1, y, x + u * 0.1, y + u * 0.32), colour, radius=u * 0.02)
    for k in (0.22, 0.26):
        cv.rect(
            (x - u * 0.1, y + u * k, x + u * 0.1, y + u * (k + 0.012)),
            blend(colour, (255, 255, 255), 0.4),
        )
