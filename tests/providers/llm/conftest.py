"""Fixtures: fake vendor servers on 127.0.0.1 and a small brief."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.providers.llm.fake_servers import FakeAnthropic, FakeOpenAI

from ugc.pipeline.types import Brief, FormatOptions, Product

_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture(autouse=True)
def _local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep SDK clients off proxies and vendor environment settings."""
    for name in _PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
    for name in ("ANTHROPIC_BASE_URL", "ANTHROPIC_CUSTOM_HEADERS", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def anthropic_server() -> Iterator[FakeAnthropic]:
    """A fake Anthropic Messages API."""
    server = FakeAnthropic().start()
    yield server
    server.close()


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAI]:
    """A fake OpenAI Chat Completions API (streaming and not)."""
    server = FakeOpenAI().start()
    yield server
    server.close()


@pytest.fixture
def brief() -> Brief:
    """A serum brief with benefits, a pain point, an offer and a CTA."""
    product = Product(
        name="Glow Serum",
        description="A lightweight vitamin C serum for dull skin.",
        benefits=(
            "Hydrates for 24 hours",
            "Fades dark spots in 4 weeks",
            "Absorbs in seconds, no sticky feel",
        ),
        pain_points=("Dull, tired-looking skin",),
        audience="busy people with no time for a ten-step routine",
        offer="20% off your first order",
        cta="Shop Glow Serum today",
        price="$29",
    )
    return Brief(
        product=product,
        target_seconds=20,
        options=FormatOptions(formats=("review", "testimonial", "pov")),
    )
