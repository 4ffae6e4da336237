"""Value types and text helpers shared by the rule-based copywriter modules."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ugc.pipeline.text import count_words, is_spoken
from ugc.pipeline.types import Brief, Claim

MAX_LINE_WORDS = 14
WORDS_PER_SECOND = 2.5
TONES: tuple[str, ...] = ("friendly", "energetic", "calm", "professional", "playful")
PRODUCT_KINDS = frozenset({"benefit", "description", "offer", "price"})
# Sentence punctuation only: "$29" and "20%" keep their symbols when stressed.
PUNCT = ".,!?;:'\"()[]{}<>*_/\\|-–—…¡¿。、！？，：；「」『』“”‘’«»"

# Fields with links or markup are unspeakable, so they are never quoted.
_URL = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:com|net|org|io|co|app|shop|store|ai|dev)\b", re.IGNORECASE
)
_MARKUP = re.compile(r"[*_`#\[\]<>|~\\{}]")
# Stripped so the template, not the brief, decides how a sentence ends.
_TRAILING = ".!?。！？…"
# Spaceless scripts: ugc.pipeline.text splits them per character, so lines are measured apart.
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0e7f]"
)
_PATH = re.compile(r"product\.(\w+)(?:\[(\d+)\])?$")
_KINDS = {
    "benefits": "benefit",
    "pain_points": "pain",
    "description": "description",
    "offer": "offer",
    "price": "price",
    "audience": "audience",
    "cta": "cta",
}


@dataclass(frozen=True)
class Fact:
    """A quotable brief field: its path, its kind and its verbatim text."""

    path: str
    kind: str
    text: str

    @property
    def claim(self) -> Claim:
        """Return the claim that cites this fact."""
        return Claim(self.text, self.path)


@dataclass(frozen=True)
class Hook:
    """An opening-line template, the formats it fits and the brief fields it needs."""

    id: str
    template: str
    formats: frozenset[str]
    needs: tuple[str, ...] = ()
    one: str = ""
    tones: frozenset[str] = frozenset(TONES)
    fallback: bool = False


@dataclass(frozen=True)
class LangPack:
    """Every phrase the copywriter may add in one language."""

    code: str
    hooks: tuple[Hook, ...]
    templates: Mapping[str, tuple[str, ...]]
    fillers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    tone_words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    ordinals: tuple[str, ...] = ()
    counts: tuple[str, ...] = ()
    stopwords: frozenset[str] = frozenset()
    lower_first: bool = True
    strict_case: bool = True


def brief_facts(brief: Brief) -> tuple[Fact, ...]:
    """Return the brief's usable fields in growth order (benefits first, CTA last)."""
    p = brief.product
    raw: list[tuple[str, str]] = [(f"product.benefits[{i}]", t) for i, t in enumerate(p.benefits)]
    raw += [(f"product.pain_points[{i}]", t) for i, t in enumerate(p.pain_points)]
    raw += [
        ("product.description", p.description),
        ("product.offer", p.offer),
        ("product.price", p.price),
        ("product.audience", p.audience),
        ("product.cta", p.cta),
    ]
    facts = (Fact(path, parse_path(path)[0], core(text)) for path, text in raw)
    return tuple(f for f in facts if usable(f.text))


def core(text: str) -> str:
    """Return the field without surrounding space or sentence marks (still a substring)."""
    return text.strip().rstrip(_TRAILING).rstrip().lstrip("¡¿").lstrip()


def usable(text: str) -> bool:
    """Return True if the text can be spoken as-is: no links, no markup, something to say."""
    return bool(text) and not _URL.search(text) and not _MARKUP.search(text) and is_spoken(text)


def parse_path(path: str) -> tuple[str, int]:
    """Return (kind, index) for a claim path such as 'product.benefits[2]'."""
    match = _PATH.match(path)
    if not match:
        return "", 0
    return _KINDS.get(match.group(1), ""), int(match.group(2) or 0)


def speech_words(text: str) -> float:
    """Return the spoken length in words; a lone CJK character counts as half a word."""
    return count_words(text)


def bare_word(token: str) -> str:
    """Return the token without surrounding punctuation."""
    return token.strip(PUNCT)


def lower_first(text: str, name: str) -> str:
    """Lowercase the first letter for mid-sentence use unless it starts a name or acronym."""
    words = text.split()
    if not words:
        return text
    first = bare_word(words[0])
    name_words = {bare_word(w).lower() for w in name.split()}
    if not first or not first[0].isupper() or first.lower() in name_words or first == "I":
        return text
    if len(first) > 1 and not first[1:].islower():
        return text
    return text[0].lower() + text[1:]


def starts_lower(text: str) -> bool:
    """Return True if the text starts with a lowercase letter (it cannot open a sentence)."""
    return bool(text) and text[0].islower()


def word_set(text: str) -> frozenset[str]:
    """Return the space-separated words of a literal as a set (stopword tables)."""
    return frozenset(text.split())
