"""Brand kits over HTTP on both databases: CRUD, validation, defaults, audit and isolation."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.platform import Member, add_member
from ugc.kit.ids import new_id
from ugc.models import Asset, AuditEvent, BrandKit
from ugc.runtime import Runtime

URL = "/api/v1/brand-kits"


def _kit(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Glow main",
        "colors": {"primary": "#E85D75", "secondary": "#fff4f0", "background": "#1A1A1A"},
        "fonts": {"heading": "Noto Sans", "body": "DejaVu Sans"},
        "voice": "piper",
        "tone": "calm",
        "banned_words": ["  cure ", "Cure", "guaranteed", ""],
        "disclosure": {"enabled": True, "text": "#ad"},
    }
    return body | changes


def _asset(runtime: Runtime, member: Member, kind: str = "image") -> str:
    ident = new_id("ast")
    with runtime.sessions() as s:
        s.add(
            Asset(
                id=ident,
                organization_id=member.org_id,
                kind=kind,
                content_type="image/png" if kind == "image" else "video/mp4",
                filename="logo.png",
                size=100,
                sha256="0" * 64,
                blob_key=f"assets/{ident}",
                created_by=member.user_id,
            )
        )
        s.commit()
    return ident


def _fields(r: Any) -> dict[str, str]:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    return {e["field"]: e["message"] for e in r.json()["errors"]}


def test_create_normalises_and_first_kit_is_default(client: TestClient, owner: Member) -> None:
    r = client.post(URL, json=_kit(), headers=owner.headers)
    assert r.status_code == 201, r.text
    kit = r.json()
    assert kit["id"].startswith("brand_")
    assert kit["colors"] == {
        "primary": "#e85d75",
        "secondary": "#fff4f0",
        "accent": None,
        "text": None,
        "background": "#1a1a1a",
    }
    assert kit["banned_words"] == ["cure", "guaranteed"]
    assert kit["disclosure"] == {"enabled": True, "text": "#ad", "position": "top-right"}
    assert kit["is_default"] is True
    second = client.post(URL, json=_kit(name="Other"), headers=owner.headers).json()
    assert second["is_default"] is False
    got = client.get(f"{URL}/{kit['id']}", headers=owner.headers)
    assert got.json() == kit


def test_list_is_cursor_paginated_newest_first(client: TestClient, owner: Member) -> None:
    ids = [
        client.post(URL, json=_kit(name=f"Kit {i}"), headers=owner.headers).json()["id"]
        for i in range(3)
    ]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(URL, params=params, headers=owner.headers).json()
        seen += [k["id"] for k in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(ids)
    assert len(seen) == 3
    assert client.get(URL, params={"cursor": "junk!"}, headers=owner.headers).status_code == 422


def test_invalid_fields_are_named(client: TestClient, owner: Member) -> None:
    bad = _kit(
        colors={"primary": "blue", "text": "#12345"},
        voice="robot",
        tone="angry",
        disclosure={"enabled": True, "text": "x" * 30},
    )
    fields = _fields(client.post(URL, json=bad, headers=owner.headers))
    assert {"colors.primary", "colors.text", "voice", "tone", "disclosure.text"} <= set(fields)
    assert "#1f6feb" in fields["colors.primary"]
    too_many = _kit(banned_words=[f"w{i}" for i in range(201)])
    assert "banned_words" in _fields(client.post(URL, json=too_many, headers=owner.headers))
    missing = _kit(fonts={"heading": "Comic Nowhere Sans"})
    fields = _fields(client.post(URL, json=missing, headers=owner.headers))
    assert "Comic Nowhere Sans" in fields["fonts.heading"]


def test_provider_voices_are_accepted(client: TestClient, owner: Member) -> None:
    for voice in ("elevenlabs:21m00Tcm4TlvDq8ikWAM", "espeak:en-us", "openai-tts:alloy"):
        r = client.post(URL, json=_kit(voice=voice), headers=owner.headers)
        assert r.status_code == 201, r.text
    r = client.post(URL, json=_kit(voice="acme:bob"), headers=owner.headers)
    assert "voice" in _fields(r)


def test_logo_must_be_an_image_of_the_same_org(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    other = add_member(runtime, "owner")
    image, video = _asset(runtime, owner), _asset(runtime, owner, "video")
    foreign = _asset(runtime, other)
    r = client.post(URL, json=_kit(logo_asset_id=image), headers=owner.headers)
    assert r.status_code == 201
    assert r.json()["logo_asset_id"] == image
    for bad, why in ((video, "not an image"), (foreign, "no asset")):
        fields = _fields(client.post(URL, json=_kit(logo_asset_id=bad), headers=owner.headers))
        assert why in fields["logo_asset_id"]


def test_patch_merges_nested_objects_and_clears_nulls(client: TestClient, owner: Member) -> None:
    kit = client.post(URL, json=_kit(), headers=owner.headers).json()
    change = {"colors": {"accent": "#ABCDEF"}, "voice": None, "banned_words": ["Free", "free"]}
    r = client.patch(f"{URL}/{kit['id']}", json=change, headers=owner.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["colors"]["accent"] == "#abcdef"
    assert body["colors"]["primary"] == "#e85d75"
    assert body["voice"] is None
    assert body["tone"] == "calm"
    assert body["banned_words"] == ["Free"]
    assert "name" in _fields(
        client.patch(f"{URL}/{kit['id']}", json={"name": None}, headers=owner.headers)
    )
    r = client.patch(
        f"{URL}/{kit['id']}", json={"fonts": {"body": "Nope Font"}}, headers=owner.headers
    )
    assert "fonts.body" in _fields(r)


def test_set_default_leaves_exactly_one(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    first = client.post(URL, json=_kit(), headers=owner.headers).json()
    second = client.post(URL, json=_kit(name="B"), headers=owner.headers).json()
    r = client.post(f"{URL}/{second['id']}/default", headers=owner.headers)
    assert r.status_code == 200
    assert r.json()["is_default"] is True
    with runtime.sessions() as s:
        rows = s.scalars(select(BrandKit).where(BrandKit.organization_id == owner.org_id))
        assert {k.id: k.is_default for k in rows} == {first["id"]: False, second["id"]: True}


def test_delete_is_audited(client: TestClient, runtime: Runtime, owner: Member) -> None:
    kit = client.post(URL, json=_kit(), headers=owner.headers).json()
    assert client.delete(f"{URL}/{kit['id']}", headers=owner.headers).status_code == 204
    assert client.get(f"{URL}/{kit['id']}", headers=owner.headers).status_code == 404
    with runtime.sessions() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.target == kit["id"])).one()
    assert event.action == "brand_kit.deleted"
    assert event.organization_id == owner.org_id
    assert event.actor == owner.user_id


def test_other_orgs_kits_are_invisible(client: TestClient, runtime: Runtime, owner: Member) -> None:
    other = add_member(runtime, "owner")
    theirs = client.post(URL, json=_kit(), headers=other.headers).json()["id"]
    path = f"{URL}/{theirs}"
    assert client.get(path, headers=owner.headers).status_code == 404
    assert client.patch(path, json={"tone": "calm"}, headers=owner.headers).status_code == 404
    assert client.delete(path, headers=owner.headers).status_code == 404
    assert client.post(f"{path}/default", headers=owner.headers).status_code == 404
    assert client.get(URL, headers=owner.headers).json()["items"] == []
    assert client.get(path, headers=other.headers).status_code == 200


def test_viewers_read_but_cannot_write(client: TestClient, runtime: Runtime, owner: Member) -> None:
    viewer = add_member(runtime, "viewer", owner.org_id)
    kit = client.post(URL, json=_kit(), headers=owner.headers).json()
    assert client.get(f"{URL}/{kit['id']}", headers=viewer.headers).status_code == 200
    r = client.post(URL, json=_kit(), headers=viewer.headers)
    assert r.status_code == 403
    assert r.json()["code"] == "forbidden"
    assert client.delete(f"{URL}/{kit['id']}", headers=viewer.headers).status_code == 403
