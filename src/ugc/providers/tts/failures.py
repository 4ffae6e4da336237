"""Turn HTTP failures of cloud voices into ProviderError, with no secret in the message."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ugc.providers.errors import ProviderError
from ugc.providers.retry import parse_retry_after

_DETAIL_CHARS = 200
_RETRYABLE_4XX = frozenset({408, 409, 429})  # timeout, conflict, rate limit: worth a retry


def status_error(
    provider: str, status: int, headers: Mapping[str, str] | None, body: Any, secret: str
) -> ProviderError:
    """Return the error for an HTTP status: 429/5xx retryable (with retry-after), 4xx final."""
    retryable = status >= 500 or status in _RETRYABLE_4XX
    detail = scrub(_message(body), secret)[:_DETAIL_CHARS]
    return ProviderError(
        provider,
        f"HTTP {status}: {detail}",
        retryable=retryable,
        retry_after=retry_after(headers) if retryable else None,
        status=status,
    )


def _message(body: Any) -> str:
    """Return the vendor's message from an error body ({"error"|"detail": {"message"}})."""
    inner = body
    if isinstance(inner, dict):
        inner = inner.get("error", inner.get("detail", inner))
    if isinstance(inner, dict) and isinstance(inner.get("message"), str):
        return str(inner["message"])
    return str(inner)


def transport_error(provider: str, error: Exception, secret: str) -> ProviderError:
    """Return a retryable error for a timeout or a failed connection."""
    kind = "timed out" if "timeout" in type(error).__name__.lower() else "connection failed"
    detail = scrub(str(error), secret)[:_DETAIL_CHARS]
    return ProviderError(provider, f"request {kind}: {detail}", retryable=True)


def malformed(provider: str, what: str) -> ProviderError:
    """Return the error for a reply that could not be decoded; a retry usually gets a clean one."""
    return ProviderError(provider, f"malformed response: {what}", retryable=True)


def retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Return the seconds a retry-after-ms or Retry-After header asks for, if any."""
    lowered = {key.lower(): value for key, value in (headers or {}).items()}
    millis = parse_retry_after(lowered.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000.0
    return parse_retry_after(lowered.get("retry-after"))


def scrub(text: str, secret: str) -> str:
    """Return text with every occurrence of the secret masked."""
    if secret and secret in text:
        text = text.replace(secret, "***")
    return text
