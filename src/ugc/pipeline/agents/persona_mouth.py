"""Mouth shapes per viseme and closed eyelids, drawn as small overlays on the head."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from ugc.pipeline.agents.persona_face import CX, EYE_DX, EYE_Y, MOUTH_C, closed_lid_shapes
from ugc.pipeline.agents.persona_sketch import Box, Point, Sketch, arc_points, bezier, mix
from ugc.pipeline.agents.persona_spec import Palette

MOUTH_BOX: Box = (MOUTH_C[0] - 62, MOUTH_C[1] - 38, MOUTH_C[0] + 62, MOUTH_C[1] + 54)
LID_BOX: Box = (CX - EYE_DX - 36, EYE_Y - 30, CX + EYE_DX + 36, EYE_Y + 26)


@dataclass(frozen=True)
class Opening:
    """An open mouth: half width, lip-line heights, and what shows inside."""

    half: float
    top: float
    bottom: float
    upper_teeth: float = 0.0
    lower_teeth: float = 0.0
    tongue: float = 0.0
    tongue_y: float = 0.0
    round: bool = False
    lip: float = 1.0


_OPEN: dict[str, Opening] = {
    "AI": Opening(33, -9, 30, upper_teeth=9, tongue=17, tongue_y=25),
    "E": Opening(37, -5, 13, upper_teeth=8, lower_teeth=4, tongue=14, tongue_y=12),
    "O": Opening(19, -15, 27, upper_teeth=4, tongue=10, tongue_y=24, round=True, lip=1.5),
    "U": Opening(13, -8, 11, round=True, lip=2.1),
    "WQ": Opening(17, -4, 7, round=True, lip=1.8),
    "L": Opening(29, -8, 21, upper_teeth=7, tongue=12, tongue_y=-1),
    "TH": Opening(30, -5, 11, upper_teeth=5, tongue=16, tongue_y=7),
    "CDG": Opening(31, -5, 10, upper_teeth=7, lower_teeth=6),
    "CH": Opening(23, -8, 13, upper_teeth=9, lower_teeth=8, round=True, lip=1.5),
    "FV": Opening(30, -4, 7, upper_teeth=9),
}


def _at(dx: float, dy: float) -> Point:
    """Return a point relative to the mouth centre."""
    return (MOUTH_C[0] + dx, MOUTH_C[1] + dy)


def _opening_outline(o: Opening) -> list[Point]:
    """Return the outline of the mouth opening: upper lip edge then lower lip edge."""
    h, t, b = o.half, o.top, o.bottom
    if o.round:
        return arc_points(_at(0, (t + b) / 2), h, (b - t) / 2, 0, 360, 36)
    upper = bezier(_at(-h, 0), _at(-h * 0.6, t * 1.3), _at(h * 0.6, t * 1.3), _at(h, 0))
    lower = bezier(_at(h, 0), _at(h * 0.6, b * 1.33), _at(-h * 0.6, b * 1.33), _at(-h, 0))
    return upper + lower[1:]


def _lips(sk: Sketch, pal: Palette, o: Opening) -> None:
    """Draw lips behind an opening (darker upper lip), plus a highlight on the lower lip."""
    lips = sk.mask()
    upper = sk.mask()
    if o.round:
        _round_lips(sk, o, lips, upper)
    else:
        _spread_lips(sk, o, lips, upper)
    sk.fill(lips, pal.lip)
    sk.fill(upper, pal.lip_dark, clip=lips)
    shine = sk.mask()
    h, b, f = o.half, o.bottom, o.lip
    shine_y = b + (1 + 1.75 * f if o.round else 5 * f)
    sk.ellipse(_at(-h * 0.25, shine_y), max(5.0, h * 0.28), 2.2 * f, pal.lip, target=shine)
    sk.fill(shine, mix(pal.lip, (255, 255, 255), 0.45), 0.7, blur=1.5)


def _round_lips(sk: Sketch, o: Opening, lips: Image.Image, upper: Image.Image) -> None:
    """Rasterise a pursed ring of lip and its upper half."""
    c = _at(0, (o.top + o.bottom) / 2)
    ring = 2 + 3.5 * o.lip
    sk.ellipse(c, o.half + ring, (o.bottom - o.top) / 2 + ring, (0, 0, 0), target=lips)
    box = [(c[0] - 200, c[1] - 200), (c[0] + 200, c[1] - 200), (c[0] + 200, c[1] - 2)]
    sk.poly([*box, (c[0] - 200, c[1] - 2)], (0, 0, 0), target=upper)


def _spread_lips(sk: Sketch, o: Opening, lips: Image.Image, upper: Image.Image) -> None:
    """Rasterise lips stretched around a wide opening and the upper lip alone."""
    h, t, b, f = o.half, o.top, o.bottom, o.lip
    up_out = bezier(
        _at(h + 3, 1), _at(h * 0.5, t - 11 * f), _at(-h * 0.5, t - 11 * f), _at(-h - 3, 1)
    )
    low = b * 1.33 + 14 * f
    lo_out = bezier(_at(-h - 3, 1), _at(-h * 0.6, low), _at(h * 0.6, low), _at(h + 3, 1))
    sk.poly(up_out + lo_out, (0, 0, 0), target=lips)
    sk.poly([*up_out, _at(-h - 3, 1), _at(h + 3, 1)], (0, 0, 0), target=upper)


def draw_open(sk: Sketch, pal: Palette, o: Opening) -> None:
    """Draw an open mouth: lips first, then the dark interior, teeth and tongue inside them."""
    hole = sk.mask()
    sk.poly(_opening_outline(o), pal.mouth_in, target=hole)
    _lips(sk, pal, o)
    sk.fill(hole, pal.mouth_in)
    if o.tongue:
        tongue = sk.mask()
        sk.ellipse(_at(0, o.tongue_y), o.tongue, o.tongue * 0.55, pal.tongue, target=tongue)
        sk.fill(tongue, pal.tongue, clip=hole)
    if o.upper_teeth:
        teeth = sk.mask()
        sk.poly(
            [
                _at(-40, o.top * 1.3 - 4),
                _at(40, o.top * 1.3 - 4),
                _at(40, o.top + o.upper_teeth),
                _at(-40, o.top + o.upper_teeth),
            ],
            pal.teeth,
            target=teeth,
        )
        sk.fill(teeth, pal.teeth, clip=hole)
    if o.lower_teeth:
        teeth = sk.mask()
        sk.poly(
            [
                _at(-40, o.bottom - o.lower_teeth),
                _at(40, o.bottom - o.lower_teeth),
                _at(40, o.bottom * 1.4 + 4),
                _at(-40, o.bottom * 1.4 + 4),
            ],
            pal.teeth,
            target=teeth,
        )
        sk.fill(teeth, mix(pal.teeth, pal.mouth_in, 0.12), clip=hole)


def draw_closed(sk: Sketch, pal: Palette, pressed: bool) -> None:
    """Draw a closed mouth: a relaxed smile, or lips pressed flat and thin for M/B/P."""
    if pressed:
        _pressed(sk, pal)
        return
    half, lift = 34.0, -5.0
    line = bezier(_at(-half, lift), _at(-half * 0.4, 6), _at(half * 0.4, 6), _at(half, lift))
    upper = bezier(_at(half, lift), _at(half * 0.45, -10), _at(-half * 0.45, -10), _at(-half, lift))
    lower = bezier(_at(half, lift), _at(half * 0.55, 20), _at(-half * 0.55, 20), _at(-half, lift))
    sk.poly(line + upper[1:], pal.lip_dark)
    sk.poly(line + lower[1:], pal.lip)
    shine = sk.mask()
    sk.ellipse(_at(-6, 11), 10, 2.6, pal.lip, target=shine)
    sk.fill(shine, mix(pal.lip, (255, 255, 255), 0.45), 0.7, blur=1.5)
    crease = sk.mask()
    sk.stroke(line, 3.0, pal.mouth_in, target=crease)
    sk.fill(crease, mix(pal.mouth_in, pal.lip_dark, 0.2))
    for side in (-1, 1):
        sk.ellipse(_at(side * (half + 1), lift - 1), 2.2, 2.2, pal.lip_dark)


def _pressed(sk: Sketch, pal: Palette) -> None:
    """Draw lips rolled in and pressed: a firm straight seam with a bulge of shade below."""
    bulge = sk.mask()
    sk.ellipse(_at(0, 4), 30, 11, pal.skin, target=bulge)
    sk.fill(bulge, pal.lip_dark, 0.55, blur=2.5)
    under = sk.mask()
    sk.ellipse(_at(0, 18), 22, 5, pal.skin, target=under)
    sk.fill(under, pal.skin_deep, 0.6, blur=3)
    seam = sk.mask()
    sk.stroke([_at(-29, 1), _at(-10, 3), _at(10, 3), _at(29, 1)], 5.0, pal.mouth_in, target=seam)
    sk.fill(seam, pal.mouth_in)


def draw_fv(sk: Sketch, pal: Palette) -> None:
    """Draw F/V: the upper teeth resting on a tucked-in lower lip."""
    o = _OPEN["FV"]
    draw_open(sk, pal, o)
    tuck = bezier(_at(-24, 5), _at(-12, 1), _at(12, 1), _at(24, 5))
    tuck += bezier(_at(24, 5), _at(14, 16), _at(-14, 16), _at(-24, 5))[1:]
    sk.poly(tuck, pal.lip)
    sk.poly([_at(-22, -4), _at(22, -4), _at(20, 5), _at(-20, 5)], pal.teeth)


def draw_mouth(sk: Sketch, pal: Palette, viseme: str) -> None:
    """Draw the mouth shape for one viseme."""
    if viseme in ("rest", "MBP"):
        draw_closed(sk, pal, pressed=viseme == "MBP")
    elif viseme == "FV":
        draw_fv(sk, pal)
    else:
        draw_open(sk, pal, _OPEN[viseme])


def draw_lids(sk: Sketch, pal: Palette) -> None:
    """Draw both eyes closed: skin-coloured lids with a curved lash line."""
    lid_skin = mix(pal.skin, pal.skin_shade, 0.35)
    for side in (-1, 1):
        patch, lash = closed_lid_shapes((CX + side * EYE_DX, EYE_Y), side)
        sk.poly(patch, lid_skin)
        sk.stroke(lash, 5.0, pal.ink)
        tip = lash[-1]
        sk.poly([(tip[0] - side * 6, tip[1] + 1), (tip[0] + side * 8, tip[1] - 5), tip], pal.ink)
