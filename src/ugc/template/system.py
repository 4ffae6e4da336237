"""The built-in templates every organisation can read: one per script format.

Pure data (no imports from the app) because migration 0002 inserts these rows. To change one
later, add a migration that updates the row by its fixed id; editing this file alone changes
only databases created afterwards.
"""

from __future__ import annotations

from typing import Any

SETTINGS = ["bedroom", "car", "kitchen", "desk", "bathroom"]  # pipeline.agents.setting.SETTINGS
TONES = ["friendly", "energetic", "calm", "professional", "playful"]


def _text(title: str, low: int, high: int, example: str) -> dict[str, Any]:
    """Return a string variable's schema."""
    spec: dict[str, Any] = {"type": "string", "title": title, "maxLength": high}
    return spec | ({"minLength": low} if low else {}) | {"examples": [example]}


def _list(title: str, low: int, high: int) -> dict[str, Any]:
    """Return a list-of-strings variable's schema."""
    item = {"type": "string", "minLength": 1, "maxLength": 200}
    return {"type": "array", "title": title, "items": item, "minItems": low, "maxItems": high}


def _variables(seconds: int, min_benefits: int = 1, min_pains: int = 0) -> dict[str, Any]:
    """Return the variable schema the built-in templates share."""
    required = ["product_name", "description", "benefits"]
    return {
        "type": "object",
        "properties": {
            "product_name": _text("Product name", 1, 80, "Glow Serum"),
            "description": _text("What it is and does", 1, 600, "A vitamin C serum."),
            "benefits": _list("Benefits, best first", min_benefits, 8),
            "pain_points": _list("Problems it solves", min_pains, 6),
            "audience": _text("Who it is for", 0, 200, "Skincare beginners"),
            "offer": _text("Offer", 0, 200, "20% off your first order"),
            "cta": _text("Call to action", 1, 40, "Shop now") | {"default": "Shop now"},
            "price": _text("Price", 0, 40, "$29"),
            "tone": {"type": "string", "title": "Tone", "enum": TONES},
            "setting": {"type": "string", "title": "Room", "enum": SETTINGS},
            "target_seconds": {"type": "integer", "enum": [15, 30, 60], "default": seconds},
        },
        "required": required + (["pain_points"] if min_pains else []),
        "additionalProperties": False,
    }


def _structure(fmt: str, options: dict[str, Any]) -> dict[str, Any]:
    """Return a brief skeleton for one format; the brand kit fills tone and brand later."""
    return {
        "product": {
            "name": "{{product_name}}",
            "description": "{{description}}",
            "benefits": "{{benefits}}",
            "pain_points": "{{pain_points}}",
            "audience": "{{audience}}",
            "offer": "{{offer}}",
            "cta": "{{cta}}",
            "price": "{{price}}",
        },
        "tone": "{{tone}}",
        "target_seconds": "{{target_seconds}}",
        "options": {"formats": [fmt], "setting": "{{setting}}", **options},
    }


def _template(
    slug: str, name: str, description: str, tags: list[str], variables: dict[str, Any], **opts: Any
) -> dict[str, Any]:
    """Return one system template row (fixed id, no organisation)."""
    fmt = slug.replace("_", "-")
    return {
        "id": f"tpl_sys_{slug}",
        "organization_id": None,
        "name": name,
        "description": description,
        "format": fmt,
        "structure": _structure(fmt, opts),
        "variables": variables,
        "tags": tags,
    }


SYSTEM_TEMPLATES: list[dict[str, Any]] = [
    _template(
        "testimonial",
        "Customer testimonial",
        "A real-feeling customer tells their before-and-after story: the struggle, finding "
        "the product, what changed, and a verdict. Builds trust through social proof.",
        ["testimonial", "social proof", "story", "before and after", "trust"],
        _variables(30, min_pains=1),
        caption_style="subtle",
        music_mood="warm",
    ),
    _template(
        "problem_solution",
        "Problem and solution",
        "Open on a relatable pain point, then show the product as the fix with its strongest "
        "benefits. A direct-response classic for performance ads.",
        ["problem", "solution", "pain point", "direct response", "performance"],
        _variables(30, min_pains=1),
        caption_style="box",
        music_mood="upbeat",
    ),
    _template(
        "unboxing",
        "Unboxing first impressions",
        "Open the package on camera and react: first look, what is inside, first use and "
        "a quick take. Great for new launches, gifts and subscription boxes.",
        ["unboxing", "first impressions", "haul", "packaging", "launch"],
        _variables(15),
        caption_style="pop",
        music_mood="energetic",
    ),
    _template(
        "review",
        "Honest review",
        "A creator weighs the product after real use: what works, who it suits, the price "
        "and a clear verdict. Feels balanced and credible.",
        ["review", "honest", "verdict", "rating", "comparison"],
        _variables(30),
        caption_style="subtle",
        music_mood="chill",
    ),
    _template(
        "listicle",
        "Top reasons to love it",
        "A fast numbered list of the product's best benefits, one per beat, ending on the "
        "offer. Easy to skim with the sound off.",
        ["listicle", "list", "top reasons", "benefits", "numbered"],
        _variables(30, min_benefits=3),
        caption_style="box",
        music_mood="upbeat",
    ),
    _template(
        "pov",
        "POV: you just found it",
        "A first-person point-of-view skit: 'POV: you finally found…' then the moment the "
        "product makes life easier. Native to TikTok and Reels.",
        ["pov", "point of view", "skit", "tiktok", "reels", "trend"],
        _variables(15),
        caption_style="karaoke",
        music_mood="energetic",
    ),
]
