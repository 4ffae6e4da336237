"""Turn a product page's facts into a brief that matches the brief schema."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from ugc.brief.schema import BriefIn
from ugc.errors import FieldError, InvalidRequest
from ugc.importer.parse import ProductFacts

MAX_BENEFITS = 5
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-Z0-9])")


def draft_brief(facts: ProductFacts, images: list[str]) -> dict[str, Any]:
    """Return a schema-valid brief dict; images are brief references (paths or `asset:<id>`)."""
    if not facts.name:
        raise _refused(facts.url, "the page names no product (no JSON-LD, og:title or <title>)")
    name = _clip(facts.name, 80)
    description = _clip(facts.description or name, 600)
    product: dict[str, Any] = {
        "name": name,
        "description": description,
        "benefits": benefits(facts, description),
        "cta": "Shop now",
    }
    price = format_price(facts.price, facts.currency)
    if price:
        product["price"] = price
    brief: dict[str, Any] = {
        "product": product,
        "language": _language(facts.language),
        "assets": {"product_images": images[:12]},
    }
    try:
        BriefIn.model_validate(brief)
    except ValidationError as exc:  # a page we could not map cleanly: say where
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise _refused(facts.url, f"the page gave no usable {where} ({err['msg']})") from None
    return brief


def _refused(url: str, reason: str) -> InvalidRequest:
    """Return the error for a page that cannot become a brief."""
    return InvalidRequest(f"cannot import {url}: {reason}", [FieldError("url", reason)])


def benefits(facts: ProductFacts, description: str) -> list[str]:
    """Derive benefit lines from the description's sentences, plus the rating as social proof."""
    found: list[str] = []
    for sentence in _SENTENCE_END.split(description):
        line = sentence.strip().rstrip(".").strip()
        if len(line) >= 8 and line.lower() != facts.name.lower():
            found.append(_clip(line, 140))
        if len(found) == MAX_BENEFITS:
            break
    if facts.rating is not None and 0 < facts.rating <= 5:
        count = f" by {facts.review_count:,} customers" if facts.review_count else ""
        found.append(f"Rated {facts.rating:g} out of 5{count}")
    return found or [_clip(description, 140)]


def format_price(amount: str, currency: str) -> str:
    """Return a display price such as "$29.99" or "29.90 CHF" ('' if there is none)."""
    try:
        value = Decimal(amount.replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return ""
    if not value.is_finite() or value <= 0:
        return ""
    text = f"{value:.2f}".removesuffix(".00")
    code = currency.strip().upper()
    if code in _SYMBOLS:
        return f"{_SYMBOLS[code]}{text}"
    return f"{text} {code}".strip()


def _language(lang: str) -> str:
    """Return the primary subtag of <html lang> ('en' when missing or odd)."""
    primary = lang.strip().replace("_", "-").split("-")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else "en"


def _clip(text: str, limit: int) -> str:
    """Shorten text to limit characters at a sentence or word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if end >= limit // 2:
        return cut[: end + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut[: limit - 1]).rstrip(",;:- ") + "…"
