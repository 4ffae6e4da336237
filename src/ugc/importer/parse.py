"""Read a product page's OpenGraph tags and JSON-LD `Product` with the stdlib HTML parser."""

from __future__ import annotations

import contextlib
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

_LD_JSON = "application/ld+json"
_MAX_LD_BLOCKS = 32


@dataclass
class ProductFacts:
    """What a product page says about its product; empty strings where it says nothing."""

    url: str
    name: str = ""
    description: str = ""
    brand: str = ""
    price: str = ""
    currency: str = ""
    rating: float | None = None
    review_count: int | None = None
    site_name: str = ""
    language: str = ""
    images: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # "opengraph", "json-ld", "html"


class _PageReader(HTMLParser):
    """Collect meta tags, the title, the html lang and JSON-LD script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.title = ""
        self.lang = ""
        self.ld_blocks: list[str] = []
        self._in: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note meta tags, <html lang>, and the start of <title> or a JSON-LD script."""
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, []).append(a["content"].strip())
        elif tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        elif tag == "title" and not self.title:
            self._in, self._buffer = "title", []
        elif tag == "script" and a.get("type", "").split(";")[0].strip().lower() == _LD_JSON:
            self._in, self._buffer = "ld", []

    def handle_data(self, data: str) -> None:
        """Buffer text inside <title> or a JSON-LD script."""
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        """Finish a <title> or JSON-LD script."""
        if self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buffer).split())
        elif self._in == "ld" and tag == "script" and len(self.ld_blocks) < _MAX_LD_BLOCKS:
            self.ld_blocks.append("".join(self._buffer))
        else:
            return
        self._in = None


def parse_product(page: str, url: str) -> ProductFacts:
    """Return the product facts of an HTML page; JSON-LD wins over OpenGraph over <title>."""
    reader = _PageReader()
    reader.feed(page)
    reader.close()
    facts = ProductFacts(url=url, language=reader.lang)
    product = _first_product(reader.ld_blocks)
    if product is not None:
        _from_json_ld(facts, product, url)
    _from_opengraph(facts, reader.meta, url)
    if not facts.name and reader.title:
        facts.name, facts.found = reader.title, [*facts.found, "html"]
    if not facts.description and reader.meta.get("description"):
        facts.description = reader.meta["description"][0]
    facts.name, facts.description = clean_text(facts.name), clean_text(facts.description)
    facts.images = list(dict.fromkeys(u for u in facts.images if u.startswith(("http:", "https:"))))
    return facts


def clean_text(text: str) -> str:
    """Strip tags and entities and collapse whitespace (descriptions often carry HTML)."""
    no_tags = re.sub(r"<[^>]{0,500}>", " ", text)
    return " ".join(html.unescape(no_tags).split())


def _first_product(blocks: list[str]) -> dict[str, Any] | None:
    """Return the first schema.org Product found in any JSON-LD block."""
    for raw in blocks:
        try:
            doc = json.loads(raw.strip().removeprefix("<!--").removesuffix("-->"), strict=False)
        except ValueError:
            continue
        found = _find_product(doc, depth=0)
        if found is not None:
            return found
    return None


def _find_product(node: Any, depth: int) -> dict[str, Any] | None:
    """Walk lists, @graph and nested objects (e.g. mainEntity) for a Product."""
    if depth > 6:
        return None
    if isinstance(node, list):
        children: list[Any] = node
    elif isinstance(node, dict):
        if _is_product(node.get("@type")):
            return node
        children = [v for k, v in node.items() if k != "offers" and isinstance(v, dict | list)]
    else:
        return None
    for child in children:
        found = _find_product(child, depth + 1)
        if found is not None:
            return found
    return None


def _is_product(kind: Any) -> bool:
    """Return True for Product types: bare, prefixed (schema:) or full URLs, or lists of them."""
    kinds = kind if isinstance(kind, list) else [kind]
    return any(
        isinstance(k, str)
        and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] in ("Product", "ProductGroup")
        for k in kinds
    )


def _from_json_ld(facts: ProductFacts, product: dict[str, Any], url: str) -> None:
    """Take name, description, brand, price, rating and images from a JSON-LD Product."""
    facts.found.append("json-ld")
    facts.name = _text(product.get("name"))
    facts.description = _text(product.get("description"))
    brand = product.get("brand")
    facts.brand = _text(brand.get("name") if isinstance(brand, dict) else brand)
    offer = _first_offer(product.get("offers"))
    if offer:
        price = offer.get("price", offer.get("lowPrice"))
        spec = offer.get("priceSpecification")
        if price is None and isinstance(spec, dict):
            price = spec.get("price")
        facts.price = _text(price)
        facts.currency = _text(offer.get("priceCurrency")) or (
            _text(spec.get("priceCurrency")) if isinstance(spec, dict) else ""
        )
    _rating(facts, product.get("aggregateRating"))
    facts.images += [urljoin(url, u) for u in _image_urls(product.get("image"))]


def _first_offer(offers: Any) -> dict[str, Any] | None:
    """Return the first Offer (or AggregateOffer) object."""
    if isinstance(offers, list):
        offers = next((o for o in offers if isinstance(o, dict)), None)
    return offers if isinstance(offers, dict) else None


def _rating(facts: ProductFacts, rating: Any) -> None:
    """Read ratingValue and reviewCount (or ratingCount) of an AggregateRating."""
    if not isinstance(rating, dict):
        return
    try:
        facts.rating = float(str(rating.get("ratingValue")))
    except ValueError:
        return
    with contextlib.suppress(ValueError):
        facts.review_count = int(float(str(rating.get("reviewCount", rating.get("ratingCount")))))


def _image_urls(image: Any) -> list[str]:
    """Flatten JSON-LD image values: a URL, an ImageObject, or a list of either."""
    items = image if isinstance(image, list) else [image]
    urls: list[str] = []
    for item in items:
        if isinstance(item, str) and item.strip():
            urls.append(item.strip())
        elif isinstance(item, dict):
            found = item.get("contentUrl") or item.get("url")
            if isinstance(found, str) and found.strip():
                urls.append(found.strip())
    return urls


def _from_opengraph(facts: ProductFacts, meta: dict[str, list[str]], url: str) -> None:
    """Fill what JSON-LD left empty from OpenGraph (and product:*) meta tags."""
    if any(k.startswith(("og:", "product:")) for k in meta):
        facts.found.append("opengraph")
    first = {k: v[0] for k, v in meta.items()}
    facts.name = facts.name or first.get("og:title", "")
    facts.description = facts.description or first.get("og:description", "")
    facts.site_name = first.get("og:site_name", "")
    facts.brand = facts.brand or first.get("product:brand", "") or first.get("og:brand", "")
    if not facts.price:
        facts.price = first.get("product:price:amount", "") or first.get("og:price:amount", "")
        facts.currency = first.get("product:price:currency", "") or first.get(
            "og:price:currency", ""
        )
    images = meta.get("og:image:secure_url", []) + meta.get("og:image", [])
    facts.images += [urljoin(url, u) for u in images + meta.get("og:image:url", [])]


def _text(value: Any) -> str:
    """Return a JSON-LD scalar as text ('' for missing values and objects)."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    if isinstance(value, list) and value:
        return _text(value[0])
    return ""
