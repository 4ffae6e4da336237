"""The same story on production services: PostgreSQL, Redis, RabbitMQ workers and Azurite blobs."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.scenario import Receiver, receiver, run_scenario  # noqa: F401
from tests.faults.services import Studio, start_api, studio  # noqa: F401

pytestmark = pytest.mark.slow


def redis_up() -> bool:
    """Return True if Redis answers on 127.0.0.1:6379."""
    import redis

    try:
        return bool(redis.Redis(socket_timeout=2).ping())
    except redis.RedisError:
        return False


def test_whole_story_on_production_services(
    studio: Studio,  # noqa: F811
    azurite: str,
    receiver: Receiver,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not redis_up():
        pytest.skip("needs Redis on 127.0.0.1:6379 (scripts/services.sh starts it)")
    studio.env |= {
        "UGC_REDIS_URL": "redis://127.0.0.1:6379/0",
        "UGC_BLOB__BACKEND": "azure",
        "UGC_BLOB__AZURE_CONNECTION_STRING": azurite,
        "UGC_BLOB__AZURE_CONTAINER": studio.env["UGC_DATABASE_URL"]
        .rsplit("/", 1)[1]
        .replace("_", "-"),
    }
    api, stop = start_api(studio, monkeypatch)
    studio.start("scheduler", "scheduler")
    studio.start("worker", "worker")
    try:
        body = run_scenario(api.client, studio.logs / "data" / "mail", receiver, fetch_sas)
    finally:
        stop()
    url = body["outputs"][0]["outputs"][0]["video"]["url"]
    assert url.startswith("http://127.0.0.1:")
    assert "devstoreaccount1" in url
    assert "sig=" in url


def fetch_sas(url: str) -> bytes:
    """Download a SAS URL straight from Azurite, as a browser would."""
    r = httpx.get(url, timeout=60)
    assert r.status_code == 200, r.text[:300]
    return r.content
