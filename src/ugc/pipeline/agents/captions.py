"""The caption agent: group voice word timings into cues and write SRT and WebVTT."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ugc.pipeline.text import is_spoken, join_tokens, no_space_between
from ugc.pipeline.types import WordTiming

STYLES: tuple[str, ...] = ("pop", "box", "karaoke", "subtle")
MAX_WORDS = 3
MAX_CHARS = 18
HOLD = 0.35  # seconds a cue stays up after its last word when nothing follows


@dataclass(frozen=True)
class Cue:
    """A caption shown from start to end; word i is highlighted from starts[i]."""

    start: float
    end: float
    words: tuple[str, ...]
    starts: tuple[float, ...]

    def active(self, t: float) -> int:
        """Return the index of the word highlighted at time t (-1 before the first)."""
        idx = -1
        for i, s in enumerate(self.starts):
            if t + 1e-6 >= s:
                idx = i
        return idx

    @property
    def text(self) -> str:
        """Return the cue's text."""
        return join_tokens(self.words)


def _spaceless(token: str) -> bool:
    """Return True for a token from a script written without spaces (one CJK character)."""
    return no_space_between(token, token)


def _breaks_after(word: str) -> bool:
    """Return True if a cue should end after this word (sentence or clause end)."""
    return word.rstrip("\"'”’)").endswith(
        (".", ",", "!", "?", ";", ":", "…", "。", "，", "！", "？")
    )


def group_cues(words: Sequence[WordTiming]) -> list[Cue]:
    """Group words into short cues that never cross a script line."""
    groups: list[list[WordTiming]] = []
    for w in words:
        cur = groups[-1] if groups else None
        if (
            cur is None
            or cur[-1].line != w.line
            or len(cur) >= (MAX_CHARS // 2 if _spaceless(w.text) else MAX_WORDS)
            or len(join_tokens([*(x.text for x in cur), w.text])) > MAX_CHARS
            or _breaks_after(cur[-1].text)
        ):
            groups.append([w])
        else:
            cur.append(w)
    return _timed(groups)


def _timed(groups: list[list[WordTiming]]) -> list[Cue]:
    """Turn word groups into cues that end when the next begins (or after a short hold)."""
    cues: list[Cue] = []
    for i, g in enumerate(groups):
        start = g[0].start
        nxt = groups[i + 1][0].start if i + 1 < len(groups) else None
        end = max(g[-1].end, start + 0.1) + HOLD
        if nxt is not None:
            end = min(end, nxt)
        starts = tuple(_onset(w, g[0].start) for w in g)
        cues.append(Cue(start, max(end, start + 0.05), tuple(w.text for w in g), starts))
    return cues


def _onset(w: WordTiming, first: float) -> float:
    """Return a word's highlight time; unspoken tokens (emoji) light up with the cue."""
    return w.start if is_spoken(w.text) else max(first, w.start)


def _stamp(t: float, sep: str) -> str:
    """Format seconds as HH:MM:SS<sep>mmm."""
    ms = round(t * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def to_srt(cues: Sequence[Cue]) -> str:
    """Render cues as SubRip."""
    blocks = [
        f"{i}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.text}\n"
        for i, c in enumerate(cues, 1)
    ]
    return "\n".join(blocks)


def to_vtt(cues: Sequence[Cue]) -> str:
    """Render cues as WebVTT, with per-word timestamps for karaoke-capable players."""
    lines = ["WEBVTT", ""]
    for c in cues:
        lines.append(f"{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}")
        text = c.words[0]
        for prev, word, s in zip(c.words, c.words[1:], c.starts[1:], strict=False):
            text += ("" if no_space_between(prev, word) else " ") + f"<{_stamp(s, '.')}>{word}"
        lines.extend((text, ""))
    return "\n".join(lines)


def cues_to_json(cues: Sequence[Cue]) -> list[dict[str, object]]:
    """Serialise cues."""
    return [
        {"start": c.start, "end": c.end, "words": list(c.words), "starts": list(c.starts)}
        for c in cues
    ]


def cues_from_json(data: Sequence[dict[str, Any]]) -> list[Cue]:
    """Load cues written by cues_to_json."""
    return [
        Cue(
            float(d["start"]),
            float(d["end"]),
            tuple(str(w) for w in d["words"]),
            tuple(float(x) for x in d["starts"]),
        )
        for d in data
    ]
