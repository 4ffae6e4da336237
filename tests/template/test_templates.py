"""Templates over HTTP on both databases: system and org templates, validation, rendering."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from fastapi.testclient import TestClient

from tests.platform import Member, add_member
from ugc.brief.loader import load_brief
from ugc.pipeline.agents.setting import SETTINGS
from ugc.pipeline.types import SCRIPT_FORMATS
from ugc.runtime import Runtime
from ugc.template.schemas import Format
from ugc.template.system import SYSTEM_TEMPLATES

URL = "/api/v1/templates"
VARS = {
    "product_name": "Glow Serum",
    "description": "A vitamin C serum.",
    "benefits": ["Brighter skin", "No sticky finish", "Lasts two months"],
    "pain_points": ["Dull skin"],
}


def _template(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Spring sale",
        "description": "Unbox the spring bundle",
        "format": "unboxing",
        "structure": {
            "product": {
                "name": "{{product}}",
                "description": "The {{product}} bundle, now {{discount}}% off",
                "benefits": "{{benefits}}",
            },
            "target_seconds": "{{seconds}}",
        },
        "variables": {
            "type": "object",
            "properties": {
                "product": {"type": "string", "minLength": 1, "maxLength": 20},
                "benefits": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "discount": {"type": "integer", "minimum": 5, "maximum": 50, "default": 20},
                "seconds": {"type": "integer", "enum": [15, 30, 60], "default": 15},
            },
            "required": ["product", "benefits"],
        },
        "tags": ["sale", " Sale ", "spring"],
    }
    return body | changes


def _fields(r: Any) -> dict[str, str]:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    return {e["field"]: e["message"] for e in r.json()["errors"]}


def test_system_templates_cover_every_format_and_settings() -> None:
    assert sorted(t["format"] for t in SYSTEM_TEMPLATES) == sorted(SCRIPT_FORMATS)
    assert set(get_args(Format)) == set(SCRIPT_FORMATS)
    setting = SYSTEM_TEMPLATES[0]["variables"]["properties"]["setting"]
    assert tuple(setting["enum"]) == SETTINGS


def test_every_org_sees_the_system_templates(client: TestClient, owner: Member) -> None:
    page = client.get(URL, params={"limit": 100}, headers=owner.headers).json()
    system = [t for t in page["items"] if t["system"]]
    assert sorted(t["format"] for t in system) == sorted(SCRIPT_FORMATS)
    one = client.get(f"{URL}/tpl_sys_review", headers=owner.headers)
    assert one.status_code == 200
    assert one.json()["format"] == "review"


def test_system_templates_are_read_only(client: TestClient, owner: Member) -> None:
    r = client.patch(f"{URL}/tpl_sys_pov", json={"name": "Mine"}, headers=owner.headers)
    assert r.status_code == 403
    assert r.json()["code"] == "forbidden"
    assert client.delete(f"{URL}/tpl_sys_pov", headers=owner.headers).status_code == 403
    assert client.get(f"{URL}/tpl_sys_pov", headers=owner.headers).json()["name"] != "Mine"


@pytest.mark.parametrize("template", SYSTEM_TEMPLATES, ids=lambda t: t["format"])
def test_system_templates_render_to_loadable_briefs(
    template: dict[str, Any], tmp_path: Path, product_png: Path
) -> None:
    from ugc.template.service import render_template

    brief = render_template(template, VARS | {"tone": "playful", "setting": "kitchen"})
    brief["assets"] = {"product_images": [product_png.name]}
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(brief))
    loaded = load_brief(path, lambda lang: lang == "en")
    assert loaded.options.formats == (template["format"],)
    assert loaded.product.benefits == tuple(VARS["benefits"])
    assert loaded.tone == "playful"
    assert loaded.options.setting == "kitchen"


def test_create_get_patch_delete(client: TestClient, owner: Member) -> None:
    r = client.post(URL, json=_template(), headers=owner.headers)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["id"].startswith("tpl_")
    assert made["system"] is False
    assert made["tags"] == ["sale", "spring"]
    path = f"{URL}/{made['id']}"
    assert client.get(path, headers=owner.headers).json() == made
    r = client.patch(path, json={"name": "Summer sale", "format": "review"}, headers=owner.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["name"], r.json()["format"]) == ("Summer sale", "review")
    assert r.json()["structure"] == made["structure"]
    assert client.delete(path, headers=owner.headers).status_code == 204
    assert client.get(path, headers=owner.headers).status_code == 404


def test_invalid_templates_are_explained(client: TestClient, owner: Member) -> None:
    structure = {
        "product": {"name": "{{product}}", "colour": "red"},
        "mood": "x",
        "options": "fast",
        "tone": "{{undeclared}}",
    }
    variables = {
        "type": "object",
        "properties": {"product": {"type": "string", "maxLength": "ten"}},
        "required": ["nope"],
    }
    body = _template(structure=structure, variables=variables)
    fields = _fields(client.post(URL, json=body, headers=owner.headers))
    assert set(fields) == {
        "structure.product.colour",
        "structure.mood",
        "structure.options",
        "structure",
        "variables.properties.product.maxLength",
        "variables.required",
    }
    assert "{{undeclared}}" in fields["structure"]
    bad_format = _fields(client.post(URL, json=_template(format="dance"), headers=owner.headers))
    assert "format" in bad_format
    made = client.post(URL, json=_template(), headers=owner.headers).json()
    r = client.patch(f"{URL}/{made['id']}", json={"variables": None}, headers=owner.headers)
    assert _fields(r) == {"variables": "must not be null"}
    r = client.patch(f"{URL}/{made['id']}", json={"structure": {"x": 1}}, headers=owner.headers)
    assert "structure.x" in _fields(r)


def test_render_fills_and_type_checks(client: TestClient, owner: Member) -> None:
    made = client.post(URL, json=_template(), headers=owner.headers).json()
    path = f"{URL}/{made['id']}/render"
    r = client.post(
        path, json={"variables": {"product": "Glow", "benefits": ["a", "b"]}}, headers=owner.headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["brief"] == {
        "product": {
            "name": "Glow",
            "description": "The Glow bundle, now 20% off",
            "benefits": ["a", "b"],
        },
        "target_seconds": 15,
        "options": {"formats": ["unboxing"]},
    }
    bad = {"product": "x" * 21, "benefits": "a", "discount": 70, "seconds": 45, "extra": 1}
    fields = _fields(client.post(path, json={"variables": bad}, headers=owner.headers))
    assert fields == {
        "variables.product": "must be at most 20 characters",
        "variables.benefits": "must be a list",
        "variables.discount": "must be at most 50",
        "variables.seconds": "must be one of: 15, 30, 60",
        "variables.extra": "is not a variable of this template",
    }
    fields = _fields(client.post(path, json={"variables": {}}, headers=owner.headers))
    assert fields == {"variables.product": "is required", "variables.benefits": "is required"}


def test_other_orgs_templates_are_invisible(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    other = add_member(runtime, "owner")
    theirs = client.post(URL, json=_template(), headers=other.headers).json()["id"]
    path = f"{URL}/{theirs}"
    assert client.get(path, headers=owner.headers).status_code == 404
    assert client.patch(path, json={"name": "x"}, headers=owner.headers).status_code == 404
    assert client.delete(path, headers=owner.headers).status_code == 404
    r = client.post(f"{path}/render", json={"variables": {}}, headers=owner.headers)
    assert r.status_code == 404
    listed = client.get(URL, params={"limit": 100}, headers=owner.headers).json()["items"]
    assert theirs not in {t["id"] for t in listed}


def test_list_paginates_and_filters_by_format(client: TestClient, owner: Member) -> None:
    mine = [
        client.post(URL, json=_template(name=f"T{i}"), headers=owner.headers).json()["id"]
        for i in range(3)
    ]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 4} | ({"cursor": cursor} if cursor else {})
        page = client.get(URL, params=params, headers=owner.headers).json()
        seen += [t["id"] for t in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen[:3] == mine[::-1]  # newest first; system templates are the oldest
    assert len(seen) == len(set(seen)) == 3 + len(SYSTEM_TEMPLATES)
    only = client.get(URL, params={"format": "unboxing"}, headers=owner.headers).json()["items"]
    assert {t["format"] for t in only} == {"unboxing"}
    assert len(only) == 4
    assert client.get(URL, params={"format": "dance"}, headers=owner.headers).status_code == 422


def test_viewers_read_and_render_but_cannot_write(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    viewer = add_member(runtime, "viewer", owner.org_id)
    assert client.post(URL, json=_template(), headers=viewer.headers).status_code == 403
    r = client.post(
        f"{URL}/tpl_sys_listicle/render", json={"variables": VARS}, headers=viewer.headers
    )
    assert r.status_code == 200
    assert r.json()["brief"]["options"]["formats"] == ["listicle"]
