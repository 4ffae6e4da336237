"""The one settings object (prefix UGC_, nested groups with `__`); only entry points read it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, SecretStr, field_validator, model_validator
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


class AuthSettings(BaseModel):
    """Sign-in, tokens and lockout."""

    access_ttl_s: int = 900
    refresh_ttl_s: int = 30 * 24 * 3600
    refresh_grace_s: int = 20  # a just-rotated refresh token may come back this long (ADR 0007)
    lockout_after: int = 5
    lockout_base_s: float = 30.0
    lockout_cap_s: float = 3600.0
    email_token_ttl_s: int = 24 * 3600
    reset_token_ttl_s: int = 3600
    invitation_ttl_s: int = 7 * 24 * 3600
    mfa_token_ttl_s: int = 300
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 4


class ApiSettings(BaseModel):
    """HTTP hygiene: origins, limits, public address."""

    public_url: str = "http://127.0.0.1:8000"
    cors_origins: Names = []
    max_body_bytes: int = 1024 * 1024
    max_upload_bytes: int = 200 * 1024 * 1024
    rate_per_minute: int = 600
    ip_rate_per_minute: int = 1200
    max_running_jobs: int = 4
    signed_url_ttl_s: int = 3600
    webhook_https_only: bool = False
    webhook_allow_hosts: Names = []  # tests only: hosts exempt from the public-address rule

    _names = field_validator("cors_origins", "webhook_allow_hosts", mode="before")(_split)


class BlobSettings(BaseModel):
    """Where uploads and outputs live: a local folder, or Azure Blob Storage."""

    backend: Literal["local", "azure"] = "local"
    azure_connection_string: SecretStr | None = None
    azure_container: str = "ugc"


class ImportSettings(BaseModel):
    """Product-page import; `allow_hosts` exists for tests that serve pages on loopback."""

    timeout_s: float = 10.0
    max_bytes: int = 2 * 1024 * 1024
    max_images: int = 4
    allow_hosts: Names = []

    _names = field_validator("allow_hosts", mode="before")(_split)


class QueueSettings(BaseModel):
    """Job execution: heartbeats, when a silent step is re-dispatched, scheduler tick."""

    heartbeat_s: float = 3.0
    step_stale_s: float = 30.0
    dispatch_lost_s: float = 120.0
    tick_s: float = 5.0


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
    env: Literal["dev", "test", "production"] = "dev"
    data_dir: Path = Path(".ugc-data")
    database_url: str | None = None  # default: SQLite in data_dir
    redis_url: str | None = None  # default: in-memory rate limits and progress
    broker_url: str | None = None  # amqp://...; default: an in-process worker
    secret_key: SecretStr | None = None  # default: generated once into data_dir
    log_level: str = "INFO"
    log_json: bool = True
    traces: Literal["off", "console"] = "off"  # OpenTelemetry spans to stderr when "console"
    mail_from: str = "studio@ugc.local"
    smtp_url: str | None = None  # default: mail is written to data_dir/mail
    web_dir: Path | None = None  # the built studio; default: web/dist of the checkout
    auth: AuthSettings = AuthSettings()
    api: ApiSettings = ApiSettings()
    blob: BlobSettings = BlobSettings()
    importer: ImportSettings = ImportSettings()
    queue: QueueSettings = QueueSettings()

    @model_validator(mode="after")
    def _production_is_strict(self) -> Settings:
        """Refuse the embedded defaults and weak secrets in production."""
        if self.env != "production":
            return self
        key = self.secret_key.get_secret_value() if self.secret_key else ""
        if len(key) < 32:
            raise ValueError("UGC_SECRET_KEY must be set to at least 32 characters in production")
        missing = [n for n in ("database_url", "broker_url", "redis_url") if not getattr(self, n)]
        if missing:
            raise ValueError(f"production needs {', '.join('UGC_' + m.upper() for m in missing)}")
        if self.importer.allow_hosts or self.api.webhook_allow_hosts:
            raise ValueError("the *_ALLOW_HOSTS settings are for tests only")
        return self

    def db_url(self) -> str:
        """Return the database URL, defaulting to a SQLite file in data_dir."""
        return self.database_url or f"sqlite:///{self.data_dir / 'ugc.db'}"
