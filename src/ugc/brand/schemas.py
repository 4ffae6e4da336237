"""Request and response bodies of the brand-kit API."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ugc.kit.clock import rfc3339
from ugc.models import BrandKit
from ugc.providers.router import TASK_PROVIDERS

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
OFFLINE_VOICES = ("piper",)
MAX_BANNED = 200
# 'piper', 'espeak:<voice>' or '<voice provider>:<voice id>', e.g. 'elevenlabs:21m00Tcm4Tlv'.
_PREFIXES = "|".join(re.escape(p) for p in ("espeak", *TASK_PROVIDERS["voice"]))
_VOICE = re.compile(rf"^(?:{'|'.join(OFFLINE_VOICES)}|(?:{_PREFIXES}):[A-Za-z0-9_.+-]{{1,80}})$")
Tone = Literal["friendly", "energetic", "calm", "professional", "playful"]  # as in the brief
Position = Literal["top-right", "top-left", "bottom-right", "bottom-left"]

_EXAMPLE: dict[str, Any] = {
    "name": "Glow main",
    "colors": {
        "primary": "#e85d75",
        "secondary": "#fff4f0",
        "accent": "#2b2d42",
        "text": "#ffffff",
        "background": "#1a1a1a",
    },
    "fonts": {"heading": "Noto Sans", "body": "Noto Serif"},
    "logo_asset_id": None,
    "voice": "piper",
    "tone": "friendly",
    "banned_words": ["cure", "guaranteed"],
    "disclosure": {"enabled": True, "text": "#ad", "position": "top-right"},
}


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _hex(value: str | None) -> str | None:
    """Check a #rrggbb colour and return it lower-case."""
    if value is None:
        return None
    if not HEX.match(value):
        raise ValueError("must be a colour like #1f6feb")
    return value.lower()


def check_voice(value: str | None) -> str | None:
    """Accept an offline voice id or '<provider>:<voice id>'."""
    if value is None or _VOICE.match(value):
        return value
    providers = ", ".join(f"'{p}:<voice id>'" for p in ("espeak", *TASK_PROVIDERS["voice"]))
    raise ValueError(f"unknown voice {value!r}; use 'piper' or {providers}")


def clean_words(words: list[str]) -> list[str]:
    """Trim words, drop blanks and drop case-insensitive duplicates, keeping first spellings."""
    seen: set[str] = set()
    out: list[str] = []
    for word in (w.strip() for w in words):
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    return out


class Colors(_In):
    """Brand colours as #rrggbb; null leaves the brief's colour alone."""

    primary: str | None = None
    secondary: str | None = None
    accent: str | None = None
    text: str | None = None
    background: str | None = None

    @field_validator("*")
    @classmethod
    def _colour(cls, value: str | None) -> str | None:
        """Validate and lower-case each colour."""
        return _hex(value)


class Fonts(_In):
    """Font families; each must be installed on the studio."""

    heading: str | None = Field(default=None, min_length=1, max_length=100)
    body: str | None = Field(default=None, min_length=1, max_length=100)


class Disclosure(_In):
    """The ad-disclosure badge."""

    enabled: bool = False
    text: str = Field(default="#ad", min_length=1, max_length=24)
    position: Position = "top-right"


class _KitFields(_In):
    """Fields shared by create and patch."""

    @field_validator("voice", check_fields=False)
    @classmethod
    def _voice(cls, value: str | None) -> str | None:
        """Validate the voice id."""
        return check_voice(value)

    @field_validator("banned_words", check_fields=False)
    @classmethod
    def _words(cls, value: list[str] | None) -> list[str] | None:
        """Trim and de-duplicate the banned words."""
        return None if value is None else clean_words(value)


class BrandKitCreate(_KitFields):
    """A new brand kit."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    name: str = Field(min_length=1, max_length=200)
    colors: Colors = Field(default_factory=Colors)
    fonts: Fonts = Field(default_factory=Fonts)
    logo_asset_id: str | None = Field(default=None, max_length=40)
    voice: str | None = Field(default=None, max_length=100)
    tone: Tone | None = None
    banned_words: list[str] = Field(default_factory=list, max_length=MAX_BANNED)
    disclosure: Disclosure = Field(default_factory=Disclosure)


class BrandKitPatch(_KitFields):
    """Changes to a brand kit; omitted fields stay, null clears an optional one."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"colors": {"primary": "#3f8f3a"}, "tone": "calm"}]}
    )

    name: str | None = Field(default=None, min_length=1, max_length=200)
    colors: Colors | None = None
    fonts: Fonts | None = None
    logo_asset_id: str | None = Field(default=None, max_length=40)
    voice: str | None = Field(default=None, max_length=100)
    tone: Tone | None = None
    banned_words: list[str] | None = Field(default=None, max_length=MAX_BANNED)
    disclosure: Disclosure | None = None


class BrandKitOut(BaseModel):
    """A brand kit."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE | {"id": "brand_3k9"}]})

    id: str
    name: str
    colors: Colors
    fonts: Fonts
    logo_asset_id: str | None
    voice: str | None
    tone: str | None
    banned_words: list[str]
    disclosure: Disclosure
    is_default: bool
    created_at: str
    updated_at: str

    @classmethod
    def of(cls, kit: BrandKit) -> BrandKitOut:
        """Build the response body of a stored kit."""
        return cls(
            id=kit.id,
            name=kit.name,
            colors=Colors.model_validate(kit.colors),
            fonts=Fonts.model_validate(kit.fonts),
            logo_asset_id=kit.logo_asset_id,
            voice=kit.voice,
            tone=kit.tone,
            banned_words=[str(w) for w in kit.banned_words],
            disclosure=Disclosure.model_validate(kit.disclosure),
            is_default=kit.is_default,
            created_at=rfc3339(kit.created_at) or "",
            updated_at=rfc3339(kit.updated_at) or "",
        )


class BrandKitPage(BaseModel):
    """One page of brand kits."""

    items: list[BrandKitOut]
    next_cursor: str | None
