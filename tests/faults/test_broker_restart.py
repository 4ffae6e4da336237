"""RabbitMQ restarted while a small batch renders: no job lost, none done twice."""

from __future__ import annotations

import json
import subprocess
import time
from typing import Any

import pytest
from sqlalchemy import select

from tests.e2e.scenario import Receiver
from tests.faults.services import Api, Studio, rabbitmqctl, wait
from tests.platform import add_member
from ugc.models import VideoJob, VideoStep, WebhookDelivery

pytestmark = pytest.mark.slow


def brief(name: str) -> dict[str, Any]:
    """Return a short brief for a product (distinct names give distinct renders)."""
    return {
        "product": {
            "name": name,
            "description": f"{name} keeps your desk tidy and your cables out of sight.",
            "benefits": ["No more tangles", "Sets up in a minute"],
        },
        "target_seconds": 15,
        "options": {"music_mood": "warm", "caption_style": "subtle"},
    }


def rows(api: Api, model: Any) -> list[Any]:
    """Return every row of a table."""
    with api.runtime.sessions() as s:  # type: ignore[attr-defined]
        return list(s.scalars(select(model)))


def test_broker_restart_mid_batch(studio: Studio, api: Api) -> None:
    client: Any = api.client
    owner = add_member(api.runtime, "owner")  # type: ignore[arg-type]
    receiver = Receiver()
    hook = client.post(
        "/api/v1/webhooks/endpoints", json={"url": receiver.url}, headers=owner.headers
    )
    assert hook.status_code == 201, hook.text
    studio.start("scheduler", "scheduler")
    studio.start("worker", "worker")
    ids = []
    for name in ("Cable Box", "Desk Tray", "Cord Clip"):
        r = client.post(
            "/api/v1/videos",
            json={"brief": brief(name), "aspects": ["9:16"]},
            headers=owner.headers,
        )
        assert r.status_code == 202, r.text
        ids.append(r.json()["id"])

    wait(lambda: any(s.status == "succeeded" for s in rows(api, VideoStep)), 300, "work to start")
    rabbitmqctl("stop_app")
    time.sleep(3)
    rabbitmqctl("start_app")
    subprocess.run(["rabbitmqctl", "-q", "await_startup"], check=True, timeout=120)

    def all_done() -> bool:
        return all(j.status in ("succeeded", "failed", "cancelled") for j in rows(api, VideoJob))

    wait(all_done, 900, "the batch to finish after the broker restart", every=1.0)
    jobs = rows(api, VideoJob)
    assert sorted(j.id for j in jobs) == sorted(ids)
    assert {j.status for j in jobs} == {"succeeded"}, [j.error for j in jobs]
    assert all(s.status == "succeeded" for s in rows(api, VideoStep))
    assert max(s.attempts for s in rows(api, VideoStep)) == 1, "a step ran twice"
    wait(lambda: len(receiver.events("video.succeeded")) >= 3, 60, "three webhooks")
    time.sleep(3)  # a duplicate would arrive now
    hooks = receiver.events("video.succeeded")
    assert sorted(json.loads(body)["data"]["id"] for _, body in hooks) == sorted(ids)
    done = [d for d in rows(api, WebhookDelivery) if d.event_type == "video.succeeded"]
    assert len(done) == 3
    receiver.server.shutdown()
