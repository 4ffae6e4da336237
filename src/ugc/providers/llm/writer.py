"""LLMScriptWriter: the ScriptWriter port on a chat model, with a one-shot repair of bad output."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ugc.pipeline.text import count_words
from ugc.pipeline.types import SCRIPT_FORMATS, Brief, Provenance, Script
from ugc.providers.errors import InvalidOutput
from ugc.providers.llm.backends import ChatBackend, ChatResult
from ugc.providers.llm.prompts import Prompt, load_prompt
from ugc.providers.llm.result import ParsedScript, Shape, parse_script

# (id, hint): the hook style each variant asks for, rotated with the format.
HOOK_STYLES: tuple[tuple[str, str], ...] = (
    ("question", "open with a question the viewer is already asking themselves"),
    ("pain", "open on the problem the product solves, in the viewer's words"),
    ("confession", "open with a personal confession, as if telling a friend"),
    ("pov", "open with a 'POV:' line that puts the viewer in the moment"),
    ("stop-scroll", "open by telling the viewer to stop scrolling, and why"),
    ("reaction", "open with a genuine first reaction to the product"),
)
REPAIR = (
    "Your previous answer was rejected: {error}\n"
    "Previous answer:\n{answer}\n\n"
    "Answer again with the corrected JSON object only, following every rule above."
)
_MAX_ECHO = 4000  # characters of the rejected answer sent back in the repair message


@dataclass(frozen=True)
class Usage:
    """Tokens billed across the calls of one write or adjust."""

    input_tokens: int = 0
    output_tokens: int = 0
    calls: int = 0

    def add(self, result: ChatResult) -> Usage:
        """Return this usage plus one call's tokens."""
        return Usage(
            self.input_tokens + result.input_tokens,
            self.output_tokens + result.output_tokens,
            self.calls + 1,
        )

    @property
    def total(self) -> int:
        """Return input plus output tokens."""
        return self.input_tokens + self.output_tokens


class LLMScriptWriter:
    """Write and resize scripts with a chat model; claims are checked against the brief."""

    def __init__(
        self,
        chat: ChatBackend,
        *,
        provider: str,
        model: str,
        prompt: Prompt,
        prices: tuple[float, float],
        banned_words: Sequence[str] = (),
        timeout: float = 30.0,
        adjust_prompt: Prompt | None = None,
    ) -> None:
        self.name = provider
        self.model = model
        self._chat = chat
        self._prompt = prompt
        self._adjust = adjust_prompt or load_prompt("script_adjust")
        self._prices = prices
        self._banned = tuple(w for w in banned_words if w.strip())
        self._timeout = timeout
        self.version = f"{provider}:{model}:{prompt.ident}+{self._adjust.ident}"
        if self._banned:
            digest = hashlib.sha256("\n".join(sorted(self._banned)).encode()).hexdigest()[:8]
            self.version += f":banned-{digest}"
        self.reports: dict[int, dict[str, Any]] = {}
        self.spent = Usage()  # every call, including those whose output was rejected
        self._lock = threading.Lock()

    def write(self, brief: Brief, variant: int, seed: int) -> Script:
        """Return variant `variant`: its format and hook style rotate so variants differ."""
        if variant < 0:
            raise ValueError(f"variant must be >= 0, got {variant}")
        fmt, (hook, hint) = plan_variant(brief, variant, seed)
        user = self._prompt.render(brief, variant, fmt, hint)
        shape = Shape(variant, fmt, f"llm.{hook}")
        parsed, usage = self._ask(self._prompt.system, user, brief, shape, seed)
        self._report(variant, parsed, usage, replace_report=True)
        prov = self._provenance(usage, self._prompt.ident, parsed)
        return replace(parsed.script, provenance=prov)

    def adjust(self, script: Script, brief: Brief, delta_words: int) -> Script:
        """Return the script lengthened (delta>0) or shortened (delta<0) by about delta words."""
        if delta_words == 0:
            return script
        current = round(count_words(script.text))
        extra = {
            "direction": "Lengthen" if delta_words > 0 else "Shorten",
            "delta_words": str(abs(delta_words)),
            "current_words": str(current),
            "goal_words": str(max(current + delta_words, 1)),
            "script_json": script_json(script),
        }
        user = self._adjust.render(brief, script.variant, script.format, "", extra)
        shape = Shape(script.variant, script.format, script.hook_id)
        parsed, usage = self._ask(self._adjust.system, user, brief, shape, script.variant)
        self._report(script.variant, parsed, usage, replace_report=False)
        # Provenance covers this call only: the router's ledger adds up the calls of a job.
        provenance = self._provenance(usage, f"{self._prompt.ident}+{self._adjust.ident}", parsed)
        return replace(parsed.script, provenance=provenance)

    def cost(self, usage: Usage) -> float:
        """Return the USD cost of some usage at this writer's prices (per million tokens)."""
        price_in, price_out = self._prices
        return (usage.input_tokens * price_in + usage.output_tokens * price_out) / 1_000_000

    def _ask(
        self, system: str, user: str, brief: Brief, shape: Shape, seed: int | None
    ) -> tuple[ParsedScript, Usage]:
        """Call the model and parse; on invalid output, retry once with the parse error."""
        first = self._call(system, user, seed)
        usage = Usage().add(first)
        try:
            return self._parse(first, brief, shape), usage
        except InvalidOutput as exc:
            answer = first.text[:_MAX_ECHO]
            repair = f"{user}\n\n{REPAIR.format(error=exc.message, answer=answer)}"
        second = self._call(system, repair, seed)
        usage = usage.add(second)
        try:
            parsed = self._parse(second, brief, shape)
        except InvalidOutput as exc:
            raise InvalidOutput(self.name, f"{exc.message} (after one repair)") from None
        return parsed, usage

    def _call(self, system: str, user: str, seed: int | None) -> ChatResult:
        """Send one request at temperature 0 and count its tokens."""
        result = self._chat.complete(
            system, user, model=self.model, temperature=0.0, seed=seed, timeout=self._timeout
        )
        with self._lock:
            self.spent = self.spent.add(result)
        return result

    def _parse(self, result: ChatResult, brief: Brief, shape: Shape) -> ParsedScript:
        """Return the checked script of one answer."""
        return parse_script(result, brief, shape, provider=self.name, banned_words=self._banned)

    def _provenance(self, usage: Usage, prompt: str, parsed: ParsedScript) -> Provenance:
        """Return the provenance of one write or adjust: model, prompt, tokens, cost, notes."""
        notes = tuple(
            f"removed claim {c.text!r} ({c.source_field}): {c.reason}"
            for c in parsed.removed_claims
        ) + tuple(f"dropped line {line!r}" for line in parsed.dropped_lines)
        return Provenance(
            self.name, self.model, prompt, float(usage.total), self.cost(usage), notes=notes
        )

    def _report(
        self, variant: int, parsed: ParsedScript, usage: Usage, *, replace_report: bool
    ) -> None:
        """Record removed claims, dropped and split lines for the variant (adjusts accumulate)."""
        with self._lock:
            report = self.reports.get(variant) if not replace_report else None
            if report is None:
                report = self.reports[variant] = {
                    "removed_claims": [],
                    "dropped_lines": [],
                    "split_lines": 0,
                    "calls": 0,
                    "tokens": 0,
                }
            report["removed_claims"] += [c.as_dict() for c in parsed.removed_claims]
            report["dropped_lines"] += list(parsed.dropped_lines)
            report["split_lines"] += parsed.split_lines
            report["calls"] += usage.calls
            report["tokens"] += usage.total


def plan_variant(brief: Brief, variant: int, seed: int) -> tuple[str, tuple[str, str]]:
    """Return the variant's format and hook style: every (format, hook) pair before repeats."""
    formats = brief.options.formats or SCRIPT_FORMATS
    per_round = len(formats)
    fmt = formats[variant % per_round]
    hook = HOOK_STYLES[(variant // per_round + variant % per_round + seed) % len(HOOK_STYLES)]
    return fmt, hook


def script_json(script: Script) -> str:
    """Return the script in the answer schema, for the adjust prompt."""
    lines = [
        {
            "role": line.role,
            "text": line.text,
            "shot": line.shot,
            "claims": [{"text": c.text, "source_field": c.source_field} for c in line.claims],
            "emphasis": list(line.emphasis),
        }
        for line in script.lines
    ]
    return json.dumps({"lines": lines}, ensure_ascii=False, indent=1)
