"""The video list as the studio's library uses it: search, status filter, summary fields."""

from __future__ import annotations

import copy
from typing import Any

from fastapi.testclient import TestClient

from tests.platform import Member, RecordingQueue, add_member
from tests.video.test_render_jobs import BRIEF
from ugc.runtime import Runtime


def _submit(client: TestClient, member: Member, name: str) -> str:
    brief: dict[str, Any] = copy.deepcopy(BRIEF)
    brief["product"]["name"] = name
    r = client.post(
        "/api/v1/videos",
        json={"brief": brief, "aspects": ["9:16"], "variants": 2},
        headers={**member.headers, "idempotency-key": f"lib-{name}"},
    )
    assert r.status_code == 202, r.text
    return str(r.json()["id"])


def test_search_by_product_name_and_status(
    client: TestClient, owner: Member, recorded: RecordingQueue, runtime: Runtime
) -> None:
    assert recorded is not None
    glow = _submit(client, owner, "Glow Serum")
    _submit(client, owner, "Trail Boots")
    pct = _submit(client, owner, "100% Pure_Oil")
    other = add_member(runtime, "owner")
    _submit(client, other, "Glow Rival")

    def ids(**params: str) -> list[str]:
        r = client.get("/api/v1/videos", params=params, headers=owner.headers)
        assert r.status_code == 200, r.text
        return [v["id"] for v in r.json()["items"]]

    assert ids(q="glow") == [glow]  # case-insensitive, and never another organisation's
    assert ids(q="100%") == [pct]  # LIKE wildcards are matched literally
    assert ids(q="_") == [pct]
    assert ids(q="glow", status="queued") == [glow]
    assert ids(q="glow", status="succeeded") == []
    assert len(ids()) == 3


def test_summary_and_detail_carry_what_the_library_shows(
    client: TestClient, owner: Member, recorded: RecordingQueue
) -> None:
    assert recorded is not None
    vid = _submit(client, owner, "Glow Serum")
    item = client.get("/api/v1/videos", headers=owner.headers).json()["items"][0]
    assert item["aspects"] == ["9:16"]
    assert item["variants"] == 2
    assert item["cover"] is None  # no thumbnail before the render ends
    detail = client.get(f"/api/v1/videos/{vid}", headers=owner.headers).json()
    assert detail["brief"]["product"]["name"] == "Glow Serum"
    assert detail["brief"]["options"]["persona"] == "maya"
