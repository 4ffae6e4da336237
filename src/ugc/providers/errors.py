"""Errors every cloud adapter raises, so the router can retry, trip breakers and fall back."""

from __future__ import annotations

from ugc.pipeline.errors import ProviderFailure


class ProviderError(ProviderFailure):
    """A provider call failed; retryable errors (429, 5xx, timeouts) may succeed later."""

    def __init__(
        self,
        provider: str,
        message: str,
        *,
        retryable: bool,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(f"{provider}: {message}")
        self.provider = provider
        self.message = message
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status


class InvalidOutput(ProviderError):
    """The provider answered, but its output did not match the schema even after a repair."""

    def __init__(self, provider: str, message: str) -> None:
        super().__init__(provider, message, retryable=False)


class NotConfigured(ProviderError):
    """The provider has no key or endpoint configured."""

    def __init__(self, provider: str, message: str = "not configured") -> None:
        super().__init__(provider, message, retryable=False)
