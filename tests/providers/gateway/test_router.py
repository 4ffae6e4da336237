"""The model router: retries, backoff, Retry-After, breakers, fallbacks, versions, costs, order."""

from __future__ import annotations

import os
import socket
import threading
from typing import Any

import pytest
from tests.providers.gateway.fakes import (
    BRIEF,
    Clock,
    FakeVoice,
    FakeWriter,
    Sleeper,
    bad_request,
    rate_limited,
    server_error,
)

from ugc.pipeline.ports import ScriptWriter, VoiceEngine
from ugc.pipeline.types import Provenance
from ugc.providers.breaker import Breakers
from ugc.providers.costs import CostLedger, Price, PriceTable
from ugc.providers.errors import NotConfigured, ProviderError
from ugc.providers.retry import RetryPolicy, parse_retry_after
from ugc.providers.router import RoutedScriptWriter, RoutedVoice, order_for, voice_for


def offline() -> FakeWriter:
    """Return a stand-in offline writer (the real one is used in the no-network test)."""
    return FakeWriter("rule-copywriter", "1", units=0.0)


def test_first_provider_success_carries_its_provenance(
    policy: RetryPolicy, breakers: Breakers
) -> None:
    openai = FakeWriter("openai", units=1200, cost=0.002)
    router = RoutedScriptWriter([openai], offline(), policy, breakers)
    script = router.write(BRIEF, 0, 7)
    assert script.provenance == Provenance("openai", "m", "script@v1", 1200, 0.002, ())
    assert openai.calls == ["write"]


def test_retryable_errors_back_off_exponentially(
    policy: RetryPolicy, breakers: Breakers, sleeper: Sleeper
) -> None:
    openai = FakeWriter("openai", errors=[server_error(), rate_limited()])
    script = RoutedScriptWriter([openai], offline(), policy, breakers).write(BRIEF, 0, 1)
    assert openai.calls == ["write"] * 3
    assert sleeper.waits == [0.5, 1.0]
    assert script.provenance is not None
    assert script.provenance.provider == "openai"
    assert script.provenance.fallbacks == ()


@pytest.mark.parametrize("draw", [0.0, 0.2, 0.7, 0.999999])
def test_jitter_stays_within_bounds(draw: float) -> None:
    policy = RetryPolicy(base=0.5, cap=8.0, jitter=0.25, random=lambda: draw)
    for retry, nominal in enumerate([0.5, 1.0, 2.0, 4.0, 8.0, 8.0]):
        wait = policy.backoff(retry)
        assert nominal * 0.75 <= wait <= nominal * 1.25
        assert wait <= 8.0


def test_retry_after_is_honoured_when_longer_than_backoff(
    policy: RetryPolicy, breakers: Breakers, sleeper: Sleeper
) -> None:
    openai = FakeWriter("openai", errors=[rate_limited(5.0), rate_limited(0.1)])
    RoutedScriptWriter([openai], offline(), policy, breakers).write(BRIEF, 0, 1)
    assert sleeper.waits == [5.0, 1.0]  # max(retry_after, backoff) each time


def test_retry_after_beyond_max_wait_gives_up_and_falls_back(
    sleeper: Sleeper, breakers: Breakers
) -> None:
    policy = RetryPolicy(max_wait=30.0, sleep=sleeper, random=lambda: 0.5)
    openai = FakeWriter("openai", errors=[rate_limited(120.0)])
    anthropic = FakeWriter("anthropic")
    router = RoutedScriptWriter([openai, anthropic], offline(), policy, breakers)
    script = router.write(BRIEF, 0, 1)
    assert openai.calls == ["write"]
    assert sleeper.waits == []
    assert script.provenance is not None
    assert script.provenance.provider == "anthropic"
    (reason,) = script.provenance.fallbacks
    assert reason.startswith("openai: 429 rate limited")
    assert "retry-after 120s exceeds 30s" in reason


def test_non_retryable_error_falls_back_at_once(
    policy: RetryPolicy, breakers: Breakers, sleeper: Sleeper
) -> None:
    openai = FakeWriter("openai", errors=[bad_request()])
    script = RoutedScriptWriter([openai], offline(), policy, breakers).write(BRIEF, 0, 1)
    assert openai.calls == ["write"]
    assert sleeper.waits == []
    assert script.provenance is not None
    assert script.provenance.fallbacks == ("openai: 400 prompt too long",)


def test_chain_falls_down_to_offline_and_records_every_fallback(
    policy: RetryPolicy, breakers: Breakers
) -> None:
    openai = FakeWriter("openai", forever=server_error())
    anthropic = FakeWriter("anthropic", forever=NotConfigured("anthropic"))
    script = RoutedScriptWriter([openai, anthropic], offline(), policy, breakers).write(BRIEF, 0, 1)
    assert script.provenance == Provenance(
        "rule-copywriter",
        "",
        "",
        fallbacks=(
            "openai: 503 service unavailable (after 3 attempts)",
            "anthropic: not configured",
        ),
    )
    assert script.text.startswith("Glow Serum by rule-copywriter")


def test_breaker_opens_skips_then_half_opens_for_one_trial(
    policy: RetryPolicy, breakers: Breakers, clock: Clock
) -> None:
    openai = FakeWriter("openai", errors=[server_error()] * 3)
    router = RoutedScriptWriter([openai], offline(), policy, breakers)
    router.write(BRIEF, 0, 1)  # three failed attempts open the breaker
    assert breakers.states() == {"llm:openai": "open"}
    skipped = router.write(BRIEF, 1, 1)
    assert len(openai.calls) == 3  # not called while open
    assert skipped.provenance is not None
    assert skipped.provenance.fallbacks == ("openai: circuit open",)
    clock.advance(30.0)
    assert breakers.states() == {"llm:openai": "half-open"}
    healed = router.write(BRIEF, 2, 1)
    assert len(openai.calls) == 4
    assert healed.provenance is not None
    assert healed.provenance.provider == "openai"
    assert breakers.states() == {"llm:openai": "closed"}


def test_failed_trial_reopens_the_breaker(
    policy: RetryPolicy, breakers: Breakers, clock: Clock
) -> None:
    openai = FakeWriter("openai", forever=server_error())
    router = RoutedScriptWriter([openai], offline(), policy, breakers)
    router.write(BRIEF, 0, 1)
    clock.advance(31.0)
    script = router.write(BRIEF, 1, 1)
    assert len(openai.calls) == 4  # exactly one trial, no retries past the reopened breaker
    assert script.provenance is not None
    assert script.provenance.fallbacks == ("openai: circuit open after: 503 service unavailable",)
    assert breakers.states() == {"llm:openai": "open"}


def test_not_configured_never_trips_the_breaker(policy: RetryPolicy, breakers: Breakers) -> None:
    anthropic = FakeWriter("anthropic", forever=NotConfigured("anthropic"))
    router = RoutedScriptWriter([anthropic], offline(), policy, breakers)
    for variant in range(5):
        router.write(BRIEF, variant, 1)
    assert len(anthropic.calls) == 5
    assert breakers.states() == {"llm:anthropic": "closed"}


def test_version_is_stable_and_names_the_chain(policy: RetryPolicy, breakers: Breakers) -> None:
    openai = FakeWriter("openai", "gpt-4o-mini:script@v1", forever=server_error())
    router = RoutedScriptWriter([openai], offline(), policy, breakers)
    before = router.version
    router.write(BRIEF, 0, 1)
    assert router.version == before == "router[openai:gpt-4o-mini:script@v1>rule-copywriter:1]"
    writer: ScriptWriter = router  # honours the port
    assert writer.name == "router"


def test_adjust_asks_the_scripts_own_writer_first(policy: RetryPolicy, breakers: Breakers) -> None:
    openai, anthropic = FakeWriter("openai"), FakeWriter("anthropic")
    router = RoutedScriptWriter([openai, anthropic], offline(), policy, breakers)
    written = RoutedScriptWriter([anthropic], offline(), policy, breakers).write(BRIEF, 0, 1)
    adjusted = router.adjust(written, BRIEF, 5)
    assert openai.calls == []
    assert anthropic.calls == ["write", "adjust"]
    assert anthropic.adjusted[0].provenance is None  # the writer never sees the old bill
    assert adjusted.provenance == Provenance("anthropic")
    assert adjusted.text.endswith("anthropic adjusted 5")


def test_adjust_of_an_offline_script_stays_offline(policy: RetryPolicy, breakers: Breakers) -> None:
    openai = FakeWriter("openai", errors=[server_error()] * 3)
    fallback = offline()
    router = RoutedScriptWriter([openai], fallback, policy, breakers)
    written = router.write(BRIEF, 0, 1)
    adjusted = router.adjust(written, BRIEF, -3)
    assert openai.calls == ["write"] * 3
    assert fallback.calls == ["write", "adjust"]
    assert adjusted.provenance is not None
    assert adjusted.provenance.provider == "rule-copywriter"
    assert adjusted.provenance.fallbacks == written.provenance.fallbacks  # type: ignore[union-attr]


def test_fallback_reasons_never_carry_keys(policy: RetryPolicy, breakers: Breakers) -> None:
    leaky = ProviderError(
        "openai", "bad key sk-proj-abcdefghijklmnopqrstuvwx", retryable=False, status=401
    )
    router = RoutedScriptWriter([FakeWriter("openai", errors=[leaky])], offline(), policy, breakers)
    provenance = router.write(BRIEF, 0, 1).provenance
    assert provenance is not None
    assert provenance.fallbacks == ("openai: 401 bad key ***",)


def test_ledger_sums_costs_and_prices_what_adapters_left_at_zero(
    policy: RetryPolicy, breakers: Breakers
) -> None:
    prices = PriceTable.from_mapping(
        {"anthropic:m": {"usd_per_1m_in": 3.0}, "voicey": {"usd_per_1k_chars": 0.3}}
    )
    ledger = CostLedger(prices)
    openai = FakeWriter("openai", units=1000, cost=0.01)
    anthropic = FakeWriter("anthropic", units=2_000_000)
    RoutedScriptWriter([openai], offline(), policy, breakers, ledger=ledger).write(BRIEF, 0, 1)
    routed = RoutedScriptWriter([anthropic], offline(), policy, breakers, ledger=ledger)
    script = routed.write(BRIEF, 1, 1)
    assert script.provenance is not None
    assert script.provenance.cost_usd == pytest.approx(6.0)
    voice = RoutedVoice(
        [FakeVoice("voicey")], FakeVoice("espeak-ng"), policy, breakers, ledger=ledger
    )
    track = voice.synthesize(["x" * 500], "en", None)
    assert track.provenance is not None
    assert track.provenance.cost_usd == pytest.approx(0.15)
    summary = ledger.summary()
    assert summary["total_usd"] == pytest.approx(6.16)
    assert summary["calls"] == 3
    assert summary["by_task"]["script"] == {"calls": 2, "units": 2_001_000, "cost_usd": 6.01}
    assert summary["by_provider"]["voicey"]["cost_usd"] == pytest.approx(0.15)
    assert summary["unpriced"] == []


def test_ledger_is_thread_safe_and_lists_unpriced_models() -> None:
    ledger = CostLedger(PriceTable({"a": Price(usd_per_1m_in=1.0)}))

    def work() -> None:
        for _ in range(500):
            ledger.record("script", Provenance("a", "x", units=1000))
            ledger.record("voice", Provenance("b", "y", units=10))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    summary: dict[str, Any] = ledger.summary()
    assert summary["calls"] == 8000
    assert summary["total_usd"] == pytest.approx(4.0)
    assert summary["unpriced"] == ["b:y"]


def test_price_table_rejects_unknown_fields() -> None:
    with pytest.raises(ValueError, match="usd_per_1m_in, usd_per_1m_out, usd_per_1k_chars"):
        PriceTable.from_mapping({"openai": {"per_token": 1.0}})


def test_brand_override_wins_and_unknown_names_are_refused() -> None:
    settings = ["openai", "anthropic"]
    assert order_for("script", settings, None) == ["openai", "anthropic"]
    assert order_for("script", settings, []) == ["openai", "anthropic"]
    assert order_for("script", settings, [" Anthropic ", "anthropic"]) == ["anthropic"]
    assert order_for("script", settings, ["offline", "openai"]) == []
    assert order_for("voice", ["elevenlabs"], None) == ["elevenlabs"]
    with pytest.raises(ValueError, match="unknown script provider 'gemini'; choose from"):
        order_for("script", settings, ["gemini"])
    with pytest.raises(ValueError, match="anthropic, openai, openai-compatible, offline"):
        order_for("script", ["gemini"], None)
    with pytest.raises(ValueError, match="unknown task 'music'"):
        order_for("music", settings, None)
    assert order_for("script", ["mine"], None, choices=["mine"]) == ["mine"]


def test_voice_skips_engines_without_the_language(policy: RetryPolicy, breakers: Breakers) -> None:
    eleven = FakeVoice("elevenlabs", ["en"])
    openai = FakeVoice("openai-tts", ["en", "th"], errors=[server_error()] * 3)
    router = RoutedVoice([eleven, openai], FakeVoice("espeak-ng", ["en", "th"]), policy, breakers)
    engine: VoiceEngine = router
    assert engine.supports("th")
    assert not engine.supports("xx")
    track = router.synthesize(["hello"], "th", None)
    assert track.engine == "espeak-ng"
    assert track.provenance is not None
    assert track.provenance.provider == "espeak-ng"
    assert track.provenance.fallbacks == (
        "elevenlabs: language 'th' unsupported",
        "openai-tts: 503 service unavailable (after 3 attempts)",
    )
    assert router.version == "router[elevenlabs:v1>openai-tts:v1>espeak-ng:v1]"


def test_voice_routes_prefixed_voices_to_their_engine(
    policy: RetryPolicy, breakers: Breakers
) -> None:
    eleven = FakeVoice("elevenlabs", errors=[bad_request()])
    espeak = FakeVoice("espeak-ng")
    RoutedVoice([eleven], espeak, policy, breakers).synthesize(["hi"], "en", "espeak:en-us+f3")
    assert eleven.voices == [None]
    assert espeak.voices == ["espeak:en-us+f3"]
    assert voice_for("elevenlabs", "elevenlabs:Rachel") == "elevenlabs:Rachel"
    assert voice_for("elevenlabs", "plain") == "plain"


def test_voice_with_no_engine_for_the_language(policy: RetryPolicy, breakers: Breakers) -> None:
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        RoutedVoice([], FakeVoice("espeak-ng"), policy, breakers).synthesize(["a"], "xx", None)
    cloud = FakeVoice("elevenlabs", ["xx"], forever=bad_request())
    router = RoutedVoice([cloud], FakeVoice("espeak-ng"), policy, breakers)
    with pytest.raises(ProviderError, match="no engine could speak 'xx'"):
        router.synthesize(["a"], "xx", None)


def test_parse_retry_after_reads_seconds_and_dates() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_offline_default_needs_no_key_and_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    from ugc.providers.offline.copywriter import RuleBasedCopywriter
    from ugc.providers.offline.espeak_voice import EspeakEngine

    for name in [n for n in os.environ if n.startswith("UGC_")]:
        monkeypatch.delenv(name)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network use in the offline path")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    ledger = CostLedger()
    writer = RoutedScriptWriter([], RuleBasedCopywriter(), ledger=ledger)
    voice = RoutedVoice([], EspeakEngine(), ledger=ledger)
    script = writer.write(BRIEF, 0, 3)
    track = voice.synthesize([line.text for line in script.lines], script.language, None)
    assert script.provenance == Provenance("rule-copywriter")
    assert track.provenance == Provenance("espeak-ng")
    assert track.duration > 1.0
    assert ledger.summary()["total_usd"] == 0.0
