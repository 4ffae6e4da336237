"""Versioned prompt templates (prompts/NAME.vN.md) and their rendering from a brief."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ugc.pipeline.types import Brief, Product

PROMPT_DIR = Path(__file__).with_name("prompts")
WORDS_PER_SECOND = 2.5
MAX_LINE_WORDS = 14
# Placeholders are {identifier}; other braces (the JSON examples) are left alone.
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_FILE = re.compile(r"^(?P<name>[a-z_]+)\.v(?P<version>[1-9]\d*)\.md$")
_SYSTEM, _USER = "<!-- system -->", "<!-- user -->"
_FIELDS = ("description", "benefits", "pain_points", "audience", "offer", "price", "cta")


@dataclass(frozen=True)
class Prompt:
    """A prompt template: a system section, then a user section with {placeholders}."""

    name: str
    version: int
    text: str

    @property
    def ident(self) -> str:
        """Return the prompt's identity for provenance and step keys, e.g. 'script@v1'."""
        return f"{self.name}@v{self.version}"

    @property
    def system(self) -> str:
        """Return the system message: the text between the system and user markers."""
        head, sep, _ = self.text.partition(_USER)
        return head.replace(_SYSTEM, "").strip() if sep else ""

    @property
    def user(self) -> str:
        """Return the user message template: the text after the user marker (or all of it)."""
        head, sep, tail = self.text.partition(_USER)
        return tail.strip() if sep else head.strip()

    @property
    def placeholders(self) -> frozenset[str]:
        """Return the placeholder names the user template uses."""
        return frozenset(_PLACEHOLDER.findall(self.user))

    def render(
        self,
        brief: Brief,
        variant: int,
        fmt: str,
        hook_hint: str,
        extra: Mapping[str, str] | None = None,
    ) -> str:
        """Return the user message filled from the brief, format, hook hint and extra values."""
        values = {**brief_values(brief), "variant": str(variant), "format": fmt}
        values |= {"hook_hint": hook_hint, **(extra or {})}
        missing = sorted(self.placeholders - values.keys())
        if missing:
            raise KeyError(f"prompt {self.ident} needs values for {', '.join(missing)}")
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], self.user)


def load_prompt(name: str, version: int | None = None) -> Prompt:
    """Return prompt `name` at `version`, or its latest version when None."""
    versions = available(name)
    if not versions:
        raise FileNotFoundError(f"no prompt named {name!r} in {PROMPT_DIR}")
    chosen = max(versions) if version is None else version
    if chosen not in versions:
        raise FileNotFoundError(f"prompt {name!r} has no version {chosen} (has {sorted(versions)})")
    text = (PROMPT_DIR / f"{name}.v{chosen}.md").read_text(encoding="utf-8")
    return Prompt(name, chosen, text)


def available(name: str) -> set[int]:
    """Return the versions of prompt `name` that exist on disk."""
    found = (_FILE.match(p.name) for p in PROMPT_DIR.glob(f"{name}.v*.md"))
    return {int(m.group("version")) for m in found if m and m.group("name") == name}


def brief_values(brief: Brief) -> dict[str, str]:
    """Return the template values a brief provides."""
    words = round(brief.target_seconds * WORDS_PER_SECOND)
    return {
        "product_name": brief.product.name,
        "language": brief.language,
        "tone": brief.tone,
        "target_seconds": str(brief.target_seconds),
        "target_words": str(words),
        "max_line_words": str(MAX_LINE_WORDS),
        "disclosure": brief.options.disclosure or "none",
        "fields": field_listing(brief.product),
    }


def citable_fields(product: Product) -> list[tuple[str, str]]:
    """Return (path, text) for every non-empty brief field a claim may quote."""
    out: list[tuple[str, str]] = [("product.name", product.name)]
    for attr in _FIELDS:
        value = getattr(product, attr)
        if isinstance(value, tuple):
            out += [(f"product.{attr}[{i}]", str(v)) for i, v in enumerate(value)]
        else:
            out.append((f"product.{attr}", str(value)))
    return [(path, text) for path, text in out if text.strip()]


def field_listing(product: Product) -> str:
    """Return one `- path: "text"` line per citable field (JSON-quoted, so one line each)."""
    return "\n".join(
        f"- {path}: {json.dumps(text, ensure_ascii=False)}"
        for path, text in citable_fields(product)
    )
