"""Brand colours that would break contrast are resolved, and the resolution is recorded."""

from __future__ import annotations

from ugc.pipeline.agents.brand_check import brand_resolutions
from ugc.pipeline.render import color
from ugc.pipeline.render.cta import card_colours
from ugc.pipeline.types import BrandKit


def test_readable_brand_needs_no_resolution() -> None:
    assert brand_resolutions(BrandKit(primary="#1F3A93", accent="#FFD60A")) == []


def test_mid_tone_primary_is_darkened_to_meet_contrast() -> None:
    fixes = brand_resolutions(BrandKit(primary="#FF8C00", accent="#FFD60A"))
    card = [f for f in fixes if f["field"] == "brand.primary"]
    if card:  # orange with black text may already pass; either way the card must read
        assert card[0]["contrast"] >= 4.5
    bg, ink = card_colours("#FF8C00")
    assert color.contrast(bg, ink) >= 4.5


def test_dark_accent_falls_back_for_captions() -> None:
    fixes = brand_resolutions(BrandKit(accent="#2B2D42"))
    assert any(f["field"] == "brand.accent" for f in fixes)


def test_every_card_colour_reaches_aa() -> None:
    for hexcode in ("#777777", "#808080", "#3F8F3A", "#E85D75", "#00FF00", "#0000FF"):
        bg, ink = card_colours(hexcode)
        assert color.contrast(bg, ink) >= 4.5, hexcode
