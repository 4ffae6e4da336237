"""Face geometry and features (ears, eyes, brows, nose, cheeks) in rig units."""

from __future__ import annotations

from PIL import Image

from ugc.pipeline.agents.persona_sketch import Point, Sketch, bezier, hex_rgb, mirror, mix
from ugc.pipeline.agents.persona_spec import Palette, PersonaSpec

CX = 400.0
EYE_Y = 306.0
EYE_DX = 52.0
MOUTH_C: Point = (CX, 404.0)
CHIN_Y = 452.0
FACE_BOX = (272.0, 150.0, 528.0, 454.0)
PIVOT: Point = (CX, 440.0)


def face_outline() -> list[Point]:
    """Return the closed outline of the face, top centre clockwise."""
    right = bezier((CX, 150), (CX + 66, 150), (CX + 121, 196), (CX + 122, 292))
    right += bezier((CX + 122, 292), (CX + 123, 350), (CX + 106, 392), (CX + 70, 424))[1:]
    right += bezier((CX + 70, 424), (CX + 46, 446), (CX + 24, CHIN_Y), (CX, CHIN_Y))[1:]
    return right + mirror(right, CX)[1:]


def draw_ears(sk: Sketch, pal: Palette, spec: PersonaSpec) -> None:
    """Draw both ears, which sit behind the face outline."""
    for side in (-1, 1):
        c = (CX + side * 121, 318.0)
        sk.ellipse(c, 21, 34, pal.skin)
        sk.ellipse((c[0] + side * 3, c[1] + 2), 11, 21, pal.skin_shade)
        if spec.earrings:
            gold = hex_rgb(spec.earrings)
            sk.ellipse((c[0] + side * 2, c[1] + 46), 7, 7, gold)
            sk.stroke(
                [(c[0] + side * 2, c[1] + 30), (c[0] + side * 2, c[1] + 40)],
                3,
                mix(gold, pal.ink, 0.3),
            )


def draw_face_base(sk: Sketch, pal: Palette) -> Image.Image:
    """Fill the face, shade its far side and return the face mask for clipping."""
    outline = face_outline()
    face = sk.mask()
    sk.poly(outline, pal.skin, target=face)
    sk.poly(outline, pal.skin)
    side = sk.mask()
    sk.ellipse((CX + 150, 330), 70, 190, pal.skin, target=side)
    sk.fill(side, pal.skin_shade, 0.55, clip=face, blur=28)
    jaw = sk.mask()
    sk.ellipse((CX, CHIN_Y + 30), 140, 60, pal.skin, target=jaw)
    sk.fill(jaw, pal.skin_shade, 0.45, clip=face, blur=22)
    return face


def _eye_shape(c: Point, side: int) -> tuple[list[Point], list[Point]]:
    """Return the upper and lower lid curves of one eye, inner corner first."""
    x, y = c
    inner, outer = (x - side * 25, y + 2), (x + side * 26, y - 1)
    upper = bezier(inner, (x - side * 13, y - 17), (x + side * 13, y - 18), outer)
    lower = bezier(outer, (x + side * 14, y + 13), (x - side * 12, y + 14), inner)
    return upper, lower


def draw_eyes(sk: Sketch, pal: Palette, spec: PersonaSpec) -> None:
    """Draw open eyes: sclera, iris, pupil, catch-light and the upper lash line."""
    for side in (-1, 1):
        c = (CX + side * EYE_DX, EYE_Y)
        upper, lower = _eye_shape(c, side)
        white = sk.mask()
        sk.poly(upper + lower, pal.skin, target=white)
        sk.fill(white, (252, 250, 248))
        ball = sk.mask()
        sk.ellipse((c[0] + side * 1, c[1] + 1), 13.5, 13.5, pal.skin, target=ball)
        sk.fill(ball, pal.iris, clip=white)
        ring = sk.mask()
        sk.ellipse((c[0] + side * 1, c[1] - 3), 13.5, 10, pal.skin, target=ring)
        sk.fill(ring, mix(pal.iris, pal.ink, 0.55), 0.6, clip=white)
        pupil = sk.mask()
        sk.ellipse((c[0] + side * 1, c[1] + 1), 6.5, 6.5, pal.skin, target=pupil)
        sk.fill(pupil, (22, 16, 20), clip=white)
        sk.ellipse((c[0] + side * 1 + 5, c[1] - 4), 3.6, 3.6, (255, 255, 255))
        lid = sk.mask()
        sk.stroke(upper, 5.5, pal.ink, target=lid)
        sk.fill(lid, pal.ink)
        if spec.lashes:
            tip = upper[-1]
            sk.poly(
                [(tip[0] - side * 10, tip[1] - 4), (tip[0] + side * 9, tip[1] - 9), tip], pal.ink
            )
        crease = sk.mask()
        sk.stroke([(p[0], p[1] - 9) for p in upper[3:-2]], 2.2, pal.ink, target=crease)
        sk.fill(crease, pal.skin_deep, 0.35)


def closed_lid_shapes(c: Point, side: int) -> tuple[list[Point], list[Point]]:
    """Return the lid patch covering an eye and the closed lash curve."""
    upper, lower = _eye_shape(c, side)
    patch = [(p[0], p[1] - 3) for p in upper] + [(p[0], p[1] + 2) for p in lower]
    x, y = c
    lash = bezier(
        (x - side * 25, y + 2),
        (x - side * 10, y + 11),
        (x + side * 12, y + 10),
        (x + side * 26, y - 1),
    )
    return patch, lash


def draw_brows(sk: Sketch, pal: Palette) -> None:
    """Draw tapered eyebrows."""
    for side in (-1, 1):
        x = CX + side * EYE_DX
        top = bezier(
            (x - side * 30, 262), (x - side * 14, 250), (x + side * 8, 245), (x + side * 34, 259)
        )
        bottom = bezier(
            (x + side * 34, 259), (x + side * 8, 253), (x - side * 12, 258), (x - side * 30, 271)
        )
        sk.poly(top + bottom, pal.brow)


def draw_nose(sk: Sketch, pal: Palette) -> None:
    """Draw a simple flat nose: a soft bridge shadow and a rounded tip."""
    bridge = sk.mask()
    sk.poly([(CX - 14, 318), (CX - 6, 318), (CX - 8, 362), (CX - 20, 366)], pal.skin, target=bridge)
    sk.fill(bridge, pal.skin_shade, 0.55, blur=5)
    tip = sk.mask()
    sk.stroke(
        bezier((CX - 20, 362), (CX - 12, 376), (CX + 12, 376), (CX + 20, 362)),
        4.5,
        pal.skin,
        target=tip,
    )
    sk.fill(tip, pal.skin_deep, 0.55)
    for side in (-1, 1):
        sk.ellipse((CX + side * 10, 366), 5, 3.2, mix(pal.skin_deep, pal.ink, 0.2))


def draw_cheeks(sk: Sketch, pal: Palette, spec: PersonaSpec, face: Image.Image) -> None:
    """Add blush and, for some personas, freckles."""
    blush = sk.mask()
    for side in (-1, 1):
        sk.ellipse((CX + side * 78, 366), 30, 17, pal.skin, target=blush)
    sk.fill(blush, pal.blush, 0.45, clip=face, blur=9)
    if not spec.freckles:
        return
    dots = sk.mask()
    spots = ((-86, 346), (-70, 352), (-95, 360), (-62, 342), (-78, 338), (-58, 356))
    for side in (-1, 1):
        for dx, dy in spots:
            sk.ellipse((CX + side * -dx, float(dy)), 2.6, 2.6, pal.skin, target=dots)
    sk.fill(dots, pal.skin_deep, 0.55)
