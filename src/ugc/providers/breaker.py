"""Circuit breakers: stop calling a provider that keeps failing, then probe it once in a while."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

CLOSED = "closed"
OPEN = "open"
HALF_OPEN = "half-open"


class CircuitBreaker:
    """Closed → open after N consecutive failures → half-open after reset_after → one trial."""

    def __init__(
        self,
        failures: int = 3,
        reset_after: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Open after `failures` consecutive failures; allow a trial `reset_after` seconds later."""
        if failures < 1:
            raise ValueError(f"failures must be >= 1, got {failures}")
        if reset_after < 0:
            raise ValueError(f"reset_after must be >= 0, got {reset_after}")
        self.failures = failures
        self.reset_after = reset_after
        self._clock = clock
        self._lock = threading.Lock()
        self._count = 0
        self._opened_at: float | None = None
        self._trial = False

    @property
    def state(self) -> str:
        """Return 'closed', 'open' or 'half-open' as of now."""
        with self._lock:
            return self._state()

    def allow(self) -> bool:
        """Return True if a call may go ahead; in half-open, only one trial at a time may."""
        with self._lock:
            state = self._state()
            if state == CLOSED:
                return True
            if state == OPEN or self._trial:
                return False
            self._trial = True
            return True

    def record_success(self) -> None:
        """Close the breaker and forget past failures."""
        with self._lock:
            self._count = 0
            self._opened_at = None
            self._trial = False

    def record_failure(self) -> None:
        """Count a failure; open the breaker at the threshold, or again if the trial failed."""
        with self._lock:
            self._count += 1
            if self._trial or self._count >= self.failures:
                self._opened_at = self._clock()
            self._trial = False

    def release(self) -> None:
        """End a trial that said nothing about health (e.g. the provider was not configured)."""
        with self._lock:
            self._trial = False

    def _state(self) -> str:
        """Return the state; the caller holds the lock."""
        if self._opened_at is None:
            return CLOSED
        if self._clock() - self._opened_at >= self.reset_after:
            return HALF_OPEN
        return OPEN


class Breakers:
    """One breaker per provider key, made on first use with shared settings; thread-safe."""

    def __init__(
        self,
        failures: int = 3,
        reset_after: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Share these settings (and clock) among every breaker made here."""
        CircuitBreaker(failures, reset_after, clock)  # validates the settings up front
        self._settings = (failures, reset_after, clock)
        self._lock = threading.Lock()
        self._breakers: dict[str, CircuitBreaker] = {}

    def get(self, key: str) -> CircuitBreaker:
        """Return the breaker for a provider key such as 'llm:openai', making it if needed."""
        with self._lock:
            breaker = self._breakers.get(key)
            if breaker is None:
                breaker = CircuitBreaker(*self._settings)
                self._breakers[key] = breaker
            return breaker

    def states(self) -> dict[str, str]:
        """Return each known provider key's state, for health checks and logs."""
        with self._lock:
            items = sorted(self._breakers.items())
        return {key: breaker.state for key, breaker in items}
