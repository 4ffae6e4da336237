"""Build a persona's sprites once, then place them per pose."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PIL import Image

from ugc.pipeline.agents.persona_accessories import draw_facial_hair, draw_glasses
from ugc.pipeline.agents.persona_arms import ARM_POSES, arm_box, draw_arm
from ugc.pipeline.agents.persona_body import HEAD_DROP, TORSO_BOX, draw_torso
from ugc.pipeline.agents.persona_face import (
    FACE_BOX,
    PIVOT,
    draw_brows,
    draw_cheeks,
    draw_ears,
    draw_eyes,
    draw_face_base,
    draw_nose,
)
from ugc.pipeline.agents.persona_hair import draw_hair_back, draw_hair_front
from ugc.pipeline.agents.persona_mouth import LID_BOX, MOUTH_BOX, draw_lids, draw_mouth
from ugc.pipeline.agents.persona_sketch import Box, Point, Sketch
from ugc.pipeline.agents.persona_spec import Palette, PersonaSpec, Pose, palette_for
from ugc.pipeline.agents.persona_visemes import VISEMES

GESTURES: tuple[str, ...] = ("none", "raise", "point", "thumbs")
TILTS: tuple[float, ...] = (-4.0, -2.0, 0.0, 2.0, 4.0)
UNITS = 1000.0
# The head is drawn a little larger than the body for the friendly, big-head look of
# flat illustration; it scales about the neck pivot so it still sits on the neck.
HEAD_ZOOM = 1.12
HEAD_BOX: Box = (110.0, 0.0, 690.0, 700.0)
_ARMS: dict[str, tuple[str, str]] = {
    "none": ("l:none", "r:none"),
    "raise": ("l:raise", "r:none"),
    "point": ("l:none", "r:point"),
    "thumbs": ("l:thumbs", "r:none"),
}

Sprite = tuple[Image.Image, Point]


def _render(box: Box, mapping: Mapping, ss: int, draw: Callable[[Sketch], None]) -> Sprite:
    """Draw into a sketch over `box` and return the sprite cropped to its content."""
    sk = Sketch(box, mapping.scale, ss)
    draw(sk)
    img = sk.result()
    bbox = img.getchannel("A").getbbox() or (0, 0, 1, 1)
    x, y = mapping.to_px((box[0], box[1]))
    return img.crop(bbox), (x + bbox[0], y + bbox[1])


@dataclass(frozen=True)
class Mapping:
    """Maps unit space to rig pixels: unit point `anchor` lands on pixel `at`, scaled about it."""

    scale: float
    anchor: Point = (0.0, 0.0)
    at: Point = (0.0, 0.0)

    def to_px(self, p: Point) -> Point:
        """Return the rig pixel position of a unit-space point."""
        return (
            self.at[0] + (p[0] - self.anchor[0]) * self.scale,
            self.at[1] + (p[1] - self.anchor[1]) * self.scale,
        )


def _rotate_point(p: Point, pivot: Point, degrees: float) -> Point:
    """Rotate p about pivot counter-clockwise as seen on screen (y points down)."""
    a = math.radians(degrees)
    dx, dy = p[0] - pivot[0], p[1] - pivot[1]
    return (
        pivot[0] + dx * math.cos(a) + dy * math.sin(a),
        pivot[1] - dx * math.sin(a) + dy * math.cos(a),
    )


def _tilted(sprite: Sprite, pivot: Point, degrees: float) -> Sprite:
    """Return the sprite rotated about a rig-space pivot, with its new top-left."""
    img, (x, y) = sprite
    if degrees == 0:
        return sprite
    out = img.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True)
    cx, cy = _rotate_point((x + img.width / 2, y + img.height / 2), pivot, degrees)
    return out, (cx - out.width / 2, cy - out.height / 2)


class PersonaRig:
    """Pre-drawn RGBA sprites for one persona at one size; the compositor pastes them per frame."""

    def __init__(self, spec: PersonaSpec, height: int) -> None:
        """Draw every sprite the persona needs at this rig height."""
        self.spec = spec
        self.scale = height / UNITS
        self.size: tuple[int, int] = (round(0.8 * height), height)
        self._ss = 3 if height < 700 else 2
        self._pivot = (PIVOT[0] * self.scale, (PIVOT[1] + HEAD_DROP) * self.scale)
        self._body = Mapping(self.scale)
        self._head = Mapping(self.scale * HEAD_ZOOM, PIVOT, self._pivot)
        self._sprites: dict[str, Sprite] = {}
        pal = palette_for(spec)
        self._build_head(pal)
        self._build_body(pal)
        self._build_mouths(pal)

    def _draw(
        self, box: Box, fn: Callable[[Sketch], None], head: bool = False, ss: int | None = None
    ) -> Sprite:
        """Render one sprite with the head's or the body's mapping."""
        return _render(box, self._head if head else self._body, ss or self._ss, fn)

    def _add_tilts(self, name: str, sprite: Sprite) -> None:
        """Store a head-attached sprite at every quantised tilt."""
        for t in TILTS:
            self._sprites[f"{name}@{t:+.0f}"] = _tilted(sprite, self._pivot, t)

    def _build_head(self, pal: Palette) -> None:
        """Draw back hair, head and closed lids, each at every tilt."""
        spec = self.spec
        back = self._draw(HEAD_BOX, lambda sk: draw_hair_back(sk, pal, spec.hair_style), True)
        if back[0].width > 1:
            self._add_tilts("hair_back", back)
        self._add_tilts("head", self._draw(HEAD_BOX, lambda sk: _draw_head(sk, pal, spec), True))
        self._add_tilts("lids", self._draw(LID_BOX, lambda sk: draw_lids(sk, pal), True, 3))

    def _build_body(self, pal: Palette) -> None:
        """Draw the torso and each arm pose."""
        spec = self.spec
        self._sprites["torso"] = self._draw(TORSO_BOX, lambda sk: draw_torso(sk, pal, spec))
        for key in ARM_POSES:
            draw = partial(_draw_arm, pal=pal, spec=spec, key=key)
            self._sprites[f"arm:{key}"] = self._draw(arm_box(key), draw)

    def _build_mouths(self, pal: Palette) -> None:
        """Draw one mouth sprite per viseme."""
        for v in VISEMES:
            draw = partial(_draw_mouth, pal=pal, viseme=v)
            self._sprites[f"mouth:{v}"] = self._draw(MOUTH_BOX, draw, True, 3)

    def sprite(self, key: str) -> Image.Image:
        """Return the RGBA sprite for a key from `layers` (the same object every call)."""
        return self._sprites[key][0]

    def sprite_keys(self) -> tuple[str, ...]:
        """Return every sprite key this rig holds."""
        return tuple(self._sprites)

    def _tilt(self, pose: Pose) -> float:
        """Quantise a pose's tilt to the nearest pre-drawn angle."""
        return min(TILTS, key=lambda t: abs(t - pose.head_tilt))

    def _offsets(self, pose: Pose) -> tuple[Point, Point]:
        """Return (body, head) offsets in rig pixels."""
        body = (pose.body_dx * self.scale, pose.body_dy * self.scale)
        head = (body[0] + pose.head_dx * self.scale, body[1] + pose.head_dy * self.scale)
        return body, head

    def layers(self, pose: Pose) -> list[tuple[str, tuple[int, int]]]:
        """Return (sprite key, (x, y) top-left inside the rig canvas) in paint order.

        Pose offsets are scaled from a 1000 px rig to this one; a sprite may overhang the
        canvas edge by a few pixels when the body sways, so paste with clipping.
        """
        if pose.gesture not in _ARMS:
            raise ValueError(f"unknown gesture {pose.gesture!r}; choose one of: {GESTURES}")
        body, head = self._offsets(pose)
        tilt = f"@{self._tilt(pose):+.0f}"
        out: list[tuple[str, tuple[int, int]]] = []

        def put(key: str, off: Point, pos: Point | None = None) -> None:
            x, y = pos if pos is not None else self._sprites[key][1]
            out.append((key, (round(x + off[0]), round(y + off[1]))))

        if f"hair_back{tilt}" in self._sprites:
            put(f"hair_back{tilt}", head)
        put("torso", body)
        put(f"head{tilt}", head)
        put(f"mouth:{pose.viseme}", head, self._mouth_pos(pose))
        if pose.eyes_closed:
            put(f"lids{tilt}", head)
        for arm in _ARMS[pose.gesture]:
            put(f"arm:{arm}", body)
        return out

    def _mouth_pos(self, pose: Pose) -> Point:
        """Return the unrotated mouth sprite's top-left, following the tilted face."""
        if f"mouth:{pose.viseme}" not in self._sprites:
            raise ValueError(f"unknown viseme {pose.viseme!r}; choose one of: {VISEMES}")
        img, (x, y) = self._sprites[f"mouth:{pose.viseme}"]
        cx, cy = _rotate_point(
            (x + img.width / 2, y + img.height / 2), self._pivot, self._tilt(pose)
        )
        return (cx - img.width / 2, cy - img.height / 2)

    def _box(self, box: Box, pose: Pose) -> tuple[int, int, int, int]:
        """Return a head-space box in rig pixels, moved with the head."""
        _, (hx, hy) = self._offsets(pose)
        x0, y0 = self._head.to_px((box[0], box[1]))
        x1, y1 = self._head.to_px((box[2], box[3]))
        return (round(x0 + hx), round(y0 + hy), round(x1 + hx), round(y1 + hy))

    def face_box(self, pose: Pose) -> tuple[int, int, int, int]:
        """Return x0, y0, x1, y1 of the face in the rig canvas."""
        return self._box(FACE_BOX, pose)

    def mouth_box(self, pose: Pose) -> tuple[int, int, int, int]:
        """Return x0, y0, x1, y1 of the mouth region in the rig canvas."""
        return self._box(MOUTH_BOX, pose)

    def render(self, pose: Pose) -> Image.Image:
        """Composite one pose onto a transparent canvas of the rig's size (for previews)."""
        canvas = Image.new("RGBA", self.size, (0, 0, 0, 0))
        for key, pos in self.layers(pose):
            sprite = self.sprite(key)
            dest, src = _clip_dest(pos, canvas.size, sprite.size)
            if src[2] > src[0] and src[3] > src[1]:
                canvas.alpha_composite(sprite, dest, src)
        return canvas


def _clip_dest(
    pos: tuple[int, int], size: tuple[int, int], sprite: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int, int, int]]:
    """Return destination and source box so a sprite partly outside the canvas still composites."""
    x, y = pos
    sx0, sy0 = max(0, -x), max(0, -y)
    sx1 = min(sprite[0], size[0] - x)
    sy1 = min(sprite[1], size[1] - y)
    return (max(0, x), max(0, y)), (sx0, sy0, max(sx0, sx1), max(sy0, sy1))


def _draw_arm(sk: Sketch, *, pal: Palette, spec: PersonaSpec, key: str) -> None:
    """Draw one arm pose (a named function so partial() keeps its type)."""
    draw_arm(sk, pal, spec, key)


def _draw_mouth(sk: Sketch, *, pal: Palette, viseme: str) -> None:
    """Draw one mouth shape."""
    draw_mouth(sk, pal, viseme)


def _draw_head(sk: Sketch, pal: Palette, spec: PersonaSpec) -> None:
    """Draw the whole head: ears, face, features, hair and accessories."""
    draw_ears(sk, pal, spec)
    face = draw_face_base(sk, pal)
    draw_cheeks(sk, pal, spec, face)
    draw_facial_hair(sk, pal, spec.facial_hair, face)
    draw_nose(sk, pal)
    draw_eyes(sk, pal, spec)
    draw_brows(sk, pal)
    draw_hair_front(sk, pal, spec.hair_style, face)
    if spec.glasses:
        draw_glasses(sk, pal)


def build_rig(spec: PersonaSpec, height: int) -> PersonaRig:
    """Return a rig whose canvas is `height` px tall and 0.8 x height wide."""
    if height < 64:
        raise ValueError(f"rig height must be at least 64 px, got {height}")
    return PersonaRig(spec, height)
