"""Import a product page as a brief: scrape it safely, store its images as assets, draft the brief.

The brief's `assets.product_images` name the stored images as `asset:<asset id>` strings, the
same reference the video service resolves (it downloads each with `asset.service.materialize`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ugc.asset.service import create_asset
from ugc.errors import InvalidRequest, PayloadTooLarge, UnsupportedMedia
from ugc.importer.draft import draft_brief
from ugc.importer.fetch import FetchPolicy, Resolver, system_resolver
from ugc.importer.scrape import Scrape, scrape
from ugc.storage.base import BlobStore

ASSET_REF = "asset:"


@dataclass(frozen=True)
class Imported:
    """A drafted brief, the ids of the assets made from the page's images, and provenance."""

    brief: dict[str, Any]
    images: list[str]
    source: dict[str, Any]


def import_product(
    session: Session,
    blobs: BlobStore,
    org_id: str,
    actor: str,
    url: str,
    settings: Mapping[str, Any] | None = None,
    resolver: Resolver = system_resolver,
) -> Imported:
    """Fetch a product page through the SSRF guard and return a brief drafted from it."""
    scraped = scrape(url, FetchPolicy.of(settings), resolver)
    draft_brief(scraped.facts, [])  # refuse a page with no product before storing anything
    images = _store_images(session, blobs, org_id, actor, scraped)
    brief = draft_brief(scraped.facts, [f"{ASSET_REF}{i}" for i in images])
    return Imported(brief, images, _source(url, scraped))


def _store_images(
    session: Session, blobs: BlobStore, org_id: str, actor: str, scraped: Scrape
) -> list[str]:
    """Store each downloaded image as an asset (sniffed and limited); skip those refused."""
    ids: list[str] = []
    for n, image in enumerate(scraped.images, 1):
        try:
            row = create_asset(
                session, blobs, org_id, actor, io.BytesIO(image.data), f"product-{n}", "image"
            )
        except (InvalidRequest, UnsupportedMedia, PayloadTooLarge) as exc:
            scraped.skip(image.url, exc.message)
            continue
        ids.append(row.id)
    return ids


def _source(url: str, scraped: Scrape) -> dict[str, Any]:
    """Describe where the brief came from and what the page offered."""
    f = scraped.facts
    return {
        "url": url,
        "final_url": f.url,
        "found": f.found,
        "site_name": f.site_name,
        "brand": f.brand,
        "price": f.price,
        "currency": f.currency,
        "rating": f.rating,
        "review_count": f.review_count,
        "skipped_images": scraped.skipped,
    }
