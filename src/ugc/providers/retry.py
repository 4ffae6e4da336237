"""Retries with capped exponential backoff and jitter, honouring Retry-After within a bound."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from ugc.providers.breaker import CircuitBreaker
from ugc.providers.errors import NotConfigured, ProviderError

T = TypeVar("T")

_UNHEALTHY_STATUSES = frozenset({401, 403})


class GiveUp(Exception):
    """A provider failed this call for good; `reason` is short and safe to record."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry a ProviderError; sleep and random are injectable."""

    attempts: int = 3
    base: float = 0.5
    cap: float = 8.0
    jitter: float = 0.25
    max_wait: float = 30.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False, compare=False)
    random: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Reject settings that would loop forever or wait negative times."""
        if self.attempts < 1:
            raise ValueError(f"attempts must be >= 1, got {self.attempts}")
        if self.base < 0 or self.cap < self.base:
            raise ValueError(f"need 0 <= base <= cap, got base={self.base} cap={self.cap}")
        if not 0 <= self.jitter < 1:
            raise ValueError(f"jitter must be in [0, 1), got {self.jitter}")
        if self.max_wait < 0:
            raise ValueError(f"max_wait must be >= 0, got {self.max_wait}")

    def backoff(self, retry: int) -> float:
        """Return the wait before retry number `retry` (0-based): base·2^retry ± jitter, ≤ cap."""
        raw = min(self.cap, self.base * 2.0**retry)
        spread = raw * self.jitter * (2.0 * self.random() - 1.0)
        return min(self.cap, max(0.0, raw + spread))

    def wait_after(self, error: ProviderError, retry: int) -> float | str:
        """Return the seconds to wait before retrying, or why this provider should be given up."""
        what = describe(error)
        if not error.retryable:
            return what
        if retry + 1 >= self.attempts:
            return f"{what} (after {self.attempts} attempts)"
        backoff = self.backoff(retry)
        if error.retry_after is None:
            return backoff
        if error.retry_after > self.max_wait:
            return f"{what}; retry-after {error.retry_after:g}s exceeds {self.max_wait:g}s"
        return min(max(error.retry_after, backoff), self.max_wait)


def call_with_retry(fn: Callable[[], T], policy: RetryPolicy, breaker: CircuitBreaker) -> T:
    """Call fn, retrying per the policy while the breaker allows; raise GiveUp when it won't do."""
    last = ""
    for retry in range(policy.attempts):
        if not breaker.allow():
            raise GiveUp(f"circuit open after: {last}" if last else "circuit open")
        try:
            result = fn()
        except NotConfigured as err:
            breaker.release()
            raise GiveUp(err.message) from err
        except ProviderError as err:
            _record(breaker, err)
            last = describe(err)
            decision = policy.wait_after(err, retry)
            if isinstance(decision, str):
                raise GiveUp(decision) from err
            policy.sleep(decision)
            continue
        except BaseException:
            breaker.release()  # a bug or an interrupt says nothing about the provider
            raise
        breaker.record_success()
        return result
    raise AssertionError("unreachable: the last attempt always returns or gives up")


def describe(error: ProviderError) -> str:
    """Return the error's message with its HTTP status, without the provider prefix."""
    if error.status is not None and str(error.status) not in error.message:
        return f"{error.status} {error.message}"
    return error.message


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Return a Retry-After header (seconds or an HTTP date) as seconds from now, or None."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _record(breaker: CircuitBreaker, error: ProviderError) -> None:
    """Count outages, rate limits and auth failures; a request-specific refusal shows health."""
    if error.retryable or error.status in _UNHEALTHY_STATUSES:
        breaker.record_failure()
    else:
        breaker.record_success()
