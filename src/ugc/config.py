"""The one settings object (prefix UGC_); only entry points read it."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings for the CLI and services."""

    model_config = SettingsConfigDict(env_prefix="UGC_", env_nested_delimiter="__")

    cache_dir: Path = Path(".ugc-cache")
    ffmpeg: str = "ffmpeg"
    ffprobe: str = "ffprobe"
    workers: int = 4
