"""Frozen values that flow between pipeline agents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

ASPECTS: tuple[str, ...] = ("9:16", "1:1", "4:5", "16:9")
SCRIPT_FORMATS: tuple[str, ...] = (
    "testimonial",
    "problem-solution",
    "unboxing",
    "review",
    "listicle",
    "pov",
)
FPS = 30
SAMPLE_RATE = 48_000


@dataclass(frozen=True)
class BrandKit:
    """Brand colours (#RRGGBB), a font family and an optional logo path."""

    primary: str = "#1F6FEB"
    secondary: str = "#FFFFFF"
    accent: str = "#FFD60A"
    text: str = "#FFFFFF"
    font: str = "Noto Sans"
    logo: str | None = None
    banned_words: tuple[str, ...] = ()
    script_providers: tuple[str, ...] = ()  # overrides the settings' order for this brand
    voice_providers: tuple[str, ...] = ()

    @staticmethod
    def from_json(data: dict[str, Any]) -> BrandKit:
        """Load a brand kit written by dataclasses.asdict (lists become tuples)."""
        fields: dict[str, Any] = dict(data)
        for name in ("banned_words", "script_providers", "voice_providers"):
            fields[name] = tuple(fields.get(name, ()))
        return BrandKit(**fields)


@dataclass(frozen=True)
class Assets:
    """Media the brand supplies; every path is absolute and already validated."""

    product_images: tuple[str, ...] = ()
    broll: tuple[str, ...] = ()
    creator_clip: str | None = None
    creator_transcript: str | None = None
    music: str | None = None


@dataclass(frozen=True)
class Product:
    """What is being sold; every claim in a script must come from one of these fields."""

    name: str
    description: str
    benefits: tuple[str, ...]
    pain_points: tuple[str, ...] = ()
    audience: str = ""
    offer: str = ""
    cta: str = "Shop now"
    price: str = ""


@dataclass(frozen=True)
class FormatOptions:
    """Creative choices; None means 'let the planner choose per variant'."""

    formats: tuple[str, ...] = SCRIPT_FORMATS
    persona: str | None = None
    setting: str | None = None
    music_mood: str | None = None
    caption_style: str | None = None
    voice: str | None = None
    disclosure: str | None = None
    scripts: tuple[ScriptEdit, ...] = ()  # a person's lines for some variants

    def script_for(self, variant: int) -> ScriptEdit | None:
        """Return the edited script of a variant, or None when the writer's draft stands."""
        return next((s for s in self.scripts if s.variant == variant), None)


@dataclass(frozen=True)
class Brief:
    """A validated brief: the single input of a job."""

    product: Product
    tone: str = "friendly"
    language: str = "en"
    target_seconds: int = 30
    brand: BrandKit = field(default_factory=BrandKit)
    assets: Assets = field(default_factory=Assets)
    options: FormatOptions = field(default_factory=FormatOptions)


@dataclass(frozen=True)
class Claim:
    """A product claim and the brief field it comes from, e.g. 'product.benefits[1]'."""

    text: str
    source_field: str


@dataclass(frozen=True)
class ScriptLine:
    """One spoken line; role is hook, body, cta or disclosure; shot is talk, product or broll."""

    text: str
    role: str
    shot: str = "talk"
    claims: tuple[Claim, ...] = ()
    emphasis: tuple[str, ...] = ()
    kept: bool = False  # a person wrote it: fitting to length never drops or rewrites it


@dataclass(frozen=True)
class ScriptEdit:
    """A person's lines for one variant; they replace the draft's lines, format and hook stay."""

    variant: int
    lines: tuple[ScriptLine, ...]


@dataclass(frozen=True)
class Provenance:
    """Who produced an output: provider, model, prompt, cost, and the providers tried first."""

    provider: str
    model: str = ""
    prompt: str = ""
    units: float = 0.0  # tokens or characters, as the provider bills them
    cost_usd: float = 0.0
    fallbacks: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. claims the result processor removed, and why


def merge_provenance(items: tuple[Provenance | None, ...]) -> Provenance | None:
    """Sum the cost of several calls that built one output; the last call names the provider."""
    real = [p for p in items if p is not None]
    if not real:
        return None
    last = real[-1]
    return Provenance(
        last.provider,
        last.model,
        last.prompt,
        units=sum(p.units for p in real),
        cost_usd=round(sum(p.cost_usd for p in real), 6),
        fallbacks=tuple(dict.fromkeys(f for p in real for f in p.fallbacks)),
        notes=tuple(dict.fromkeys(n for p in real for n in p.notes)),
    )


@dataclass(frozen=True)
class Script:
    """A variant's script: ordered lines plus how it was made."""

    variant: int
    format: str
    hook_id: str
    lines: tuple[ScriptLine, ...]
    language: str = "en"
    disclosure: str | None = None
    provenance: Provenance | None = None

    @property
    def text(self) -> str:
        """Return the spoken text as one string."""
        return " ".join(line.text for line in self.lines)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Return every claim the script makes."""
        return tuple(c for line in self.lines for c in line.claims)


@dataclass(frozen=True)
class WordTiming:
    """A spoken word, its line index and its time span in seconds."""

    text: str
    start: float
    end: float
    line: int


@dataclass(frozen=True)
class PhonemeTiming:
    """A phoneme (engine mnemonic or IPA) and its time span in seconds."""

    phoneme: str
    start: float
    end: float


@dataclass(frozen=True, eq=False)
class VoiceTrack:
    """Mono float32 speech in [-1, 1] with word and phoneme timings."""

    samples: FloatArray
    sample_rate: int
    words: tuple[WordTiming, ...]
    phonemes: tuple[PhonemeTiming, ...]
    engine: str
    engine_version: str
    provenance: Provenance | None = None

    @property
    def duration(self) -> float:
        """Return the length in seconds."""
        return float(len(self.samples)) / self.sample_rate
