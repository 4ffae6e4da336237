"""The talking layer: the procedural persona rig placed per layout, or a creator clip."""

from __future__ import annotations

import numpy as np
from PIL import Image

from ugc.pipeline.agents.persona import PersonaRig, Pose, build_rig, get_persona
from ugc.pipeline.render.clips import decode_frames
from ugc.pipeline.render.images import rounded_mask
from ugc.pipeline.render.layout import Box, Layout
from ugc.pipeline.render.yuv import Planes, Sprite, paste, put, sprite_from_rgba

NEUTRAL = Pose(
    viseme="rest",
    eyes_closed=False,
    gesture="none",
    head_dx=0,
    head_dy=0,
    head_tilt=0.0,
    body_dx=0,
    body_dy=0,
)
_PROBE_HEIGHT = 600


class PersonaLayer:
    """A rig scaled so its face has the layout's face height, centred on the face point."""

    def __init__(self, persona_id: str, layout: Layout) -> None:
        spec = get_persona(persona_id)
        probe = build_rig(spec, _PROBE_HEIGHT).face_box(NEUTRAL)
        height = round(_PROBE_HEIGHT * layout.face_height / max(1, probe[3] - probe[1]))
        self.rig: PersonaRig = build_rig(spec, height)
        fb = self.rig.face_box(NEUTRAL)
        fx, fy = layout.face_center
        self.origin = (round(fx - (fb[0] + fb[2]) / 2), round(fy - (fb[1] + fb[3]) / 2))
        # The rig stops at the waist; where that is above the frame's bottom edge, the layers
        # that reach the rig's bottom are extended down so the creator never floats.
        self._extra = max(0, layout.height - (self.origin[1] + self.rig.size[1])) + 48
        self._sprites: dict[str, Sprite] = {}

    def draw(self, frame: Planes, pose: Pose) -> None:
        """Paste the rig's layers for a pose."""
        ox, oy = self.origin
        for key, (x, y) in self.rig.layers(pose):
            sprite = self._sprites.get(key)
            if sprite is None:
                sprite = self._sprites[key] = self._load(key)
            paste(frame, sprite, ox + x, oy + y)

    def _load(self, key: str) -> Sprite:
        """Convert a rig sprite, extending waist-level layers down to the frame's bottom."""
        img = self.rig.sprite(key)
        base = dict(self.rig.layers(NEUTRAL)).get(key)
        if base is None or base[1] + img.height < self.rig.size[1] - 4 or self._extra <= 48:
            return sprite_from_rgba(img)
        tall = Image.new("RGBA", (img.width, img.height + self._extra))
        tall.paste(img, (0, 0))
        row = img.crop((0, img.height - 1, img.width, img.height))
        tall.paste(row.resize((img.width, self._extra)), (0, img.height))
        return sprite_from_rgba(tall)

    def face_box(self, pose: Pose) -> Box:
        """Return the face box in frame pixels for a pose."""
        x0, y0, x1, y1 = self.rig.face_box(pose)
        ox, oy = self.origin
        return Box(ox + x0, oy + y0, x1 - x0, y1 - y0)


class ClipLayer:
    """A creator clip decoded in order and scaled by swscale to a box (cover crop)."""

    def __init__(self, path: str, layout: Layout) -> None:
        self.full = layout.aspect == "9:16"
        self.box = Box(0, 0, layout.width, layout.height) if self.full else _panel(layout)
        self._frames = decode_frames(path, self.box.w & ~1, self.box.h & ~1)
        self._last: Planes | None = None
        mask = np.asarray(rounded_mask(self.box.w & ~1, self.box.h & ~1, 36), dtype=np.uint8)
        self._alpha, self._alpha2 = mask.copy(), np.ascontiguousarray(mask[::2, ::2])

    def draw(self, frame: Planes) -> None:
        """Draw the clip's next frame (holding the last one when the clip ends)."""
        nxt = next(self._frames, None)
        if nxt is not None:
            self._last = nxt
        if self._last is None:
            return
        if self.full:
            put(frame, self._last, 0, 0)
        else:
            paste(frame, Sprite(self._last, self._alpha, self._alpha2), self.box.x, self.box.y)


def _panel(layout: Layout) -> Box:
    """Return the creator clip's rounded panel for non-vertical layouts."""
    h = layout.safe.h - 40
    w = int(h * 9 / 16) & ~1
    cx = layout.face_center[0]
    return Box(max(layout.safe.x, cx - w // 2) & ~1, layout.safe.y + 20, w, h & ~1)
