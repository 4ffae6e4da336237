"""Reading OpenGraph and JSON-LD Product markup, and drafting a schema-valid brief from it."""

from __future__ import annotations

import json

import pytest

from tests.importer.site import graph_page, og_page
from ugc.brief.schema import BriefIn
from ugc.errors import InvalidRequest
from ugc.importer.draft import draft_brief, format_price
from ugc.importer.parse import ProductFacts, parse_product

BASE = "https://shop.example/products/x"


def _ld(doc: object) -> str:
    """Wrap one JSON-LD document in a page."""
    return f'<html><script type="application/ld+json">{json.dumps(doc)}</script></html>'


def test_opengraph_only_page() -> None:
    facts = parse_product(og_page(), BASE)
    assert facts.found == ["opengraph"]
    assert facts.name == "Glow Serum"
    assert facts.description.startswith("A lightweight vitamin C serum for brighter skin. Sinks")
    assert (facts.price, facts.currency, facts.site_name) == ("29.00", "USD", "Glow Co")
    assert facts.images == ["https://shop.example/img/serum.png"]
    assert facts.language == "en-GB"


def test_json_ld_graph_wins_over_opengraph() -> None:
    facts = parse_product(graph_page(), BASE)
    assert facts.found == ["json-ld", "opengraph"]
    assert facts.name == "Lumen Buds Pro"
    assert facts.description == (
        "Noise cancelling earbuds with 30 hours of battery. "
        "Sweat-proof for the gym & the rain! Pairs instantly with any phone."
    )
    assert (facts.brand, facts.price, facts.currency) == ("Lumen", "49.5", "EUR")
    assert (facts.rating, facts.review_count) == (4.6, 1203)
    assert facts.images == [
        "https://shop.example/img/buds.jpg",
        "https://shop.example/img/case.webp",
        "https://shop.example/img/og-only.png",
    ]


@pytest.mark.parametrize(
    "doc",
    [
        [{"@type": "Organization", "name": "Co"}, {"@type": "Product", "name": "Lamp"}],
        {"@type": "WebPage", "mainEntity": {"@type": "schema:Product", "name": "Lamp"}},
        {"@type": "https://schema.org/Product", "name": "Lamp"},
        {"@graph": [{"@type": "ItemPage"}, {"@type": ["Thing", "Product"], "name": "Lamp"}]},
    ],
)
def test_products_are_found_in_lists_graphs_and_nested_entities(doc: object) -> None:
    assert parse_product(_ld(doc), BASE).name == "Lamp"


def test_offer_shapes_and_image_objects() -> None:
    doc = {
        "@type": "Product",
        "name": "Lamp",
        "brand": "Bright",
        "offers": {"@type": "AggregateOffer", "lowPrice": 19, "priceCurrency": "GBP"},
        "image": {"@type": "ImageObject", "contentUrl": "//cdn.example/lamp.png"},
        "aggregateRating": {"ratingValue": "n/a"},
    }
    facts = parse_product(_ld(doc), BASE)
    assert (facts.brand, facts.price, facts.currency) == ("Bright", "19", "GBP")
    assert facts.images == ["https://cdn.example/lamp.png"]
    assert facts.rating is None


def test_title_and_meta_description_are_the_fallback() -> None:
    page = (
        '<title> Plain   Mug </title><meta name="description" content="A mug.">'
        '<meta property="og:image" content="data:image/png;base64,AAAA">'
    )
    facts = parse_product(page, BASE)
    assert (facts.name, facts.description) == ("Plain Mug", "A mug.")
    assert facts.found == ["opengraph", "html"]
    assert facts.images == []  # only http(s) images are fetched


def test_brief_from_json_ld_is_schema_valid() -> None:
    facts = parse_product(graph_page(), BASE)
    brief = draft_brief(facts, ["asset:ast_1", "asset:ast_2"])
    BriefIn.model_validate(brief)
    product = brief["product"]
    assert product["name"] == "Lumen Buds Pro"
    assert product["price"] == "€49.50"
    assert product["benefits"] == [
        "Noise cancelling earbuds with 30 hours of battery",
        "Sweat-proof for the gym & the rain!",
        "Pairs instantly with any phone",
        "Rated 4.6 out of 5 by 1,203 customers",
    ]
    assert brief["language"] == "de"
    assert brief["assets"]["product_images"] == ["asset:ast_1", "asset:ast_2"]


def test_long_text_is_clipped_to_the_schema() -> None:
    words = "Lovely " * 200
    facts = ProductFacts(BASE, name="N" * 120, description=words, language="x-klingon")
    brief = draft_brief(facts, [])
    BriefIn.model_validate(brief)
    assert len(brief["product"]["name"]) == 80
    assert len(brief["product"]["description"]) <= 600
    assert brief["product"]["description"].endswith("…")
    assert brief["language"] == "en"
    assert "price" not in brief["product"]


def test_a_page_without_a_product_name_is_refused() -> None:
    with pytest.raises(InvalidRequest, match="names no product") as err:
        draft_brief(parse_product("<html><body>hi</body></html>", BASE), [])
    assert err.value.errors[0].field == "url"


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        ("29.00", "USD", "$29"),
        ("1,299.5", "gbp", "£1299.50"),
        ("12", "CHF", "12 CHF"),
        ("9.99", "", "9.99"),
        ("free", "USD", ""),
        ("0", "USD", ""),
        ("NaN", "USD", ""),
    ],
)
def test_format_price(amount: str, currency: str, shown: str) -> None:
    assert format_price(amount, currency) == shown
