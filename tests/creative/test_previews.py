"""GET /catalog/{kind}/{id}/preview: PNG stills and WAV samples made by the job's engines."""

from __future__ import annotations

import io
import json
import wave
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from PIL import Image

from tests.platform import Member
from ugc.config import Settings

PNG_SIZE = {"personas": (360, 450), "settings": (360, 640), "caption-styles": (360, 640)}
ITEMS = [
    ("personas", "maya"),
    ("settings", "kitchen"),
    ("caption-styles", "box"),
    ("voices", "espeak:en-US"),
    ("voices", "piper"),
    ("music-moods", "upbeat"),
]


def _url(kind: str, item: str) -> str:
    return f"/api/v1/catalog/{kind}/{item}/preview"


def _check_png(data: bytes, kind: str) -> None:
    img = Image.open(io.BytesIO(data))
    assert img.format == "PNG"
    assert img.size == PNG_SIZE[kind]
    pixels = np.asarray(img.convert("RGB"), dtype=np.float32)
    assert pixels.std() > 10  # a drawing, not a blank frame


def _check_wav(data: bytes, shortest: float, longest: float) -> None:
    with wave.open(io.BytesIO(data)) as w:
        seconds = w.getnframes() / w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    assert shortest <= seconds <= longest
    assert np.sqrt(np.mean((pcm / 32768.0) ** 2)) > 0.01  # audible, not silence


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(("kind", "item"), ITEMS)
def test_a_preview_is_made_then_served_from_the_cache(
    client: TestClient, owner: Member, settings: Settings, kind: str, item: str
) -> None:
    r = client.get(_url(kind, item), headers=owner.headers)
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "private, max-age=86400"
    if kind in PNG_SIZE:
        assert r.headers["content-type"] == "image/png"
        _check_png(r.content, kind)
    else:
        assert r.headers["content-type"] == "audio/wav"
        _check_wav(r.content, *((4.5, 5.5) if kind == "music-moods" else (0.8, 4.0)))
    # Swap the cached bytes: the second answer must come from the cache, not a new render.
    (record,) = (settings.cache_dir / "previews" / "steps").glob("*.json")
    stored = settings.cache_dir / "previews" / "objects"
    (blob,) = (
        p for p in stored.rglob("*") if p.name == json.loads(record.read_text())["output"]["file"]
    )
    Path(blob).write_bytes(b"from the cache")
    again = client.get(_url(kind, item), headers=owner.headers)
    assert again.content == b"from the cache"
    etag = again.headers["etag"]
    assert etag == r.headers["etag"]
    same = client.get(_url(kind, item), headers={**owner.headers, "If-None-Match": etag})
    assert same.status_code == 304


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    ("kind", "item"),
    [
        ("personas", "nobody"),
        ("settings", "moon"),
        ("caption-styles", "comic"),
        ("voices", "espeak:fo"),
        ("voices", "elevenlabs:abc"),
        ("music-moods", "doom"),
    ],
)
def test_an_unknown_item_is_a_404_problem(
    client: TestClient, owner: Member, kind: str, item: str
) -> None:
    r = client.get(_url(kind, item), headers=owner.headers)
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"] == "not_found"
    assert item in r.json()["detail"]


@pytest.mark.usefixtures("loader")
def test_an_unknown_kind_is_refused(client: TestClient, owner: Member) -> None:
    r = client.get(_url("fonts", "Noto Sans"), headers=owner.headers)
    assert r.status_code == 422
