"""Hands drawn in a local frame (wrist at origin, fingers up) then placed on the arm."""

from __future__ import annotations

import math
from collections.abc import Callable

from ugc.pipeline.agents.persona_sketch import Point, Sketch, mix, round_rect
from ugc.pipeline.agents.persona_spec import Palette

Place = Callable[[Point], Point]

_FINGERS_OPEN = (
    ((26.0, -76.0), 60.0, 9.0, 20.0),
    ((8.0, -80.0), 66.0, 2.0, 21.0),
    ((-10.0, -78.0), 60.0, -5.0, 20.0),
    ((-27.0, -70.0), 46.0, -13.0, 17.0),
)


HAND_SCALE = 1.3


def _placer(wrist: Point, angle: float, flip: bool) -> Place:
    """Return a map from hand-local points to rig units (clockwise angle in degrees)."""
    a = math.radians(angle)
    ca, sa = math.cos(a) * HAND_SCALE, math.sin(a) * HAND_SCALE

    def place(p: Point) -> Point:
        x, y = (-p[0] if flip else p[0]), p[1]
        return (wrist[0] + x * ca - y * sa, wrist[1] + x * sa + y * ca)

    return place


def _digit(sk: Sketch, pal: Palette, place: Place, a: Point, b: Point, w: float) -> None:
    """Draw one finger as an outlined capsule."""
    line = mix(pal.skin_shade, pal.skin_deep, 0.5)
    sk.stroke([place(a), place(b)], (w + 5) * HAND_SCALE, line)
    sk.stroke([place(a), place(b)], w * HAND_SCALE, pal.skin)


def _blob(sk: Sketch, pal: Palette, place: Place, pts: list[Point]) -> None:
    """Draw an outlined filled shape given in hand-local points."""
    line = mix(pal.skin_shade, pal.skin_deep, 0.5)
    placed = [place(p) for p in pts]
    sk.stroke([*placed, placed[0]], 5, line)
    sk.poly(placed, pal.skin)


def _open(sk: Sketch, pal: Palette, place: Place) -> None:
    """Draw an open palm facing the viewer, fingers up, thumb toward the body."""
    _digit(sk, pal, place, (16, -16), (62, -62), 23)
    _blob(sk, pal, place, round_rect(0, -42, 38, 42, 22))
    for base, length, ang, w in reversed(_FINGERS_OPEN):
        r = math.radians(ang)
        tip = (base[0] + length * math.sin(r), base[1] - length * math.cos(r))
        _digit(sk, pal, place, base, tip, w)
    _blob(sk, pal, place, round_rect(0, -42, 37, 40, 21))
    sk.poly([place(p) for p in ((20, -40), (36, -40), (44, -26), (24, -10))], pal.skin)
    crease = [place(p) for p in ((-20, -52), (0, -40), (18, -22))]
    sk.stroke(crease, 2.5, mix(pal.skin, pal.skin_shade, 0.8))


def _point(sk: Sketch, pal: Palette, place: Place) -> None:
    """Draw a hand pointing up with the index finger, the others curled."""
    _digit(sk, pal, place, (22, -70), (26, -150), 21)
    _blob(sk, pal, place, round_rect(0, -40, 38, 38, 22))
    for i, y in enumerate((-68.0, -50.0, -32.0)):
        _digit(sk, pal, place, (-30 + i * 4, y), (12, y + 2), 19)
    _digit(sk, pal, place, (34, -18), (6, -54), 22)


def _thumbs(sk: Sketch, pal: Palette, place: Place) -> None:
    """Draw a fist with the thumb up."""
    _digit(sk, pal, place, (-22, -60), (-20, -122), 25)
    _blob(sk, pal, place, round_rect(0, -36, 40, 36, 20))
    for i, y in enumerate((-58.0, -40.0, -22.0, -6.0)):
        _digit(sk, pal, place, (-14, y), (34 - i * 3, y), 18)


_HANDS: dict[str, Callable[[Sketch, Palette, Place], None]] = {
    "open": _open,
    "point": _point,
    "thumbs": _thumbs,
}


def draw_hand(sk: Sketch, pal: Palette, wrist: Point, angle: float, kind: str, flip: bool) -> None:
    """Draw a hand of the given kind at the wrist."""
    _HANDS[kind](sk, pal, _placer(wrist, angle, flip))
