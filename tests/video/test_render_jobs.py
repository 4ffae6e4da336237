"""Video jobs end to end on real Dramatiq workers: submit, follow, download, re-render, cancel."""

from __future__ import annotations

import io
import time
from typing import Any

import av
import pytest
from fastapi.testclient import TestClient
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy import select

from tests.briefs import serum
from tests.platform import Embedded, Member
from ugc.models import VideoStep
from ugc.ops import tracing

pytestmark = pytest.mark.slow

BRIEF: dict[str, Any] = serum(persona="maya", music_mood="upbeat", caption_style="pop")


def wait_for(
    client: TestClient, member: Member, video_id: str, timeout: float = 400
) -> dict[str, Any]:
    """Poll the video until it ends; return its last state."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        body: dict[str, Any] = client.get(
            f"/api/v1/videos/{video_id}", headers=member.headers
        ).json()
        if body["status"] in ("succeeded", "failed", "cancelled"):
            return body
        time.sleep(0.5)
    raise AssertionError(f"video {video_id} did not finish: {body['status']} {body['progress']}")


def download(client: TestClient, url: str) -> bytes:
    """Fetch a signed URL through the app (local blob store)."""
    path = url.split("://", 1)[1].split("/", 1)[1]
    r = client.get("/" + path)
    assert r.status_code == 200, r.text
    return r.content


@pytest.mark.usefixtures("embedded")
def test_submit_follow_download_rerender(client: TestClient, owner: Member) -> None:
    spans = InMemorySpanExporter()
    tracing.setup(spans)
    r = client.post(
        "/api/v1/videos", json={"brief": BRIEF, "aspects": ["9:16"]}, headers=owner.headers
    )
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] == "queued"
    assert job["quote"]["video_seconds"] == 15
    done = wait_for(client, owner, job["id"])
    assert done["status"] == "succeeded", done["error"]
    assert done["progress"] == 1.0
    assert all(s["status"] == "succeeded" for s in done["steps"])
    out = done["outputs"][0]["outputs"][0]
    assert out["aspect"] == "9:16"
    data = download(client, out["video"]["url"])
    with av.open(io.BytesIO(data)) as box:
        video = box.streams.video[0]
        assert (video.codec_context.width, video.codec_context.height) == (1080, 1920)
        assert len(box.streams.audio) == 1
        assert 12 <= float(box.duration or 0) / 1e6 <= 20
    assert download(client, out["vtt"]["url"]).startswith(b"WEBVTT")
    post = next(s for s in spans.get_finished_spans() if s.name == "POST /api/v1/videos")
    in_worker = [
        s.name
        for s in spans.get_finished_spans()
        if s.context.trace_id == post.context.trace_id and s.name.startswith("task ")
    ]
    assert {"task video.start", "task video.step.cpu", "task video.finish"} <= set(in_worker)

    edited = {**BRIEF, "brand": {"accent": "#FF3366"}}
    r = client.post(
        f"/api/v1/videos/{job['id']}/rerender", json={"brief": edited}, headers=owner.headers
    )
    assert r.status_code == 202, r.text
    again = wait_for(client, owner, job["id"])
    assert again["status"] == "succeeded"
    assert again["revision"] == 2
    cached = {s["name"] for s in again["steps"] if s["cached"]}
    assert {"script/00", "fit/00", "music/00", "mix/00", "motion/00"} <= cached
    assert "render/00/9x16" not in cached


def test_cancel_stops_a_running_job(client: TestClient, owner: Member, embedded: Embedded) -> None:
    r = client.post(
        "/api/v1/videos", json={"brief": BRIEF, "aspects": ["9:16", "1:1"]}, headers=owner.headers
    )
    vid = r.json()["id"]
    end = time.monotonic() + 120
    while client.get(f"/api/v1/videos/{vid}", headers=owner.headers).json()["status"] != "running":
        assert time.monotonic() < end
        time.sleep(0.2)
    r = client.post(f"/api/v1/videos/{vid}/cancel", headers=owner.headers)
    assert r.status_code == 200
    assert r.json()["status"] == "cancelled"
    time.sleep(8)  # a running step notices at its next heartbeat
    with embedded.runtime.sessions() as s:
        steps = list(s.scalars(select(VideoStep).where(VideoStep.job_id == vid)))
    assert not any(x.status in ("running", "dispatched") for x in steps)
    assert (
        client.get(f"/api/v1/videos/{vid}", headers=owner.headers).json()["status"] == "cancelled"
    )
