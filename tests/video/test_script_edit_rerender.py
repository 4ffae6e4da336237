"""A re-render whose brief edits one script line speaks and captions that line."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.briefs import serum
from tests.platform import Member
from tests.video.test_render_jobs import download, wait_for
from ugc.kit.ids import new_id
from ugc.models import VideoJob
from ugc.runtime import Runtime

pytestmark = pytest.mark.slow

BRIEF: dict[str, Any] = serum(persona="maya", music_mood="chill", caption_style="box")
NEW_HOOK = "Wait, you have not tried Glow Serum yet?"


def _failed_job(runtime: Runtime, member: Member) -> str:
    """Store a finished (failed) one-variant job, so a re-render is its first render."""
    with runtime.sessions() as s:
        vid = new_id("vid")
        s.add(
            VideoJob(
                id=vid,
                organization_id=member.org_id,
                created_by=member.user_id,
                status="failed",
                brief=BRIEF,
                aspects=["1:1"],
                variants=1,
                seed=7,
                quote={},
            )
        )
        s.commit()
    return vid


def _cue_text(vtt: str) -> str:
    """Return the captions' words in order, one space apart (word timestamps dropped)."""
    blocks = [b.splitlines() for b in vtt.split("\n\n")[1:]]
    text = " ".join(line for b in blocks for line in b if "-->" not in line and line.strip())
    return re.sub(r"<[0-9:.]+>", "", text)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.usefixtures("embedded")
def test_an_edited_line_is_spoken_and_captioned(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    r = client.post(
        "/api/v1/scripts/draft", json={"brief": BRIEF, "variant": 0}, headers=owner.headers
    )
    assert r.status_code == 200, r.text
    draft = r.json()["variants"][0]
    lines = draft["lines"]
    assert lines[0]["role"] == "hook"
    lines[0]["text"] = NEW_HOOK  # edit one line: the hook, which fitting never rewords
    edited = {**BRIEF, "options": {**BRIEF["options"], "scripts": [{"variant": 0, "lines": lines}]}}
    vid = _failed_job(runtime, owner)
    r = client.post(f"/api/v1/videos/{vid}/rerender", json={"brief": edited}, headers=owner.headers)
    assert r.status_code == 202, r.text
    done = wait_for(client, owner, vid)
    assert done["status"] == "succeeded", done["error"]
    variant = done["outputs"][0]
    script = json.loads(download(client, variant["script"]["url"]))
    assert script["lines"][0]["text"] == NEW_HOOK
    assert (script["format"], script["hook_id"]) == (draft["format"], draft["hook_id"])
    vtt = download(client, variant["outputs"][0]["vtt"]["url"]).decode()
    assert _cue_text(vtt).startswith(NEW_HOOK)
