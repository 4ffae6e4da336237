"""Load a brief file into the pipeline's frozen Brief, or raise one BriefError naming the field."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ugc.brief.assets import check_audio, check_image, check_video
from ugc.brief.schema import BriefIn
from ugc.errors import BriefError
from ugc.pipeline.codec import options_from_json
from ugc.pipeline.types import Assets, BrandKit, Brief, Product

MAX_BYTES = 1_000_000


def load_brief(
    path: Path,
    supports_language: Callable[[str], bool],
    has_font: Callable[[str], bool] = lambda _f: True,
) -> Brief:
    """Parse, validate and resolve a brief; asset paths become absolute."""
    raw = _parse(path)
    try:
        model = BriefIn.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "brief"
        raise BriefError(where, _reason(err)) from None
    if not supports_language(model.language):
        raise BriefError("language", f"unknown language {model.language!r}")
    if not has_font(model.brand.font):
        raise BriefError(
            "brand.font",
            f"font {model.brand.font!r} is not installed "
            "(try 'Noto Sans', 'Noto Serif' or 'DejaVu Sans')",
        )
    _check_scripts(model)
    return _to_brief(model, path.parent.resolve())


def _parse(path: Path) -> Any:
    """Read YAML or JSON; reject unreadable, oversized or non-mapping documents."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BriefError("brief", f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise BriefError("brief", "file is larger than 1 MB")
    try:
        text = data.decode("utf-8")
        doc = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except UnicodeDecodeError:
        raise BriefError("brief", "file is not UTF-8 text") from None
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise BriefError(
            "brief", f"malformed {'JSON' if path.suffix == '.json' else 'YAML'}{where}"
        ) from None
    if not isinstance(doc, dict):
        raise BriefError("brief", "expected a mapping of fields at the top level")
    return doc


def _reason(err: Any) -> str:
    """Turn a Pydantic error into a short human reason."""
    kind, msg = err["type"], err["msg"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    return str(msg).removeprefix("Value error, ")


def _to_brief(m: BriefIn, base: Path) -> Brief:
    """Resolve and check assets, then build the frozen Brief."""
    a = m.assets
    images = tuple(
        _asset(base, p, f"assets.product_images[{i}]", check_image)
        for i, p in enumerate(a.product_images)
    )
    broll = tuple(_asset(base, p, f"assets.broll[{i}]", check_video) for i, p in enumerate(a.broll))
    clip = (
        _asset(base, a.creator_clip, "assets.creator_clip", check_video) if a.creator_clip else None
    )
    if clip and not a.creator_transcript:
        raise BriefError("assets.creator_transcript", "a creator clip needs its transcript")
    music = _asset(base, a.music, "assets.music", check_audio) if a.music else None
    logo = _asset(base, m.brand.logo, "brand.logo", check_image) if m.brand.logo else None
    p = m.product
    return Brief(
        product=Product(
            p.name,
            p.description,
            tuple(p.benefits),
            tuple(p.pain_points),
            p.audience,
            p.offer,
            p.cta,
            p.price,
        ),
        tone=m.tone,
        language=m.language,
        target_seconds=m.target_seconds,
        brand=_brand(m, logo),
        assets=Assets(images, broll, clip, a.creator_transcript, music),
        options=options_from_json(m.options.model_dump()),
    )


def _check_scripts(m: BriefIn) -> None:
    """Reject edited lines for a creator clip, and edited lines that use a banned word."""
    if m.assets.creator_clip and m.options.scripts:
        # The clip's own audio is the voice, so its words cannot be re-written.
        raise BriefError(
            "options.scripts", "a creator clip speaks its transcript; edit that instead"
        )
    for word in (w.strip() for w in m.brand.banned_words):
        if not word:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        for k, script in enumerate(m.options.scripts):
            for j, line in enumerate(script.lines):
                if pattern.search(line.text):
                    where = f"options.scripts.{k}.lines.{j}.text"
                    raise BriefError(where, f"uses the brand's banned word {word!r}")


def _brand(m: BriefIn, logo: str | None) -> BrandKit:
    """Build the frozen brand kit, with lists as tuples."""
    b = m.brand
    return BrandKit(
        b.primary,
        b.secondary,
        b.accent,
        b.text,
        b.font,
        logo,
        tuple(b.banned_words),
        tuple(b.script_providers),
        tuple(b.voice_providers),
    )


def _asset(base: Path, rel: str, field: str, check: Callable[[str, Path], None]) -> str:
    """Resolve an asset path against the brief's folder and check it."""
    path = (base / rel).resolve()
    check(field, path)
    return str(path)
