"""The brief's wire schema (YAML or JSON), validated with Pydantic."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

HEX = r"^#[0-9A-Fa-f]{6}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ProductIn(_Strict):
    """What is sold."""

    name: str = Field(min_length=1, max_length=80)
    description: str = Field(min_length=1, max_length=600)
    benefits: list[str] = Field(min_length=1, max_length=8)
    pain_points: list[str] = Field(default_factory=list, max_length=6)
    audience: str = ""
    offer: str = ""
    cta: str = Field(default="Shop now", min_length=1, max_length=40)
    price: str = ""

    @field_validator("benefits", "pain_points")
    @classmethod
    def _non_empty(cls, items: list[str]) -> list[str]:
        """Reject blank entries."""
        if any(not i.strip() for i in items):
            raise ValueError("entries must not be blank")
        return [i.strip() for i in items]


class BrandIn(_Strict):
    """Brand kit."""

    primary: str = Field(default="#1F6FEB", pattern=HEX)
    secondary: str = Field(default="#FFFFFF", pattern=HEX)
    accent: str = Field(default="#FFD60A", pattern=HEX)
    text: str = Field(default="#FFFFFF", pattern=HEX)
    font: str = "Noto Sans"
    logo: str | None = None
    banned_words: list[str] = Field(default_factory=list, max_length=200)
    script_providers: list[str] = Field(default_factory=list, max_length=6)
    voice_providers: list[str] = Field(default_factory=list, max_length=6)


class AssetsIn(_Strict):
    """Media paths, relative to the brief file."""

    product_images: list[str] = Field(default_factory=list, max_length=12)
    broll: list[str] = Field(default_factory=list, max_length=12)
    creator_clip: str | None = None
    creator_transcript: str | None = None
    music: str | None = None


Format = Literal["testimonial", "problem-solution", "unboxing", "review", "listicle", "pov"]
Tone = Literal["friendly", "energetic", "calm", "professional", "playful"]
ScriptRole = Literal["hook", "body", "cta", "disclosure"]
Shot = Literal["talk", "product", "broll"]
MAX_SCRIPTS = 50  # the CLI renders at most 50 variants


class ScriptLineIn(_Strict):
    """One spoken line of an edited script."""

    role: ScriptRole
    text: str = Field(min_length=1, max_length=300)
    shot: Shot = "talk"


class ScriptIn(_Strict):
    """A person's script for one variant; it replaces the writer's draft of that variant."""

    variant: int = Field(ge=0)
    lines: list[ScriptLineIn] = Field(min_length=1, max_length=30)


class OptionsIn(_Strict):
    """Creative options; null lets the planner vary them per variant."""

    formats: list[Format] = Field(
        default=["testimonial", "problem-solution", "unboxing", "review", "listicle", "pov"],
        min_length=1,
    )
    persona: str | None = None
    setting: str | None = None
    music_mood: str | None = None
    caption_style: Literal["pop", "box", "karaoke", "subtle"] | None = None
    voice: str | None = None
    disclosure: str | None = Field(default=None, max_length=24)
    scripts: list[ScriptIn] = Field(default_factory=list, max_length=MAX_SCRIPTS)

    @field_validator("scripts")
    @classmethod
    def _one_per_variant(cls, scripts: list[ScriptIn]) -> list[ScriptIn]:
        """Reject two scripts for the same variant."""
        seen: set[int] = set()
        for s in scripts:
            if s.variant in seen:
                raise ValueError(f"at most one script per variant; variant {s.variant} has two")
            seen.add(s.variant)
        return scripts


class BriefIn(_Strict):
    """A whole brief."""

    product: ProductIn
    tone: Tone = "friendly"
    language: str = Field(default="en", min_length=2, max_length=12)
    target_seconds: Literal[15, 30, 60] = 30
    brand: BrandIn = Field(default_factory=BrandIn)
    assets: AssetsIn = Field(default_factory=AssetsIn)
    options: OptionsIn = Field(default_factory=OptionsIn)
