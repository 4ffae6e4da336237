"""Word and phoneme timings for speech that came without them, by the aeneas method.

espeak-ng speaks the same text with exact timings; dynamic time warping between the MFCCs of
that reference and of the target audio carries every reference boundary onto the target.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ugc.pipeline.types import FloatArray, PhonemeTiming, VoiceTrack, WordTiming
from ugc.providers.offline.espeak_voice import EspeakEngine
from ugc.providers.offline.voices import speech_bounds
from ugc.providers.tts.mfcc import HOP_S, WINDOW_S, Matrix, mfcc

IntArray = npt.NDArray[np.int64]

_DIRECT = 400  # up to _DIRECT² cells (a 400 x 400 matrix) are warped in full
_SHRINK = 4  # frames merged per step of the coarse-to-fine pyramid
_RADIUS = 6  # frames the band reaches beyond the projected coarse path


def align_words(
    lines: Sequence[str], audio: FloatArray, rate: int, language: str
) -> tuple[tuple[WordTiming, ...], tuple[PhonemeTiming, ...]]:
    """Return one timing per token of each line, and phoneme timings, for speech of the lines."""
    engine = EspeakEngine()
    if not engine.supports(language):
        raise ValueError(f"no alignment reference for language '{language}'")
    reference = engine.synthesize(lines, language, None)
    return align_to(reference, audio, rate)


def align_to(
    reference: VoiceTrack, audio: FloatArray, rate: int
) -> tuple[tuple[WordTiming, ...], tuple[PhonemeTiming, ...]]:
    """Carry a reference track's word and phoneme timings onto other audio of the same text."""
    first, last = speech_bounds(audio, rate)
    if not reference.words or last <= first or reference.duration == 0:
        return _collapse(reference.words), ()
    # Both sides start and end at their sound: the reference (like every offline track) is
    # trimmed, and a long silence before the target's first word would otherwise pull that
    # word's onset into it.
    ref_features = mfcc(reference.samples, reference.sample_rate)
    onsets = _onsets(warp_path(ref_features, mfcc(audio[first:last], rate)), len(ref_features))
    offset, end = first / rate, last / rate

    def move(seconds: float) -> float:
        """Map a reference time onto the target."""
        return min(max(_to_seconds(_lookup(onsets, _to_frame(seconds))) + offset, offset), end)

    words = tuple(WordTiming(w.text, move(w.start), move(w.end), w.line) for w in reference.words)
    phonemes = tuple(
        PhonemeTiming(p.phoneme, move(p.start), move(p.end)) for p in reference.phonemes
    )
    return words, tuple(p for p in phonemes if p.end > p.start)


def warp_phonemes(reference: VoiceTrack, words: Sequence[WordTiming]) -> tuple[PhonemeTiming, ...]:
    """Stretch the reference's phonemes so its words land on `words` (same tokens, same order)."""
    knots = [(0.0, 0.0)]
    for ref, word in zip(reference.words, words, strict=True):
        if word.end > word.start and ref.end > ref.start:
            knots += [(ref.start, word.start), (ref.end, word.end)]
    warp = _Warp(knots)
    out: list[PhonemeTiming] = []
    for item in reference.phonemes:
        start, stop = warp(item.start, start=True), warp(item.end, start=False)
        if stop > start:
            out.append(PhonemeTiming(item.phoneme, start, stop))
    return tuple(out)


class _Warp:
    """A monotonic piecewise-linear time map that may jump where two knots share a time."""

    def __init__(self, knots: Sequence[tuple[float, float]]) -> None:
        """Keep knots moving forward in both times; a jump keeps its first and last target."""
        self.xs: list[float] = []
        self.lows: list[float] = []
        self.highs: list[float] = []
        for x, y in knots:
            if self.xs and x == self.xs[-1] and y >= self.highs[-1]:
                self.highs[-1] = y
            elif not self.xs or (x > self.xs[-1] and y >= self.highs[-1]):
                self.xs.append(x)
                self.lows.append(y)
                self.highs.append(y)

    def __call__(self, x: float, *, start: bool) -> float:
        """Map a time; at a jump a start takes the later target and an end the earlier one."""
        # Where words touch in the reference but a pause parts them in the target, the pause
        # then falls between the two words' phonemes instead of stretching either.
        k = bisect.bisect_right(self.xs, x) - 1
        if k < 0:
            return self.lows[0]
        if x == self.xs[k]:
            return self.highs[k] if start else self.lows[k]
        if k + 1 == len(self.xs):
            return self.highs[k]
        share = (x - self.xs[k]) / (self.xs[k + 1] - self.xs[k])
        return self.highs[k] + share * (self.lows[k + 1] - self.highs[k])


def _collapse(words: Sequence[WordTiming]) -> tuple[WordTiming, ...]:
    """Return the words with zero-length timings at 0, for a target with no audio."""
    return tuple(WordTiming(w.text, 0.0, 0.0, w.line) for w in words)


def _to_frame(seconds: float) -> float:
    """Return a time as a fractional frame boundary index (boundary b precedes frame b)."""
    return (seconds - WINDOW_S / 2) / HOP_S + 0.5


def _to_seconds(frame: float) -> float:
    """Return the time of a (fractional) frame boundary index."""
    return (frame - 0.5) * HOP_S + WINDOW_S / 2


def _onsets(path: IntArray, frames: int) -> Matrix:
    """Return, per reference frame, the first target frame the warping path pairs it with."""
    firsts = np.searchsorted(path[:, 0], np.arange(frames), side="left")
    out: Matrix = path[np.minimum(firsts, len(path) - 1), 1].astype(np.float64)
    return out


def _lookup(onsets: Matrix, frame: float) -> float:
    """Interpolate the warped position of a fractional reference frame boundary."""
    if frame <= 0:
        return float(onsets[0]) + frame
    last = len(onsets) - 1
    if frame >= last:
        return float(onsets[last]) + frame - last
    low = int(frame)
    return float(onsets[low] + (frame - low) * (onsets[low + 1] - onsets[low]))


def warp_path(ref: Matrix, target: Matrix) -> IntArray:
    """Return the (reference frame, target frame) pairs of the cheapest monotonic alignment."""
    if len(ref) == 0 or len(target) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    return _path(ref, target)


def _path(a: Matrix, b: Matrix) -> IntArray:
    """Warp a onto b: in full when small, else inside a band around the coarser warp's path."""
    n, m = len(a), len(b)
    if n * m <= _DIRECT**2 or min(n, m) <= _SHRINK:
        lo, hi = np.zeros(n, dtype=np.int64), np.full(n, m, dtype=np.int64)
    else:
        coarse = _path(_shrink(a), _shrink(b))
        lo, hi = _band(coarse, n, m)
    return _backtrack(_accumulate(a, b, lo, hi), lo)


def _shrink(features: Matrix) -> Matrix:
    """Average each run of _SHRINK frames into one."""
    size = -(-len(features) // _SHRINK) * _SHRINK
    padded = np.concatenate([features, np.repeat(features[-1:], size - len(features), axis=0)])
    out: Matrix = padded.reshape(-1, _SHRINK, features.shape[1]).mean(axis=1)
    return out


def _band(coarse: IntArray, n: int, m: int) -> tuple[IntArray, IntArray]:
    """Return per-row [lo, hi) columns: the coarse path's cells, widened by _RADIUS."""
    lo = np.full(n + 2 * _RADIUS, m, dtype=np.int64)
    hi = np.zeros(n + 2 * _RADIUS, dtype=np.int64)
    for offset in range(_SHRINK):
        rows = np.minimum(coarse[:, 0] * _SHRINK + offset, n - 1) + _RADIUS
        np.minimum.at(lo, rows, coarse[:, 1] * _SHRINK)
        np.maximum.at(hi, rows, np.minimum(coarse[:, 1] * _SHRINK + _SHRINK, m))
    low = np.min([lo[k : k + n] for k in range(2 * _RADIUS + 1)], axis=0) - _RADIUS
    high = np.max([hi[k : k + n] for k in range(2 * _RADIUS + 1)], axis=0) + _RADIUS
    low, high = np.clip(low, 0, m - 1), np.clip(high, 1, m)
    low[0], high[-1] = 0, m  # the path starts and ends in the corners
    return low, high


def _accumulate(a: Matrix, b: Matrix, lo: IntArray, hi: IntArray) -> list[Matrix]:
    """Return each row's accumulated cost over its band (steps: right, down, diagonal)."""
    rows: list[Matrix] = []
    squares = np.einsum("ij,ij->i", b, b)
    for i in range(len(a)):
        left, right = int(lo[i]), int(hi[i])
        # Euclidean distance; it warps a little tighter than the cosine aeneas uses.
        gap = squares[left:right] - 2.0 * (b[left:right] @ a[i]) + float(a[i] @ a[i])
        cost = np.sqrt(np.maximum(gap, 0.0))
        if i == 0:
            best = np.full(right - left, np.inf)
            best[0] = 0.0
        else:
            best = _from_above(rows[-1], int(lo[i - 1]), left, right)
        # A right step adds the cell's cost to its left neighbour: a running minimum of
        # (best - cumsum) solves that in-row recurrence without a Python loop.
        total = np.cumsum(cost)
        rows.append(total + np.minimum.accumulate(cost + best - total))
    return rows


def _from_above(prev: Matrix, prev_lo: int, left: int, right: int) -> Matrix:
    """Return min(up, diagonal) from the previous row for columns [left, right)."""
    shifted = np.full(right - left + 1, np.inf)  # previous row, columns left-1 .. right-1
    start, stop = max(left - 1, prev_lo), min(right, prev_lo + len(prev))
    if stop > start:
        shifted[start - left + 1 : stop - left + 1] = prev[start - prev_lo : stop - prev_lo]
    out: Matrix = np.minimum(shifted[1:], shifted[:-1])
    return out


def _backtrack(rows: Sequence[Matrix], lo: IntArray) -> IntArray:
    """Walk back from the last cell along the cheapest predecessors; return the path in order."""

    def cost(i: int, j: int) -> float:
        """Return the accumulated cost of a cell, infinite outside the band."""
        k = j - int(lo[i])
        return float(rows[i][k]) if 0 <= k < len(rows[i]) else float("inf")

    i, j = len(rows) - 1, int(lo[-1]) + len(rows[-1]) - 1
    path = [(i, j)]
    while i > 0 or j > 0:
        if i == 0:
            j -= 1
        elif j == 0:
            i -= 1
        else:
            steps = ((cost(i - 1, j - 1), -1, -1), (cost(i - 1, j), -1, 0), (cost(i, j - 1), 0, -1))
            _, di, dj = min(steps, key=lambda step: step[0])
            i, j = i + di, j + dj
        path.append((i, j))
    return np.array(path[::-1], dtype=np.int64)
