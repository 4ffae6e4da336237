"""kill -9 of a worker mid-render: the job still succeeds, with the same outputs."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.faults.services import UGC, Api, Studio, wait
from tests.platform import add_member
from ugc.models import VideoStep

pytestmark = pytest.mark.slow

BRIEF: dict[str, Any] = {
    "product": {
        "name": "Calm Tea",
        "description": "A caffeine-free evening tea blend that helps you wind down.",
        "benefits": ["No caffeine", "Sleep-friendly herbs"],
    },
    "target_seconds": 15,
    "options": {"persona": "leo", "music_mood": "chill", "caption_style": "box"},
}


def render_step(api: Api, vid: str) -> VideoStep | None:
    """Return the job's render step row."""
    with api.runtime.sessions() as s:  # type: ignore[attr-defined]
        q = select(VideoStep).where(VideoStep.job_id == vid, VideoStep.kind == "render")
        return s.scalars(q).first()


def test_kill9_mid_render_still_succeeds_with_same_bytes(
    studio: Studio, api: Api, tmp_path: Path
) -> None:
    owner = add_member(api.runtime, "owner")  # type: ignore[arg-type]
    client: Any = api.client
    studio.start("scheduler", "scheduler")
    studio.start("w1", "worker")
    r = client.post(
        "/api/v1/videos", json={"brief": BRIEF, "aspects": ["9:16"]}, headers=owner.headers
    )
    assert r.status_code == 202, r.text
    vid = r.json()["id"]

    def rendering() -> bool:
        step = render_step(api, vid)
        return step is not None and step.status == "running" and step.progress >= 0.2

    wait(rendering, 300, "the render to be a fifth done")
    studio.kill9("w1")
    studio.start("w2", "worker")

    def finished() -> bool:
        status = client.get(f"/api/v1/videos/{vid}", headers=owner.headers).json()["status"]
        return bool(status in ("succeeded", "failed", "cancelled"))

    wait(finished, 400, "the job to finish after the crash")
    body = client.get(f"/api/v1/videos/{vid}", headers=owner.headers).json()
    assert body["status"] == "succeeded", body["error"]
    step = render_step(api, vid)
    assert step is not None
    assert step.attempts >= 2
    url = body["outputs"][0]["outputs"][0]["video"]["url"]
    got = client.get("/" + url.split("://", 1)[1].split("/", 1)[1]).content

    brief = tmp_path / "brief.json"
    brief.write_text(json.dumps(BRIEF))
    env = {**studio.env, "UGC_CACHE_DIR": str(tmp_path / "ref-cache")}
    done = subprocess.run(
        [UGC, "create", str(brief), "--out", str(tmp_path / "ref"), "--aspects", "9:16"],
        env=env,
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert done.returncode in (0, 3), done.stderr.decode()[-2000:]  # 3: QA flagged something
    want = (tmp_path / "ref" / "variant-00" / "9x16.mp4").read_bytes()
    assert hashlib.sha256(got).hexdigest() == hashlib.sha256(want).hexdigest()
