"""Check a brief's creative options against what the engines offer, before anything runs."""

from __future__ import annotations

from collections.abc import Sequence

from ugc.errors import BriefError
from ugc.pipeline.agents.persona import PERSONAS
from ugc.pipeline.agents.setting import SETTINGS
from ugc.pipeline.job import Engines
from ugc.pipeline.types import Brief
from ugc.providers.router import order_for

OFFLINE_VOICES = ("piper",)


def check_options(brief: Brief, engines: Engines, cloud_voices: Sequence[str] = ()) -> None:
    """Raise BriefError naming the first option no engine can honour."""
    o = brief.options
    _one_of("options.persona", o.persona, tuple(p.id for p in PERSONAS))
    _one_of("options.setting", o.setting, SETTINGS)
    _one_of("options.music_mood", o.music_mood, engines.music.moods)
    if o.voice is not None:
        _check_voice(o.voice, brief.language, engines, cloud_voices)
    for task, field in (("script", "script_providers"), ("voice", "voice_providers")):
        try:
            order_for(task, getattr(brief.brand, field), None)
        except ValueError as exc:
            raise BriefError(f"brand.{field}", str(exc)) from None


def _one_of(field: str, value: str | None, choices: tuple[str, ...]) -> None:
    """Raise BriefError unless value is None or one of the choices."""
    if value is not None and value not in choices:
        raise BriefError(field, f"unknown value {value!r}; choose one of: {', '.join(choices)}")


def _check_voice(voice: str, language: str, engines: Engines, cloud: Sequence[str]) -> None:
    """Accept 'piper', 'espeak:<voice>' espeak-ng can load, or '<configured provider>:<voice>'."""
    if voice in OFFLINE_VOICES or voice.split(":", 1)[0] in cloud:
        return
    espeak = next((v for v in engines.voices if v.name.startswith("espeak")), None)
    if voice.startswith("espeak:") and espeak is not None:
        try:
            espeak.synthesize(["ok"], language, voice)
        except ValueError:
            raise BriefError("options.voice", f"espeak-ng has no voice {voice[7:]!r}") from None
        return
    allowed = ", ".join(["'piper'", "'espeak:<voice>'", *(f"'{c}:<voice>'" for c in cloud)])
    raise BriefError("options.voice", f"unknown voice {voice!r}; use {allowed}")
