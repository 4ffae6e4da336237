"""Build the job's engines from settings: cloud providers first, the offline engines last."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from pydantic import SecretStr

from ugc.config import LlmSettings, Settings, VoiceSettings
from ugc.pipeline.job import Engines
from ugc.pipeline.ports import AvatarRenderer, ScriptWriter, VoiceEngine
from ugc.pipeline.types import BrandKit, Brief
from ugc.providers.breaker import Breakers
from ugc.providers.costs import PriceTable
from ugc.providers.llm.backends import ChatBackend
from ugc.providers.offline.clip_voice import ClipVoice, TranscriptWriter
from ugc.providers.offline.copywriter import RuleBasedCopywriter
from ugc.providers.offline.fonts import resolve_fonts
from ugc.providers.offline.music import SynthMusic
from ugc.providers.offline.voices import default_voice_engines, pick_voice_engine
from ugc.providers.retry import RetryPolicy
from ugc.providers.router import RoutedScriptWriter, RoutedVoice, order_for
from ugc.providers.secrets import EnvKeyProvider


def offline_engines(settings: Settings) -> Engines:
    """Return the offline engines: no key, no network."""
    voices = default_voice_engines(settings.cache_dir / "voices")
    return Engines(
        writer=RuleBasedCopywriter(),
        voice=voices[0],
        music=SynthMusic(),
        fonts=resolve_fonts(),
        ffmpeg=settings.ffmpeg,
        ffprobe=settings.ffprobe,
        voices=tuple(voices),
    )


def engines_for(settings: Settings, base: Engines, brief: Brief) -> Engines:
    """Pick the writer, voice and fonts for one brief."""
    fonts = resolve_fonts(brief.brand.font)
    if brief.assets.creator_clip:
        clip = brief.assets.creator_clip
        return replace(base, voice=ClipVoice(clip), writer=TranscriptWriter(), fonts=fonts)
    policy = RetryPolicy(
        attempts=settings.retry.attempts,
        base=settings.retry.base,
        cap=settings.retry.cap,
        max_wait=settings.retry.max_wait,
    )
    breakers = Breakers(settings.retry.breaker_failures, settings.retry.breaker_reset_after)
    prices = PriceTable.from_mapping(settings.prices)
    writer: ScriptWriter = base.writer
    cloud_writers = _writers(settings.llm, prices, brief.brand)
    if cloud_writers:
        writer = RoutedScriptWriter(cloud_writers, base.writer, policy, breakers)
    offline = pick_voice_engine(list(base.voices), brief.language, brief.options.voice)
    voice: VoiceEngine = offline
    cloud_voices = _voices(settings.voice, prices, brief.brand.voice_providers)
    if cloud_voices:
        voice = RoutedVoice(cloud_voices, offline, policy, breakers)
    return replace(base, writer=writer, voice=voice, fonts=fonts, avatar=_avatar(settings))


def _avatar(settings: Settings) -> AvatarRenderer | None:
    """Return the external avatar renderer when one is listed and has a key."""
    a = settings.avatar
    if "heygen" not in order_for("avatar", a.providers, None):
        return None
    from ugc.providers.avatar.heygen import avatar_from_settings

    return avatar_from_settings(
        _key(a.heygen_api_key, "heygen"),
        a.heygen_base_url,
        a.heygen_avatar_id,
        upload_url=a.heygen_upload_url,
        poll_interval=a.poll_interval_s,
        timeout=a.timeout_s,
    )


def _key(value: object, name: str) -> str | None:
    """Return a key from settings, else from UGC_KEY_<NAME> in the environment."""
    secret = getattr(value, "get_secret_value", None)
    return secret() if callable(secret) else EnvKeyProvider().get(name)


def _writers(llm: LlmSettings, prices: PriceTable, brand: BrandKit) -> list[ScriptWriter]:
    """Return the configured LLM writers in order (imported lazily: the SDKs load slowly)."""
    names = order_for("script", llm.providers, brand.script_providers or None)
    if not names:
        return []
    from ugc.providers.llm.prompts import load_prompt
    from ugc.providers.llm.writer import LLMScriptWriter

    prompt = load_prompt("script", llm.prompt_version)
    out: list[ScriptWriter] = []
    for name in names:
        chat, model = _chat(llm, name)
        price = _token_prices(prices, name, model)
        out.append(
            LLMScriptWriter(
                chat,
                provider=name,
                model=model,
                prompt=prompt,
                prices=price,
                banned_words=brand.banned_words,
                timeout=llm.timeout_s,
            )
        )
    return out


def _chat(llm: LlmSettings, name: str) -> tuple[ChatBackend, str]:
    """Return the chat backend and model for one LLM provider name."""
    from ugc.providers.llm.backends import AnthropicBackend, OpenAIBackend

    if name == "anthropic":
        key = _key(llm.anthropic_api_key, "anthropic") or ""
        return AnthropicBackend(key, llm.anthropic_base_url), llm.anthropic_model
    if name == "openai":
        key = _key(llm.openai_api_key, "openai") or ""
        backend = OpenAIBackend(key, llm.openai_base_url, sampling=llm.openai_sampling)
        return backend, llm.openai_model
    # Local servers (Ollama, vLLM, llama.cpp) usually accept any key.
    key = _key(llm.openai_compatible_api_key, "openai-compatible") or "local"
    backend = OpenAIBackend(key, llm.openai_compatible_base_url, provider=name)
    return backend, llm.openai_compatible_model


def _token_prices(prices: PriceTable, provider: str, model: str) -> tuple[float, float]:
    """Return (USD per 1M input tokens, per 1M output tokens) from the price table."""
    price = prices.lookup(provider, model)
    return (price.usd_per_1m_in, price.usd_per_1m_out) if price else (0.0, 0.0)


def _voices(
    voice: VoiceSettings, prices: PriceTable, brand_order: tuple[str, ...]
) -> list[VoiceEngine]:
    """Return the configured cloud voices in order (the brand kit's order wins)."""
    out: list[VoiceEngine] = []
    for name in order_for("voice", voice.providers, brand_order or None):
        if name == "elevenlabs":
            from ugc.providers.tts.elevenlabs_voice import ElevenLabsVoice

            price = prices.lookup(name, voice.elevenlabs_model_id)
            out.append(
                ElevenLabsVoice(
                    _key(voice.elevenlabs_api_key, "elevenlabs") or "",
                    voice.elevenlabs_voice_id,
                    voice.elevenlabs_model_id,
                    voice.elevenlabs_base_url,
                    price.usd_per_1k_chars if price else 0.0,
                    voice.timeout_s,
                )
            )
        else:
            from ugc.providers.tts.openai_voice import OpenAIVoice

            price = prices.lookup(name, voice.openai_model)
            out.append(
                OpenAIVoice(
                    _key(voice.openai_api_key, "openai-tts") or "",
                    voice.openai_model,
                    voice.openai_voice,
                    voice.openai_base_url,
                    price.usd_per_1k_chars if price else 0.0,
                    voice.timeout_s,
                )
            )
    return out


# Brand font families the studio offers (each falls back per script for CJK, Arabic, ...).
BRAND_FONTS = (
    "Noto Sans",
    "Noto Serif",
    "Noto Sans Display",
    "Noto Serif Display",
    "Noto Sans Mono",
    "DejaVu Sans",
    "DejaVu Serif",
    "DejaVu Sans Mono",
)


class JobLoader:
    """Load a brief file and choose its engines; offline engines are built once per process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._base: Engines | None = None
        self._fonts: list[str] | None = None
        self._lock = threading.Lock()

    def base(self) -> Engines:
        """Return the shared offline engines (Piper loads once)."""
        with self._lock:
            if self._base is None:
                self._base = offline_engines(self.settings)
            return self._base

    def voice_choices(self) -> list[tuple[str, str, str]]:
        """Return the offline voices a brief may name, as (id, name, language); Piper first."""
        from ugc.providers.offline.espeak_voice import EspeakEngine
        from ugc.providers.offline.piper_voice import PiperEngine

        out: list[tuple[str, str, str]] = []
        for engine in self.base().voices:
            if isinstance(engine, PiperEngine):
                out.append(("piper", "Joe (US English)", "en-us"))
            elif isinstance(engine, EspeakEngine):
                out.extend(engine.list_voices())
        return out

    def font_families(self) -> list[str]:
        """Return the brand font families installed here (asked of fontconfig once)."""
        from ugc.providers.offline.fonts import font_installed

        with self._lock:
            if self._fonts is None:
                self._fonts = [f for f in BRAND_FONTS if font_installed(f)]
            return list(self._fonts)

    def __call__(
        self, brief_path: Path, org_keys: Mapping[str, str] | None = None
    ) -> tuple[Brief, Engines]:
        """Parse and check the brief, then pick its engines (the org's own keys first)."""
        from ugc.brief.loader import load_brief
        from ugc.cli.choices import check_options
        from ugc.providers.offline.fonts import font_installed

        base = self.base()
        brief = load_brief(
            brief_path, lambda lang: any(v.supports(lang) for v in base.voices), font_installed
        )
        check_options(brief, base, self.settings.voice.providers)
        return brief, engines_for(with_org_keys(self.settings, org_keys or {}), base, brief)


# Where each provider's key lives in the settings: (group, field).
KEY_FIELDS = {
    "anthropic": ("llm", "anthropic_api_key"),
    "openai": ("llm", "openai_api_key"),
    "openai-compatible": ("llm", "openai_compatible_api_key"),
    "elevenlabs": ("voice", "elevenlabs_api_key"),
    "openai-tts": ("voice", "openai_api_key"),
    "heygen": ("avatar", "heygen_api_key"),
}


def with_org_keys(settings: Settings, org_keys: Mapping[str, str]) -> Settings:
    """Return settings whose provider keys are the organisation's own where it has them."""
    groups: dict[str, dict[str, SecretStr]] = {}
    for provider, key in org_keys.items():
        if provider in KEY_FIELDS:
            group, field = KEY_FIELDS[provider]
            groups.setdefault(group, {})[field] = SecretStr(key)
    update = {g: getattr(settings, g).model_copy(update=fields) for g, fields in groups.items()}
    return settings.model_copy(update=update) if update else settings
