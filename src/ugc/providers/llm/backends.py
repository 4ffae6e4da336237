"""Chat backends: one completion call per vendor SDK, with SDK errors mapped to ProviderError."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import anthropic
import openai

from ugc.providers.errors import NotConfigured, ProviderError

# Local OpenAI-compatible servers may not report usage; ~4 characters per token is the usual guess.
CHARS_PER_TOKEN = 4
_MAX_MESSAGE = 300


@dataclass(frozen=True)
class ChatResult:
    """The model's text and the tokens the call was billed for."""

    text: str
    input_tokens: int
    output_tokens: int


class ChatBackend(Protocol):
    """Sends one system + user message pair and returns the model's answer."""

    def complete(
        self,
        system: str,
        user: str,
        *,
        model: str,
        temperature: float,
        seed: int | None,
        timeout: float,
    ) -> ChatResult:
        """Return the completion; raise ProviderError on any failure."""
        ...


class AnthropicBackend:
    """Claude through the anthropic SDK's Messages API; the SDK never retries (the router does)."""

    provider = "anthropic"

    def __init__(
        self, api_key: str, base_url: str | None = None, *, max_tokens: int = 2048
    ) -> None:
        if not api_key:
            raise NotConfigured(self.provider, "no API key")
        self._key = api_key
        self._max_tokens = max_tokens
        self._client = anthropic.Anthropic(api_key=api_key, base_url=base_url, max_retries=0)

    def complete(
        self,
        system: str,
        user: str,
        *,
        model: str,
        temperature: float,
        seed: int | None,
        timeout: float,
    ) -> ChatResult:
        """Return Claude's text answer and its billed tokens."""
        # API version 2026-10-21 (SDK 2.x) rejects sampling parameters and has no seed.
        del temperature, seed
        try:
            message = self._client.messages.create(
                model=model,
                max_tokens=self._max_tokens,
                system=system,
                messages=[{"role": "user", "content": user}],
                timeout=timeout,
            )
        except anthropic.APIError as exc:
            raise provider_error(self.provider, exc, self._key, timeout) from None
        text = "".join(block.text for block in message.content if block.type == "text")
        return ChatResult(text, message.usage.input_tokens, message.usage.output_tokens)


class OpenAIBackend:
    """OpenAI, or any OpenAI-compatible server via base_url, through streamed chat completions."""

    provider = "openai"

    def __init__(
        self,
        api_key: str,
        base_url: str | None = None,
        *,
        provider: str = "openai",
        sampling: bool = True,
    ) -> None:
        self.provider = provider
        if not api_key and not base_url:
            raise NotConfigured(provider, "no API key")
        self._key = api_key
        # Reasoning models reject temperature and seed; sampling=False leaves them out.
        self._sampling = sampling
        # Local servers (Ollama, vLLM, llama.cpp) ignore the key, but the SDK needs one.
        key = api_key or "unused"
        self._client = openai.OpenAI(api_key=key, base_url=base_url, max_retries=0)

    def complete(
        self,
        system: str,
        user: str,
        *,
        model: str,
        temperature: float,
        seed: int | None,
        timeout: float,
    ) -> ChatResult:
        """Return the streamed answer; estimate tokens when the server sends no usage."""
        try:
            text, usage = self._stream(system, user, model, temperature, seed, timeout)
        except openai.APIError as exc:
            raise provider_error(self.provider, exc, self._key, timeout) from None
        if usage is None:
            return ChatResult(text, estimate_tokens(system + user), estimate_tokens(text))
        return ChatResult(text, usage[0], usage[1])

    def _stream(
        self,
        system: str,
        user: str,
        model: str,
        temperature: float,
        seed: int | None,
        timeout: float,
    ) -> tuple[str, tuple[int, int] | None]:
        """Stream one completion; return the text and (prompt, completion) tokens if reported."""
        stream = self._client.chat.completions.create(
            model=model,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
            response_format={"type": "json_object"},
            stream=True,
            stream_options={"include_usage": True},
            temperature=temperature if self._sampling else openai.omit,
            seed=seed if self._sampling and seed is not None else openai.omit,
            timeout=timeout,
        )
        parts: list[str] = []
        usage: tuple[int, int] | None = None
        with stream:
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    parts.append(chunk.choices[0].delta.content)
                if chunk.usage is not None:
                    usage = (chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
        return "".join(parts), usage


def estimate_tokens(text: str) -> int:
    """Return a rough token count for a text (at least 1 for non-empty text)."""
    return (len(text) + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN


def provider_error(provider: str, exc: Exception, api_key: str, timeout: float) -> ProviderError:
    """Map an SDK or transport exception to a ProviderError; the key never reaches the message."""
    if isinstance(exc, anthropic.APITimeoutError | openai.APITimeoutError):
        return ProviderError(provider, f"timed out after {timeout:g} s", retryable=True)
    if isinstance(exc, anthropic.APIStatusError | openai.APIStatusError):
        status = exc.status_code
        retryable = status in (408, 409, 429) or status >= 500
        after = retry_after(exc.response.headers) if retryable else None
        message = scrub(f"HTTP {status}: {error_message(exc)}", api_key)
        return ProviderError(
            provider, message, retryable=retryable, retry_after=after, status=status
        )
    if isinstance(exc, anthropic.APIConnectionError | openai.APIConnectionError):
        return ProviderError(provider, f"connection failed ({type(exc).__name__})", retryable=True)
    # An error event inside a stream: the server broke off mid-answer, so try again later.
    return ProviderError(provider, scrub(f"stream error: {exc}", api_key), retryable=True)


def error_message(exc: anthropic.APIStatusError | openai.APIStatusError) -> str:
    """Return the vendor's error message from the body, or the SDK's summary."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
    return exc.message


def scrub(text: str, api_key: str) -> str:
    """Return the text shortened, with every occurrence of the API key masked."""
    if api_key:
        text = text.replace(api_key, "***")
    return text[:_MAX_MESSAGE]


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Return the wait the server asked for: retry-after-ms, or retry-after as seconds or a date."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(float(millis) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - (time.time() if now is None else now), 0.0)
