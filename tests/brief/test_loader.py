"""Every bad-input case gets one BriefError naming the field; good briefs load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.conftest import write_png_header_only

from ugc.brief.loader import load_brief
from ugc.errors import BriefError

KNOWN = {"en", "es", "de", "ja", "cmn"}


def _supports(lang: str) -> bool:
    return lang in KNOWN


def _brief(tmp_path: Path, product_png: Path, **changes: object) -> Path:
    doc: dict[str, object] = {
        "product": {
            "name": "Glow Serum",
            "description": "A lightweight vitamin C serum.",
            "benefits": ["Brighter-looking skin", "Absorbs in seconds"],
            "pain_points": ["Dull skin"],
            "offer": "20% off",
            "cta": "Shop now",
            "price": "$29",
        },
        "assets": {"product_images": [product_png.name]},
    }
    doc.update(changes)
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(doc))
    return path


def _error(path: Path) -> BriefError:
    with pytest.raises(BriefError) as info:
        load_brief(path, _supports)
    return info.value


def test_good_brief_resolves_assets(tmp_path: Path, product_png: Path, logo_png: Path) -> None:
    path = _brief(tmp_path, product_png, brand={"primary": "#E85D75", "logo": logo_png.name})
    brief = load_brief(path, _supports)
    assert brief.product.benefits == ("Brighter-looking skin", "Absorbs in seconds")
    assert brief.assets.product_images == (str(product_png.resolve()),)
    assert brief.brand.logo == str(logo_png.resolve())
    assert brief.target_seconds == 30


def test_json_brief_loads(tmp_path: Path, product_png: Path) -> None:
    path = _brief(tmp_path, product_png)
    as_json = tmp_path / "brief.json"
    import json

    as_json.write_text(json.dumps(yaml.safe_load(path.read_text())))
    assert load_brief(as_json, _supports).product.name == "Glow Serum"


def test_malformed_yaml(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("product: {name: 'x'\n  benefits: [")
    err = _error(path)
    assert err.field == "brief"
    assert "malformed YAML" in err.reason


def test_missing_required_field(tmp_path: Path, product_png: Path) -> None:
    path = _brief(tmp_path, product_png, product={"name": "X", "description": "d"})
    err = _error(path)
    assert err.field == "product.benefits"
    assert "required" in err.reason


def test_bad_colour_and_length(tmp_path: Path, product_png: Path) -> None:
    assert _error(_brief(tmp_path, product_png, brand={"primary": "red"})).field == "brand.primary"
    assert _error(_brief(tmp_path, product_png, target_seconds=45)).field == "target_seconds"


def test_unknown_field_is_named(tmp_path: Path, product_png: Path) -> None:
    err = _error(_brief(tmp_path, product_png, colour="blue"))
    assert err.field == "colour"
    assert err.reason == "unknown field"


def test_unknown_language(tmp_path: Path, product_png: Path) -> None:
    err = _error(_brief(tmp_path, product_png, language="xx-klingon"))
    assert err.field == "language"
    assert "unknown language" in err.reason


def test_missing_asset(tmp_path: Path, product_png: Path) -> None:
    err = _error(_brief(tmp_path, product_png, assets={"product_images": ["nope.png"]}))
    assert err.field == "assets.product_images[0]"
    assert "not found" in err.reason


def test_non_image_asset(tmp_path: Path, product_png: Path) -> None:
    (tmp_path / "fake.png").write_text("this is not a picture")
    err = _error(_brief(tmp_path, product_png, assets={"product_images": ["fake.png"]}))
    assert err.field == "assets.product_images[0]"
    assert "not an image" in err.reason


def test_decompression_bomb(tmp_path: Path, product_png: Path) -> None:
    write_png_header_only(tmp_path / "bomb.png", 30000, 30000)
    err = _error(_brief(tmp_path, product_png, assets={"product_images": ["bomb.png"]}))
    assert err.field == "assets.product_images[0]"
    assert "bomb" in err.reason or "megapixels" in err.reason


def test_clip_that_is_not_a_video(tmp_path: Path, product_png: Path) -> None:
    err = _error(
        _brief(
            tmp_path,
            product_png,
            assets={"creator_clip": product_png.name, "creator_transcript": "hi"},
        )
    )
    assert err.field == "assets.creator_clip"


def test_broll_garbage(tmp_path: Path, product_png: Path) -> None:
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x01garbage" * 100)
    err = _error(_brief(tmp_path, product_png, assets={"broll": ["clip.mp4"]}))
    assert err.field == "assets.broll[0]"
    assert "not a video" in err.reason or "decoded" in err.reason


def test_top_level_must_be_mapping(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("- just\n- a list\n")
    assert "mapping" in _error(path).reason


def test_font_that_is_not_installed(tmp_path: Path, product_png: Path) -> None:
    path = _brief(tmp_path, product_png, brand={"font": "Comic Nonexistent"})
    with pytest.raises(BriefError) as info:
        load_brief(path, _supports, lambda family: family == "Noto Sans")
    assert info.value.field == "brand.font"
    assert "not installed" in info.value.reason


def test_brand_lists_load_as_tuples(tmp_path: Path, product_png: Path) -> None:
    brand = {"banned_words": ["cheap", "miracle"], "script_providers": ["anthropic"]}
    brief = load_brief(_brief(tmp_path, product_png, brand=brand), _supports)
    assert brief.brand.banned_words == ("cheap", "miracle")
    assert brief.brand.script_providers == ("anthropic",)
    assert brief.brand.voice_providers == ()
