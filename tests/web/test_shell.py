"""The studio shell: served at /, routes fall back to the app, PWA manifest and icons."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.web.studio import Studio, check_a11y, shot


def test_studio_served_at_root_and_client_routes_fall_back(studio: Studio) -> None:
    root = httpx.get(f"{studio.url}/")
    deep = httpx.get(f"{studio.url}/videos/vid_doesnotexist")
    assert root.status_code == deep.status_code == 200
    assert '<div id="root">' in root.text
    assert deep.text == root.text
    assert root.headers["cache-control"] == "no-cache"
    assert "default-src 'self'" in root.headers["content-security-policy"]


def test_api_paths_never_fall_back_to_the_app(studio: Studio) -> None:
    r = httpx.get(f"{studio.url}/api/v1/nope")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")


def test_manifest_and_icons_make_it_installable(studio: Studio) -> None:
    manifest = httpx.get(f"{studio.url}/manifest.webmanifest").json()
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/"
    sizes = {i["sizes"] for i in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        r = httpx.get(f"{studio.url}{icon['src']}")
        assert r.status_code == 200
        assert r.content[:8] == b"\x89PNG\r\n\x1a\n"
    sw = httpx.get(f"{studio.url}/sw.js")
    assert sw.status_code == 200
    assert "javascript" in sw.headers["content-type"]
    assert 'addEventListener("fetch"' in sw.text
    assert sw.headers["cache-control"] == "no-cache"


def test_signed_out_visitor_lands_on_sign_in(page: Page, studio: Studio) -> None:
    page.goto(f"{studio.url}/videos")
    expect(page).to_have_url(f"{studio.url}/signin?next=%2Fvideos")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_a11y(page)
    shot(page, "signin")
