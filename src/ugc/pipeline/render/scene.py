"""Compose one frame of a layout from pre-rendered layers; the encoder does the rest."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import Image, ImageDraw

from ugc.pipeline.agents.captions import Cue
from ugc.pipeline.agents.persona import Pose
from ugc.pipeline.agents.setting import draw_setting
from ugc.pipeline.render import color
from ugc.pipeline.render.caption_draw import CaptionPainter
from ugc.pipeline.render.clips import BrollCard
from ugc.pipeline.render.cta import CtaCard
from ugc.pipeline.render.fonts import FontSet
from ugc.pipeline.render.images import fit, load_rgba
from ugc.pipeline.render.layout import Box, Layout
from ugc.pipeline.render.product import Backdrop, ProductCard
from ugc.pipeline.render.talent import ClipLayer, PersonaLayer
from ugc.pipeline.render.text_draw import draw_text, fit_size, text_width
from ugc.pipeline.render.yuv import Planes, Sprite, paste, rgb_to_planes, sprite_from_rgba
from ugc.pipeline.timeline import Segment, Timeline
from ugc.pipeline.types import FPS

SWAY = 16  # px of handheld-camera drift on the background


class Scene:
    """All layers of one (timeline, layout); frame(i) is cheap and deterministic."""

    def __init__(
        self, timeline: Timeline, layout: Layout, poses: Sequence[Pose], fonts: FontSet
    ) -> None:
        self.tl, self.layout, self.poses = timeline, layout, poses
        self.n_frames = max(1, round(timeline.duration * FPS))
        w, h = layout.width, layout.height
        bg = draw_setting(
            timeline.setting,
            w + 2 * SWAY,
            h + 2 * SWAY,
            timeline.seed,
            accent=timeline.brand.primary,
        )
        self.background = rgb_to_planes(bg)
        self.persona = PersonaLayer(timeline.persona, layout)
        self.clip = ClipLayer(timeline.talking_clip, layout) if timeline.talking_clip else None
        self.cards = [
            ProductCard(p, layout.product, timeline.seed + i)
            for i, p in enumerate(timeline.product_images)
        ]
        self.broll = [
            BrollCard(
                p, Box(0, 0, w, h) if layout.product_full else layout.product, layout.product_full
            )
            for p in timeline.broll
        ]
        self.backdrops = (
            [Backdrop(p, w, h, i) for i, p in enumerate(timeline.product_images)]
            if layout.product_full
            else []
        )
        self.cta = CtaCard(
            layout,
            fonts,
            timeline.brand.primary,
            timeline.brand.accent,
            timeline.brand.logo,
            (timeline.product_name, timeline.offer, timeline.price, timeline.cta),
        )
        self.captions = CaptionPainter(
            fonts, timeline.caption_style, layout.captions, layout.caption_size, timeline.brand
        )
        self._cue_cache: dict[tuple[int, int], tuple[Sprite, tuple[int, int]]] = {}
        self.logo = _logo(timeline.brand.logo, layout.logo)
        self.badge = _badge(timeline.disclosure, layout.badge, fonts)

    def frame(self, i: int) -> Planes:
        """Return frame i."""
        t = i / FPS
        seg = self.tl.segment_at(t)
        frame = self._base(seg, i, t)
        for sprite, (x, y) in self.overlays(i):
            paste(frame, sprite, x, y)
        return frame

    def _base(self, seg: Segment, i: int, t: float) -> Planes:
        """Draw everything under the overlays: setting, talent, product card or CTA card."""
        if seg.kind == "cta":
            frame = self.background.crop(0, 0, self.layout.width, self.layout.height)
            self.cta.draw(frame, t - seg.start)
            return frame
        progress = (t - seg.start) / max(seg.end - seg.start, 1e-3)
        if seg.kind == "broll":
            frame = self._sway(t)
            if not self.layout.product_full:
                self._talent(frame, i)
            self.broll[seg.image].draw(frame, seg.start)
            return frame
        if seg.kind == "product" and self.layout.product_full:
            frame = self.backdrops[seg.image].frame(progress)
        else:
            frame = self._sway(t)
            self._talent(frame, i)
        if seg.kind == "product":
            self.cards[seg.image].draw(frame, progress, t - seg.start)
        return frame

    def _sway(self, t: float) -> Planes:
        """Crop the oversized background with a slow handheld drift."""
        dx = round(SWAY + (SWAY - 2) * math.sin(2 * math.pi * t / 7.0))
        dy = round(SWAY + (SWAY - 2) * math.sin(2 * math.pi * t / 5.3 + 1.0))
        return self.background.crop(dx, dy, self.layout.width, self.layout.height)

    def _talent(self, frame: Planes, i: int) -> None:
        """Draw the creator clip, or the persona in its pose for frame i."""
        if self.clip is not None:
            self.clip.draw(frame)
        else:
            self.persona.draw(frame, self.poses[min(i, len(self.poses) - 1)])

    def overlays(self, i: int) -> list[tuple[Sprite, tuple[int, int]]]:
        """Return the text and logo sprites of frame i (also used for the safe-zone mask)."""
        t = i / FPS
        seg = self.tl.segment_at(t)
        out: list[tuple[Sprite, tuple[int, int]]] = []
        if seg.kind == "cta":
            out.extend(self.cta.overlay_sprites(t - seg.start))
        elif self.logo is not None:
            out.append(self.logo)
        if self.badge is not None:
            out.append(self.badge)
        cue = self._cue_at(t)
        if cue is not None:
            out.append(self._cue_sprite(cue, t))
        return out

    def text_overlays(self, i: int) -> list[tuple[Sprite, tuple[int, int]]]:
        """Return the sprites of frame i that are text on top of the picture."""
        t = i / FPS
        out = [self.badge] if self.badge is not None else []
        seg = self.tl.segment_at(t)
        if seg.kind == "cta":
            out.append(self.cta.overlay_sprites(t - seg.start)[1])
        cue = self._cue_at(t)
        if cue is not None:
            out.append(self._cue_sprite(cue, t))
        return out

    def _cue_at(self, t: float) -> int | None:
        """Return the index of the cue on screen at t."""
        for idx, cue in enumerate(self.tl.cues):
            if cue.start <= t < cue.end:
                return idx
        return None

    def _cue_sprite(self, idx: int, t: float) -> tuple[Sprite, tuple[int, int]]:
        """Return the (cached) sprite of a cue with the word active at t highlighted."""
        cue: Cue = self.tl.cues[idx]
        key = (idx, cue.active(t))
        hit = self._cue_cache.get(key)
        if hit is None:
            img, fills, xy = self.captions.render_with_mask(cue, key[1])
            hit = self._cue_cache[key] = (sprite_from_rgba(img, fills), xy)
        return hit

    def face_box(self, i: int) -> Box | None:
        """Return the persona's face box at frame i, or None when no face is on screen."""
        seg = self.tl.segment_at(i / FPS)
        if self.clip is not None or seg.kind == "cta":
            return None
        if seg.kind in ("product", "broll") and self.layout.product_full:
            return None
        return self.persona.face_box(self.poses[min(i, len(self.poses) - 1)])


def _logo(path: str | None, box: Box) -> tuple[Sprite, tuple[int, int]] | None:
    """Fit the brand logo in its box, top-left aligned."""
    if not path:
        return None
    img = fit(load_rgba(path), box.w, box.h)
    return sprite_from_rgba(img), (box.x, box.y)


def _badge(text: str | None, box: Box, fonts: FontSet) -> tuple[Sprite, tuple[int, int]] | None:
    """Draw the disclosure pill, right-aligned in its box."""
    if not text:
        return None
    size = fit_size(fonts, text, int(box.h * 0.5), box.w - box.h * 0.6)
    w = min(box.w, int(text_width(fonts, text, size) + box.h * 0.6)) & ~1
    img = Image.new("RGBA", (w, box.h & ~1))
    fills = Image.new("L", img.size)
    ImageDraw.Draw(img).rounded_rectangle(
        (0, 0, w - 1, box.h - 1), radius=box.h // 2, fill=(0, 0, 0, 190)
    )
    xy = ((w - text_width(fonts, text, size)) // 2, int((box.h - size * 1.3) / 2))
    draw_text(img, xy, text, fonts, size, color.WHITE, fills=fills)
    return sprite_from_rgba(img, fills), (box.x + box.w - w, box.y)
