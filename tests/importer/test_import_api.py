"""POST /api/v1/briefs/import: a brief and image assets from a product page, SSRF-guarded."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.importer.site import Site, graph_page, og_page
from tests.platform import Member, add_member
from ugc.brief.schema import BriefIn
from ugc.models import Asset
from ugc.runtime import Runtime

IMPORT = "/api/v1/briefs/import"


def _open(runtime: Runtime, **extra: object) -> None:
    """Let the importer reach the local shop (as UGC_IMPORTER__ALLOW_HOSTS does in tests)."""
    runtime.extras["importer"] = {"allow_hosts": ["127.0.0.1"], "timeout_s": 5} | extra


def test_import_og_page_stores_images_as_assets(
    client: TestClient, runtime: Runtime, owner: Member, site: Site
) -> None:
    _open(runtime)
    url = site.add("/p/serum", og_page())
    r = client.post(IMPORT, json={"url": url}, headers=owner.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    BriefIn.model_validate(body["brief"])
    assert body["brief"]["product"]["name"] == "Glow Serum"
    assert body["brief"]["product"]["price"] == "$29"
    assert len(body["images"]) == 1
    assert body["brief"]["assets"]["product_images"] == [f"asset:{body['images'][0]}"]
    assert body["source"]["found"] == ["opengraph"]
    with runtime.sessions() as s:
        row = s.scalars(select(Asset).where(Asset.id == body["images"][0])).one()
        assert (row.organization_id, row.kind, row.content_type) == (
            owner.org_id,
            "image",
            "image/png",
        )
        assert runtime.blobs.exists(row.blob_key)


def test_import_json_ld_graph_page_with_max_images(
    client: TestClient, runtime: Runtime, owner: Member, site: Site
) -> None:
    _open(runtime, max_images=2)
    url = site.add("/p/buds", graph_page())
    r = client.post(IMPORT, json={"url": url}, headers=owner.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["brief"]["product"]["name"] == "Lumen Buds Pro"
    assert body["source"]["brand"] == "Lumen"
    assert body["source"]["rating"] == 4.6
    assert len(body["images"]) == 2  # three on the page, two allowed
    fetched = [path for path, _ in site.hits if path.startswith("/img/")]
    assert fetched == ["/img/buds.jpg", "/img/case.webp"]


def test_images_that_are_not_images_are_skipped(
    client: TestClient, runtime: Runtime, owner: Member, site: Site
) -> None:
    _open(runtime)
    site.add("/img/fake.png", b"%PDF-1.4 not a picture", "image/png")
    site.redirect("/img/evil.png", "http://169.254.169.254/latest/meta-data/")
    page = og_page("/img/fake.png").replace(
        "</head>", '<meta property="og:image" content="/img/evil.png"></head>'
    )
    r = client.post(IMPORT, json={"url": site.add("/p", page)}, headers=owner.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["images"] == []
    reasons = {s["url"].rsplit("/", 1)[-1]: s["reason"] for s in body["source"]["skipped_images"]}
    assert "PDF" in reasons["fake.png"]
    assert "cloud metadata" in reasons["evil.png"]


def test_refused_urls_are_validation_errors(
    client: TestClient, runtime: Runtime, owner: Member, site: Site
) -> None:
    runtime.extras["importer"] = {}  # no allow-list: loopback is refused like any private address
    url = site.add("/p", og_page())
    r = client.post(IMPORT, json={"url": url}, headers=owner.headers)
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "validation_error"
    assert body["errors"][0]["field"] == "url"
    assert f"port {site.port} is not allowed" in body["detail"]
    r = client.post(IMPORT, json={"url": "http://169.254.169.254/"}, headers=owner.headers)
    assert r.status_code == 422
    assert "cloud metadata" in r.json()["detail"]
    assert site.hits == []


def test_redirect_to_a_private_address_is_refused(
    client: TestClient, runtime: Runtime, owner: Member, site: Site
) -> None:
    _open(runtime)
    url = site.redirect("/p", "http://10.0.0.5/admin")
    r = client.post(IMPORT, json={"url": url}, headers=owner.headers)
    assert r.status_code == 422
    assert "redirects to http://10.0.0.5/admin, and 10.0.0.5 is a private" in r.json()["detail"]


def test_non_html_and_pages_without_products_are_refused(
    client: TestClient, runtime: Runtime, owner: Member, site: Site
) -> None:
    _open(runtime)
    r = client.post(
        IMPORT, json={"url": site.add("/j", "{}", "application/json")}, headers=owner.headers
    )
    assert r.status_code == 422
    assert "not an HTML page" in r.json()["detail"]
    r = client.post(IMPORT, json={"url": site.add("/e", "<p>hi</p>")}, headers=owner.headers)
    assert r.status_code == 422
    assert "names no product" in r.json()["detail"]


def test_import_needs_videos_write(
    client: TestClient, runtime: Runtime, owner: Member, site: Site
) -> None:
    _open(runtime)
    viewer = add_member(runtime, "viewer", owner.org_id)
    r = client.post(IMPORT, json={"url": site.add("/p", og_page())}, headers=viewer.headers)
    assert r.status_code == 403
    assert site.hits == []
