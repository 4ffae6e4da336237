"""Request and response bodies of the product import API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ImportRequest(BaseModel):
    """A public product page to draft a brief from."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"url": "https://shop.example/products/glow-serum"}]},
    )

    url: str = Field(min_length=1, max_length=2048, description="http or https, ports 80/443.")


class SkippedImage(BaseModel):
    """An image of the page that was not stored, and why."""

    url: str
    reason: str


class ImportSource(BaseModel):
    """Where the brief came from and what the page offered."""

    url: str
    final_url: str = Field(description="After redirects.")
    found: list[str] = Field(description="Which markup was read: json-ld, opengraph, html.")
    site_name: str
    brand: str
    price: str
    currency: str
    rating: float | None
    review_count: int | None
    skipped_images: list[SkippedImage]


class ImportOut(BaseModel):
    """A drafted brief (media as `asset:<id>`), the new image assets, and the source."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "brief": {
                        "product": {
                            "name": "Glow Serum",
                            "description": "A vitamin C serum. Brightens dull skin.",
                            "benefits": ["A vitamin C serum", "Brightens dull skin"],
                            "cta": "Shop now",
                            "price": "$29",
                        },
                        "language": "en",
                        "assets": {"product_images": ["asset:ast_0123456789abcdefghjk"]},
                    },
                    "images": ["ast_0123456789abcdefghjk"],
                    "source": {
                        "url": "https://shop.example/p/glow",
                        "final_url": "https://shop.example/products/glow-serum",
                        "found": ["json-ld", "opengraph"],
                        "site_name": "Glow Co",
                        "brand": "Glow Co",
                        "price": "29.00",
                        "currency": "USD",
                        "rating": 4.7,
                        "review_count": 1203,
                        "skipped_images": [],
                    },
                }
            ]
        }
    )

    brief: dict[str, Any]
    images: list[str]
    source: ImportSource
