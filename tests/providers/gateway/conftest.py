"""Fixtures for the AI gateway tests: a fake clock, a recording sleeper, policies and breakers."""

from __future__ import annotations

import pytest
from tests.providers.gateway.fakes import Clock, Sleeper

from ugc.providers.breaker import Breakers
from ugc.providers.retry import RetryPolicy


@pytest.fixture
def clock() -> Clock:
    """A clock that moves only when told (or when the sleeper sleeps)."""
    return Clock()


@pytest.fixture
def sleeper(clock: Clock) -> Sleeper:
    """Records waits and advances the clock instead of sleeping."""
    return Sleeper(clock)


@pytest.fixture
def policy(sleeper: Sleeper) -> RetryPolicy:
    """Three attempts, 0.5 s base, no jitter (random() is always the midpoint)."""
    return RetryPolicy(
        attempts=3, base=0.5, cap=8.0, jitter=0.25, sleep=sleeper, random=lambda: 0.5
    )


@pytest.fixture
def breakers(clock: Clock) -> Breakers:
    """Breakers that open after 3 failures and half-open 30 s later, on the fake clock."""
    return Breakers(failures=3, reset_after=30.0, clock=clock)
