"""The conflict resolver for length: re-write and re-voice until the ad fits its target."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ugc.pipeline.ports import ScriptWriter
from ugc.pipeline.text import count_words
from ugc.pipeline.types import Brief, Provenance, Script, VoiceTrack, merge_provenance

AIM = 0.06  # aim inside ±6% so the ±10% QA limit keeps a margin
MAX_ROUNDS = 5


@dataclass(frozen=True)
class Fitted:
    """The script that fits, its voice track, and every resolution taken to get there."""

    script: Script
    voice: VoiceTrack
    resolutions: tuple[dict[str, Any], ...]


def fit_length(
    script: Script,
    brief: Brief,
    writer: ScriptWriter,
    speak: Callable[[Script], VoiceTrack],
    tail: float,
) -> Fitted:
    """Voice the script; shorten or lengthen it until duration+tail is within AIM of target."""
    target = float(brief.target_seconds)
    best: tuple[float, Script, VoiceTrack] | None = None
    log: list[dict[str, Any]] = []
    spent: list[Provenance | None] = [script.provenance]  # every call that built the result
    voiced: list[Provenance | None] = []
    for round_no in range(MAX_ROUNDS):
        voice = speak(script)
        voiced.append(voice.provenance)
        total = voice.duration + tail
        err = (total - target) / target
        if best is None or abs(err) < abs(best[0]):
            best = (err, script, voice)
        if abs(err) <= AIM:
            break
        words = max(1.0, count_words(script.text))
        delta = round((target - total) * words / max(voice.duration, 0.5))
        adjusted = writer.adjust(script, brief, delta)
        log.append(
            {
                "round": round_no + 1,
                "check": "length",
                "seconds": round(total, 3),
                "target": target,
                "action": "lengthen" if delta > 0 else "shorten",
                "delta_words": delta,
            }
        )
        if adjusted == script:
            break
        script = adjusted
        spent.append(script.provenance)
    assert best is not None
    _err, final, voice = best
    final = replace(final, provenance=merge_provenance(tuple(spent)))
    voice = replace(voice, provenance=merge_provenance(tuple(voiced)))
    return Fitted(final, voice, tuple(log))
