"""Hair styles as outlines in rig units: a back mass behind the body and a front over the face."""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import Image

from ugc.pipeline.agents.persona_face import CX
from ugc.pipeline.agents.persona_sketch import Point, Sketch, arc_points, bezier, mirror, mix
from ugc.pipeline.agents.persona_spec import Palette

Shapes = list[list[Point]]


def _cap(top: float, side_x: float, bottom: float) -> list[Point]:
    """Return a rounded skull cap from one side at `bottom` over the top to the other side."""
    left = bezier((CX - side_x, bottom), (CX - side_x - 6, top + 40), (CX - 80, top), (CX, top))
    return left + mirror(left, CX)[1:]


def _hairline(y_side: float, y_top: float, half: float = 118) -> list[Point]:
    """Return a forehead hairline from the right temple to the left one."""
    right = bezier((CX + half, y_side), (CX + half - 8, y_top + 20), (CX + 60, y_top), (CX, y_top))
    return right + mirror(right, CX)[1:]


Curl = tuple[Point, float]


def _cloud(c: Point, rx: float, ry: float, bumps: int, size: float) -> list[Curl]:
    """Return round tufts along and inside an ellipse: a curly silhouette."""
    out: list[Curl] = []
    for ring, count in ((1.0, bumps), (0.62, bumps * 2 // 3), (0.25, max(3, bumps // 3))):
        for i in range(count):
            a = 2 * math.pi * (i + 0.5 * (ring < 1)) / count
            r = size * (0.85 + 0.3 * ((i * 7) % 5) / 4)
            out.append(((c[0] + rx * ring * math.cos(a), c[1] + ry * ring * math.sin(a)), r))
    return out


def _curl_shapes(curls: list[Curl], core: Point, rx: float, ry: float) -> Shapes:
    """Return the tufts as polygons plus a solid core so the mass has no holes."""
    core_pts = [
        (core[0] + rx * math.cos(t * math.pi / 20), core[1] + ry * math.sin(t * math.pi / 20))
        for t in range(40)
    ]
    return [_circle(c, r) for c, r in curls] + [core_pts]


def _circle(c: Point, r: float) -> list[Point]:
    """Return a circle as a polygon."""
    return [
        (c[0] + r * math.cos(t * math.pi / 16), c[1] + r * math.sin(t * math.pi / 16))
        for t in range(32)
    ]


def _wavy_line(a: Point, b: Point, amp: float) -> list[Point]:
    """Return a line from a to b with a gentle sideways wave."""
    n = 24
    return [
        (
            a[0] + (b[0] - a[0]) * i / n + amp * math.sin(i / n * 3 * math.pi),
            a[1] + (b[1] - a[1]) * i / n,
        )
        for i in range(n + 1)
    ]


def _long_back(bottom: float, wave: float) -> Shapes:
    """Return the back mass of hair that falls to `bottom`."""
    right = _wavy_line((CX + 148, 300), (CX + 160, bottom), wave)
    left = _wavy_line((CX - 160, bottom), (CX - 148, 300), wave)
    return [_cap(108, 148, 300) + right + left]


def _bob_front() -> Shapes:
    """Return a chin-length bob with a side-swept fringe."""
    outer = _cap(112, 138, 430)
    inner = bezier((CX + 112, 428), (CX + 122, 330), (CX + 118, 250), (CX + 96, 205))
    inner += bezier((CX + 96, 205), (CX + 40, 215), (CX - 60, 205), (CX - 112, 276))[1:]
    inner += bezier((CX - 112, 276), (CX - 118, 330), (CX - 116, 390), (CX - 108, 430))[1:]
    return [outer + inner]


def _side_part_front(top: float, fringe_y: float) -> Shapes:
    """Return a cap with a soft side-swept fringe and hidden ears."""
    outer = _cap(top, 132, 300)
    inner = bezier((CX + 120, 300), (CX + 124, 250), (CX + 112, 210), (CX + 78, 196))
    inner += bezier((CX + 78, 196), (CX + 20, 200), (CX - 60, fringe_y - 30), (CX - 118, fringe_y))[
        1:
    ]
    inner += [(CX - 124, 300)]
    return [outer + inner]


def _slick_front() -> Shapes:
    """Return hair pulled back off the face, for buns and ponytails."""
    return [_cap(116, 124, 300) + _hairline(292, 176)]


def _short_front() -> Shapes:
    """Return a short cut with a swept quiff and sideburns."""
    outer = bezier((CX - 124, 318), (CX - 136, 200), (CX - 90, 96), (CX + 10, 100))
    outer += bezier((CX + 10, 100), (CX + 110, 96), (CX + 140, 190), (CX + 124, 318))[1:]
    inner: list[Point] = [(CX + 112, 318.0)]
    inner += bezier((CX + 112, 300), (CX + 112, 240), (CX + 90, 200), (CX + 40, 196))
    inner += bezier((CX + 40, 196), (CX - 20, 192), (CX - 80, 196), (CX - 108, 236))[1:]
    inner += [(CX - 112, 318.0)]
    return [outer + inner]


def _buzz_front() -> Shapes:
    """Return a close crop that follows the skull."""
    return [_cap(134, 122, 290) + _hairline(282, 192, 116)]


def _curly_front_curls() -> list[Curl]:
    """Return the curls that cover the crown and fringe of curly hair."""
    out: list[Curl] = []
    for y, half, n in ((128.0, 70.0, 3), (160.0, 110.0, 5), (196.0, 122.0, 6), (230.0, 126.0, 5)):
        for i in range(n):
            x = CX - half + 2 * half * i / (n - 1)
            out.append(((x, y + (8 if i % 2 else 0)), 30.0))
    return out


def _curly_front() -> Shapes:
    """Return a crown of round curls that spill over the forehead."""
    return [_circle(c, r) for c, r in _curly_front_curls()]


def _afro_front() -> Shapes:
    """Return the rounded hairline of an afro."""
    return [_cap(130, 130, 300) + _hairline(290, 186)]


def _framing(bottom: float, part: float, wave: float) -> Shapes:
    """Return hair parted at x = CX + part that frames the face and falls over the shoulders."""
    outer_l = _wavy_line((CX - 168, bottom), (CX - 146, 300), wave)
    outer_l += bezier((CX - 146, 300), (CX - 150, 170), (CX - 90, 108), (CX, 108))[1:]
    outer_r = bezier((CX, 108), (CX + 90, 108), (CX + 150, 170), (CX + 146, 300))
    outer_r += _wavy_line((CX + 146, 300), (CX + 168, bottom), wave)[1:]
    inner_r = _wavy_line((CX + 104, bottom), (CX + 110, 360), wave * 0.7)
    inner_r += bezier((CX + 110, 360), (CX + 120, 250), (CX + 80, 170), (CX + part, 150))[1:]
    inner_l = bezier((CX + part, 150), (CX - 70, 168), (CX - 122, 250), (CX - 110, 360))
    inner_l += _wavy_line((CX - 110, 360), (CX - 104, bottom), wave * 0.7)[1:]
    return [outer_l + outer_r + inner_r + inner_l]


def _long_front() -> Shapes:
    """Return centre-parted straight hair that falls in front of the shoulders."""
    return _framing(640, 0, 2.0)


def _wavy_front() -> Shapes:
    """Return side-parted wavy hair that ends on the shoulders."""
    return _framing(560, 36, 11.0)


_CURLS: dict[str, tuple[list[Curl], list[Curl]]] = {
    "curly": (_cloud((CX, 270), 150, 170, 16, 46), _curly_front_curls()),
    "afro": (_cloud((CX, 240), 178, 168, 22, 40), []),
}

_FRONT: dict[str, Callable[[], Shapes]] = {
    "bob": _bob_front,
    "long": _long_front,
    "bun": _slick_front,
    "curly": _curly_front,
    "buzz": _buzz_front,
    "ponytail": lambda: _side_part_front(124, 250),
    "afro": _afro_front,
    "wavy": _wavy_front,
    "short": _short_front,
}

_BACK: dict[str, Callable[[], Shapes]] = {
    "bob": lambda: [[*_cap(110, 142, 440), (CX + 142, 440), (CX - 142, 440)]],
    "long": lambda: _long_back(660, 3.0),
    "bun": lambda: [_circle((CX, 104), 58)],
    "curly": lambda: _curl_shapes(_cloud((CX, 270), 150, 170, 16, 46), (CX, 270), 150, 170),
    "buzz": lambda: [],
    "ponytail": lambda: [
        bezier((CX + 60, 140), (CX + 230, 130), (CX + 200, 340), (CX + 168, 560))
        + bezier((CX + 150, 590), (CX + 110, 500), (CX + 140, 260), (CX + 30, 190))
    ],
    "afro": lambda: _curl_shapes(_cloud((CX, 240), 178, 168, 22, 40), (CX, 240), 178, 168),
    "wavy": lambda: _long_back(570, 10.0),
    "short": lambda: [],
}


def _strands(style: str) -> list[list[Point]]:
    """Return flow lines that give straight and wavy styles some texture."""
    if style == "short":
        return [
            bezier(
                (CX - 100 + 40 * i, 214 - 6 * i),
                (CX - 80 + 40 * i, 170),
                (CX - 40 + 40 * i, 130),
                (CX + 10 + 36 * i, 112),
            )
            for i in range(4)
        ]
    if style in ("bob", "long", "wavy", "ponytail", "bun"):
        part = CX + (36 if style == "wavy" else 0)
        lines = []
        for side in (-1, 1):
            for k in (0.35, 0.7):
                x = part + side * 135 * k
                lines.append(
                    bezier((part, 130), (x, 132), (x + side * 20, 170), (x + side * 26, 240))
                )
        return lines
    return []


def _mask_of(sk: Sketch, shapes: Shapes) -> Image.Image:
    """Rasterise shapes into one mask."""
    m = sk.mask()
    for pts in shapes:
        sk.poly(pts, (0, 0, 0), target=m)
    return m


def _paint(sk: Sketch, pal: Palette, m: Image.Image, shade_side: float) -> None:
    """Fill a hair mask with base colour, a soft shaded side and a glossy highlight arc."""
    sk.fill(m, pal.hair)
    side = sk.mask()
    sk.ellipse((CX + shade_side * 190, 360), 120, 320, pal.hair, target=side)
    sk.fill(side, pal.hair_shade, 0.7, clip=m, blur=40)
    shine = sk.mask()
    sk.stroke(
        bezier((CX - 110, 190), (CX - 80, 140), (CX - 20, 128), (CX + 30, 130)),
        16,
        pal.hair,
        target=shine,
    )
    sk.fill(shine, pal.hair_hi, 0.55, clip=m, blur=8)


def _texture_curls(sk: Sketch, pal: Palette, curls: list[Curl], clip: Image.Image) -> None:
    """Give each tuft a shaded underside and a small highlight so curls read as curls."""
    under = sk.mask()
    shine = sk.mask()
    for (x, y), r in curls:
        sk.stroke(
            arc_points((x, y), r * 0.72, r * 0.72, 20, 150, 10), r * 0.22, pal.hair, target=under
        )
        sk.stroke(
            arc_points((x, y), r * 0.55, r * 0.55, 200, 250, 5), r * 0.16, pal.hair, target=shine
        )
    sk.fill(under, pal.hair_shade, 0.75, clip=clip)
    sk.fill(shine, pal.hair_hi, 0.5, clip=clip)


def draw_hair_back(sk: Sketch, pal: Palette, style: str) -> None:
    """Draw the hair mass that sits behind the head and shoulders."""
    shapes = _BACK[style]()
    if not shapes:
        return
    m = _mask_of(sk, shapes)
    curls = _CURLS.get(style)
    # Curly masses meet the front hair edge to edge, so they share its base colour.
    sk.fill(m, pal.hair if curls else pal.hair_shade)
    inner = sk.mask()
    sk.ellipse((CX, 330), 150, 200, pal.hair, target=inner)
    sk.fill(inner, darker_of(pal), 0.45 if curls else 0.6, clip=m, blur=40)
    if curls:
        _texture_curls(sk, pal, curls[0], m)


def darker_of(pal: Palette) -> tuple[int, int, int]:
    """Return the deep tone used where the back hair is in the head's shadow."""
    return mix(pal.hair_shade, pal.ink, 0.4)


def draw_hair_front(sk: Sketch, pal: Palette, style: str, face: Image.Image) -> None:
    """Draw the front hair, with the soft shadow it casts on the forehead first."""
    shapes = _FRONT[style]()
    m = _mask_of(sk, shapes)
    drop = sk.shifted(m, 0, 12)
    sk.fill(drop, pal.skin_shade, 0.8, clip=face, blur=6)
    if style == "buzz":
        # A buzz cut lets the scalp show through, so it is a tint, not an opaque cap.
        sk.fill(m, mix(pal.hair, pal.skin, 0.25), 0.92)
        return
    _paint(sk, pal, m, 1.0)
    flow = sk.mask()
    for line in _strands(style):
        sk.stroke(line, 4, pal.hair, target=flow)
    sk.fill(flow, pal.hair_shade, 0.6, clip=m)
    curls = _CURLS.get(style)
    if curls and curls[1]:
        _texture_curls(sk, pal, curls[1], m)
