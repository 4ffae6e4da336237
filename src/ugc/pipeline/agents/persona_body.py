"""Torso, neck and clothing in rig units (the rig is 800 x 1000 units)."""

from __future__ import annotations

from PIL import Image, ImageChops

from ugc.pipeline.agents.persona_face import CX
from ugc.pipeline.agents.persona_sketch import Box, Point, Sketch, bezier, darker, mirror, mix
from ugc.pipeline.agents.persona_spec import Palette, PersonaSpec

# The head sits this many units lower than its drawing coordinates, for a shorter neck.
HEAD_DROP = 16.0
TORSO_BOX: Box = (60.0, 360.0, 740.0, 1000.0)
SHOULDER_Y = 640.0
SHOULDER_DX = 252.0


def torso_outline(style: str) -> list[Point]:
    """Return the garment silhouette: up the left side, along the neckline, down the right."""
    left = bezier((CX - 44, 530), (CX - 110, 548), (CX - 210, 550), (CX - 256, 590))
    left += bezier((CX - 256, 590), (CX - 296, 620), (CX - 306, 660), (CX - 308, 730))[1:]
    left += [(CX - 290, 1010)]
    return list(reversed(left)) + _neckline(style)[1:-1] + mirror(list(reversed(left)), CX)


def _neckline(style: str) -> list[Point]:
    """Return the neckline from the left neck point to the right one."""
    if style == "blouse":
        return [(CX - 44, 530), (CX, 640), (CX + 44, 530)]
    depth = 572.0 if style in ("tee", "sweater") else 556.0
    return bezier((CX - 44, 530), (CX - 36, depth), (CX + 36, depth), (CX + 44, 530))


def draw_neck(sk: Sketch, pal: Palette) -> None:
    """Draw the neck, reaching up under the jaw so head bobs never show a gap."""
    neck = sk.mask()
    pts = [(CX - 40, 370), (CX + 40, 370), (CX + 46, 600), (CX - 46, 600)]
    sk.poly(pts, pal.skin, target=neck)
    sk.poly(pts, pal.skin)
    chest = sk.mask()
    sk.poly(
        [(CX - 45, 520), (CX + 45, 520), (CX + 16, 680), (CX - 16, 680)], pal.skin, target=chest
    )
    sk.fill(chest, pal.skin)
    skin = ImageChops.lighter(neck, chest)
    shadow = sk.mask()
    sk.ellipse((CX, 452 + HEAD_DROP), 80, 48, pal.skin, target=shadow)
    sk.fill(shadow, pal.skin_shade, 0.9, clip=skin, blur=14)
    side = sk.mask()
    sk.poly([(CX + 18, 370), (CX + 46, 370), (CX + 50, 600), (CX + 26, 600)], pal.skin, target=side)
    sk.fill(side, pal.skin_shade, 0.5, clip=skin, blur=10)


def _garment_mask(sk: Sketch, style: str) -> Image.Image:
    """Rasterise the garment outline with its neckline cut out."""
    m = sk.mask()
    sk.poly(torso_outline(style), (0, 0, 0), target=m)
    return m


def draw_torso(sk: Sketch, pal: Palette, spec: PersonaSpec) -> None:
    """Draw the neck and the top with its shading and style details."""
    draw_neck(sk, pal)
    body = _garment_mask(sk, spec.top_style)
    sk.fill(body, pal.top)
    side = sk.mask()
    sk.ellipse((CX + 330, 820), 170, 360, pal.top, target=side)
    sk.fill(side, pal.top_shade, 0.8, clip=body, blur=60)
    light = sk.mask()
    sk.ellipse((CX - 190, 640), 90, 60, pal.top, target=light)
    sk.fill(light, pal.top_hi, 0.5, clip=body, blur=40)
    under_chin = sk.mask()
    sk.ellipse((CX, 545), 120, 34, pal.top, target=under_chin)
    sk.fill(under_chin, pal.top_shade, 0.55, clip=body, blur=16)
    _STYLE_DETAILS[spec.top_style](sk, pal, body)


def _tee(sk: Sketch, pal: Palette, body: Image.Image) -> None:
    """Add a ribbed crew collar."""
    band = sk.mask()
    sk.stroke(_neckline("tee"), 14, pal.top, target=band)
    sk.fill(band, darker(pal.top, 0.3), clip=body)


def _sweater(sk: Sketch, pal: Palette, body: Image.Image) -> None:
    """Add a thick ribbed collar and a faint knit texture."""
    band = sk.mask()
    sk.stroke(_neckline("sweater"), 26, pal.top, target=band)
    sk.fill(band, darker(pal.top, 0.3), clip=body)
    ribs = sk.mask()
    for x0, y0 in _neckline("sweater")[1:-1:2]:
        sk.stroke([(x0, y0 + 2), (x0, y0 + 11)], 2.5, pal.top, target=ribs)
    sk.fill(ribs, darker(pal.top, 0.5), 0.6, clip=body)
    ribs = sk.mask()
    for i in range(-9, 10):
        x = CX + i * 34.0
        sk.stroke([(x, 600), (x + i * 2.0, 1010)], 5, pal.top, target=ribs)
    sk.fill(ribs, pal.top_shade, 0.22, clip=body)


def _hoodie(sk: Sketch, pal: Palette, body: Image.Image) -> None:
    """Add the bunched hood around the neck, drawstrings and a pocket seam."""
    hood = sk.mask()
    ring = bezier((CX - 130, 552), (CX - 110, 500), (CX + 110, 500), (CX + 130, 552))
    ring += bezier((CX + 130, 552), (CX + 100, 606), (CX - 100, 606), (CX - 130, 552))[1:]
    sk.poly(ring, pal.top, target=hood)
    sk.fill(hood, mix(pal.top, pal.top_shade, 0.35))
    inner = sk.mask()
    sk.poly(
        bezier((CX - 62, 530), (CX - 40, 584), (CX + 40, 584), (CX + 62, 530)),
        pal.top,
        target=inner,
    )
    sk.fill(inner, mix(pal.top_shade, pal.ink, 0.25))
    sk.fill(hood, pal.top_hi, 0.25, clip=hood, blur=4)
    _drawstrings(sk, pal)
    seam = sk.mask()
    sk.stroke(
        [(CX - 170, 1010), (CX - 130, 900), (CX + 130, 900), (CX + 170, 1010)],
        5,
        pal.top,
        target=seam,
    )
    sk.fill(seam, pal.top_shade, 0.8, clip=body)


def _drawstrings(sk: Sketch, pal: Palette) -> None:
    """Hang the hoodie's two drawstrings with their tips."""
    string = (250, 248, 240)
    for side in (-1, 1):
        pts = bezier(
            (CX + side * 32, 584),
            (CX + side * 36, 640),
            (CX + side * 30, 700),
            (CX + side * 40, 760),
        )
        sk.stroke(pts, 7, string)
        sk.poly(
            [
                (CX + side * 40 - 5, 755),
                (CX + side * 40 + 5, 755),
                (CX + side * 41 + 4, 782),
                (CX + side * 41 - 4, 782),
            ],
            mix(string, pal.ink, 0.5),
        )


def _blouse(sk: Sketch, pal: Palette, body: Image.Image) -> None:
    """Add a collar folded along the V neckline and a button placket."""
    for side in (-1, 1):
        flap = [
            (CX + side * 50, 526),
            (CX + side * 96, 548),
            (CX + side * 36, 640),
            (CX + side * 4, 640),
        ]
        sk.poly(flap, mix(pal.top, pal.top_hi, 0.7))
        edge = sk.mask()
        sk.stroke(flap[1:3], 3, pal.top, target=edge)
        sk.fill(edge, pal.top_shade, 0.6)
    placket = sk.mask()
    sk.stroke([(CX, 640), (CX, 1010)], 3, pal.top, target=placket)
    sk.fill(placket, pal.top_shade, 0.6, clip=body)
    for y in (700.0, 790.0, 880.0, 970.0):
        sk.ellipse((CX + 10, y), 6, 6, mix(pal.top_hi, (255, 255, 255), 0.5))


_STYLE_DETAILS = {"tee": _tee, "sweater": _sweater, "hoodie": _hoodie, "blouse": _blouse}
