"""The chat backends against local servers speaking the Anthropic and OpenAI wire formats."""

from __future__ import annotations

import logging
import socket
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from tests.providers.llm.fake_servers import API_KEY, FakeAnthropic, FakeOpenAI, Reply

from ugc.providers.errors import NotConfigured, ProviderError
from ugc.providers.llm.backends import (
    AnthropicBackend,
    ChatBackend,
    ChatResult,
    OpenAIBackend,
    estimate_tokens,
    retry_after,
)


def _anthropic(server: FakeAnthropic) -> AnthropicBackend:
    return AnthropicBackend(API_KEY, base_url=server.url)


def _openai(server: FakeOpenAI, **kwargs: object) -> OpenAIBackend:
    return OpenAIBackend(API_KEY, base_url=f"{server.url}/v1", **kwargs)  # type: ignore[arg-type]


def _ask(backend: ChatBackend, timeout: float = 5.0) -> ChatResult:
    return backend.complete(
        "be brief", "hello", model="m-1", temperature=0.0, seed=7, timeout=timeout
    )


def test_anthropic_happy_path_sends_messages_request(anthropic_server: FakeAnthropic) -> None:
    anthropic_server.queue(Reply('{"lines": []}', usage=(321, 54)))
    result = _anthropic(anthropic_server).complete(
        "be brief", "hello", model="claude-x", temperature=0.0, seed=7, timeout=5.0
    )
    assert (result.text, result.input_tokens, result.output_tokens) == ('{"lines": []}', 321, 54)
    req = anthropic_server.requests[-1]
    assert req.path == "/v1/messages"
    assert req.headers["authorization"] == f"Bearer {API_KEY}"
    assert req.headers["anthropic-version"]
    assert req.headers["x-stainless-retry-count"] == "0"
    assert req.body["model"] == "claude-x"
    assert req.body["system"] == "be brief"
    assert req.body["messages"] == [{"role": "user", "content": "hello"}]
    assert req.body["max_tokens"] > 0
    # The 2026-10-21 Messages API rejects sampling parameters, so none are sent.
    assert "temperature" not in req.body


def test_openai_streams_and_sends_sampling_params(openai_server: FakeOpenAI) -> None:
    text = '{"lines": [{"role": "hook", "text": "a long enough answer to need many chunks"}]}'
    openai_server.queue(Reply(text, usage=(400, 90)))
    result = _openai(openai_server).complete(
        "be brief", "hello", model="gpt-x", temperature=0.0, seed=7, timeout=5.0
    )
    assert (result.text, result.input_tokens, result.output_tokens) == (text, 400, 90)
    req = openai_server.requests[-1]
    assert req.path == "/v1/chat/completions"
    assert req.headers["authorization"] == f"Bearer {API_KEY}"
    assert req.body["model"] == "gpt-x"
    assert req.body["temperature"] == 0
    assert req.body["seed"] == 7
    assert req.body["stream"] is True
    assert req.body["stream_options"] == {"include_usage": True}
    assert req.body["response_format"] == {"type": "json_object"}
    assert req.body["messages"][0] == {"role": "system", "content": "be brief"}


def test_openai_compatible_server_without_usage_estimates_tokens(openai_server: FakeOpenAI) -> None:
    openai_server.send_usage = False
    openai_server.queue(Reply('{"lines": ["x" ]}'))
    backend = _openai(openai_server, provider="openai-compatible", sampling=False)
    result = _ask(backend)
    assert result == ChatResult('{"lines": ["x" ]}', estimate_tokens("be briefhello"), 5)
    assert backend.provider == "openai-compatible"
    body = openai_server.requests[-1].body
    assert "temperature" not in body
    assert "seed" not in body


@pytest.mark.parametrize("kind", ["anthropic", "openai"])
def test_429_is_retryable_with_retry_after(kind: str, request: pytest.FixtureRequest) -> None:
    backend, server = _pick(kind, request)
    error = {"type": "error", "error": {"type": "rate_limit_error", "message": "slow down"}}
    server.queue(Reply(status=429, headers={"retry-after": "7"}, body=error))
    with pytest.raises(ProviderError) as info:
        _ask(backend)
    assert info.value.retryable
    assert info.value.status == 429
    assert info.value.retry_after == 7.0
    assert "slow down" in str(info.value)


def test_retry_after_as_http_date(openai_server: FakeOpenAI) -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    headers = {"retry-after": format_datetime(when, usegmt=True)}
    openai_server.queue(Reply(status=429, headers=headers, body={"error": {"message": "wait"}}))
    with pytest.raises(ProviderError) as info:
        _ask(_openai(openai_server))
    assert info.value.retry_after is not None
    assert 25.0 <= info.value.retry_after <= 31.0


def test_retry_after_parsing() -> None:
    assert retry_after({"retry-after": "2.5"}) == 2.5
    assert retry_after({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5
    assert retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, now=1445412470.0) == 10.0
    assert retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0  # in the past
    assert retry_after({"retry-after": "soon"}) is None
    assert retry_after({}) is None


@pytest.mark.parametrize("kind", ["anthropic", "openai"])
@pytest.mark.parametrize(("status", "retryable"), [(500, True), (529, True), (400, False)])
def test_status_errors_map_to_provider_error(
    kind: str,
    status: int,
    retryable: bool,
    request: pytest.FixtureRequest,
) -> None:
    backend, server = _pick(kind, request)
    server.queue(Reply(status=status, body={"error": {"message": "boom"}}))
    with pytest.raises(ProviderError) as info:
        _ask(backend)
    assert (info.value.status, info.value.retryable) == (status, retryable)
    assert info.value.provider == kind
    assert info.value.retry_after is None


@pytest.mark.parametrize("kind", ["anthropic", "openai"])
def test_timeout_is_retryable(kind: str, request: pytest.FixtureRequest) -> None:
    backend, server = _pick(kind, request)
    server.queue(Reply("{}", delay=1.0))
    with pytest.raises(ProviderError) as info:
        _ask(backend, timeout=0.3)
    assert info.value.retryable
    assert "timed out" in str(info.value)


def test_stream_that_stalls_midway_times_out(openai_server: FakeOpenAI) -> None:
    openai_server.queue(Reply('{"lines": []}', stall=1.0))
    with pytest.raises(ProviderError) as info:
        _ask(_openai(openai_server), timeout=0.3)
    assert info.value.retryable


@pytest.mark.parametrize("kind", ["anthropic", "openai"])
def test_connection_refused_is_retryable(kind: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    backend: ChatBackend = (
        AnthropicBackend(API_KEY, base_url=url)
        if kind == "anthropic"
        else OpenAIBackend(API_KEY, base_url=f"{url}/v1")
    )
    with pytest.raises(ProviderError) as info:
        _ask(backend)
    assert info.value.retryable
    assert info.value.status is None


@pytest.mark.parametrize("kind", ["anthropic", "openai"])
def test_api_key_never_in_errors_or_logs(
    kind: str,
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    backend, server = _pick(kind, request)
    echo = {"error": {"message": f"Incorrect API key provided: {API_KEY}"}}
    server.queue(
        Reply(status=401, body=echo),
        Reply(status=429, headers={"retry-after": "1"}, body=echo),
        Reply(status=503, body=f"upstream said {API_KEY}"),
        Reply('{"ok": true}'),
    )
    messages: list[str] = []
    for _ in range(3):
        with pytest.raises(ProviderError) as info:
            _ask(backend)
        messages += [str(info.value), repr(info.value), info.value.message]
        assert info.value.__cause__ is None
        assert info.value.__suppress_context__
    _ask(backend)
    assert any("***" in m for m in messages)
    assert all(API_KEY not in m for m in messages)
    assert caplog.records  # the SDKs did log at DEBUG
    assert API_KEY not in caplog.text


def _pick(
    kind: str, request: pytest.FixtureRequest
) -> tuple[ChatBackend, FakeAnthropic | FakeOpenAI]:
    server = request.getfixturevalue(f"{kind}_server")
    backend = _anthropic(server) if kind == "anthropic" else _openai(server)
    return backend, server


def test_missing_key_is_not_configured(openai_server: FakeOpenAI) -> None:
    with pytest.raises(NotConfigured):
        AnthropicBackend("")
    with pytest.raises(NotConfigured):
        OpenAIBackend("")
    local = OpenAIBackend("", base_url=f"{openai_server.url}/v1", provider="openai-compatible")
    assert _ask(local).text
