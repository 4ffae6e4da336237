"""The Timeline IR: the one structure the renderer reads, built from script, voice and choices."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ugc.pipeline.agents.captions import Cue, cues_from_json, cues_to_json
from ugc.pipeline.types import BrandKit, Script, WordTiming

TAIL = 1.0  # seconds the CTA card stays after the last word
MIN_SHOT = 0.8  # shorter product cut-ins are merged back into the talking shot


@dataclass(frozen=True)
class Segment:
    """A span of the scene track: 'talk', 'product' or 'broll' (with an index), or 'cta'."""

    kind: str
    start: float
    end: float
    image: int = -1


@dataclass(frozen=True)
class Timeline:
    """Everything the renderer draws, in time order; heavy media are referenced by path."""

    duration: float
    segments: tuple[Segment, ...]
    cues: tuple[Cue, ...]
    persona: str
    setting: str
    caption_style: str
    brand: BrandKit
    product_name: str
    offer: str
    cta: str
    price: str
    disclosure: str | None
    product_images: tuple[str, ...]
    talking_clip: str | None
    seed: int
    broll: tuple[str, ...] = ()

    def segment_at(self, t: float) -> Segment:
        """Return the scene segment covering time t."""
        for seg in self.segments:
            if seg.start <= t < seg.end:
                return seg
        return self.segments[-1]

    def to_json(self) -> dict[str, Any]:
        """Serialise for the artifact store."""
        data = dataclasses.asdict(self)
        data["cues"] = cues_to_json(self.cues)
        return data

    @staticmethod
    def from_json(data: dict[str, Any]) -> Timeline:
        """Load a timeline written by to_json."""
        fields = dict(data)
        fields["segments"] = tuple(Segment(**s) for s in data["segments"])
        fields["cues"] = tuple(cues_from_json(data["cues"]))
        fields["brand"] = BrandKit.from_json(data["brand"])
        fields["product_images"] = tuple(data["product_images"])
        fields["broll"] = tuple(data.get("broll", ()))
        return Timeline(**fields)


def line_spans(words: Sequence[WordTiming], n_lines: int) -> list[tuple[float, float]]:
    """Return (start, end) of each script line from its words."""
    spans: list[tuple[float, float]] = []
    for i in range(n_lines):
        ws = [w for w in words if w.line == i]
        spans.append((ws[0].start, ws[-1].end) if ws else (spans[-1][1] if spans else 0.0,) * 2)
    return spans


def plan_segments(
    script: Script,
    words: Sequence[WordTiming],
    duration: float,
    n_images: int,
    n_broll: int = 0,
) -> tuple[Segment, ...]:
    """Cut between the talking shot, product cut-ins (images, B-roll) and the CTA card."""
    spans = line_spans(words, len(script.lines))
    raw: list[Segment] = []
    shown = 0
    kinds = [k for k, n in (("product", n_images), ("broll", n_broll)) if n]
    for i, (line, (start, _end)) in enumerate(zip(script.lines, spans, strict=True)):
        end = spans[i + 1][0] if i + 1 < len(spans) else duration
        start = 0.0 if i == 0 else start
        if line.role == "cta":
            raw.append(Segment("cta", start, duration))
            break
        if line.shot == "product" and kinds and line.role != "hook" and end - start >= MIN_SHOT:
            kind = kinds[shown % len(kinds)]
            count = n_images if kind == "product" else n_broll
            raw.append(Segment(kind, start, end, (shown // len(kinds)) % count))
            shown += 1
        else:
            raw.append(Segment("talk", start, end))
    if not raw or raw[-1].kind != "cta":
        # No spoken CTA line (e.g. a creator clip): the card takes the closing TAIL seconds.
        start = max(duration - TAIL, 0.0)
        raw = [dataclasses.replace(s, end=min(s.end, start)) for s in raw if s.start < start]
        raw.append(Segment("cta", start, duration))
    return _merge(raw)


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    """Join adjacent talking spans and close any gaps."""
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1].kind == seg.kind == "talk":
            out[-1] = dataclasses.replace(out[-1], end=seg.end)
        elif out:
            out[-1] = dataclasses.replace(out[-1], end=seg.start)
            out.append(seg)
        else:
            out.append(dataclasses.replace(seg, start=0.0))
    return tuple(s for s in out if s.end > s.start)
