"""LLMScriptWriter end to end over the fake vendor servers."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from tests.providers.llm.fake_servers import API_KEY, FakeAnthropic, FakeOpenAI, Reply, model_script

from ugc.pipeline.types import Brief, Provenance, Script
from ugc.providers.errors import InvalidOutput, ProviderError
from ugc.providers.llm.backends import AnthropicBackend, OpenAIBackend
from ugc.providers.llm.prompts import Prompt, load_prompt
from ugc.providers.llm.writer import HOOK_STYLES, LLMScriptWriter, plan_variant

PRICES = (3.0, 15.0)  # USD per million tokens in / out


def _writer(
    backend: AnthropicBackend | OpenAIBackend,
    provider: str = "anthropic",
    banned: tuple[str, ...] = (),
    prompt: Prompt | None = None,
) -> LLMScriptWriter:
    return LLMScriptWriter(
        backend,
        provider=provider,
        model="model-1",
        prompt=prompt or load_prompt("script"),
        prices=PRICES,
        banned_words=banned,
        timeout=5.0,
    )


@pytest.fixture
def claude(anthropic_server: FakeAnthropic) -> LLMScriptWriter:
    """A writer on the fake Anthropic API."""
    return _writer(AnthropicBackend(API_KEY, base_url=anthropic_server.url))


@pytest.fixture
def gpt(openai_server: FakeOpenAI) -> LLMScriptWriter:
    """A writer on the fake OpenAI API (streaming)."""
    return _writer(OpenAIBackend(API_KEY, base_url=f"{openai_server.url}/v1"), provider="openai")


def _answer(*body: dict[str, Any]) -> str:
    hook = {"role": "hook", "text": "Okay, real talk about Glow Serum."}
    cta = {
        "role": "cta",
        "text": "Shop Glow Serum today!",
        "claims": [{"text": "Shop Glow Serum today", "source_field": "product.cta"}],
    }
    return json.dumps({"lines": [hook, *body, cta]})


def test_anthropic_writer_builds_script_from_the_brief(
    claude: LLMScriptWriter, anthropic_server: FakeAnthropic, brief: Brief
) -> None:
    script = claude.write(brief, 1, seed=5)
    fmt, (hook, _) = plan_variant(brief, 1, 5)
    assert (script.variant, script.format, script.hook_id) == (1, fmt, f"llm.{hook}")
    assert [line.role for line in script.lines] == ["hook", "body", "body", "body", "cta"]
    assert {c.source_field for c in script.claims} >= {"product.benefits[0]", "product.cta"}
    assert script.provenance == Provenance(
        "anthropic", "model-1", "script@v1", units=200.0, cost_usd=(120 * 3 + 80 * 15) / 1e6
    )
    assert claude.reports[1]["removed_claims"] == []
    assert claude.spent.total == 200
    prompt = anthropic_server.requests[-1].user_text
    assert f"Format: {fmt}" in prompt
    assert '- product.benefits[1]: "Fades dark spots in 4 weeks"' in prompt
    assert "about 50 spoken words" in prompt  # 20 s at 2.5 words per second


def test_openai_writer_streams_with_temperature_zero_and_seed(
    gpt: LLMScriptWriter, openai_server: FakeOpenAI, brief: Brief
) -> None:
    openai_server.queue(Reply(model_script(_prompt_for(brief)), usage=(1000, 500)))
    script = gpt.write(brief, 0, seed=9)
    assert script.provenance is not None
    assert script.provenance.units == 1500
    assert script.provenance.cost_usd == pytest.approx((1000 * 3 + 500 * 15) / 1e6)
    body = openai_server.requests[-1].body
    assert (body["temperature"], body["seed"], body["stream"]) == (0, 9, True)
    assert body["model"] == "model-1"


def test_openai_compatible_server_without_usage(openai_server: FakeOpenAI, brief: Brief) -> None:
    openai_server.send_usage = False
    backend = OpenAIBackend("local", base_url=f"{openai_server.url}/v1", provider="ollama")
    writer = _writer(backend, provider="ollama")
    script = writer.write(brief, 0, seed=1)
    assert script.provenance is not None
    assert script.provenance.units > 100  # estimated from the text length
    assert script.provenance.provider == "ollama"


def test_version_names_provider_model_and_prompts(anthropic_server: FakeAnthropic) -> None:
    backend = AnthropicBackend(API_KEY, base_url=anthropic_server.url)
    writer = _writer(backend)
    assert writer.name == "anthropic"
    assert writer.version == "anthropic:model-1:script@v1+script_adjust@v1"
    v2 = _writer(backend, prompt=Prompt("script", 2, load_prompt("script").text))
    assert v2.version == "anthropic:model-1:script@v2+script_adjust@v1"
    banned = _writer(backend, banned=("cure",))
    assert banned.version.startswith(writer.version + ":banned-")
    assert banned.version != _writer(backend, banned=("miracle",)).version


def test_variants_rotate_format_and_hook(brief: Brief) -> None:
    plans = [plan_variant(brief, v, seed=0) for v in range(len(HOOK_STYLES) * 3)]
    assert len(set(plans)) == len(plans)
    assert {fmt for fmt, _ in plans[:3]} == {"review", "testimonial", "pov"}
    assert len({hook for _, hook in plans[:3]}) == 3


def test_malformed_json_is_repaired_once(
    claude: LLMScriptWriter, anthropic_server: FakeAnthropic, brief: Brief
) -> None:
    anthropic_server.queue(Reply('{"lines": [{"role": "hook", "text": "cut off', usage=(100, 10)))
    script = claude.write(brief, 0, seed=0)
    assert len(anthropic_server.requests) == 2
    repair = anthropic_server.requests[1].user_text
    assert "Your previous answer was rejected: answer is not valid JSON" in repair
    assert '"text": "cut off' in repair
    assert script.provenance is not None
    assert script.provenance.units == 110 + 200  # both calls are billed
    assert claude.reports[0]["calls"] == 2


def test_malformed_twice_raises_invalid_output(
    claude: LLMScriptWriter, anthropic_server: FakeAnthropic, brief: Brief
) -> None:
    anthropic_server.queue(Reply("no json here"), Reply('{"lines": "nope"}'))
    with pytest.raises(InvalidOutput, match="after one repair") as info:
        claude.write(brief, 0, seed=0)
    assert not info.value.retryable
    assert len(anthropic_server.requests) == 2
    assert claude.spent.calls == 2


def test_invented_claim_is_removed_and_reported(
    gpt: LLMScriptWriter, openai_server: FakeOpenAI, brief: Brief
) -> None:
    invented = {
        "role": "body",
        "text": "Dermatologists rank it number one.",
        "claims": [{"text": "Dermatologists rank it number one", "source_field": "product.awards"}],
    }
    miscited = {
        "role": "body",
        "text": "It absorbs in seconds.",
        "claims": [{"text": "Absorbs in seconds", "source_field": "product.benefits[0]"}],
    }
    openai_server.queue(Reply(_answer(invented, miscited)))
    script = gpt.write(brief, 2, seed=0)
    assert "Dermatologists" not in script.text
    assert "It absorbs in seconds." in script.text
    assert all(c.source_field != "product.awards" for c in script.claims)
    report = gpt.reports[2]
    assert [c["source_field"] for c in report["removed_claims"]] == [
        "product.awards",
        "product.benefits[0]",
    ]
    assert report["dropped_lines"] == ["Dermatologists rank it number one."]
    assert len(openai_server.requests) == 1  # removal needs no repair


def test_banned_word_is_repaired_then_rejected(
    anthropic_server: FakeAnthropic, brief: Brief
) -> None:
    writer = _writer(AnthropicBackend(API_KEY, base_url=anthropic_server.url), banned=("miracle",))
    bad = _answer({"role": "body", "text": "Honestly a Miracle in a bottle."})
    anthropic_server.queue(Reply(bad), Reply(bad))
    with pytest.raises(InvalidOutput, match="banned word 'miracle'"):
        writer.write(brief, 0, seed=0)
    assert "banned word 'miracle'" in anthropic_server.requests[1].user_text
    anthropic_server.queue(Reply(bad))  # then the default, clean answer
    assert "miracle" not in writer.write(brief, 0, seed=0).text.lower()


def test_provider_errors_pass_through_for_the_router(
    claude: LLMScriptWriter, anthropic_server: FakeAnthropic, brief: Brief
) -> None:
    anthropic_server.queue(Reply(status=500, body={"error": {"message": "overloaded"}}))
    with pytest.raises(ProviderError) as info:
        claude.write(brief, 0, seed=0)
    assert info.value.retryable
    assert not isinstance(info.value, InvalidOutput)


def test_adjust_asks_for_the_delta_and_keeps_identity(
    claude: LLMScriptWriter, anthropic_server: FakeAnthropic, brief: Brief
) -> None:
    script = claude.write(brief, 0, seed=0)
    longer = _answer(
        {"role": "body", "text": "I was so skeptical at first."},
        {
            "role": "body",
            "text": "But it hydrates for 24 hours.",
            "claims": [{"text": "hydrates for 24 hours", "source_field": "product.benefits[0]"}],
        },
    )
    anthropic_server.queue(Reply(longer, usage=(300, 100)))
    adjusted = claude.adjust(script, brief, 6)
    prompt = anthropic_server.requests[-1].user_text
    assert prompt.startswith("Lengthen this")
    assert "by about 6 spoken words" in prompt
    assert json.loads(prompt.split("## The script now")[1].split("## Rules")[0])["lines"]
    assert (adjusted.variant, adjusted.format, adjusted.hook_id) == (
        script.variant,
        script.format,
        script.hook_id,
    )
    assert adjusted.provenance is not None
    assert adjusted.provenance.prompt == "script@v1+script_adjust@v1"
    assert adjusted.provenance.units == 400  # this call only; the router's ledger sums calls
    assert claude.reports[0]["calls"] == 2
    assert claude.adjust(script, brief, 0) is script


def test_adjust_shorten_and_provider_failure(
    claude: LLMScriptWriter, anthropic_server: FakeAnthropic, brief: Brief
) -> None:
    script = Script(0, "review", "hook.x", lines=())
    anthropic_server.queue(Reply(status=429, headers={"retry-after": "3"}, body={}))
    with pytest.raises(ProviderError) as info:
        claude.adjust(script, brief, -4)
    assert info.value.retry_after == 3.0
    assert anthropic_server.requests[-1].user_text.startswith("Shorten this")


def test_key_never_logged(
    claude: LLMScriptWriter,
    anthropic_server: FakeAnthropic,
    brief: Brief,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    anthropic_server.queue(Reply(status=401, body={"error": {"message": f"bad key {API_KEY}"}}))
    with pytest.raises(ProviderError) as info:
        claude.write(brief, 0, seed=0)
    claude.write(brief, 0, seed=0)
    assert API_KEY not in str(info.value)
    assert API_KEY not in caplog.text


def _prompt_for(brief: Brief) -> str:
    return load_prompt("script").render(brief, 0, "review", "hint")
