"""Variant planning: a deterministic stream of (format, hook, arrangement, CTA) choices."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from ugc.pipeline.types import SCRIPT_FORMATS, Brief, Script
from ugc.providers.offline.copy_fit import fit
from ugc.providers.offline.copy_formats import (
    arrange,
    arrangement_count,
    body_lines,
    item_count,
)
from ugc.providers.offline.copy_model import WORDS_PER_SECOND, Hook, speech_words
from ugc.providers.offline.copy_render import Ctx, make_ctx, make_line, render_cta, render_hook


@dataclass(frozen=True)
class Plan:
    """Everything that distinguishes one variant from another."""

    fmt: str
    hook: Hook
    arrangement: int
    cta: int
    salt: int


def allowed_formats(brief: Brief) -> tuple[str, ...]:
    """Return the brief's formats that this writer knows, in brief order."""
    formats = tuple(dict.fromkeys(f for f in brief.options.formats if f in SCRIPT_FORMATS))
    if not formats:
        raise ValueError(f"no known script format in {brief.options.formats!r}")
    return formats


def eligible_hooks(ctx: Ctx) -> list[Hook]:
    """Return the hooks that fit the format, tone and brief; fall back to any that render."""
    items = item_count(ctx)

    def renders(hook: Hook) -> bool:
        if "count" in hook.needs and items < 2:
            return False
        return render_hook(ctx, hook, items) is not None

    hooks = ctx.pack.hooks
    fitting = [h for h in hooks if ctx.fmt in h.formats and ctx.tone in h.tones and not h.fallback]
    found = [h for h in fitting if renders(h)]
    return (
        found or [h for h in hooks if h.fallback and renders(h)] or [h for h in hooks if renders(h)]
    )


def plans(brief: Brief, seed: int) -> Iterator[Plan]:
    """Yield plans forever: formats round-robin, each time its least-used fitting hook."""
    rng = random.Random(seed)
    formats = list(allowed_formats(brief))
    rng.shuffle(formats)
    pools: dict[str, list[Hook]] = {}
    for fmt in formats:
        pools[fmt] = eligible_hooks(make_ctx(brief, fmt))
        rng.shuffle(pools[fmt])
    span = arrangement_count(make_ctx(brief, formats[0]))
    cta0, arr0, salt0 = rng.randrange(97), rng.randrange(97), rng.randrange(97)
    used: dict[str, int] = {}
    first: dict[str, int] = {}
    k = 0
    while True:
        fmt = formats[k % len(formats)]
        pool = pools[fmt]
        hook = min(pool, key=lambda h: (used.get(h.id, 0), pool.index(h)))
        uses = used.get(hook.id, 0)
        used[hook.id] = uses + 1
        first.setdefault(hook.id, k)
        # A hook's uses walk a mixed radix over (arrangement, CTA): no pair comes back
        # before every arrangement has been tried with every CTA framing.
        lap, step = divmod(uses, span)
        cta = cta0 + first[hook.id] + step + lap
        yield Plan(fmt, hook, arr0 + uses, cta, salt0 + 3 * k)
        k += 1


def build(brief: Brief, plan: Plan, variant: int) -> Script:
    """Return the script a plan describes, fitted to the brief's target length."""
    ctx = make_ctx(brief, plan.fmt)
    hook = render_hook(ctx, plan.hook, item_count(ctx)) or make_line(ctx, ctx.name, "hook", ())
    used = {c.source_field for c in hook.claims}
    body = body_lines(ctx, arrange(ctx, plan.arrangement, used), plan.salt)
    lines = (hook, *body, render_cta(ctx, plan.cta))
    script = Script(
        variant=variant,
        format=plan.fmt,
        hook_id=plan.hook.id,
        lines=lines,
        language=brief.language,
        disclosure=brief.options.disclosure,
    )
    target = round(brief.target_seconds * WORDS_PER_SECOND)
    return fit(ctx, script, target - speech_words(script.text))
