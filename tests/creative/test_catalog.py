"""GET /catalog: every choice the wizard and the brand-kit editor offer, for any member."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.platform import Member, add_member
from ugc.brand.schemas import check_voice
from ugc.cli.engines import JobLoader
from ugc.pipeline.agents.captions import STYLES
from ugc.pipeline.agents.persona import PERSONAS
from ugc.pipeline.agents.setting import SETTINGS
from ugc.providers.offline.music import SynthMusic
from ugc.runtime import Runtime


def _ids(items: list[dict[str, object]]) -> list[object]:
    return [i["id"] for i in items]


@pytest.mark.usefixtures("loader")
def test_the_catalog_lists_what_briefs_and_kits_accept(client: TestClient, owner: Member) -> None:
    r = client.get("/api/v1/catalog", headers=owner.headers)
    assert r.status_code == 200, r.text
    c = r.json()
    assert _ids(c["personas"]) == [p.id for p in PERSONAS]
    assert _ids(c["settings"]) == list(SETTINGS)
    assert _ids(c["caption_styles"]) == list(STYLES)
    assert _ids(c["music_moods"]) == list(SynthMusic().moods)
    assert _ids(c["tones"]) == ["friendly", "energetic", "calm", "professional", "playful"]
    assert "problem-solution" in _ids(c["formats"])
    assert _ids(c["aspects"]) == ["9:16", "1:1", "4:5", "16:9"]
    assert {"Noto Sans", "DejaVu Sans"} <= set(_ids(c["fonts"]))
    maya = c["personas"][0]
    assert maya["label"] == "Maya"
    assert maya["description"]
    assert maya["preview_url"] == "/api/v1/catalog/personas/maya/preview"
    assert all(
        i["description"] for kind in ("settings", "caption_styles", "music_moods") for i in c[kind]
    )
    voices = {v["id"]: v for v in c["voices"]}
    assert voices["piper"]["language"] == "en-us"
    assert voices["espeak:en-US"]["label"] == "English (America)"
    assert all(check_voice(v) == v for v in voices)  # a brand kit accepts every listed voice
    assert "espeak:fo" not in voices  # Faroese is declared, but its dictionary is missing


def test_every_listed_espeak_voice_speaks(loader: JobLoader) -> None:
    espeak = next(e for e in loader.base().voices if e.name.startswith("espeak"))
    for ident, _name, language in loader.voice_choices()[1:]:
        track = espeak.synthesize(["ok"], language, ident)
        assert track.duration > 0.05, ident


@pytest.mark.usefixtures("loader")
def test_a_viewer_reads_the_catalog(client: TestClient, runtime: Runtime, owner: Member) -> None:
    viewer = add_member(runtime, "viewer", owner.org_id)
    assert client.get("/api/v1/catalog", headers=viewer.headers).status_code == 200
    assert client.get("/api/v1/catalog").status_code == 401


def test_without_engines_the_catalog_says_so(client: TestClient, owner: Member) -> None:
    r = client.get("/api/v1/catalog", headers=owner.headers)
    assert r.status_code == 503
    assert r.headers["content-type"] == "application/problem+json"
    assert "ugc serve" in r.json()["detail"]
