"""Prices per provider and model, and a thread-safe ledger of what each call cost."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ugc.pipeline.types import Provenance

_PRICE_FIELDS = ("usd_per_1m_in", "usd_per_1m_out", "usd_per_1k_chars")


@dataclass(frozen=True)
class Price:
    """USD per million tokens in and out (LLMs), or per thousand characters (speech)."""

    usd_per_1m_in: float = 0.0
    usd_per_1m_out: float = 0.0
    usd_per_1k_chars: float = 0.0

    def __post_init__(self) -> None:
        """Reject negative prices."""
        for name in _PRICE_FIELDS:
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")

    def cost(self, units: float, units_out: float = 0.0) -> float:
        """Return the USD cost of `units` (characters, or tokens in) plus `units_out` tokens."""
        if self.usd_per_1k_chars:
            return units / 1_000 * self.usd_per_1k_chars
        return units / 1e6 * self.usd_per_1m_in + units_out / 1e6 * self.usd_per_1m_out


class PriceTable:
    """Prices keyed 'provider:model', with 'provider' alone as the fallback for any model."""

    def __init__(self, prices: Mapping[str, Price] | None = None) -> None:
        """Keep a copy of the prices."""
        self._prices = dict(prices or {})

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Mapping[str, float]]) -> PriceTable:
        """Build a table from settings JSON: {"openai:gpt-4o-mini": {"usd_per_1m_in": 0.15}}."""
        prices: dict[str, Price] = {}
        for key, fields in raw.items():
            unknown = sorted(set(fields) - set(_PRICE_FIELDS))
            if unknown:
                choices = ", ".join(_PRICE_FIELDS)
                raise ValueError(f"price '{key}': unknown field(s) {unknown}; use {choices}")
            prices[key] = Price(**{name: float(value) for name, value in fields.items()})
        return cls(prices)

    def lookup(self, provider: str, model: str = "") -> Price | None:
        """Return the price for this provider and model, or for the provider, or None."""
        if model and f"{provider}:{model}" in self._prices:
            return self._prices[f"{provider}:{model}"]
        return self._prices.get(provider)

    def cost(self, provider: str, model: str, units: float) -> float | None:
        """Return the USD cost of `units`, or None if nothing prices this provider."""
        # Provenance carries one unit count, so token prices bill it at the input rate.
        price = self.lookup(provider, model)
        return None if price is None else price.cost(units)


@dataclass
class _Tally:
    """Calls, units and USD accumulated under one key."""

    calls: int = 0
    units: float = 0.0
    cost_usd: float = 0.0

    def add(self, provenance: Provenance) -> None:
        """Add one call's units and cost."""
        self.calls += 1
        self.units += provenance.units
        self.cost_usd += provenance.cost_usd

    def as_dict(self) -> dict[str, Any]:
        """Return the tally as JSON-ready values."""
        return {"calls": self.calls, "units": self.units, "cost_usd": round(self.cost_usd, 6)}


class CostLedger:
    """Record each successful provider call's units and cost, per provider and per task."""

    def __init__(self, prices: PriceTable | None = None) -> None:
        """Price calls whose adapter left cost_usd at 0 from this table."""
        self._prices = prices or PriceTable()
        self._lock = threading.Lock()
        self._by_provider: dict[str, _Tally] = {}
        self._by_task: dict[str, _Tally] = {}
        self._unpriced: set[str] = set()

    def record(self, task: str, provenance: Provenance) -> Provenance:
        """Record one call and return its provenance with cost_usd filled in where known."""
        priced = self._priced(provenance)
        with self._lock:
            self._by_provider.setdefault(priced.provider, _Tally()).add(priced)
            self._by_task.setdefault(task, _Tally()).add(priced)
            if priced.units and not priced.cost_usd:
                self._unpriced.add(_label(priced))
        return priced

    @property
    def total_usd(self) -> float:
        """Return the cost of every recorded call."""
        with self._lock:
            return sum(t.cost_usd for t in self._by_provider.values())

    def summary(self) -> dict[str, Any]:
        """Return totals by provider and task, plus which billed calls had no price, for a job."""
        with self._lock:
            providers = {k: t.as_dict() for k, t in sorted(self._by_provider.items())}
            tasks = {k: t.as_dict() for k, t in sorted(self._by_task.items())}
            unpriced = sorted(self._unpriced)
            total = sum(t.cost_usd for t in self._by_provider.values())
        calls = sum(int(t["calls"]) for t in providers.values())
        return {
            "total_usd": round(total, 6),
            "calls": calls,
            "by_provider": providers,
            "by_task": tasks,
            "unpriced": unpriced,
        }

    def _priced(self, provenance: Provenance) -> Provenance:
        """Return the provenance with a cost from the table if the adapter left it at 0."""
        if provenance.cost_usd or not provenance.units:
            return provenance
        cost = self._prices.cost(provenance.provider, provenance.model, provenance.units)
        return provenance if cost is None else replace(provenance, cost_usd=cost)


def _label(provenance: Provenance) -> str:
    """Return 'provider:model', or the provider alone when the model is unknown."""
    if provenance.model:
        return f"{provenance.provider}:{provenance.model}"
    return provenance.provider
