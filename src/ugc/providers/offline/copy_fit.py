"""Lengthen or shorten a script by about N words without touching its hook or CTA."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial

from ugc.pipeline.types import Script, ScriptLine
from ugc.providers.offline.copy_model import Fact, parse_path, speech_words
from ugc.providers.offline.copy_render import Ctx, make_line, opening, pick, render, render_hook

# Which body lines go first when shortening: framing and filler, then the least central facts.
_BASE = {"benefit": 70, "description": 65, "pain": 55, "offer": 50, "price": 40, "audience": 35}
_GROWTH_ORDER = ("benefit", "pain", "description", "offer", "price", "audience")


def fit(ctx: Ctx, script: Script, delta: float) -> Script:
    """Return the script moved by about `delta` words, listicle numbering kept consistent."""
    lines = list(script.lines)
    if delta < 0:
        lines = _shrink(ctx, lines, -delta)
    elif delta > 0:
        # Each variant starts the filler rotation elsewhere, so variants don't share padding.
        lines = _grow(ctx, lines, delta, zlib.crc32(f"{script.variant}:{script.hook_id}".encode()))
    return replace(script, lines=tuple(_renumber(ctx, lines, script.hook_id)))


def _words(lines: list[ScriptLine]) -> float:
    """Return the spoken word count of some lines."""
    return sum(speech_words(line.text) for line in lines)


def _path(line: ScriptLine) -> str:
    """Return the field a line mainly quotes, or '' for filler."""
    return line.claims[0].source_field if line.claims else ""


def priorities(ctx: Ctx, lines: list[ScriptLine]) -> list[int]:
    """Return how much each line is worth keeping; earlier fields of a kind lead, so rank higher."""
    seen: dict[str, list[str]] = {}
    out: list[int] = []
    for i, line in enumerate(lines):
        path = _path(line)
        kind = parse_path(path)[0]
        paths = seen.setdefault(kind, [])
        if not path:
            out.append(10)
        elif path in paths and _path(lines[i - 1]) != path:
            out.append(15)  # a recap of something already said goes first
        else:
            if path not in paths:
                paths.append(path)
            boost = 20 if kind == "pain" and ctx.fmt == "problem-solution" else 0
            out.append(_BASE.get(kind, 30) + boost - min(paths.index(path), 9))
    return out


def _units(ctx: Ctx, lines: list[ScriptLine]) -> list[list[int]]:
    """Return removable runs of body lines (a split fact is one run), cheapest first."""
    rank = priorities(ctx, lines)
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.role != "body" or line.kept:
            continue
        joined = (
            runs and runs[-1][-1] == i - 1 and _path(line) and _path(lines[i - 1]) == _path(line)
        )
        if joined:
            runs[-1].append(i)
        else:
            runs.append([i])
    shown = [u for u in runs if lines[u[0]].shot == "product"] or runs
    if shown:
        keep = max(shown, key=lambda u: (rank[u[0]], -u[0]))
        runs = [u for u in runs if u is not keep]
    return sorted(runs, key=lambda u: (rank[u[0]], -u[0]))


def _shrink(ctx: Ctx, lines: list[ScriptLine], need: float) -> list[ScriptLine]:
    """Drop low-priority body lines, then trim connectors, while that gets closer to `need`."""
    removed, drop = 0.0, set()
    for unit in _units(ctx, lines):
        size = _words([lines[i] for i in unit])
        if need - removed <= 0:
            break
        if size < 2 * (need - removed):
            removed += size
            drop.update(unit)
    kept = [line for i, line in enumerate(lines) if i not in drop]
    rank = priorities(ctx, kept)
    for i in sorted(range(len(kept)), key=lambda i: (rank[i], -i)):
        bare = _bare(ctx, kept[i])
        saving = speech_words(kept[i].text) - speech_words(bare.text) if bare else 0
        if need - removed > 0 and bare and 0 < saving < 2 * (need - removed):
            kept[i] = bare
            removed += saving
    return kept


def _bare(ctx: Ctx, line: ScriptLine) -> ScriptLine | None:
    """Return the line as just its fact, without the connector, or None if not possible."""
    if line.role != "body" or line.kept or len(line.claims) != 1 or _ordinal(ctx, line):
        return None
    claim = line.claims[0]
    kind = parse_path(claim.source_field)[0]
    # A bare price, offer or audience is not a sentence; those keep their connector.
    if kind not in ("benefit", "pain", "description"):
        return None
    fact = Fact(claim.source_field, kind, claim.text)
    return render(ctx, "{Fact}{end}", "body", {"fact": fact})


def _grow(ctx: Ctx, lines: list[ScriptLine], need: float, turn: int) -> list[ScriptLine]:
    """Add unused brief fields, then filler, while each addition gets closer to `need`."""
    added = 0.0
    for make in _candidates(ctx, turn):
        if need - added <= 0:
            break
        new = make(lines)
        size = _words(new)
        if new and size < 2 * (need - added):
            at = _insert_at(ctx, lines, new[0])
            lines = lines[:at] + new + lines[at:]
            added += size
    return lines


Maker = Callable[[list[ScriptLine]], list[ScriptLine]]


def _candidates(ctx: Ctx, turn: int) -> Iterator[Maker]:
    """Yield line makers: unused facts first, then tone filler mixed with benefit recaps."""
    for kind in _GROWTH_ORDER:
        for fact in (f for f in ctx.facts if f.kind == kind):
            yield partial(_fact_lines, ctx, fact, "")
    fillers = ctx.pack.fillers
    recaps = [partial(_fact_lines, ctx, f, "recap") for f in ctx.facts if f.kind == "benefit"]
    for i, text in enumerate(
        _turned(fillers.get(ctx.tone, ()), turn) + _turned(fillers.get("any", ()), turn)
    ):
        yield partial(_filler_lines, ctx, text)
        # Every third addition restates a benefit, so long scripts keep selling.
        if i % 2 == 1 and recaps:
            yield recaps.pop(0)
    yield from recaps


def _turned(items: tuple[str, ...], turn: int) -> tuple[str, ...]:
    """Return the items rotated to start at `turn`."""
    at = turn % len(items) if items else 0
    return items[at:] + items[:at]


def _fact_lines(ctx: Ctx, fact: Fact, key: str, lines: list[ScriptLine]) -> list[ScriptLine]:
    """Return the fact as new body lines; only a recap (key 'recap') may cite it twice."""
    cited = {c.source_field for line in lines for c in line.claims}
    if (fact.path in cited and not key) or (key and not ctx.pack.templates.get(key)):
        return []
    key = key or _key_for(ctx, fact)
    extra = {"ordinal": ctx.pack.ordinals[-1]} if key == "item" and ctx.pack.ordinals else {}
    avoid = {opening(line.text) for line in lines}
    new = pick(ctx, key, fact, len(lines) + len(cited), avoid, extra)
    texts = {line.text for line in lines}
    return [] if any(line.text in texts for line in new) else new


def _filler_lines(ctx: Ctx, template: str, lines: list[ScriptLine]) -> list[ScriptLine]:
    """Return the filler as a new body line unless the script already says it."""
    line = render(ctx, template, "body")
    if line is None or any(line.text == old.text for old in lines):
        return []
    return [line]


def _key_for(ctx: Ctx, fact: Fact) -> str:
    """Return the template key a grown fact is phrased with."""
    if ctx.fmt == "listicle" and fact.kind in ("benefit", "offer", "price"):
        return "item"
    return fact.kind


def _insert_at(ctx: Ctx, lines: list[ScriptLine], line: ScriptLine) -> int:
    """Return where a new body line belongs: pains early, items together, fillers spread."""
    last = len(lines) - 1
    kinds = {parse_path(c.source_field)[0] for c in line.claims}
    if "pain" in kinds:
        at = 1
        while at < last and any(parse_path(c.source_field)[0] == "pain" for c in lines[at].claims):
            at += 1
        return at
    items = [i for i, old in enumerate(lines) if _ordinal(ctx, old)]
    if _ordinal(ctx, line) and items:
        return items[-1] + 1
    if not line.claims:
        return _filler_slot(lines)
    return last


def _filler_slot(lines: list[ScriptLine]) -> int:
    """Return the slot after the next product line that has no filler after it yet."""
    last = len(lines) - 1
    for i in range(1, last):
        here, after = lines[i], lines[i + 1]
        same = (
            after.claims
            and here.claims
            and after.claims[0].source_field == here.claims[0].source_field
        )
        if here.shot == "product" and after.claims and not same:
            return i + 1
    return last


def _ordinal(ctx: Ctx, line: ScriptLine) -> str:
    """Return the listicle ordinal a body line starts with, or ''."""
    if line.role != "body" or ctx.fmt != "listicle":
        return ""
    return next((o for o in ctx.pack.ordinals if line.text.startswith(o + " ")), "")


def _renumber(ctx: Ctx, lines: list[ScriptLine], hook_id: str) -> list[ScriptLine]:
    """Renumber listicle items in order and make a counting hook match the item count."""
    ordinals, out, n = ctx.pack.ordinals, [], 0
    for line in lines:
        old = _ordinal(ctx, line)
        if old and not line.kept:
            want = ordinals[min(n, len(ordinals) - 1)]
            n += 1
            if want != old:
                line = make_line(ctx, want + line.text[len(old) :], line.role, line.claims)
        out.append(line)
    hook = next((h for h in ctx.pack.hooks if h.id == hook_id), None)
    if out and hook and "count" in hook.needs and n and not out[0].kept:
        out[0] = render_hook(ctx, hook, n) or out[0]
    return out
