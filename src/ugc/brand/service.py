"""Brand kits: create, read, change, delete, pick the default, and merge one into a brief."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from ugc.asset.service import get_asset
from ugc.audit.service import record
from ugc.brand.repository import BrandKitRepository
from ugc.brand.schemas import MAX_BANNED, BrandKitCreate, BrandKitPatch, clean_words
from ugc.errors import BriefError, FieldError, InvalidRequest, NotFound
from ugc.kit.clock import utcnow
from ugc.kit.ids import new_id
from ugc.kit.pagination import Page, paginate
from ugc.models import BrandKit
from ugc.providers.offline.fonts import font_installed

HasFont = Callable[[str], bool]
_BRIEF_COLOURS = ("primary", "secondary", "accent", "text")  # the brief has no background


def create_kit(
    session: Session, organization_id: str, body: BrandKitCreate, has_font: HasFont = font_installed
) -> BrandKit:
    """Validate and store a new kit; an organisation's first kit becomes its default."""
    repo = BrandKitRepository(session, organization_id)
    _check_refs(session, organization_id, body.fonts.model_dump(), body.logo_asset_id, has_font)
    first = not repo.has_any()
    kit = BrandKit(
        id=new_id("brand"),
        name=body.name,
        colors=body.colors.model_dump(),
        fonts=body.fonts.model_dump(),
        logo_asset_id=body.logo_asset_id,
        voice=body.voice,
        tone=body.tone,
        banned_words=body.banned_words,
        disclosure=body.disclosure.model_dump(),
        is_default=first,
    )
    return repo.add(kit)


def list_kits(
    session: Session, organization_id: str, limit: int, cursor: str | None
) -> Page[BrandKit]:
    """Return one page of the organisation's kits, newest first."""
    repo = BrandKitRepository(session, organization_id)
    return paginate(session, repo.select(), BrandKit.created_at, BrandKit.id, limit, cursor)


def get_kit(session: Session, organization_id: str, kit_id: str) -> BrandKit:
    """Return one kit of the organisation, or raise NotFound."""
    return BrandKitRepository(session, organization_id).get(kit_id)


def get_default_kit(session: Session, organization_id: str) -> BrandKit | None:
    """Return the organisation's default kit, or None."""
    return BrandKitRepository(session, organization_id).default()


def update_kit(
    session: Session,
    organization_id: str,
    kit_id: str,
    patch: BrandKitPatch,
    has_font: HasFont = font_installed,
) -> BrandKit:
    """Apply a merge-patch to a kit: nested objects change only the keys sent."""
    kit = get_kit(session, organization_id, kit_id)
    sent = patch.model_fields_set
    if "name" in sent and patch.name is None:
        raise InvalidRequest("invalid brand kit", [FieldError("name", "must not be null")])
    changes: dict[str, Any] = {f: getattr(patch, f) for f in sent}
    for field in ("colors", "fonts", "disclosure"):
        if field in sent:
            changes[field] = _merged(field, getattr(kit, field), changes[field])
    if "banned_words" in sent:
        changes["banned_words"] = patch.banned_words or []
    # Check before changing anything, so a refused patch leaves the row as it was.
    fonts = changes.get("fonts", {})
    _check_refs(session, organization_id, fonts, changes.get("logo_asset_id"), has_font)
    for field, value in changes.items():
        setattr(kit, field, value)
    kit.updated_at = utcnow()
    session.flush()
    return kit


def _merged(field: str, current: dict[str, Any], change: Any) -> dict[str, Any]:
    """Merge the keys a patch sent into a stored object; null resets it."""
    if change is None:
        defaults: dict[str, Any] = {"colors": {}, "fonts": {}, "disclosure": {"enabled": False}}
        return dict(defaults[field])
    return {**current, **change.model_dump(include=change.model_fields_set)}


def delete_kit(
    session: Session, actor: str, organization_id: str, kit_id: str, ip: str | None = None
) -> None:
    """Delete a kit and record who did it."""
    repo = BrandKitRepository(session, organization_id)
    kit = repo.get(kit_id)
    data = {"name": kit.name, "was_default": kit.is_default}
    repo.delete(kit)
    record(session, actor, "brand_kit.deleted", organization_id, target=kit_id, data=data, ip=ip)


def set_default_kit(session: Session, organization_id: str, kit_id: str) -> BrandKit:
    """Make one kit the organisation's default (and no other)."""
    repo = BrandKitRepository(session, organization_id)
    kit = repo.get(kit_id)
    repo.make_default(kit)
    return kit


def _check_refs(
    session: Session,
    organization_id: str,
    fonts: Mapping[str, Any],
    logo_asset_id: str | None,
    has_font: HasFont,
) -> None:
    """Check that fonts are installed and the logo is an image of this organisation."""
    errors = [
        FieldError(
            f"fonts.{role}",
            f"font {family!r} is not installed (try 'Noto Sans', 'Noto Serif' or 'DejaVu Sans')",
        )
        for role, family in fonts.items()
        if family is not None and not has_font(family)
    ]
    if logo_asset_id is not None:
        try:
            asset = get_asset(session, organization_id, logo_asset_id)
        except NotFound:
            errors.append(FieldError("logo_asset_id", f"no asset {logo_asset_id} here"))
        else:
            if asset.kind != "image":
                reason = f"asset is a {asset.kind}, not an image"
                errors.append(FieldError("logo_asset_id", reason))
    if errors:
        raise InvalidRequest("invalid brand kit", errors)


def apply_brand(
    brief: Mapping[str, Any], kit: BrandKit | Mapping[str, Any], logo_path: str | None = None
) -> dict[str, Any]:
    """Return a copy of a brief dict with the kit filled in where the brief says nothing."""
    k = _as_dict(kit)
    out: dict[str, Any] = copy.deepcopy(dict(brief))
    colours, fonts = k.get("colors") or {}, k.get("fonts") or {}
    disclosure = k.get("disclosure") or {}
    brand = _section(out, "brand")
    if brand is not None:
        for key in _BRIEF_COLOURS:
            _fill(brand, key, colours.get(key))
        # The brief has one family; captions and titles (the heading role) use it.
        _fill(brand, "font", fonts.get("heading") or fonts.get("body"))
        _fill(brand, "logo", logo_path)
        _add_banned(brand, k.get("banned_words") or [])
    options = _section(out, "options")
    if options is not None:
        _fill(options, "voice", k.get("voice"))
        if disclosure.get("enabled"):
            _fill(options, "disclosure", disclosure.get("text"))
    _fill(out, "tone", k.get("tone"))
    return out


def _as_dict(kit: BrandKit | Mapping[str, Any]) -> dict[str, Any]:
    """Read a kit row or a plain mapping the same way."""
    if isinstance(kit, BrandKit):
        fields = ("colors", "fonts", "voice", "tone", "banned_words", "disclosure")
        return {f: getattr(kit, f) for f in fields}
    return dict(kit)


def _section(brief: dict[str, Any], key: str) -> dict[str, Any] | None:
    """Return the brief's sub-mapping, creating it when absent (None if it is not a mapping)."""
    if brief.get(key) is None:
        brief[key] = {}
    section = brief[key]
    return section if isinstance(section, dict) else None


def _fill(target: dict[str, Any], key: str, value: Any) -> None:
    """Set key from the kit unless the brief already has an explicit value."""
    if value is not None and target.get(key) is None:
        target[key] = value


def _add_banned(brand: dict[str, Any], words: list[str]) -> None:
    """Add the kit's banned words to the brief's (a brief never lifts a ban)."""
    own = brand.get("banned_words")
    if own is not None and not isinstance(own, list):
        return
    merged = clean_words([str(w) for w in [*(own or []), *words]])
    if len(merged) > MAX_BANNED:
        raise BriefError(
            "brand.banned_words", f"more than {MAX_BANNED} banned words with the brand kit's"
        )
    if merged:
        brand["banned_words"] = merged
