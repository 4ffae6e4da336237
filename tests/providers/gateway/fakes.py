"""Small fakes honouring the ScriptWriter and VoiceEngine protocols, a clock and a sleeper."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ugc.pipeline.types import Brief, Product, Provenance, Script, ScriptLine, VoiceTrack
from ugc.providers.errors import ProviderError

BRIEF = Brief(
    product=Product(
        name="Glow Serum",
        description="A lightweight vitamin C serum for daily use",
        benefits=("Fades the look of dark spots in 4 weeks", "Absorbs in seconds"),
        pain_points=("Dull, tired-looking skin",),
        audience="people with sensitive skin",
        cta="Shop now",
    ),
    target_seconds=15,
)


class Clock:
    """A monotonic clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.now += seconds


class Sleeper:
    """Record each requested wait instead of sleeping; advance a clock if given one."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.waits: list[float] = []
        self._clock = clock

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        if self._clock is not None:
            self._clock.advance(seconds)


def rate_limited(retry_after: float | None = None, provider: str = "x") -> ProviderError:
    """Return a 429 error."""
    return ProviderError(
        provider, "rate limited", retryable=True, retry_after=retry_after, status=429
    )


def server_error(provider: str = "x") -> ProviderError:
    """Return a 503 error."""
    return ProviderError(provider, "service unavailable", retryable=True, status=503)


def bad_request(provider: str = "x") -> ProviderError:
    """Return a non-retryable 400 error."""
    return ProviderError(provider, "prompt too long", retryable=False, status=400)


class FakeWriter:
    """A ScriptWriter that raises scripted errors first, then writes a one-line script."""

    def __init__(
        self,
        name: str,
        version: str = "m:script@v1",
        errors: Sequence[ProviderError] = (),
        *,
        forever: ProviderError | None = None,
        units: float = 1000.0,
        cost: float = 0.0,
        model: str = "m",
    ) -> None:
        self.name = name
        self.version = version
        self.errors = list(errors)
        self.forever = forever
        self.units = units
        self.cost = cost
        self.model = model
        self.calls: list[str] = []
        self.adjusted: list[Script] = []

    def write(self, brief: Brief, variant: int, seed: int) -> Script:
        """Return a script naming this writer, after any scripted failures."""
        self._maybe_fail("write")
        line = ScriptLine(f"{brief.product.name} by {self.name} #{variant}/{seed}", "hook")
        return Script(variant, "review", "h1", (line,), provenance=self._provenance())

    def adjust(self, script: Script, brief: Brief, delta_words: int) -> Script:  # noqa: ARG002
        """Return the script with one more line, keeping its provenance like a lazy adapter."""
        self._maybe_fail("adjust")
        self.adjusted.append(script)
        extra = ScriptLine(f"{self.name} adjusted {delta_words}", "body")
        return replace(script, lines=(*script.lines, extra))

    def _maybe_fail(self, call: str) -> None:
        self.calls.append(call)
        if self.errors:
            raise self.errors.pop(0)
        if self.forever is not None:
            raise self.forever

    def _provenance(self) -> Provenance:
        return Provenance(self.name, self.model, "script@v1", units=self.units, cost_usd=self.cost)


class FakeVoice:
    """A VoiceEngine for a few languages that raises scripted errors, then returns a beep."""

    def __init__(
        self,
        name: str,
        languages: Sequence[str] = ("en",),
        errors: Sequence[ProviderError] = (),
        *,
        forever: ProviderError | None = None,
        version: str = "v1",
    ) -> None:
        self.name = name
        self.version = version
        self.languages = tuple(languages)
        self.errors = list(errors)
        self.forever = forever
        self.voices: list[str | None] = []

    def supports(self, language: str) -> bool:
        """Return True for the configured languages."""
        return language in self.languages

    def synthesize(self, lines: Sequence[str], language: str, voice: str | None) -> VoiceTrack:
        """Return a short silence; its provenance bills one unit per character."""
        assert self.supports(language), "the router must skip engines without the language"
        self.voices.append(voice)
        if self.errors:
            raise self.errors.pop(0)
        if self.forever is not None:
            raise self.forever
        chars = sum(len(line) for line in lines)
        samples = np.zeros(4800, dtype=np.float32)
        provenance = Provenance(self.name, "tts-1", units=float(chars))
        return VoiceTrack(samples, 48_000, (), (), self.name, self.version, provenance)
