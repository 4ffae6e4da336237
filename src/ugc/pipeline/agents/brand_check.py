"""Brand conflicts the resolver fixes before rendering: colours that would make text unreadable."""

from __future__ import annotations

from typing import Any

from ugc.pipeline.render import color
from ugc.pipeline.render.cta import card_colours
from ugc.pipeline.types import BrandKit


def brand_resolutions(brand: BrandKit) -> list[dict[str, Any]]:
    """Return what the renderer will change in the brand colours to keep text at 4.5:1."""
    out: list[dict[str, Any]] = []
    primary = color.hex_rgb(brand.primary)
    card, ink = card_colours(brand.primary)
    if card != primary:
        out.append(
            {
                "check": "brand_contrast",
                "field": "brand.primary",
                "action": "darken CTA card",
                "from": brand.primary,
                "to": _hex(card),
                "contrast": round(color.contrast(card, ink), 2),
            }
        )
    accent = color.hex_rgb(brand.accent)
    if color.contrast(accent, color.INK) < 4.5:
        out.append(
            {
                "check": "brand_contrast",
                "field": "brand.accent",
                "action": "caption highlight uses the fallback yellow",
                "from": brand.accent,
                "to": _hex(color.HIGHLIGHT),
                "contrast": round(color.contrast(color.HIGHLIGHT, color.INK), 2),
            }
        )
    return out


def _hex(rgb: color.RGB) -> str:
    """Format an RGB tuple as #RRGGBB."""
    return "#{:02X}{:02X}{:02X}".format(*rgb)
