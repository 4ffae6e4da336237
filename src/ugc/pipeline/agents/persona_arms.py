"""Arms and hands per gesture, each arm its own small sprite."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image, ImageChops

from ugc.pipeline.agents.persona_body import torso_outline
from ugc.pipeline.agents.persona_face import CX
from ugc.pipeline.agents.persona_hands import draw_hand
from ugc.pipeline.agents.persona_sketch import Box, Point, Sketch, mix
from ugc.pipeline.agents.persona_spec import Palette, PersonaSpec


@dataclass(frozen=True)
class ArmPose:
    """Shoulder, elbow and wrist in rig units, plus the hand shape and its angle (0 = up)."""

    shoulder: Point
    elbow: Point
    wrist: Point
    hand: str
    hand_angle: float
    flip: bool


# Left/right are as the viewer sees them; the "left" arm is the persona's right arm.
ARM_POSES: dict[str, ArmPose] = {
    "l:none": ArmPose((CX - 244, 672), (CX - 270, 1010), (CX - 270, 1200), "none", 0, False),
    "r:none": ArmPose((CX + 244, 672), (CX + 270, 1010), (CX + 270, 1200), "none", 0, True),
    "l:raise": ArmPose((CX - 244, 672), (CX - 308, 905), (CX - 180, 640), "open", 4, False),
    "r:point": ArmPose((CX + 244, 672), (CX + 308, 905), (CX + 190, 650), "point", -8, True),
    "l:thumbs": ArmPose((CX - 244, 672), (CX - 272, 905), (CX - 96, 790), "thumbs", 8, False),
}


def arm_box(key: str) -> Box:
    """Return a unit-space box that holds the arm, its hand and its shadow."""
    p = ARM_POSES[key]
    xs = [p.shoulder[0], p.elbow[0], p.wrist[0]]
    ys = [p.shoulder[1], p.elbow[1], p.wrist[1]]
    reach = 0.0 if p.hand == "none" else 250.0
    return (
        max(0.0, min(xs) - 80 - reach * 0.5),
        max(0.0, min(ys) - 70 - reach),
        min(800.0, max(xs) + 80 + reach * 0.5),
        1000.0,
    )


def _limb(sk: Sketch, a: Point, b: Point, wa: float, wb: float, target: Image.Image) -> None:
    """Rasterise a tapered capsule from a (width wa) to b (width wb) onto a mask."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    quad = [
        (a[0] + nx * wa / 2, a[1] + ny * wa / 2),
        (b[0] + nx * wb / 2, b[1] + ny * wb / 2),
        (b[0] - nx * wb / 2, b[1] - ny * wb / 2),
        (a[0] - nx * wa / 2, a[1] - ny * wa / 2),
    ]
    sk.poly(quad, (0, 0, 0), target=target)
    sk.ellipse(a, wa / 2, wa / 2, (0, 0, 0), target=target)
    sk.ellipse(b, wb / 2, wb / 2, (0, 0, 0), target=target)


def _lerp(a: Point, b: Point, t: float) -> Point:
    """Return the point a fraction t from a to b."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def draw_arm(sk: Sketch, pal: Palette, spec: PersonaSpec, key: str) -> None:
    """Draw one arm: cast shadow on the torso, upper arm, forearm in front, then the hand."""
    p = ARM_POSES[key]
    long_sleeve = spec.top_style != "tee"
    if p.hand != "none":
        silhouette = sk.mask()
        _limb(sk, p.shoulder, p.elbow, 118, 96, silhouette)
        _limb(sk, p.elbow, p.wrist, 92, 70, silhouette)
        _cast_shadow(sk, pal, spec, silhouette)
    _upper_arm(sk, pal, p, long_sleeve)
    if p.hand == "none":
        return
    _forearm(sk, pal, p, long_sleeve)
    draw_hand(sk, pal, p.wrist, p.hand_angle, p.hand, p.flip)


def _upper_arm(sk: Sketch, pal: Palette, p: ArmPose, long_sleeve: bool) -> None:
    """Draw the upper arm: skin, then a full or short sleeve shaded on the body side."""
    skin = sk.mask()
    _limb(sk, p.shoulder, p.elbow, 118, 96, skin)
    sk.fill(skin, pal.skin)
    sleeve = sk.mask()
    _limb(sk, p.shoulder, p.elbow, 124, 104, sleeve)
    if not long_sleeve:
        _clip_before(sk, sleeve, p.shoulder, _lerp(p.shoulder, p.elbow, 0.5))
    sk.fill(sleeve, pal.top)
    inward = 1.0 if p.shoulder[0] < CX else -1.0
    seam = sk.mask()
    sk.stroke(
        [(p.shoulder[0] + inward * 66, p.shoulder[1]), (p.elbow[0] + inward * 56, p.elbow[1])],
        30,
        pal.top,
        target=seam,
    )
    sk.fill(seam, pal.top_shade, 0.9, clip=ImageChops.lighter(sleeve, skin), blur=12)
    if not long_sleeve:
        hem = sk.mask()
        _limb(sk, p.shoulder, p.elbow, 118, 96, hem)
        _clip_before(sk, hem, p.shoulder, _lerp(p.shoulder, p.elbow, 0.56))
        edge = ImageChops.subtract(hem, sleeve)
        sk.fill(edge, pal.skin_shade, 0.6)


def _forearm(sk: Sketch, pal: Palette, p: ArmPose, long_sleeve: bool) -> None:
    """Draw the forearm in front of the upper arm, outlined so the two read apart."""
    w0, w1 = (98.0, 80.0) if long_sleeve else (90.0, 68.0)
    colour = pal.top if long_sleeve else pal.skin
    line = pal.top_shade if long_sleeve else pal.skin_shade
    outline = sk.mask()
    _limb(sk, p.elbow, p.wrist, w0 + 9, w1 + 9, outline)
    sk.fill(outline, line)
    arm = sk.mask()
    _limb(sk, p.elbow, p.wrist, w0, w1, arm)
    sk.fill(arm, colour)
    light = sk.mask()
    _limb(sk, _lerp(p.elbow, p.wrist, 0.1), p.wrist, w0 * 0.35, w1 * 0.35, light)
    sk.fill(
        light,
        pal.top_hi if long_sleeve else mix(pal.skin, (255, 255, 255), 0.15),
        0.5,
        clip=arm,
        blur=10,
    )
    if long_sleeve:
        cuff = sk.mask()
        _limb(sk, _lerp(p.elbow, p.wrist, 0.86), p.wrist, w1 + 4, w1 + 4, cuff)
        sk.fill(cuff, mix(pal.top, pal.top_shade, 0.45))


def _clip_before(sk: Sketch, m: Image.Image, a: Point, b: Point) -> None:
    """Erase the part of a mask beyond point b along direction a->b (a short sleeve's hem)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    far = 600.0
    cut = [
        (b[0] + nx * far, b[1] + ny * far),
        (b[0] + nx * far + ux * far * 2, b[1] + ny * far + uy * far * 2),
        (b[0] - nx * far + ux * far * 2, b[1] - ny * far + uy * far * 2),
        (b[0] - nx * far, b[1] - ny * far),
    ]
    hole = sk.mask()
    sk.poly(cut, (0, 0, 0), target=hole)
    m.paste(0, (0, 0), hole)


def _cast_shadow(sk: Sketch, pal: Palette, spec: PersonaSpec, arm: Image.Image) -> None:
    """Shade the torso under a raised arm, clipped to the torso so nothing leaks on the wall."""
    torso = sk.mask()
    sk.poly(torso_outline(spec.top_style), (0, 0, 0), target=torso)
    off = sk.shifted(arm, 14, 18)
    sk.fill(off, pal.top_shade, 0.7, clip=torso, blur=10)
