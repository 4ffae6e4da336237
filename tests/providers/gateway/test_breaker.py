"""Circuit breakers: closed → open → half-open → one trial, on an injected clock."""

from __future__ import annotations

import threading

import pytest
from tests.providers.gateway.fakes import Clock, Sleeper

from ugc.providers.breaker import Breakers, CircuitBreaker
from ugc.providers.errors import InvalidOutput, NotConfigured, ProviderError
from ugc.providers.retry import GiveUp, RetryPolicy, call_with_retry


def fail(breaker: CircuitBreaker, times: int) -> None:
    """Record `times` failures."""
    for _ in range(times):
        breaker.record_failure()


def test_opens_after_consecutive_failures_only(clock: Clock) -> None:
    breaker = CircuitBreaker(failures=3, reset_after=30.0, clock=clock)
    fail(breaker, 2)
    breaker.record_success()  # the streak is broken
    fail(breaker, 2)
    assert breaker.state == "closed"
    assert breaker.allow()
    breaker.record_failure()
    assert breaker.state == "open"
    assert not breaker.allow()


def test_half_opens_after_reset_and_lets_one_trial_through(clock: Clock) -> None:
    breaker = CircuitBreaker(failures=1, reset_after=30.0, clock=clock)
    fail(breaker, 1)
    clock.advance(29.9)
    assert breaker.state == "open"
    clock.advance(0.1)
    assert breaker.state == "half-open"
    assert breaker.allow()
    assert not breaker.allow()  # a second caller waits for the trial
    breaker.record_success()
    assert breaker.state == "closed"
    assert breaker.allow()


def test_failed_trial_reopens_with_a_fresh_timer(clock: Clock) -> None:
    breaker = CircuitBreaker(failures=3, reset_after=30.0, clock=clock)
    fail(breaker, 3)
    clock.advance(45.0)
    assert breaker.allow()
    breaker.record_failure()  # a single failed trial is enough
    assert breaker.state == "open"
    clock.advance(29.0)
    assert breaker.state == "open"
    clock.advance(1.0)
    assert breaker.state == "half-open"


def test_released_trial_lets_the_next_caller_try(clock: Clock) -> None:
    breaker = CircuitBreaker(failures=1, reset_after=1.0, clock=clock)
    fail(breaker, 1)
    clock.advance(1.0)
    assert breaker.allow()
    breaker.release()
    assert breaker.state == "half-open"
    assert breaker.allow()


def test_only_one_of_many_threads_gets_the_trial(clock: Clock) -> None:
    breaker = CircuitBreaker(failures=1, reset_after=1.0, clock=clock)
    fail(breaker, 1)
    clock.advance(1.0)
    allowed: list[bool] = []
    barrier = threading.Barrier(16)

    def ask() -> None:
        barrier.wait()
        allowed.append(breaker.allow())

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 1


def test_breakers_share_settings_and_report_states(clock: Clock) -> None:
    breakers = Breakers(failures=1, reset_after=5.0, clock=clock)
    assert breakers.get("llm:openai") is breakers.get("llm:openai")
    breakers.get("llm:openai").record_failure()
    breakers.get("voice:elevenlabs")
    assert breakers.states() == {"llm:openai": "open", "voice:elevenlabs": "closed"}
    clock.advance(5.0)
    assert breakers.states()["llm:openai"] == "half-open"


@pytest.mark.parametrize(
    ("failures", "reset_after"), [(0, 1.0), (3, -1.0)], ids=["no-failures", "negative-reset"]
)
def test_rejects_nonsense_settings(failures: int, reset_after: float) -> None:
    with pytest.raises(ValueError, match="must be"):
        Breakers(failures=failures, reset_after=reset_after)


@pytest.mark.parametrize(
    ("error", "state"),
    [
        (ProviderError("x", "unauthorized", retryable=False, status=401), "open"),
        (ProviderError("x", "gateway timeout", retryable=True, status=504), "open"),
        (InvalidOutput("x", "not JSON"), "closed"),
        (ProviderError("x", "too long", retryable=False, status=400), "closed"),
        (NotConfigured("x"), "closed"),
    ],
    ids=["auth", "outage", "invalid-output", "bad-request", "not-configured"],
)
def test_only_health_failures_trip_the_breaker(
    clock: Clock, sleeper: Sleeper, error: ProviderError, state: str
) -> None:
    breaker = CircuitBreaker(failures=1, reset_after=30.0, clock=clock)
    policy = RetryPolicy(attempts=1, sleep=sleeper)

    def call() -> str:
        raise error

    with pytest.raises(GiveUp):
        call_with_retry(call, policy, breaker)
    assert breaker.state == state


def test_a_crashing_trial_does_not_wedge_the_breaker(clock: Clock, sleeper: Sleeper) -> None:
    breaker = CircuitBreaker(failures=1, reset_after=1.0, clock=clock)
    fail(breaker, 1)
    clock.advance(1.0)

    def buggy() -> str:
        raise RuntimeError("adapter bug")

    with pytest.raises(RuntimeError, match="adapter bug"):
        call_with_retry(buggy, RetryPolicy(sleep=sleeper), breaker)
    assert breaker.allow()  # the next caller gets the trial
