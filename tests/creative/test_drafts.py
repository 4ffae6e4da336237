"""POST /scripts/draft: the drafts a render would write, one variant again, and field errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.briefs import serum
from tests.platform import Member
from ugc.cli.engines import JobLoader
from ugc.pipeline.codec import script_from_json
from ugc.pipeline.job_steps import StepBodies
from ugc.pipeline.store import FileArtifactStore

BRIEF: dict[str, Any] = serum()
URL = "/api/v1/scripts/draft"


def _as_rendered(loader: JobLoader, tmp_path: Path, brief: dict[str, Any], i: int) -> Any:
    """Return what the render pipeline's script step writes for variant i, as the API shows it."""
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(brief))
    parsed, engines = loader(path)
    bodies = StepBodies(parsed, engines, FileArtifactStore(tmp_path / "store"))
    s = script_from_json(bodies.script(i)({}, lambda _f: None).output["script"])
    lines = [{"role": ln.role, "text": ln.text, "shot": ln.shot} for ln in s.lines]
    return {"variant": i, "format": s.format, "hook_id": s.hook_id, "lines": lines}


def test_drafts_are_what_the_render_would_write(
    client: TestClient, owner: Member, loader: JobLoader, tmp_path: Path
) -> None:
    r = client.post(URL, json={"brief": BRIEF}, headers=owner.headers)
    assert r.status_code == 200, r.text
    drafts = r.json()["variants"]
    assert [d["variant"] for d in drafts] == [0, 1, 2]  # three by default
    for i, draft in enumerate(drafts):
        assert draft == _as_rendered(loader, tmp_path, BRIEF, i)
    assert len({d["hook_id"] for d in drafts}) == 3


@pytest.mark.usefixtures("loader")
def test_one_variant_again_and_another_take(client: TestClient, owner: Member) -> None:
    every = client.post(URL, json={"brief": BRIEF, "variants": 2}, headers=owner.headers)
    one = client.post(URL, json={"brief": BRIEF, "variant": 1}, headers=owner.headers)
    assert one.json()["variants"] == every.json()["variants"][1:]
    body = {"brief": BRIEF, "variant": 1, "attempt": 1}
    take = client.post(URL, json=body, headers=owner.headers).json()["variants"]
    assert [d["variant"] for d in take] == [1]
    assert take[0]["lines"] != every.json()["variants"][1]["lines"]
    assert client.post(URL, json=body, headers=owner.headers).json()["variants"] == take


def test_the_brand_kit_applies_as_for_videos(
    client: TestClient, owner: Member, loader: JobLoader, tmp_path: Path
) -> None:
    kit = client.post(
        "/api/v1/brand-kits", json={"name": "Loud", "tone": "energetic"}, headers=owner.headers
    )
    assert kit.status_code == 201, kit.text
    body = {"brief": BRIEF, "variant": 0, "brand_kit_id": kit.json()["id"]}
    r = client.post(URL, json=body, headers=owner.headers)
    assert r.status_code == 200, r.text
    loud = {**BRIEF, "tone": "energetic"}
    assert r.json()["variants"] == [_as_rendered(loader, tmp_path, loud, 0)]
    assert r.json()["variants"] != [_as_rendered(loader, tmp_path, BRIEF, 0)]


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    ("brief", "field"),
    [
        ({"product": {"name": "X", "description": "d"}}, "brief.product.benefits"),
        ({**BRIEF, "tone": "grumpy"}, "brief.tone"),
        ({**BRIEF, "options": {"persona": "nobody"}}, "brief.options.persona"),
        (
            {**BRIEF, "options": {"scripts": [{"variant": 0, "lines": []}]}},
            "brief.options.scripts.0.lines",
        ),
        ({**BRIEF, "brand": {"logo": "asset:ast_0123456789abcdefghjk"}}, "brief"),
    ],
)
def test_a_bad_brief_is_a_422_naming_the_field(
    client: TestClient, owner: Member, brief: dict[str, Any], field: str
) -> None:
    r = client.post(URL, json={"brief": brief}, headers=owner.headers)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"][0]["field"] == field


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    "body", [{"variants": 0}, {"variants": 11}, {"variant": -1}, {"attempt": 1001}]
)
def test_out_of_range_counts_are_refused(
    client: TestClient, owner: Member, body: dict[str, int]
) -> None:
    r = client.post(URL, json={"brief": BRIEF, **body}, headers=owner.headers)
    assert r.status_code == 422
