"""`ugc create --product-url`: draft brief.yaml and its images from a product page, offline-first.

The page and its images come through the importer's SSRF-guarded fetcher; the images pass the
same sniffing and limits as uploaded assets and are written next to the brief, which names them
by file name (relative to the brief, as every brief file does).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ugc.asset.media import probe, spool
from ugc.errors import BriefError, InvalidRequest, PayloadTooLarge, UnsupportedMedia
from ugc.importer.draft import draft_brief
from ugc.importer.fetch import FetchPolicy, Resolver, system_resolver
from ugc.importer.scrape import Scrape, scrape

FOLDER = "product"  # under the output folder


def choose_brief(
    brief: Path | None, product_url: str | None, out: Path, settings: Mapping[str, Any]
) -> Path:
    """Return the brief to render: the BRIEF argument, or one drafted from --product-url."""
    if brief is not None and product_url is not None:
        raise BriefError("brief", "give a BRIEF file or --product-url, not both")
    if product_url is not None:
        return brief_from_url(product_url, out / FOLDER, settings)
    if brief is None:
        raise BriefError("brief", "give a BRIEF file or --product-url URL")
    return brief


def brief_from_url(
    url: str,
    folder: Path,
    settings: Mapping[str, Any] | None = None,
    resolver: Resolver = system_resolver,
) -> Path:
    """Fetch the page, write brief.yaml and its checked images into folder, and return its path."""
    scraped = scrape(url, FetchPolicy.of(settings), resolver)
    draft_brief(scraped.facts, [])  # refuse a page with no product before writing anything
    folder.mkdir(parents=True, exist_ok=True)
    names = _write_images(scraped, folder)
    brief = draft_brief(scraped.facts, names)
    path = folder / "brief.yaml"
    header = f"# Drafted from {scraped.facts.url} by `ugc create --product-url`; edit freely.\n"
    text = yaml.safe_dump(brief, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(header + text, encoding="utf-8")
    return path


def _write_images(scraped: Scrape, folder: Path) -> list[str]:
    """Check each image like an upload and move the good ones into folder; return their names."""
    names: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ugc-import-") as tmp:
        for n, image in enumerate(scraped.images, 1):
            try:
                spooled = spool(io.BytesIO(image.data), Path(tmp), f"product-{n}")
                if spooled.media.kind != "image":
                    raise UnsupportedMedia(f"it is a {spooled.media.label}, not an image")
                probe(spooled)
            except (InvalidRequest, UnsupportedMedia, PayloadTooLarge) as exc:
                scraped.skip(image.url, exc.message)
                continue
            shutil.move(spooled.path, folder / spooled.path.name)
            names.append(spooled.path.name)
    return names
