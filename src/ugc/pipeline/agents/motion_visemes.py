"""Lip-sync: schedule one mouth shape per frame so each change lands within a frame of its onset."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ugc.pipeline.agents.persona_visemes import is_mark, viseme_for
from ugc.pipeline.types import PhonemeTiming

# A silence shorter than this between phonemes holds the last shape: closing the mouth for
# one or two frames mid-phrase looks like a stutter.
HOLD_GAP_S = 0.12


@dataclass
class _Run:
    """Consecutive phonemes that share a viseme; `target` is the onset frame."""

    viseme: str
    start: float
    end: float
    target: int
    synthetic: bool = False


def viseme_track(phonemes: Sequence[PhonemeTiming], n: int, fps: int) -> list[str]:
    """Return the viseme shown on each of n frames (frame i covers t = i / fps)."""
    runs = [r for r in _runs(phonemes, fps) if r.target - 1 < n]
    frames = _schedule(runs, n)
    out = ["rest"] * n
    for k, run in enumerate(runs):
        stop = frames[k + 1] if k + 1 < len(runs) else n
        for i in range(frames[k], stop):
            out[i] = run.viseme
    return out


def _runs(phonemes: Sequence[PhonemeTiming], fps: int) -> list[_Run]:
    """Merge phonemes into same-viseme runs, inserting rests for real pauses."""
    runs: list[_Run] = []
    for p in sorted(phonemes, key=lambda q: q.start):
        if is_mark(p.phoneme):
            continue  # stress marks and spaces keep the current shape
        v = viseme_for(p.phoneme)
        if runs and p.start - runs[-1].end >= HOLD_GAP_S and runs[-1].viseme != "rest":
            gap = runs[-1].end
            runs.append(_Run("rest", gap, p.start, round(gap * fps), synthetic=True))
        if runs and runs[-1].viseme == v:
            runs[-1].end = max(runs[-1].end, p.end)
            continue
        runs.append(_Run(v, p.start, max(p.end, p.start), round(p.start * fps)))
    if runs and runs[-1].viseme != "rest":
        end = runs[-1].end
        runs.append(_Run("rest", end, end, round(end * fps), synthetic=True))
    return runs


def _earliest(runs: list[_Run]) -> tuple[list[int], int | None]:
    """Return the earliest feasible start frames, or the index of the first overfull run."""
    lows: list[int] = []
    for k, run in enumerate(runs):
        low = max(run.target - 1, 0, lows[-1] + 1 if lows else 0)
        if low > run.target + 1:
            return lows, k
        lows.append(low)
    return lows, None


def _drop_one(runs: list[_Run], lows: list[int], k: int) -> None:
    """Drop the least visible run in the overfull cluster ending at k.

    Best is a run whose shape a neighbour shows within a frame anyway, then a synthetic rest,
    then the shortest run: more shapes than frames cannot all be shown.
    """
    first = k
    while first > 0 and lows[first - 1] > runs[first - 1].target - 1:
        first -= 1
    cluster = range(max(0, first - 1), k + 1)
    victim = min(
        cluster,
        key=lambda i: (
            not _covered(runs, i),
            not runs[i].synthetic,
            runs[i].viseme != "rest",
            runs[i].end - runs[i].start,
        ),
    )
    del runs[victim]


def _covered(runs: list[_Run], i: int) -> bool:
    """Return True if a nearby run shows the same shape within a frame of run i's onset."""
    return any(
        0 <= j < len(runs)
        and runs[j].viseme == runs[i].viseme
        and abs(runs[j].target - runs[i].target) <= 1
        for j in (i - 2, i + 2)
    )


def _schedule(runs: list[_Run], n: int) -> list[int]:
    """Assign each run a start frame within one frame of its onset, strictly increasing."""
    while True:
        lows, bad = _earliest(runs)
        if bad is None:
            break
        _drop_one(runs, lows, bad)
    while runs and lows and lows[-1] >= n:
        runs.pop()
        lows.pop()
    highs = [0] * len(runs)
    for k in range(len(runs) - 1, -1, -1):
        cap = n - 1 if k == len(runs) - 1 else highs[k + 1] - 1
        highs[k] = min(runs[k].target + 1, cap)
    frames: list[int] = []
    for k, run in enumerate(runs):
        low = max(lows[k], frames[-1] + 1 if frames else 0)
        frames.append(min(max(run.target, low), highs[k]))
    return frames
