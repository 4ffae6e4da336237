"""The asset API: upload, list, read with a signed link, delete; scoped to the organisation."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.asset.media import image_bytes, video_file, wav_bytes
from tests.platform import Member, add_member
from ugc.asset.service import materialize
from ugc.errors import NotFound
from ugc.models import Asset
from ugc.runtime import Runtime

ASSETS = "/api/v1/assets"


def _upload(
    client: TestClient,
    who: Member,
    data: bytes,
    name: str = "photo.png",
    ctype: str = "application/octet-stream",
    kind: str | None = None,
) -> httpx.Response:
    """Upload one file as multipart."""
    form = {"kind": kind} if kind else None
    return client.post(ASSETS, files={"file": (name, data, ctype)}, data=form, headers=who.headers)


def test_upload_sniffs_probes_and_stores(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    data = image_bytes("JPEG", 64, 48)
    r = _upload(client, owner, data, "../../My Photo.png", "video/mp4")
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["id"].startswith("ast_")
    assert (body["kind"], body["content_type"]) == ("image", "image/jpeg")
    assert body["filename"] == "My-Photo.jpg"
    assert (body["width"], body["height"], body["duration_s"]) == (64, 48, None)
    assert (body["size"], body["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
    with runtime.sessions() as s:
        row = s.scalars(select(Asset).where(Asset.id == body["id"])).one()
    assert row.organization_id == owner.org_id
    assert row.blob_key == f"orgs/{owner.org_id}/assets/{row.id}/My-Photo.jpg"
    assert runtime.blobs.get_bytes(row.blob_key) == data


def test_video_and_audio_get_durations(client: TestClient, owner: Member, tmp_path: Path) -> None:
    clip = video_file(tmp_path / "clip.webm", seconds=2, size=(48, 32)).read_bytes()
    r = _upload(client, owner, clip, "clip.bin", kind="video")
    assert r.status_code == 201, r.text
    assert (r.json()["content_type"], r.json()["width"]) == ("video/webm", 48)
    assert abs(r.json()["duration_s"] - 2.0) < 0.1
    r = _upload(client, owner, wav_bytes(1.0), "voice.wav")
    assert r.status_code == 201, r.text
    assert (r.json()["kind"], r.json()["duration_s"]) == ("audio", 1.0)


def test_refusals_are_problem_json(client: TestClient, runtime: Runtime, owner: Member) -> None:
    r = _upload(client, owner, b"%PDF-1.7 a brochure", "brochure.png", "image/png")
    assert (r.status_code, r.json()["code"]) == (415, "unsupported_media")
    assert "PDF document" in r.json()["detail"]
    r = _upload(client, owner, image_bytes("PNG"), kind="video")
    assert (r.status_code, r.json()["errors"][0]["field"]) == (422, "kind")
    r = _upload(client, owner, b"\x00\x00\x00\x18ftypisom" + b"junk" * 50, "x.mp4")
    assert (r.status_code, r.json()["code"]) == (422, "validation_error")
    assert "x.mp4 is not a video file" in r.json()["detail"]
    big = image_bytes("PNG") + b"\x00" * (20 * 1024 * 1024)
    r = _upload(client, owner, big)
    assert (r.status_code, r.json()["code"]) == (413, "payload_too_large")
    with runtime.sessions() as s:
        assert s.scalars(select(Asset)).all() == []
    assert not any(p.is_file() for p in runtime.blobs.root.rglob("*"))


def test_list_filters_and_pages(client: TestClient, owner: Member) -> None:
    ids = [_upload(client, owner, image_bytes("PNG", 8 + i, 8)).json()["id"] for i in range(3)]
    audio = _upload(client, owner, wav_bytes(0.2), "a.wav").json()["id"]
    r = client.get(ASSETS, params={"limit": 2}, headers=owner.headers)
    assert r.status_code == 200
    first = r.json()
    assert [a["id"] for a in first["items"]] == [audio, ids[2]]
    r = client.get(
        ASSETS, params={"limit": 2, "cursor": first["next_cursor"]}, headers=owner.headers
    )
    assert [a["id"] for a in r.json()["items"]] == [ids[1], ids[0]]
    assert r.json()["next_cursor"] is None
    r = client.get(ASSETS, params={"kind": "audio"}, headers=owner.headers)
    assert [a["id"] for a in r.json()["items"]] == [audio]


def test_get_gives_a_working_signed_link(client: TestClient, owner: Member) -> None:
    data = image_bytes("GIF")
    ident = _upload(client, owner, data, "anim.gif").json()["id"]
    r = client.get(f"{ASSETS}/{ident}", headers=owner.headers)
    assert r.status_code == 200
    body = r.json()
    assert body["expires_at"].endswith("Z")
    url = httpx.URL(body["download_url"])
    got = client.get(url.path, params=url.params)  # no credentials: the signature is the key
    assert got.status_code == 200
    assert got.content == data
    assert "anim.gif" in got.headers["content-disposition"]


def test_delete_removes_row_and_blob(client: TestClient, runtime: Runtime, owner: Member) -> None:
    ident = _upload(client, owner, image_bytes("PNG")).json()["id"]
    with runtime.sessions() as s:
        key = s.scalars(select(Asset.blob_key).where(Asset.id == ident)).one()
    editor = add_member(runtime, "editor", owner.org_id)
    assert client.delete(f"{ASSETS}/{ident}", headers=editor.headers).status_code == 204
    assert client.get(f"{ASSETS}/{ident}", headers=owner.headers).status_code == 404
    assert not runtime.blobs.exists(key)


def test_other_organisations_see_nothing(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    ident = _upload(client, owner, image_bytes("PNG")).json()["id"]
    stranger = add_member(runtime, "owner")
    assert client.get(f"{ASSETS}/{ident}", headers=stranger.headers).status_code == 404
    assert client.delete(f"{ASSETS}/{ident}", headers=stranger.headers).status_code == 404
    assert client.get(ASSETS, headers=stranger.headers).json()["items"] == []
    assert client.get(f"{ASSETS}/{ident}", headers=owner.headers).status_code == 200
    with runtime.sessions() as s, pytest.raises(NotFound):
        materialize(s, runtime.blobs, stranger.org_id, ident, runtime.cache_dir / "x")


def test_viewers_read_but_cannot_write(client: TestClient, runtime: Runtime, owner: Member) -> None:
    ident = _upload(client, owner, image_bytes("PNG")).json()["id"]
    viewer = add_member(runtime, "viewer", owner.org_id)
    assert _upload(client, viewer, image_bytes("PNG")).status_code == 403
    assert client.delete(f"{ASSETS}/{ident}", headers=viewer.headers).status_code == 403
    assert client.get(f"{ASSETS}/{ident}", headers=viewer.headers).status_code == 200
    assert client.get(ASSETS, headers={}).status_code == 401


def test_materialize_downloads_once(
    client: TestClient, runtime: Runtime, owner: Member, tmp_path: Path
) -> None:
    data = image_bytes("WEBP")
    ident = _upload(client, owner, data, "w.webp").json()["id"]
    with runtime.sessions() as s:
        path = materialize(s, runtime.blobs, owner.org_id, ident, tmp_path / "job")
        assert path == tmp_path / "job" / f"{ident}.webp"
        assert path.read_bytes() == data
        mtime = path.stat().st_mtime_ns
        assert materialize(s, runtime.blobs, owner.org_id, ident, tmp_path / "job") == path
        assert path.stat().st_mtime_ns == mtime
        assert [p.name for p in (tmp_path / "job").iterdir()] == [path.name]
