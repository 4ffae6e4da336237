"""The studio shell: served at /, routes fall back to the app, PWA manifest and icons."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.web.studio import Studio, api_user, check_a11y, shot, sign_in


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
    # Each build stamps its own cache name and shell files into the worker (vite.config.ts).
    assert 'const BUILD = "dev";' not in sw.text
    assert "/assets/index-" in sw.text


def test_signed_out_visitor_lands_on_sign_in(page: Page, studio: Studio) -> None:
    page.goto(f"{studio.url}/videos")
    expect(page).to_have_url(f"{studio.url}/signin?next=%2Fvideos")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_a11y(page)
    shot(page, "signin")


def test_service_worker_controls_the_page_and_never_caches_api(page: Page, studio: Studio) -> None:
    sign_in(page, studio, api_user(studio, "Cached Co"))
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    expect(page.get_by_role("heading", name="Videos", level=1)).to_be_visible()
    assert page.evaluate("navigator.serviceWorker.controller?.scriptURL") == f"{studio.url}/sw.js"
    # Browse a little so the API is called under the worker's eyes.
    page.get_by_role("link", name="Templates").click()
    expect(page.get_by_role("heading", name="Templates", level=1)).to_be_visible()
    page.get_by_role("link", name="Team").click()
    expect(page.get_by_role("heading", name="Team", level=1)).to_be_visible()
    cached: dict[str, list[str]] = page.evaluate(
        """async () => {
            const out = {};
            for (const name of await caches.keys()) {
                out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
            }
            return out;
        }"""
    )
    assert len(cached) == 1, cached
    [(name, urls)] = cached.items()
    assert name.startswith("ugc-shell-")
    assert name != "ugc-shell-dev"
    assert f"{studio.url}/" in urls
    assert any("/assets/index-" in u for u in urls), urls
    assert not [u for u in urls if "/api/" in u]
