"""RuleBasedCopywriter: offline, template-driven UGC scripts that only quote the brief."""

from __future__ import annotations

from dataclasses import replace
from itertools import islice

from ugc.pipeline.types import Brief, Script
from ugc.providers.offline.copy_fit import fit
from ugc.providers.offline.copy_plan import build, plans
from ugc.providers.offline.copy_render import make_ctx


class RuleBasedCopywriter:
    """Write and resize scripts from hook, connector and CTA templates; no network, no model."""

    name = "rule-copywriter"
    version = "1"

    def write(self, brief: Brief, variant: int, seed: int) -> Script:
        """Return variant `variant`: the variant-th distinct script in the seed's plan stream."""
        if variant < 0:
            raise ValueError(f"variant must be >= 0, got {variant}")
        seen: set[str] = set()
        found: list[Script] = []
        # Plans can collide on sparse briefs, so duplicates are skipped; the cap stops a
        # brief with too few fields from searching forever, and then variants wrap around.
        for plan in islice(plans(brief, seed), 8 * (variant + 1) + 32):
            script = build(brief, plan, len(found))
            if script.text in seen:
                continue
            seen.add(script.text)
            found.append(script)
            if len(found) > variant:
                return script
        return replace(found[variant % len(found)], variant=variant)

    def adjust(self, script: Script, brief: Brief, delta_words: int) -> Script:
        """Return the script lengthened (delta>0) or shortened (delta<0) by about delta words."""
        return fit(make_ctx(brief, script.format), script, delta_words)
