"""Turn templates and brief facts into ScriptLines with claims, shots and emphasis."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ugc.pipeline.types import Brief, Claim, ScriptLine
from ugc.providers.offline.copy_lang import pack_for
from ugc.providers.offline.copy_model import (
    MAX_LINE_WORDS,
    PRODUCT_KINDS,
    TONES,
    Fact,
    Hook,
    LangPack,
    bare_word,
    brief_facts,
    lower_first,
    parse_path,
    speech_words,
    starts_lower,
)

# Sentence ends per tone and role: (hook, body, cta).
_ENDS = {
    "friendly": {"hook": ".", "body": ".", "cta": "!"},
    "energetic": {"hook": "!", "body": "!", "cta": "!"},
    "calm": {"hook": ".", "body": ".", "cta": "."},
    "professional": {"hook": ".", "body": ".", "cta": "."},
    "playful": {"hook": "!", "body": ".", "cta": "!"},
}
# Kana and CJK ideographs take full-width sentence marks.
_CJK_END = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])([.!?:])(?=\s|$)")
_FULL = {".": "。", "!": "！", "?": "？", ":": "："}
_SENTENCES = re.compile(r"(?:(?<=[.!?])|(?<=\{end\}))\s+")


@dataclass(frozen=True)
class Ctx:
    """What every line needs: the brief, its phrasing pack, its facts, tone and format."""

    brief: Brief
    pack: LangPack
    facts: tuple[Fact, ...]
    tone: str
    fmt: str

    @property
    def name(self) -> str:
        """Return the product name as spoken."""
        return self.brief.product.name.strip()

    def first(self, kind: str) -> Fact | None:
        """Return the first usable fact of a kind, or None."""
        return next((f for f in self.facts if f.kind == kind), None)


def make_ctx(brief: Brief, fmt: str) -> Ctx:
    """Return the rendering context for a brief and a script format."""
    tone = brief.tone if brief.tone in TONES else "friendly"
    return Ctx(brief, pack_for(brief.language), brief_facts(brief), tone, fmt)


def templates_for(ctx: Ctx, key: str) -> tuple[str, ...]:
    """Return the templates for a key, preferring the format-specific set."""
    templates = ctx.pack.templates
    return templates.get(f"{key}.{ctx.fmt}") or templates.get(key) or ()


def render(
    ctx: Ctx,
    template: str,
    role: str,
    bound: Mapping[str, Fact] | None = None,
    extra: Mapping[str, str] | None = None,
    strict: bool = True,
) -> ScriptLine | None:
    """Fill a template; None if a slot is missing or a field would open a sentence lowercase."""
    bound = bound or {}
    values = _slots(ctx, role)
    for key, fact in bound.items():
        upper = "{" + key.capitalize() + "}"
        if strict and ctx.pack.strict_case and upper in template and starts_lower(fact.text):
            return None
        lowered = lower_first(fact.text, ctx.name) if ctx.pack.lower_first else fact.text
        values[key], values[key.capitalize()] = lowered, fact.text
    values.update(extra or {})
    if ctx.pack.code == "es":
        template = _open_marks(template)
        values["open"] = "¡" if values["end"] == "!" else ""
    try:
        text = template.format_map(values)
    except (KeyError, IndexError):
        return None
    claims = tuple(f.claim for k, f in bound.items() if _uses(template, k))
    return make_line(ctx, finish(text), role, claims)


def _slots(ctx: Ctx, role: str) -> dict[str, str]:
    """Return the name, tone punctuation and tone words for a role."""
    values = {"name": ctx.name, "end": _ENDS[ctx.tone][role]}
    for key, word in ctx.pack.tone_words.get(ctx.tone, {}).items():
        values[key] = word
        values[key.capitalize()] = word[:1].upper() + word[1:]
    return values


def _uses(template: str, key: str) -> bool:
    """Return True if the template quotes the slot in either case."""
    return "{" + key + "}" in template or "{" + key.capitalize() + "}" in template


def finish(text: str) -> str:
    """Trim the line and give CJK sentences full-width marks; brief text stays verbatim."""
    return _CJK_END.sub(lambda m: m.group(1) + _FULL[m.group(2)], text.strip())


def _open_marks(template: str) -> str:
    """Put Spanish opening '¡' slots before each template sentence that ends in {end}."""
    parts = _SENTENCES.split(template)
    return " ".join("{open}" + p if p.endswith("{end}") and p[0] not in "¿¡" else p for p in parts)


def make_line(ctx: Ctx, text: str, role: str, claims: tuple[Claim, ...]) -> ScriptLine:
    """Return a ScriptLine with its shot and emphasis worked out."""
    kinds = {parse_path(c.source_field)[0] for c in claims}
    shot = "product" if kinds & PRODUCT_KINDS else "talk"
    return ScriptLine(text, role, shot, claims, emphasis(ctx, text, claims))


def emphasis(ctx: Ctx, text: str, claims: tuple[Claim, ...]) -> tuple[str, ...]:
    """Pick 1-3 words of the line to stress: the product name and each claim's key word."""
    words = [w for w in (bare_word(t) for t in text.split()) if w]
    stop = ctx.pack.stopwords
    name_words = {bare_word(w).lower() for w in ctx.name.split()}
    picks: list[str] = []
    named = [w for w in words if w.lower() in name_words]
    if named:
        picks.append(max(named, key=len))
    for claim in claims:
        inside = {bare_word(w).lower() for w in claim.text.split()}
        keys = [w for w in words if w.lower() in inside and w.lower() not in stop]
        if keys:
            picks.append(keys[max(range(len(keys)), key=lambda i: _weight(keys[i], i))])
    if not picks and words:
        picks.append(max([w for w in words if w.lower() not in stop] or words, key=len))
    return tuple(dict.fromkeys(picks))[:3]


def _weight(word: str, position: int) -> tuple[bool, int, int]:
    """Rank a stress candidate: brief figures ("20%", "$29") first, then length, then later."""
    # Ties go to the later word: English phrases end on their head noun.
    return (len(word) > 1 and any(c.isdigit() for c in word), len(word), position)


def pick(
    ctx: Ctx,
    key: str,
    fact: Fact | None,
    start: int,
    avoid: set[str],
    extra: Mapping[str, str] | None = None,
) -> list[ScriptLine]:
    """Render one body beat, rotating templates from `start`; split overlong facts."""
    templates = templates_for(ctx, key)
    bound = {"fact": fact} if fact else {}
    for strict, fresh in ((True, True), (True, False), (False, False)):
        for i in range(len(templates)):
            line = render(
                ctx, templates[(start + i) % len(templates)], "body", bound, extra, strict
            )
            if line is None or speech_words(line.text) > MAX_LINE_WORDS:
                continue
            if not fresh or opening(line.text) not in avoid:
                return [line]
    if fact is None:
        return []
    prefix = (extra or {}).get("ordinal", "") if key == "item" else ""
    return chunk_lines(ctx, fact, prefix)


def opening(text: str) -> str:
    """Return the first two words, lowercased, to keep connectors from repeating."""
    return " ".join(bare_word(w).lower() for w in text.split()[:2])


def chunk_lines(ctx: Ctx, fact: Fact, prefix: str = "") -> list[ScriptLine]:
    """Split a long fact into caption-sized lines; each cites its verbatim piece."""
    spans = [m.span() for m in re.finditer(r"\S+", fact.text)]
    lines: list[ScriptLine] = []
    i = 0
    while i < len(spans):
        j = _piece_end(fact.text, spans, i, MAX_LINE_WORDS - 2)
        piece = fact.text[spans[i][0] : spans[j - 1][1]]
        # Spanish would need an opening '¡' inside the fact, so split facts end calmly.
        end = "." if ctx.pack.code == "es" else _ENDS[ctx.tone]["body"]
        text = piece + (end if j == len(spans) else "")
        text = f"{prefix} {text}" if prefix and i == 0 else text
        claims = (Claim(piece, fact.path),)
        lines.append(make_line(ctx, finish(text), "body", claims))
        i = j
    return lines


def _piece_end(text: str, spans: list[tuple[int, int]], start: int, size: int) -> int:
    """Return the word index a piece ends at, preferring a comma in its second half."""
    end = min(len(spans), start + size)
    if end == len(spans):
        return end
    for k in range(end - 1, start + size // 2 - 1, -1):
        if text[spans[k][1] - 1] in ",;":
            return k + 1
    return end


def render_hook(ctx: Ctx, hook: Hook, count: int) -> ScriptLine | None:
    """Render a hook; None if the brief lacks what it needs or it runs too long."""
    extra: dict[str, str] = {}
    if "count" in hook.needs:
        if count < 1 or len(ctx.pack.counts) <= 1:
            return None
        word = ctx.pack.counts[min(count, len(ctx.pack.counts) - 1)]
        extra = {"count": word.lower(), "Count": word}
    kinds = [k for k in hook.needs if k != "count"]
    bound = {k: f for k in kinds if (f := ctx.first(k)) is not None}
    if len(bound) < len(kinds):
        return None
    template = hook.one if count == 1 and hook.one else hook.template
    line = render(ctx, template, "hook", bound, extra)
    if line is None or speech_words(line.text) > MAX_LINE_WORDS:
        return None
    return line


def render_cta(ctx: Ctx, index: int) -> ScriptLine:
    """Render the closing line from the brief's CTA, rotating the framing by `index`."""
    fact = ctx.first("cta")
    key = "cta" if fact else "cta.fallback"
    templates = templates_for(ctx, key) or ("{name}{end}",)
    bound = {"cta": fact} if fact else {}
    for strict in (True, False):
        for i in range(len(templates)):
            line = render(ctx, templates[(index + i) % len(templates)], "cta", bound, None, strict)
            if line is not None and speech_words(line.text) <= MAX_LINE_WORDS:
                return line
    last = render(ctx, templates[0], "cta", bound, None, False)
    return last or make_line(ctx, ctx.name, "cta", ())
