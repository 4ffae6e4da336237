"""The model router: per task, try providers in order with retries and breakers, then offline."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import Generic, Protocol, TypeVar

from ugc.pipeline.ports import ScriptWriter, VoiceEngine
from ugc.pipeline.types import Brief, Provenance, Script, VoiceTrack
from ugc.providers.breaker import Breakers
from ugc.providers.costs import CostLedger
from ugc.providers.errors import ProviderError
from ugc.providers.retry import GiveUp, RetryPolicy, call_with_retry
from ugc.providers.secrets import redact

T = TypeVar("T")
OFFLINE = "offline"
# Provider names the settings and brand kits may list, per task; 'offline' is always allowed.
TASK_PROVIDERS: dict[str, tuple[str, ...]] = {
    "script": ("anthropic", "openai", "openai-compatible"),
    "voice": ("elevenlabs", "openai-tts"),
    "avatar": ("heygen",),
}
_MAX_REASON = 200
_log = logging.getLogger(__name__)


class _Named(Protocol):
    """Anything with a provider name and version."""

    name: str
    version: str


def order_for(
    task: str,
    settings_order: Sequence[str],
    brand_override: Sequence[str] | None,
    *,
    choices: Sequence[str] | None = None,
) -> list[str]:
    """Return the provider names to try for a task; a non-empty brand override wins."""
    known = tuple(choices) if choices is not None else TASK_PROVIDERS.get(task)
    if known is None:
        raise ValueError(f"unknown task '{task}'; choose one of {', '.join(TASK_PROVIDERS)}")
    names: list[str] = []
    for raw in brand_override or settings_order:
        name = raw.strip().lower()
        if name and name != OFFLINE and name not in known:
            allowed = ", ".join((*known, OFFLINE))
            raise ValueError(f"unknown {task} provider '{raw.strip()}'; choose from {allowed}")
        if name and name not in names:
            names.append(name)
    # The offline engine never fails, so anything listed after it would never be tried.
    return names[: names.index(OFFLINE)] if OFFLINE in names else names


def chain_version(providers: Sequence[_Named], offline: _Named) -> str:
    """Return a stable version naming every engine in the chain, in order."""
    return "router[" + ">".join(f"{p.name}:{p.version}" for p in (*providers, offline)) + "]"


class _Chain:
    """Try named calls in order with retries and breakers; record fallbacks and costs."""

    def __init__(
        self,
        kind: str,
        policy: RetryPolicy | None,
        breakers: Breakers | None,
        ledger: CostLedger | None,
    ) -> None:
        """Use `kind` ('llm', 'voice') to namespace breaker keys."""
        self.kind = kind
        self.policy = policy or RetryPolicy()
        self.breakers = breakers or Breakers()
        self.ledger = ledger

    def first(
        self, calls: Sequence[tuple[str, Callable[[], T]]], fallbacks: list[str]
    ) -> tuple[str, T] | None:
        """Return (provider, result) of the first call that succeeds, or None if all gave up."""
        for name, call in calls:
            breaker = self.breakers.get(f"{self.kind}:{name}")
            try:
                return name, call_with_retry(call, self.policy, breaker)
            except GiveUp as gave_up:
                self.skip(name, gave_up.reason, fallbacks)
        return None

    def skip(self, name: str, reason: str, fallbacks: list[str]) -> None:
        """Record that a provider was skipped or failed, without any secret in the reason."""
        entry = redact(f"{name}: {reason}")[:_MAX_REASON]
        fallbacks.append(entry)
        _log.warning("%s provider fell back: %s", self.kind, entry)

    def account(self, task: str, provenance: Provenance, fallbacks: Sequence[str]) -> Provenance:
        """Return the provenance with every fallback and its cost, recorded in the ledger."""
        merged = tuple(dict.fromkeys((*fallbacks, *provenance.fallbacks)))
        provenance = replace(provenance, fallbacks=merged)
        return provenance if self.ledger is None else self.ledger.record(task, provenance)


E = TypeVar("E", bound=_Named)


class _Routed(Generic[E]):
    """Providers tried in order through one retry/breaker chain, then the offline engine."""

    name = "router"
    kind = ""

    def __init__(
        self,
        providers: Sequence[E],
        offline: E,
        policy: RetryPolicy | None = None,
        breakers: Breakers | None = None,
        *,
        ledger: CostLedger | None = None,
    ) -> None:
        """Try `providers` in order, then `offline`, which must never raise ProviderError."""
        self._providers: tuple[E, ...] = tuple(providers)
        self._offline: E = offline
        self._chain = _Chain(self.kind, policy, breakers, ledger)
        self.version = chain_version(self._providers, offline)


class RoutedScriptWriter(_Routed[ScriptWriter]):
    """A ScriptWriter that tries LLM writers in order and falls back to the offline writer."""

    kind = "llm"

    def write(self, brief: Brief, variant: int, seed: int) -> Script:
        """Return variant `variant` from the first writer that succeeds."""
        calls = [(p.name, partial(p.write, brief, variant, seed)) for p in self._providers]
        return self._run("script", calls, partial(self._offline.write, brief, variant, seed), ())

    def adjust(self, script: Script, brief: Brief, delta_words: int) -> Script:
        """Return the script resized by about delta words, asking its own writer first."""
        bare = replace(script, provenance=None)  # so a copied provenance is never billed twice
        made = script.provenance
        calls = [(p.name, partial(p.adjust, bare, brief, delta_words)) for p in self._prefer(made)]
        offline = partial(self._offline.adjust, bare, brief, delta_words)
        return self._run("adjust", calls, offline, made.fallbacks if made else ())

    def _prefer(self, made: Provenance | None) -> list[ScriptWriter]:
        """Return the writers to try: the script's own writer first; none if offline wrote it."""
        if made is None:
            return list(self._providers)
        if made.provider == self._offline.name:
            return []
        own = [p for p in self._providers if p.name == made.provider]
        return own + [p for p in self._providers if p.name != made.provider]

    def _run(
        self,
        task: str,
        calls: Sequence[tuple[str, Callable[[], Script]]],
        offline: Callable[[], Script],
        earlier: Sequence[str],
    ) -> Script:
        """Return the first provider's script, or the offline one, with provenance and cost."""
        fallbacks = list(earlier)
        hit = self._chain.first(calls, fallbacks)
        if hit is None:
            script, made = offline(), Provenance(provider=self._offline.name)
        else:
            name, script = hit
            made = script.provenance or Provenance(provider=name)
        return replace(script, provenance=self._chain.account(task, made, fallbacks))


class RoutedVoice(_Routed[VoiceEngine]):
    """A VoiceEngine that tries cloud voices in order and falls back to the offline voice."""

    kind = "voice"

    def supports(self, language: str) -> bool:
        """Return True if any engine in the chain speaks the language."""
        return any(e.supports(language) for e in (*self._providers, self._offline))

    def synthesize(self, lines: Sequence[str], language: str, voice: str | None) -> VoiceTrack:
        """Speak the lines with the first engine that speaks the language and succeeds."""
        fallbacks: list[str] = []
        calls: list[tuple[str, Callable[[], VoiceTrack]]] = []
        for engine in self._providers:
            if not engine.supports(language):
                self._chain.skip(engine.name, f"language '{language}' unsupported", fallbacks)
                continue
            own_voice = voice_for(engine.name, voice)
            calls.append((engine.name, partial(engine.synthesize, lines, language, own_voice)))
        hit = self._chain.first(calls, fallbacks)
        if hit is None:
            track = self._offline_track(lines, language, voice, fallbacks, tried=bool(calls))
            made = Provenance(provider=self._offline.name)
        else:
            name, track = hit
            made = track.provenance or Provenance(provider=name)
        return replace(track, provenance=self._chain.account("voice", made, fallbacks))

    def _offline_track(
        self,
        lines: Sequence[str],
        language: str,
        voice: str | None,
        fallbacks: Sequence[str],
        *,
        tried: bool,
    ) -> VoiceTrack:
        """Speak with the offline engine, or explain why nothing in the chain could."""
        if self._offline.supports(language):
            return self._offline.synthesize(lines, language, voice_for(self._offline.name, voice))
        if not tried:
            raise ValueError(f"unknown language '{language}'")
        reasons = "; ".join(fallbacks)
        raise ProviderError(
            self.name, f"no engine could speak '{language}': {reasons}", retryable=False
        )


def voice_for(engine: str, voice: str | None) -> str | None:
    """Return the voice an engine gets: 'elevenlabs:Rachel' only for its engine, plain for all."""
    if voice is None or ":" not in voice:
        return voice
    prefix = voice.split(":", 1)[0].lower()
    return voice if engine == prefix or engine.startswith(prefix + "-") else None
