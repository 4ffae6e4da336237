"""Rate limits (memory and Redis), CORS allow-list, metrics, structured logs and traces."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid

import pytest
import redis
from fastapi.testclient import TestClient
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from redis import asyncio as aioredis

from tests.platform import Member
from ugc.app import create_app
from ugc.http.ratelimit import MemoryCounter, RedisCounter, Verdict, check
from ugc.ops import logs, tracing
from ugc.runtime import Runtime


def limited_client(runtime: Runtime, per_caller: int, per_ip: int = 1000) -> TestClient:
    """Return a client of an app with tight limits."""
    runtime.limits |= {"rate_per_minute": per_caller, "ip_rate_per_minute": per_ip}
    runtime.extras["rate_counter"] = MemoryCounter()
    return TestClient(create_app(runtime))


def test_caller_limit_gives_429_with_headers(runtime: Runtime, owner: Member) -> None:
    client = limited_client(runtime, per_caller=3)
    seen = [client.get("/api/v1/videos", headers=owner.headers) for _ in range(4)]
    assert [r.status_code for r in seen] == [200, 200, 200, 429]
    assert [r.headers["ratelimit-remaining"] for r in seen[:3]] == ["2", "1", "0"]
    last = seen[-1]
    assert last.headers["ratelimit-limit"] == "3"
    assert 1 <= int(last.headers["retry-after"]) <= 61
    assert last.json()["code"] == "rate_limited"


def test_ip_limit_covers_anonymous_calls(runtime: Runtime) -> None:
    client = limited_client(runtime, per_caller=100, per_ip=2)
    codes = [
        client.post("/api/v1/auth/login", json={"email": "a@b.co", "password": "x"}).status_code
        for _ in range(3)
    ]
    assert codes[-1] == 429
    assert client.get("/healthz").status_code == 200  # probes are not limited


def test_redis_counter_shares_the_window() -> None:
    try:
        client = redis.Redis(socket_timeout=2)
        client.ping()
    except redis.RedisError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    key = f"test:{uuid.uuid4().hex}"

    async def three() -> list[Verdict]:
        a, b = RedisCounter(aioredis.Redis()), RedisCounter(aioredis.Redis())
        return [await check(a, key, 2), await check(b, key, 2), await check(a, key, 2)]

    first, second, third = asyncio.run(three())
    assert first.allowed
    assert second.allowed  # a second API process sees the same count
    assert not third.allowed
    assert third.remaining == 0


def test_cors_allows_only_listed_origins(runtime: Runtime) -> None:
    client = TestClient(create_app(runtime, ["https://studio.example.com"]))
    pre = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization",
    }
    ok = client.options("/api/v1/videos", headers={"Origin": "https://studio.example.com", **pre})
    assert ok.headers["access-control-allow-origin"] == "https://studio.example.com"
    bad = client.options("/api/v1/videos", headers={"Origin": "https://evil.example", **pre})
    assert "access-control-allow-origin" not in bad.headers


def test_metrics_expose_latency_and_queue_depth(client: TestClient, owner: Member) -> None:
    client.get("/api/v1/videos", headers=owner.headers)
    text = client.get("/metrics").text
    assert (
        'ugc_http_request_seconds_count{method="GET",route="/api/v1/videos",status="200"}' in text
    )
    assert "ugc_queue_depth" in text
    assert "ugc_step_seconds" in text
    assert "ugc_jobs_total" in text


def test_logs_are_json_with_request_id(
    client: TestClient, capfd: pytest.CaptureFixture[str]
) -> None:
    logs.configure("INFO", json_logs=True)
    try:
        r = client.get("/api/v1/no-such-route", headers={"Request-Id": "req-test-123"})
    finally:
        logging.getLogger().handlers.clear()
    assert r.headers["request-id"] == "req-test-123"
    lines = [json.loads(x) for x in capfd.readouterr().err.splitlines() if x.startswith("{")]
    line = next(x for x in lines if x["event"] == "request")
    assert line["request_id"] == "req-test-123"
    assert line["status"] == 404
    assert line["path"] == "/api/v1/no-such-route"
    assert line["level"] == "info"


def test_logs_mask_credentials(capfd: pytest.CaptureFixture[str]) -> None:
    logs.configure("INFO", json_logs=True)
    try:
        logging.getLogger("ugc.test").warning(
            "got ugc_abcd1234_" + "s" * 40 + " and whsec_" + "k" * 32
        )
    finally:
        logging.getLogger().handlers.clear()
    err = capfd.readouterr().err
    assert "ugc_abcd1234_sss" not in err
    assert "whsec_kkk" not in err


def test_request_span_continues_an_incoming_trace(client: TestClient, owner: Member) -> None:
    exporter = InMemorySpanExporter()
    tracing.setup(exporter)
    parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    client.get("/api/v1/videos", headers={**owner.headers, "traceparent": parent})
    spans = [s for s in exporter.get_finished_spans() if s.name == "GET /api/v1/videos"]
    assert spans
    assert format(spans[-1].context.trace_id, "032x") == "0af7651916cd43dd8448eb211c80319c"
