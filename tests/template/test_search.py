"""Template search on both databases: relevance, prefixes, safety, sync and tenant scope."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.platform import Member, add_member
from ugc.runtime import Runtime
from ugc.template.search import fts5_query, searcher, words

URL = "/api/v1/templates"


def _make(client: TestClient, member: Member, name: str, **changes: Any) -> str:
    body: dict[str, Any] = {
        "name": name,
        "description": changes.pop("description", ""),
        "format": changes.pop("format", "review"),
        "structure": {"tone": "calm"},
        "tags": changes.pop("tags", []),
    }
    r = client.post(URL, json=body, headers=member.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _search(client: TestClient, member: Member, q: str, **params: Any) -> list[str]:
    r = client.get(URL, params={"q": q, **params}, headers=member.headers)
    assert r.status_code == 200, r.text
    return [t["id"] for t in r.json()["items"]]


def test_unbox_finds_the_unboxing_template_first(client: TestClient, owner: Member) -> None:
    _make(client, owner, "Gift guide", description="Mentions unboxing once in passing.")
    found = _search(client, owner, "unbox")
    assert found[0] == "tpl_sys_unboxing"
    assert len(found) == 2
    assert _search(client, owner, "unbo")[0] == "tpl_sys_unboxing"  # prefix on the last word
    assert _search(client, owner, "honest verdict")[0] == "tpl_sys_review"
    assert _search(client, owner, "point of view")[0] == "tpl_sys_pov"


def test_name_outranks_description(client: TestClient, owner: Member) -> None:
    in_name = _make(client, owner, "Skincare routine", description="Morning steps.")
    in_text = _make(client, owner, "Morning steps", description="A skincare routine.")
    assert _search(client, owner, "skincare")[:2] == [in_name, in_text]


def test_search_never_shows_another_orgs_templates(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    other = add_member(runtime, "owner")
    theirs = _make(client, other, "Zebra unboxing", tags=["zebra"])
    mine = _make(client, owner, "Zebra review", tags=["zebra"])
    assert _search(client, owner, "zebra") == [mine]
    assert _search(client, other, "zebra") == [theirs]
    assert theirs not in _search(client, owner, "unboxing")


def test_format_filter_and_pagination(client: TestClient, owner: Member) -> None:
    made = {_make(client, owner, f"Kettle story {i}", format="testimonial") for i in range(3)}
    _make(client, owner, "Kettle review")
    found = _search(client, owner, "kettle", format="testimonial")
    assert set(found) == made
    first = client.get(URL, params={"q": "kettle", "limit": 2}, headers=owner.headers).json()
    assert len(first["items"]) == 2
    assert first["next_cursor"]
    params = {"q": "kettle", "limit": 2, "cursor": first["next_cursor"]}
    rest = client.get(URL, params=params, headers=owner.headers).json()
    assert rest["next_cursor"] is None
    ids = [t["id"] for t in first["items"] + rest["items"]]
    assert len(set(ids)) == 4
    bad = client.get(URL, params={"q": "kettle", "cursor": "%%%"}, headers=owner.headers)
    assert bad.status_code == 422


def test_query_syntax_cannot_break_search(client: TestClient, owner: Member) -> None:
    for q in ['"', "name:unboxing", "unbox OR", "NEAR(a b)", "*", "-unboxing", "a & b | !c", "'"]:
        r = client.get(URL, params={"q": q}, headers=owner.headers)
        assert r.status_code == 200, (q, r.text)
    assert _search(client, owner, "!!! ???") == []
    assert _search(client, owner, "nothing-matches-this-xyzzy") == []


def test_changes_and_deletes_are_reindexed(client: TestClient, owner: Member) -> None:
    ident = _make(client, owner, "Walrus kit")
    assert _search(client, owner, "walrus") == [ident]
    patch = {"name": "Narwhal kit", "tags": ["arctic"]}
    assert client.patch(f"{URL}/{ident}", json=patch, headers=owner.headers).status_code == 200
    assert _search(client, owner, "walrus") == []
    assert _search(client, owner, "narwhal") == [ident]
    assert _search(client, owner, "arctic") == [ident]
    client.delete(f"{URL}/{ident}", headers=owner.headers)
    assert _search(client, owner, "narwhal") == []


def test_search_picks_the_backend(runtime: Runtime) -> None:
    with runtime.sessions() as s:
        name = type(searcher(s)).__name__
        expected = {"sqlite": "Fts5Search", "postgresql": "PostgresSearch"}
        assert name == expected[s.get_bind().dialect.name]


def test_fts5_queries_are_quoted_words() -> None:
    assert words("Hello, wörld! NEAR(x)") == ["hello", "wörld", "near", "x"]
    assert fts5_query('name:"unbox') == '"name" "unbox"*'
    assert fts5_query("  ") == ""
