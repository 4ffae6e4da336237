"""apply_brand: the kit fills what a brief leaves open, and the result loads as a Brief."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ugc.brand.service import apply_brand
from ugc.brief.loader import load_brief
from ugc.errors import BriefError
from ugc.models import BrandKit
from ugc.pipeline.types import Brief

KIT: dict[str, Any] = {
    "colors": {
        "primary": "#e85d75",
        "secondary": "#fff4f0",
        "accent": "#2b2d42",
        "text": "#111111",
        "background": "#000000",
    },
    "fonts": {"heading": "Noto Serif", "body": "Noto Sans"},
    "voice": "espeak:en-us",
    "tone": "calm",
    "banned_words": ["cure", "Miracle"],
    "disclosure": {"enabled": True, "text": "#sponsored", "position": "top-right"},
}


def _brief(product_png: Path, **changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "product": {
            "name": "Glow Serum",
            "description": "A lightweight vitamin C serum.",
            "benefits": ["Brighter-looking skin"],
        },
        "assets": {"product_images": [product_png.name]},
    }
    return doc | changes


def _load(tmp_path: Path, brief: dict[str, Any]) -> Brief:
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(brief))
    return load_brief(path, lambda lang: lang == "en")


def test_kit_fills_an_open_brief_that_then_loads(
    tmp_path: Path, product_png: Path, logo_png: Path
) -> None:
    merged = apply_brand(_brief(product_png), KIT, str(logo_png))
    brief = _load(tmp_path, merged)
    assert brief.brand.primary == "#e85d75"
    assert brief.brand.text == "#111111"
    assert brief.brand.font == "Noto Serif"
    assert brief.brand.logo == str(logo_png.resolve())
    assert brief.brand.banned_words == ("cure", "Miracle")
    assert brief.options.voice == "espeak:en-us"
    assert brief.options.disclosure == "#sponsored"
    assert brief.tone == "calm"


def test_the_briefs_own_values_win(tmp_path: Path, product_png: Path) -> None:
    own = _brief(
        product_png,
        tone="energetic",
        brand={"primary": "#3F8F3A", "font": "DejaVu Sans", "banned_words": ["cheap", "CURE"]},
        options={"voice": "piper", "disclosure": "#ad"},
    )
    before = yaml.safe_dump(own)
    brief = _load(tmp_path, apply_brand(own, KIT, None))
    assert yaml.safe_dump(own) == before  # the input is not modified
    assert brief.tone == "energetic"
    assert brief.brand.primary == "#3F8F3A"
    assert brief.brand.secondary == "#fff4f0"
    assert brief.brand.font == "DejaVu Sans"
    assert brief.brand.logo is None
    assert brief.brand.banned_words == ("cheap", "CURE", "Miracle")  # bans add up
    assert brief.options.voice == "piper"
    assert brief.options.disclosure == "#ad"


def test_disabled_disclosure_and_empty_kit_change_nothing(product_png: Path) -> None:
    kit = {"disclosure": {"enabled": False, "text": "#ad"}, "colors": {}, "fonts": {}}
    merged = apply_brand(_brief(product_png), kit, None)
    assert merged["options"] == {}
    assert merged["brand"] == {}
    assert "tone" not in merged


def test_a_kit_row_works_like_a_dict(tmp_path: Path, product_png: Path) -> None:
    row = BrandKit(id="brand_x", organization_id="org_x", name="Row", logo_asset_id=None, **KIT)
    brief = _load(tmp_path, apply_brand(_brief(product_png), row, None))
    assert brief.brand.accent == "#2b2d42"
    assert brief.options.voice == "espeak:en-us"


def test_too_many_banned_words_together_is_a_brief_error(product_png: Path) -> None:
    own = _brief(product_png, brand={"banned_words": [f"a{i}" for i in range(199)]})
    with pytest.raises(BriefError) as info:
        apply_brand(own, KIT, None)
    assert info.value.field == "brand.banned_words"


def test_tones_match_the_brief_schema() -> None:
    from typing import get_args

    from ugc.brand.schemas import Tone
    from ugc.brief.schema import BriefIn

    assert get_args(Tone) == get_args(BriefIn.model_fields["tone"].annotation)
