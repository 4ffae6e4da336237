"""Briefs the API, video and browser tests share (as JSON bodies)."""

from __future__ import annotations

import copy
from typing import Any

_SERUM: dict[str, Any] = {
    "product": {
        "name": "Glow Serum",
        "description": "A vitamin C serum that brightens dull skin in two weeks.",
        "benefits": ["Brighter skin in 14 days", "Fragrance free"],
        "cta": "Shop now",
    },
    "target_seconds": 15,
}


def serum(**options: str) -> dict[str, Any]:
    """Return a fresh 15 s serum brief, with these creative options if any."""
    brief = copy.deepcopy(_SERUM)
    if options:
        brief["options"] = dict(options)
    return brief
