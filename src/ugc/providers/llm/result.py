"""Turn a model's JSON answer into a checked Script: shape, roles, banned words, claims, length."""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ugc.pipeline.text import count_words, join_tokens, tokenize
from ugc.pipeline.types import Brief, Claim, Product, Script, ScriptLine
from ugc.providers.errors import InvalidOutput
from ugc.providers.llm.backends import ChatResult
from ugc.providers.llm.prompts import MAX_LINE_WORDS

_FENCE = re.compile(r"^```[\w-]*\s*\n(?P<body>.*?)\n?```\s*$", re.DOTALL)
_PATH = re.compile(r"^product\.(?P<attr>[a-z_]+)(?:\[(?P<index>\d+)\])?$")
_BREAKS = (".!?…。！？", ";:,，、—–")  # sentence ends first, then clause breaks
_PRODUCT_FIELDS = {"benefits", "description", "offer", "price"}
_PRODUCT_ATTRS = {f.name for f in dataclasses.fields(Product)}


class _ClaimIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)

    text: str
    source_field: str


class _LineIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)

    role: Literal["hook", "body", "cta"]
    text: str = Field(min_length=1)
    shot: Literal["talk", "product", "broll"] | None = None
    claims: list[_ClaimIn] = Field(default_factory=list)
    emphasis: list[str] = Field(default_factory=list)


class _ScriptIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)

    lines: list[_LineIn] = Field(min_length=2)


@dataclass(frozen=True)
class RemovedClaim:
    """A claim the model made that the brief does not back, and why it was removed."""

    line: int
    text: str
    source_field: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """Return the claim as a JSON-ready dict."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Shape:
    """What the caller already decided about the script: variant, format and hook id."""

    variant: int
    format: str
    hook_id: str


@dataclass(frozen=True)
class ParsedScript:
    """A checked script, the claims and lines removed from it, and the call's token usage."""

    script: Script
    removed_claims: tuple[RemovedClaim, ...]
    dropped_lines: tuple[str, ...]
    split_lines: int
    input_tokens: int
    output_tokens: int


def parse_script(
    result: ChatResult,
    brief: Brief,
    shape: Shape,
    *,
    provider: str,
    banned_words: Sequence[str] = (),
) -> ParsedScript:
    """Return the checked script; raise InvalidOutput (with a reason a model can act on)."""
    raw = validate_shape(result.text, provider)
    check_roles(raw, provider)
    check_banned(raw, banned_words, provider)
    lines, removed, dropped = check_claims(raw, brief.product, provider)
    split = [piece for line in lines for piece in split_line(line, provider)]
    script = Script(
        variant=shape.variant,
        format=shape.format,
        hook_id=shape.hook_id,
        lines=tuple(split),
        language=brief.language,
        disclosure=brief.options.disclosure,
    )
    return ParsedScript(
        script, removed, dropped, len(split) - len(lines), result.input_tokens, result.output_tokens
    )


def strip_fences(text: str) -> str:
    """Return the JSON part of an answer: without code fences or prose around the object."""
    text = text.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group("body").strip()
    if not text.startswith("{") and "{" in text and "}" in text:
        text = text[text.index("{") : text.rindex("}") + 1]
    return text


def validate_shape(text: str, provider: str) -> _ScriptIn:
    """Return the answer parsed against the script schema."""
    try:
        data = json.loads(strip_fences(text))
    except json.JSONDecodeError as exc:
        raise InvalidOutput(provider, f"answer is not valid JSON: {exc}") from None
    try:
        return _ScriptIn.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'answer'}: {err['msg']}"
            for err in exc.errors()[:5]
        )
        raise InvalidOutput(
            provider, f"answer does not match the script schema: {problems}"
        ) from None


def check_roles(raw: _ScriptIn, provider: str) -> None:
    """Require one hook first, one cta last and body lines between."""
    roles = [line.role for line in raw.lines]
    if roles[0] != "hook" or roles[-1] != "cta" or set(roles[1:-1]) - {"body"}:
        raise InvalidOutput(
            provider, f"roles must be hook, body..., cta in that order; got {', '.join(roles)}"
        )


def check_banned(raw: _ScriptIn, banned_words: Sequence[str], provider: str) -> None:
    """Reject the script if any line uses a banned word (case-insensitive, whole word)."""
    for word in (w.strip() for w in banned_words):
        if not word:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        for i, line in enumerate(raw.lines):
            if pattern.search(line.text):
                raise InvalidOutput(provider, f"line {i + 1} uses the banned word {word!r}")


def check_claims(
    raw: _ScriptIn, product: Product, provider: str
) -> tuple[list[ScriptLine], tuple[RemovedClaim, ...], tuple[str, ...]]:
    """Keep claims the brief backs; drop body lines that voice a claim found nowhere in it."""
    lines: list[ScriptLine] = []
    removed: list[RemovedClaim] = []
    dropped: list[str] = []
    for i, line in enumerate(raw.lines):
        kept: list[Claim] = []
        invented = False
        for claim in line.claims:
            reason = claim_problem(claim.text, claim.source_field, line.text, product)
            if reason is None:
                kept.append(Claim(claim.text.strip(), claim.source_field))
                continue
            removed.append(RemovedClaim(i + 1, claim.text, claim.source_field, reason))
            invented |= voices_invented(claim.text, line.text, product)
        if invented and line.role != "body":
            raise InvalidOutput(
                provider, f"line {i + 1} ({line.role}) states a claim that is not in the brief"
            )
        if invented:
            dropped.append(line.text)
            continue
        lines.append(make_line(line, tuple(kept)))
    return lines, tuple(removed), tuple(dropped)


def claim_problem(text: str, source_field: str, line: str, product: Product) -> str | None:
    """Return why a claim is not backed by the brief, or None when it is."""
    said = norm(text)
    if not any(ch.isalnum() for ch in said):
        return "empty claim"
    field = resolve(product, source_field)
    if field is None:
        return f"no brief field {source_field!r}"
    if said not in norm(field):
        return f"text is not in {source_field}"
    if said not in norm(line):
        return "the line does not say it"
    return None


def voices_invented(text: str, line: str, product: Product) -> bool:
    """Return True if the line says the claim and no brief field contains it."""
    said = norm(text)
    if not said or said not in norm(line):
        return False
    return not any(said in norm(value) for value in field_values(product))


def resolve(product: Product, path: str) -> str | None:
    """Return the text of a brief field path such as 'product.benefits[1]', or None."""
    match = _PATH.match(path.strip())
    if not match or match.group("attr") not in _PRODUCT_ATTRS:
        return None
    value = getattr(product, match.group("attr"))
    index = match.group("index")
    if isinstance(value, tuple):
        if index is None or int(index) >= len(value):
            return None
        return str(value[int(index)])
    return str(value) if index is None else None


def field_values(product: Product) -> list[str]:
    """Return the text of every product field."""
    out: list[str] = []
    for attr in sorted(_PRODUCT_ATTRS):
        value = getattr(product, attr)
        out += [str(v) for v in value] if isinstance(value, tuple) else [str(value)]
    return out


def norm(text: str) -> str:
    """Return text folded for comparison: NFKC, casefolded, one space between words."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(text.split())


def make_line(line: _LineIn, claims: tuple[Claim, ...]) -> ScriptLine:
    """Return a ScriptLine with a default shot and only the emphasis words the line says."""
    shot = line.shot or default_shot(claims)
    return ScriptLine(
        line.text.strip(), line.role, shot, claims, said_phrases(line.emphasis, line.text)
    )


def default_shot(claims: Sequence[Claim]) -> str:
    """Return 'product' when a claim cites what the product is, does or costs, else 'talk'."""
    attrs = {m.group("attr") for c in claims if (m := _PATH.match(c.source_field))}
    return "product" if attrs & _PRODUCT_FIELDS else "talk"


def said_phrases(phrases: Sequence[str], text: str) -> tuple[str, ...]:
    """Return up to three of the phrases that the text says as whole words."""
    words = f" {' '.join(_bare(t) for t in tokenize(norm(text)))} "
    kept = [p.strip() for p in phrases if _bare_phrase(p) and f" {_bare_phrase(p)} " in words]
    return tuple(dict.fromkeys(kept))[:3]


def _bare(token: str) -> str:
    return "".join(ch for ch in token if ch.isalnum() or ch in "'-$%").strip("'-")


def _bare_phrase(phrase: str) -> str:
    return " ".join(b for b in (_bare(t) for t in tokenize(norm(phrase))) if b)


def split_line(line: ScriptLine, provider: str) -> list[ScriptLine]:
    """Split a line over the word limit at punctuation, keeping each claim whole in one piece."""
    tokens = tokenize(line.text)
    pieces: list[list[str]] = []
    while count_words(join_tokens(tokens)) > MAX_LINE_WORDS:
        cut = best_break(tokens, line.claims)
        if cut is None:
            words = count_words(line.text)
            raise InvalidOutput(
                provider, f"line {line.text!r} has {words:g} words (at most {MAX_LINE_WORDS})"
            )
        pieces.append(tokens[:cut])
        tokens = tokens[cut:]
    if not pieces:
        return [line]
    return [piece_line(line, join_tokens(p)) for p in [*pieces, tokens]]


def best_break(tokens: list[str], claims: Sequence[Claim]) -> int | None:
    """Return the latest break (after a sentence end, else a clause mark) within the limit."""
    whole = norm(join_tokens(tokens))
    for marks in _BREAKS:
        for cut in range(len(tokens) - 1, 0, -1):
            head, tail = join_tokens(tokens[:cut]), join_tokens(tokens[cut:])
            if tokens[cut - 1][-1] not in marks or count_words(head) > MAX_LINE_WORDS:
                continue
            if all(
                norm(c.text) in norm(head) or norm(c.text) in norm(tail)
                for c in claims
                if norm(c.text) in whole
            ):
                return cut
    return None


def piece_line(line: ScriptLine, text: str) -> ScriptLine:
    """Return one piece of a split line with the claims and emphasis that fall inside it."""
    claims = tuple(c for c in line.claims if norm(c.text) in norm(text))
    emphasis = said_phrases(line.emphasis, text)
    return dataclasses.replace(line, text=text, claims=claims, emphasis=emphasis)
