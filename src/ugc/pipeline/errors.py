"""Errors raised inside the pipeline."""

from __future__ import annotations


class StepError(Exception):
    """A pipeline step failed; `retryable` says whether running it again may succeed."""

    def __init__(self, step: str, message: str, *, retryable: bool = False) -> None:
        super().__init__(f"{step}: {message}")
        self.step = step
        self.message = message
        self.retryable = retryable


class ProviderFailure(Exception):
    """Base for errors a provider adapter raises; the pipeline may fall back when it sees one."""

    message: str
