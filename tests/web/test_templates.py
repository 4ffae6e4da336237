"""The template gallery: built-in templates, debounced search, "Load more", and starting a video."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Page, expect

from tests.web.studio import ApiUser, Studio, add_role, api_user, check_a11y, shot, sign_in

SYSTEM = [
    "Customer testimonial",
    "Problem and solution",
    "Unboxing first impressions",
    "Honest review",
    "Top reasons to love it",
    "POV: you just found it",
]


def _make_templates(studio: Studio, owner: ApiUser, count: int) -> None:
    """Add organisation templates through the API."""
    with httpx.Client(base_url=studio.api, headers=owner.headers, timeout=30) as c:
        for i in range(count):
            body = {"name": f"Spring drop {i}", "format": "review", "structure": {"tone": "calm"}}
            c.post("/templates", json=body).raise_for_status()


def _titles(page: Page) -> list[str]:
    return page.get_by_role("main").get_by_role("heading", level=2).all_inner_texts()


def test_gallery_lists_system_templates_and_searches(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    sign_in(page, studio, owner)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Templates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Templates")
    expect(page.get_by_role("status").filter(has_text="templates")).to_have_text("6 templates")
    assert sorted(_titles(page)) == sorted(SYSTEM)
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Honest review")
    )
    expect(card.get_by_text("Built-in")).to_be_visible()
    expect(card.get_by_text("Product name")).to_be_visible()  # a variable, in words
    check_a11y(page)
    shot(page, "templates")

    search = page.get_by_label("Search templates")
    search.fill("unboxing")
    expect(page.get_by_role("status").filter(has_text="match")).to_have_text(
        "1 template match “unboxing”"
    )
    assert _titles(page) == ["Unboxing first impressions"]

    search.fill("zzqx nothing like this")
    expect(page.get_by_role("heading", name="No templates match your search")).to_be_visible()
    check_a11y(page)
    page.get_by_role("button", name="Clear search").click()
    expect(search).to_have_value("")
    expect(page.get_by_role("status").filter(has_text="templates")).to_have_text("6 templates")

    page.get_by_role("link", name="Use this template for POV: you just found it").click()
    expect(page).to_have_url(re.compile(r"/create\?template=tpl_sys_pov$"))


def test_load_more_pages_through_org_templates(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    _make_templates(studio, owner, 8)
    sign_in(page, studio, owner)
    page.goto(f"{studio.url}/templates")
    count = page.get_by_role("status").filter(has_text="templates")
    expect(count).to_have_text("Showing the first 12 templates")
    page.get_by_role("button", name="Load more").click()
    expect(count).to_have_text("14 templates")
    expect(page.get_by_role("button", name="Load more")).to_have_count(0)
    titles = _titles(page)
    assert len(titles) == len(set(titles)) == 14
    assert set(SYSTEM) <= set(titles)
    org_card = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Spring drop 3")
    )
    expect(org_card.get_by_text("Your organisation")).to_be_visible()


def test_viewer_browses_without_use_buttons(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    viewer = add_role(studio, owner, "viewer")
    sign_in(page, studio, viewer)
    page.goto(f"{studio.url}/templates")
    expect(page.get_by_role("heading", name="Honest review")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Use this template"))).to_have_count(0)
