"""The web studio's static files: the app shell for client routes, caching, the unbuilt page."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from ugc.app import create_app
from ugc.runtime import Runtime


def _dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><div id=root></div>")
    (dist / "assets" / "app-1a2b.js").write_text("console.log(1)")
    return dist


def test_client_routes_get_the_shell_and_assets_are_immutable(
    runtime: Runtime, tmp_path: Path
) -> None:
    with TestClient(create_app(runtime, web_dir=_dist(tmp_path))) as c:
        page = c.get("/videos/vid_123")
        asset = c.get("/assets/app-1a2b.js")
        missing_asset = c.get("/assets/gone-9z.js")
    assert page.status_code == 200
    assert "id=root" in page.text
    assert page.headers["cache-control"] == "no-cache"
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert missing_asset.status_code == 404


def test_unknown_api_routes_stay_problem_json(runtime: Runtime, tmp_path: Path) -> None:
    with TestClient(create_app(runtime, web_dir=_dist(tmp_path))) as c:
        r = c.get("/api/v1/no-such-thing")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"


def test_unbuilt_studio_says_how_to_build_it(runtime: Runtime, tmp_path: Path) -> None:
    with TestClient(create_app(runtime, web_dir=tmp_path / "nothing")) as c:
        page = c.get("/")
        api = c.get("/api/v1/no-such-thing")
    assert page.status_code == 503
    assert "make setup" in page.text
    assert api.status_code == 404
    assert api.headers["content-type"] == "application/problem+json"
