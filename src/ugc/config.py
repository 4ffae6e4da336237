"""The one settings object (prefix UGC_, nested groups with `__`); only entry points read it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Names = Annotated[list[str], NoDecode]  # "openai,anthropic" from the environment


def _split(value: object) -> object:
    """Accept a comma list as well as a JSON list."""
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return value


class LlmSettings(BaseModel):
    """Script writing providers, tried in order before the offline copywriter."""

    providers: Names = []
    timeout_s: float = 30.0
    prompt_version: int | None = None
    anthropic_api_key: SecretStr | None = None
    anthropic_model: str = "claude-sonnet-4-5"
    anthropic_base_url: str | None = None
    openai_api_key: SecretStr | None = None
    openai_model: str = "gpt-4o-mini"
    openai_base_url: str | None = None
    openai_sampling: bool = True
    openai_compatible_base_url: str | None = None
    openai_compatible_model: str = "llama3.1"
    openai_compatible_api_key: SecretStr | None = None

    _names = field_validator("providers", mode="before")(_split)


class VoiceSettings(BaseModel):
    """Voice providers, tried in order before the offline voices (Piper, espeak-ng)."""

    providers: Names = []
    timeout_s: float = 60.0
    elevenlabs_api_key: SecretStr | None = None
    elevenlabs_voice_id: str = "21m00Tcm4TlvDq8ikWAM"
    elevenlabs_model_id: str = "eleven_multilingual_v2"
    elevenlabs_base_url: str | None = None
    openai_api_key: SecretStr | None = None
    openai_model: str = "gpt-4o-mini-tts"
    openai_voice: str = "alloy"
    openai_base_url: str | None = None

    _names = field_validator("providers", mode="before")(_split)


class AvatarSettings(BaseModel):
    """An external talking-head provider (off unless a key is set)."""

    providers: Names = []
    heygen_api_key: SecretStr | None = None
    heygen_base_url: str | None = None
    heygen_upload_url: str | None = None
    heygen_avatar_id: str | None = None
    poll_interval_s: float = 2.0
    timeout_s: float = 600.0

    _names = field_validator("providers", mode="before")(_split)


class RetrySettings(BaseModel):
    """Retry and circuit-breaker policy shared by every provider."""

    attempts: int = 3
    base: float = 0.5
    cap: float = 8.0
    max_wait: float = 30.0
    breaker_failures: int = 3
    breaker_reset_after: float = 30.0


class Settings(BaseSettings):
    """Settings for the CLI and services."""

    model_config = SettingsConfigDict(env_prefix="UGC_", env_nested_delimiter="__")

    cache_dir: Path = Path(".ugc-cache")
    ffmpeg: str = "ffmpeg"
    ffprobe: str = "ffprobe"
    workers: int = 4
    llm: LlmSettings = LlmSettings()
    voice: VoiceSettings = VoiceSettings()
    retry: RetrySettings = RetrySettings()
    avatar: AvatarSettings = AvatarSettings()
    # USD prices per provider or "provider:model": usd_per_1m_in / usd_per_1m_out / usd_per_1k_chars
    prices: dict[str, dict[str, float]] = {}
