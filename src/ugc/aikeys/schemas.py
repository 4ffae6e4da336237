"""Provider key bodies: the key goes in once and never comes back out."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Provider = Literal["anthropic", "openai", "openai-compatible", "elevenlabs", "openai-tts", "heygen"]


class ProviderKeyIn(BaseModel):
    """An organisation's own key for one provider."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"key": "sk-proj-0123456789abcdef"}]}
    )

    key: str = Field(min_length=8, max_length=1000)


class ProviderKeyOut(BaseModel):
    """A stored key: which provider, its last four characters, when it was set."""

    provider: str
    hint: str
    created_at: str


class ProviderKeyList(BaseModel):
    """Every provider key of the organisation (there are at most six)."""

    items: list[ProviderKeyOut]
    next_cursor: str | None = None
