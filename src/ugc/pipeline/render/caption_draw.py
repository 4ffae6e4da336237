"""Draw caption cues once per (cue, active word), in one of four word-highlight styles."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from ugc.pipeline.agents.captions import STYLES, Cue
from ugc.pipeline.render import color
from ugc.pipeline.render.fonts import FontSet
from ugc.pipeline.render.layout import Box
from ugc.pipeline.render.text_draw import draw_text, gap_between, text_width
from ugc.pipeline.types import BrandKit

MAX_LINES = 2


@dataclass(frozen=True)
class Placed:
    """A token laid out at (x, y) with width w inside the caption canvas."""

    text: str
    x: int
    y: int
    w: int


@dataclass
class CaptionPainter:
    """Renders cue images sized to the layout's caption box; never draws outside it."""

    fonts: FontSet
    style: str
    box: Box
    size: int
    brand: BrandKit
    _cache: dict[tuple[int, int], tuple[Image.Image, tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._fills = Image.new("L", (1, 1))
        if self.style not in STYLES:
            raise ValueError(f"unknown caption style {self.style!r}; choose from {STYLES}")
        self.stroke = max(3, self.size // 11)
        accent = color.hex_rgb(self.brand.accent)
        self.highlight = color.pick(accent, color.INK, color.HIGHLIGHT)
        self.panel = color.hex_rgb(self.brand.primary)
        self.on_panel = color.readable_on(self.panel)

    def render(self, cue: Cue, active: int) -> tuple[Image.Image, tuple[int, int]]:
        """Return the cue image (cropped to its ink) and its top-left in frame pixels."""
        img, _mask, xy = self.render_with_mask(cue, active)
        return img, xy

    def render_with_mask(
        self, cue: Cue, active: int
    ) -> tuple[Image.Image, Image.Image, tuple[int, int]]:
        """Return the cue image, an L mask of its glyph fills, and its top-left in the frame."""
        size, placed = self._layout(cue)
        canvas = Image.new("RGBA", (self.box.w, self.box.h))
        self._fills = Image.new("L", canvas.size)
        draw = ImageDraw.Draw(canvas)
        if self.style == "subtle":
            self._band(draw, placed, size)
        for i, tok in enumerate(placed):
            self._token(canvas, draw, tok, size, i, active)
        bbox = canvas.getbbox() or (0, 0, 2, 2)
        x0, y0 = bbox[0] & ~1, bbox[1] & ~1
        crop = (x0, y0, bbox[2], bbox[3])
        return canvas.crop(crop), self._fills.crop(crop), (self.box.x + x0, self.box.y + y0)

    def _layout(self, cue: Cue) -> tuple[int, list[Placed]]:
        """Wrap tokens into at most two centred lines, shrinking the font until they fit."""
        size = self.size
        while True:
            lines = self._wrap(cue.words, size)
            if len(lines) <= MAX_LINES or size < 24:
                break
            size = int(size * 0.9)
        line_h = int(size * 1.25)
        top = (self.box.h - line_h * len(lines)) // 2
        placed: list[Placed] = []
        for row, line in enumerate(lines):
            widths = [self._width(t, size) for t in line]
            gaps = [gap_between(a, b, size) for a, b in itertools.pairwise(line)]
            x = (self.box.w - sum(widths) - sum(gaps)) // 2
            for tok, w, gap in zip(line, widths, [*gaps, 0], strict=True):
                placed.append(Placed(tok, x, top + row * line_h, w))
                x += w + gap
        return size, placed

    def _wrap(self, words: tuple[str, ...], size: int) -> list[list[str]]:
        """Greedy-wrap words to the box width minus stroke padding."""
        limit = self.box.w - 4 * self.stroke - int(size * 0.4)
        lines: list[list[str]] = [[]]
        width = 0
        for word in words:
            w = self._width(word, size)
            gap = gap_between(lines[-1][-1], word, size) if lines[-1] else 0
            if lines[-1] and width + gap + w > limit:
                lines.append([])
                width, gap = 0, 0
            width += gap + w
            lines[-1].append(word)
        return lines

    def _width(self, text: str, size: int) -> int:
        """Measure a token across its script runs."""
        return text_width(self.fonts, text, size)

    def _band(self, draw: ImageDraw.ImageDraw, placed: list[Placed], size: int) -> None:
        """Draw the translucent band behind the whole cue (subtle style)."""
        pad = int(size * 0.3)
        x0 = min(p.x for p in placed) - pad
        y0 = min(p.y for p in placed) - pad // 2
        x1 = max(p.x + p.w for p in placed) + pad
        y1 = max(p.y for p in placed) + int(size * 1.25) + pad // 2
        draw.rounded_rectangle(
            (max(x0, 0), max(y0, 0), min(x1, self.box.w - 1), min(y1, self.box.h - 1)),
            radius=pad,
            fill=(0, 0, 0, 200),
        )

    def _token(
        self,
        canvas: Image.Image,
        draw: ImageDraw.ImageDraw,
        tok: Placed,
        size: int,
        index: int,
        active: int,
    ) -> None:
        """Draw one token in the style's colours for its state (past, active, upcoming)."""
        fill, stroke, scale = self._look(index, active)
        tsize = int(size * scale)
        if self.style == "box" and index == active:
            pad = int(size * 0.18)
            draw.rounded_rectangle(
                (
                    tok.x - pad,
                    tok.y - pad // 2,
                    tok.x + tok.w + pad,
                    tok.y + int(size * 1.2) + pad // 2,
                ),
                radius=pad,
                fill=(*self.panel, 255),
            )
        x = tok.x - (self._width(tok.text, tsize) - tok.w) // 2
        y = tok.y - (tsize - size) // 2
        self._text(canvas, draw, tok.text, (x, y), tsize, fill, stroke)
        if self.style == "subtle" and index == active:
            bar = max(4, size // 12)
            draw.rectangle(
                (tok.x, tok.y + int(size * 1.22), tok.x + tok.w, tok.y + int(size * 1.22) + bar),
                fill=(*self.highlight, 255),
            )

    def _look(self, index: int, active: int) -> tuple[color.RGB, int, float]:
        """Return (fill colour, stroke width, scale) for a token state in this style."""
        is_active = index == active
        if self.style == "pop":
            return (
                (self.highlight if is_active else color.WHITE),
                self.stroke,
                (1.12 if is_active else 1.0),
            )
        if self.style == "box":
            return (
                (self.on_panel if is_active else color.WHITE),
                (0 if is_active else self.stroke),
                1.0,
            )
        if self.style == "karaoke":
            return (self.highlight if index <= active else color.WHITE), self.stroke, 1.0
        return color.WHITE, 0, 1.0

    def _text(
        self,
        canvas: Image.Image,
        draw: ImageDraw.ImageDraw,  # noqa: ARG002 - kept for symmetry with _band
        text: str,
        xy: tuple[int, int],
        size: int,
        fill: color.RGB,
        stroke: int,
    ) -> None:
        """Draw text run by run, switching fonts per script and pasting emoji bitmaps."""
        ink_stroke = color.INK if fill != color.INK else color.WHITE
        draw_text(
            canvas,
            xy,
            text,
            self.fonts,
            size,
            fill,
            stroke=stroke,
            stroke_fill=ink_stroke,
            fills=self._fills,
        )
