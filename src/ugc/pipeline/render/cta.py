"""The closing CTA card in the brand's colours, with a pulsing button so it never freezes."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from ugc.pipeline.render import color
from ugc.pipeline.render.fonts import FontSet
from ugc.pipeline.render.images import fit, load_rgba
from ugc.pipeline.render.layout import Box, Layout
from ugc.pipeline.render.text_draw import draw_text, fit_size, text_width
from ugc.pipeline.render.yuv import Planes, Sprite, paste, rgb_to_planes, sprite_from_rgba

PULSE_STEPS = 16
PULSE_PERIOD = 1.2  # seconds per button pulse
STRIPE = 48  # px period of the card's diagonal stripes; they slide so it never freezes
SLIDE = 40  # px per second the stripes slide


def card_colours(primary: str) -> tuple[color.RGB, color.RGB]:
    """Return (background, text) at 4.5:1 or more, darkening the brand colour if needed."""
    bg = color.hex_rgb(primary)
    for step in range(11):
        shade = color.mix(bg, (0, 0, 0), step * 0.08)
        ink = color.readable_on(shade)
        if color.contrast(ink, shade) >= 4.5:
            return shade, ink
    return (20, 20, 20), color.WHITE


class CtaCard:
    """Pre-rendered CTA layers; per frame only a crop and two pastes."""

    def __init__(
        self,
        layout: Layout,
        fonts: FontSet,
        brand_primary: str,
        accent: str,
        logo: str | None,
        texts: tuple[str, str, str, str],
    ) -> None:
        self.layout = layout
        self.bg_rgb, self.ink = card_colours(brand_primary)
        self._bg = _gradient(layout.width + STRIPE, layout.height, self.bg_rgb)
        name, offer, price, cta = texts
        content, self.button_box = _content(layout, fonts, self.ink, logo, (name, offer, price))
        self.content = sprite_from_rgba(content)
        self.buttons = _buttons(self.button_box, fonts, color.hex_rgb(accent), self.bg_rgb, cta)

    def draw(self, frame: Planes, t: float) -> None:
        """Draw the card at time t since it appeared."""
        off = round(t * SLIDE) % STRIPE & ~1
        frame.y[...] = self._bg.y[:, off : off + self.layout.width]
        w2, o2 = self.layout.width // 2, off // 2
        frame.u[...] = self._bg.u[:, o2 : o2 + w2]
        frame.v[...] = self._bg.v[:, o2 : o2 + w2]
        paste(frame, self.content, self.layout.cta.x, self.layout.cta.y)
        phase = (t % PULSE_PERIOD) / PULSE_PERIOD
        sprite, (x, y) = self.buttons[int(phase * PULSE_STEPS) % PULSE_STEPS]
        paste(frame, sprite, x, y)

    def overlay_sprites(self, t: float) -> list[tuple[Sprite, tuple[int, int]]]:
        """Return the text/logo sprites drawn at t (for the safe-zone mask render)."""
        phase = (t % PULSE_PERIOD) / PULSE_PERIOD
        return [
            (self.content, (self.layout.cta.x, self.layout.cta.y)),
            self.buttons[int(phase * PULSE_STEPS) % PULSE_STEPS],
        ]


def _gradient(w: int, h: int, base: color.RGB) -> Planes:
    """Return a soft vertical gradient around the brand colour with faint diagonal stripes."""
    ramp = Image.linear_gradient("L").resize((w, h))
    light = color.mix(base, (255, 255, 255), 0.10)
    dark = color.mix(base, (0, 0, 0), 0.10)
    out = Image.composite(Image.new("RGB", (w, h), dark), Image.new("RGB", (w, h), light), ramp)
    draw = ImageDraw.Draw(out, "RGBA")
    tint = (*color.mix(base, (255, 255, 255), 0.35), 40)
    # Stripes repeat every STRIPE px along x, so sliding by one period is seamless.
    for x0 in range(-h, w + STRIPE, STRIPE):
        draw.polygon(
            [(x0, h), (x0 + STRIPE // 2, h), (x0 + STRIPE // 2 + h, 0), (x0 + h, 0)], fill=tint
        )
    return rgb_to_planes(out)


def _content(
    layout: Layout, fonts: FontSet, ink: color.RGB, logo: str | None, texts: tuple[str, str, str]
) -> tuple[Image.Image, Box]:
    """Draw logo, name, offer and price stacked and centred in the CTA box, with the button."""
    box = layout.cta
    unit = min(box.w, box.h * 1.4) / 10
    while _stack_height(unit, logo, texts) > box.h * 0.96 and unit > 8:
        unit *= 0.92  # shrink the whole card until logo, texts and button fit the box
    img = Image.new("RGBA", (box.w & ~1, box.h & ~1))
    y = int((box.h - _stack_height(unit, logo, texts)) / 2)
    if logo:
        mark = fit(load_rgba(logo), int(box.w * 0.5), int(unit * 2.2))
        img.alpha_composite(mark, ((img.width - mark.width) // 2, y))
        y += int(unit * 2.2) + int(unit * 0.5)
    for text, (size, bold) in zip(texts, _TEXT_STYLE, strict=True):
        if text:
            y = _centred_text(img, text, fonts, int(size * unit), bold, ink, y)
            y += int(unit * 0.3)
    bw, bh = int(min(box.w * 0.8, unit * 7.5)), int(unit * 1.45)
    button = Box(box.x + (box.w - bw) // 2, box.y + y + int(unit * 0.4), bw, bh)
    return img, button


_TEXT_STYLE = ((1.15, True), (0.62, False), (0.8, True))  # name, offer, price: size in units


def _stack_height(unit: float, logo: str | None, texts: tuple[str, str, str]) -> float:
    """Return the height the CTA content needs at a given unit size."""
    h = unit * 2.7 if logo else 0.0
    for text, (size, _bold) in zip(texts, _TEXT_STYLE, strict=True):
        if text:
            h += size * unit * 1.3 + unit * 0.3
    return h + unit * 0.4 + unit * 1.45 * 1.06  # gap, then the button at its largest pulse


def _centred_text(
    canvas: Image.Image, text: str, fonts: FontSet, size: int, bold: bool, ink: color.RGB, y: int
) -> int:
    """Draw one centred line, shrinking it to fit the width; return the y below it."""
    size = fit_size(fonts, text, size, canvas.width * 0.94, bold)
    x = (canvas.width - text_width(fonts, text, size, bold)) // 2
    draw_text(canvas, (x, y), text, fonts, size, ink, bold=bold)
    return y + int(size * 1.3)


def _buttons(
    box: Box, fonts: FontSet, accent: color.RGB, bg: color.RGB, text: str
) -> list[tuple[Sprite, tuple[int, int]]]:
    """Pre-render the pulsing button at each step of its cycle."""
    fill = accent if color.contrast(accent, bg) >= 1.5 else color.mix(accent, (255,) * 3, 0.5)
    ink = color.readable_on(fill)
    out: list[tuple[Sprite, tuple[int, int]]] = []
    for i in range(PULSE_STEPS):
        s = 1.0 + 0.05 * math.sin(2 * math.pi * i / PULSE_STEPS)
        w, h = int(box.w * s) & ~1, int(box.h * s) & ~1
        img = Image.new("RGBA", (w, h))
        draw = ImageDraw.Draw(img)
        draw.rounded_rectangle((0, 0, w - 1, h - 1), radius=h // 2, fill=(*fill, 255))
        size = fit_size(fonts, text, int(h * 0.42), w * 0.86)
        xy = ((w - text_width(fonts, text, size)) // 2, (h - int(size * 1.3)) // 2)
        fills = Image.new("L", img.size)
        draw_text(img, xy, text, fonts, size, ink, fills=fills)
        out.append(
            (sprite_from_rgba(img, fills), (box.x + (box.w - w) // 2, box.y + (box.h - h) // 2))
        )
    return out
