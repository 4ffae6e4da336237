"""A template-based render with the wizard's own picks keeps its template and takes the picks."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from tests.platform import Member, RecordingQueue
from ugc.models import VideoJob
from ugc.runtime import Runtime

VARIABLES = {
    "product_name": "Glow Serum",
    "description": "A vitamin C serum that brightens dull skin in two weeks.",
    "benefits": ["Brighter skin in 14 days"],
}
SCRIPT = {"variant": 0, "lines": [{"role": "hook", "text": "Wait, you have not tried this?"}]}


def _post(
    client: TestClient, member: Member, options: dict[str, object], key: str
) -> httpx.Response:
    body = {"template_id": "tpl_sys_pov", "variables": VARIABLES, "options": options}
    return client.post(
        "/api/v1/videos", json=body, headers={**member.headers, "idempotency-key": key}
    )


def test_options_merge_over_the_templates_and_the_template_is_kept(
    client: TestClient, owner: Member, recorded: RecordingQueue, runtime: Runtime
) -> None:
    assert recorded is not None
    r = _post(client, owner, {"persona": "maya", "scripts": [SCRIPT]}, "tpl-1")
    assert r.status_code == 202, r.text
    video = client.get(f"/api/v1/videos/{r.json()['id']}", headers=owner.headers).json()
    options = video["brief"]["options"]
    assert options["persona"] == "maya"
    assert options["scripts"][0]["lines"][0]["text"] == SCRIPT["lines"][0]["text"]
    assert options["formats"] == ["pov"]  # the template's own option survives the merge
    with runtime.sessions() as s:
        job = s.get(VideoJob, video["id"])
        assert job is not None
        assert job.template_id == "tpl_sys_pov"


def test_bad_options_name_their_field(
    client: TestClient, owner: Member, recorded: RecordingQueue
) -> None:
    assert recorded is not None
    r = _post(client, owner, {"caption_style": "neon"}, "tpl-2")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"].startswith("brief.options.caption_style")
