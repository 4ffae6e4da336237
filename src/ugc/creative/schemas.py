"""Request and response bodies of the creative API: catalog, previews and script drafts."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict, JsonValue

from ugc.brief.schema import ScriptRole, Shot

PreviewKind = Literal["personas", "settings", "caption-styles", "voices", "music-moods"]

_BRIEF: JsonDict = {
    "product": {
        "name": "Glow Serum",
        "description": "A vitamin C serum that brightens dull skin in two weeks.",
        "benefits": ["Brighter skin in 14 days", "Fragrance free"],
        "cta": "Shop now",
    },
    "tone": "friendly",
    "target_seconds": 15,
}
_LINES: list[JsonValue] = [
    {"role": "hook", "text": "Don't buy Glow Serum until you watch this.", "shot": "talk"},
    {"role": "body", "text": "Honestly? Brighter skin in 14 days.", "shot": "product"},
    {"role": "cta", "text": "Don't overthink it: shop now!", "shot": "talk"},
]


class ScriptDraftRequest(BaseModel):
    """A brief to draft scripts for: every variant, or one variant again ("regenerate")."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"brief": _BRIEF, "variants": 3},
                {"brief": _BRIEF, "variant": 1, "attempt": 2},
            ]
        },
    )

    brief: dict[str, Any] = Field(
        description="A brief, as in POST /videos (see the brief schema); media as 'asset:<id>'."
    )
    brand_kit_id: str | None = Field(
        default=None, description="Defaults to the organisation's default kit, as for videos."
    )
    variants: int = Field(default=3, ge=1, le=10, description="Draft variants 0..variants-1.")
    variant: int | None = Field(
        default=None, ge=0, le=9, description="Draft only this variant (ignores `variants`)."
    )
    attempt: int = Field(
        default=0,
        ge=0,
        le=1000,
        description="0 gives the draft a render would write; each other number another take.",
    )


class ScriptDraftLine(BaseModel):
    """One spoken line; send lines back in the brief's `options.scripts` to render them."""

    role: ScriptRole
    text: str
    shot: Shot


class ScriptDraft(BaseModel):
    """The writer's draft of one variant."""

    variant: int
    format: str = Field(description="The ad format the writer chose, e.g. 'review'.")
    hook_id: str = Field(description="Which hook opens the script, e.g. 'hook.dont-buy-yet'.")
    lines: list[ScriptDraftLine]


class ScriptDrafts(BaseModel):
    """Drafts, one per requested variant."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "variants": [
                        {
                            "variant": 0,
                            "format": "review",
                            "hook_id": "hook.dont-buy-yet",
                            "lines": _LINES,
                        }
                    ]
                }
            ]
        }
    )

    variants: list[ScriptDraft]


class CatalogItem(BaseModel):
    """One choice the studio offers."""

    id: str = Field(description="The value a brief or brand kit uses.")
    label: str
    description: str | None = None
    preview_url: str | None = Field(
        default=None,
        description="A PNG or WAV sample; fetch it with the same bearer token (private cache).",
    )


class VoiceItem(CatalogItem):
    """An offline voice, with the language it speaks."""

    language: str


class Catalog(BaseModel):
    """Every choice the create-video wizard and the brand-kit editor offer."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "personas": [
                        {
                            "id": "maya",
                            "label": "Maya",
                            "description": "Wavy hair, coral tee, earrings",
                            "preview_url": "/api/v1/catalog/personas/maya/preview",
                        }
                    ],
                    "settings": [],
                    "caption_styles": [],
                    "music_moods": [],
                    "voices": [
                        {
                            "id": "piper",
                            "label": "Joe (US English)",
                            "description": "Piper neural voice",
                            "preview_url": "/api/v1/catalog/voices/piper/preview",
                            "language": "en-us",
                        }
                    ],
                    "tones": [],
                    "formats": [],
                    "aspects": [],
                    "fonts": [{"id": "Noto Sans", "label": "Noto Sans"}],
                }
            ]
        }
    )

    personas: list[CatalogItem]
    settings: list[CatalogItem]
    caption_styles: list[CatalogItem]
    music_moods: list[CatalogItem]
    voices: list[VoiceItem]
    tones: list[CatalogItem]
    formats: list[CatalogItem]
    aspects: list[CatalogItem]
    fonts: list[CatalogItem]
