"""Fetch a product page and its images through the SSRF guard (no database, no storage)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ugc.importer.fetch import Fetched, FetchPolicy, FetchRefused, Resolver, fetch, system_resolver
from ugc.importer.parse import ProductFacts, parse_product

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass(frozen=True)
class ImageFile:
    """A downloaded product image (not yet sniffed or limited: the asset checks do that)."""

    url: str
    data: bytes


@dataclass
class Scrape:
    """A parsed product page, its images, and the images that were skipped and why."""

    facts: ProductFacts
    images: list[ImageFile] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)

    def skip(self, url: str, reason: str) -> None:
        """Record an image that could not be used."""
        self.skipped.append({"url": url, "reason": reason})


def scrape(url: str, policy: FetchPolicy, resolver: Resolver = system_resolver) -> Scrape:
    """Fetch and parse the page, then download up to max_images of its images."""
    page = fetch(url, policy, "page", resolver)
    result = Scrape(parse_product(decode_page(page), page.url))
    for src in result.facts.images:
        if len(result.images) >= policy.max_images:
            break
        try:
            got = fetch(src, policy, "image", resolver)
        except FetchRefused as exc:
            result.skip(src, exc.reason)
            continue
        result.images.append(ImageFile(got.url, got.body))
    return result


def decode_page(page: Fetched) -> str:
    """Decode HTML with the charset from the header or a <meta> tag (UTF-8 by default)."""
    charset = ""
    for part in page.content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    if not charset:
        found = _META_CHARSET.search(page.body[:4096])
        charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        return page.body.decode(charset, errors="replace")
    except LookupError:
        return page.body.decode("utf-8", errors="replace")
