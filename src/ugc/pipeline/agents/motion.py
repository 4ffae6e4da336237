"""The motion agent: phoneme and word timings in, one persona Pose per frame out."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ugc.pipeline.agents.motion_visemes import viseme_track
from ugc.pipeline.agents.persona import Pose, viseme_for
from ugc.pipeline.agents.persona_visemes import is_mark
from ugc.pipeline.types import PhonemeTiming, WordTiming

FloatArray = npt.NDArray[np.float64]

GESTURE_KINDS: tuple[str, ...] = ("raise", "point", "thumbs")
GESTURE_PAD_S = 0.3
GESTURE_HOLD_S = 0.6
GESTURE_GAP_S = 0.5
NOD_S = 0.4
NOD_PX = 7.0

__all__ = ["lip_sync_error_frames", "plan_motion", "viseme_track"]


def plan_motion(
    phonemes: Sequence[PhonemeTiming],
    words: Sequence[WordTiming],
    emphasis: Sequence[str],
    energy: Sequence[float],
    energy_rate: float,
    duration: float,
    fps: int,
    seed: int,
) -> list[Pose]:
    """Return one Pose per frame: lip-sync, blinks, emphasis gestures, head and body motion."""
    if fps <= 0:
        raise ValueError(f"fps must be positive, got {fps}")
    n = max(1, round(duration * fps))
    rng = random.Random(seed)
    visemes = viseme_track(phonemes, n, fps)
    blinks = _blinks(n, fps, rng)
    stressed = _emphasis_spans(words, emphasis)
    gestures = _gestures(stressed, n, fps, rng)
    env = _energy_at_frames(energy, energy_rate, n, fps)
    head_dx, head_dy, tilt = _head(env, _nod_starts(words, stressed, env, fps), n, fps, rng)
    body_dx, body_dy = _body(n, fps, rng)
    return [
        Pose(
            viseme=visemes[i],
            eyes_closed=blinks[i],
            gesture=gestures[i],
            head_dx=round(head_dx[i]),
            head_dy=round(head_dy[i]),
            head_tilt=round(float(tilt[i]), 2),
            body_dx=round(body_dx[i]),
            body_dy=round(body_dy[i]),
        )
        for i in range(n)
    ]


def lip_sync_error_frames(
    poses: Sequence[Pose], phonemes: Sequence[PhonemeTiming], fps: int
) -> int:
    """Return the worst distance in frames between a mouth-shape change and its phoneme onset."""
    worst = 0
    previous = "rest"
    for p in sorted(phonemes, key=lambda q: q.start):
        if is_mark(p.phoneme):
            continue
        v = viseme_for(p.phoneme)
        onset = round(p.start * fps)
        changed, previous = v != previous, v
        if not changed or onset >= len(poses):
            continue
        found = next(
            (i for i in range(max(0, onset - 1), len(poses)) if poses[i].viseme == v), None
        )
        worst = max(worst, len(poses) if found is None else abs(found - onset))
    return worst


def _blinks(n: int, fps: int, rng: random.Random) -> list[bool]:
    """Return per-frame eyes-closed flags: a 3-4 frame blink every 2.5-5 s."""
    closed = [False] * n
    t = rng.uniform(0.6, 2.0)
    while True:
        start = round(t * fps)
        if start >= n:
            return closed
        for i in range(start, min(n, start + rng.choice((3, 4)))):
            closed[i] = True
        t += rng.uniform(2.5, 5.0)


def _norm(token: str) -> str:
    """Lower-case a token and strip surrounding punctuation."""
    return "".join(ch for ch in token.lower() if ch.isalnum() or ch in "'-").strip("'-")


def _emphasis_spans(
    words: Sequence[WordTiming], emphasis: Sequence[str]
) -> list[tuple[float, float]]:
    """Return (start, end) of every run of words that matches an emphasis phrase."""
    said = [_norm(w.text) for w in words]
    spans: list[tuple[float, float]] = []
    for phrase in emphasis:
        target = [t for t in (_norm(x) for x in phrase.split()) if t]
        if not target:
            continue
        for i in range(len(said) - len(target) + 1):
            if said[i : i + len(target)] == target:
                spans.append((words[i].start, words[i + len(target) - 1].end))
    return sorted(spans)


def _gestures(spans: list[tuple[float, float]], n: int, fps: int, rng: random.Random) -> list[str]:
    """Hold a gesture over each emphasis span (padded), merged so changes are >= 0.5 s apart."""
    hold, gap = math.ceil(GESTURE_HOLD_S * fps), math.ceil(GESTURE_GAP_S * fps)
    windows: list[list[int]] = []
    for start, end in spans:
        a = max(0, round((start - GESTURE_PAD_S) * fps))
        b = min(n, max(round((end + GESTURE_PAD_S) * fps), a + hold))
        if windows and a - windows[-1][1] < gap:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    out = ["none"] * n
    last = ""
    for a, b in windows:
        if n - b < gap:
            b = n  # a release just before the end would be a change with no time to read
        kind = rng.choice([g for g in GESTURE_KINDS if g != last])
        last = kind
        for i in range(a, b):
            out[i] = kind
    return out


def _energy_at_frames(energy: Sequence[float], rate: float, n: int, fps: int) -> FloatArray:
    """Resample the RMS envelope to frame times and smooth it (~0.15 s) so heads never jitter."""
    if not energy or rate <= 0:
        return np.zeros(n)
    src = np.clip(np.asarray(energy, dtype=np.float64), 0.0, 1.0)
    t = np.arange(n) / fps
    env = np.interp(t, np.arange(len(src)) / rate, src)
    return _smooth(env, 0.15 * fps)


def _smooth(x: FloatArray, sigma: float) -> FloatArray:
    """Gaussian-smooth a 1-D signal, edge-padded."""
    if sigma <= 0.5 or len(x) < 3:
        return x
    r = int(3 * sigma)
    k = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2)
    k /= k.sum()
    padded = np.pad(x, r, mode="edge")
    return np.convolve(padded, k, mode="valid")


def _nod_starts(
    words: Sequence[WordTiming], spans: list[tuple[float, float]], env: FloatArray, fps: int
) -> list[float]:
    """Return nod times: emphasis words and words notably louder than the speaker's norm."""
    loud: list[float] = []
    if words and env.size:
        levels = [float(env[min(len(env) - 1, round(w.start * fps))]) for w in words]
        ref = float(np.median(levels)) if levels else 0.0
        loud = [
            w.start for w, lv in zip(words, levels, strict=True) if lv > ref * 1.35 and lv > 0.05
        ]
    starts: list[float] = []
    for t in sorted([s for s, _ in spans] + loud):
        if not starts or t - starts[-1] >= 0.9:
            starts.append(t)
    return starts


def _head(
    env: FloatArray, nods: list[float], n: int, fps: int, rng: random.Random
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Return head dx, dy (px at a 1000 px rig) and tilt (degrees): energy-driven sway plus nods."""
    t = np.arange(n) / fps
    p = [rng.uniform(0, 2 * math.pi) for _ in range(4)]
    lively = 0.35 + 0.65 * np.clip(env * 2.5, 0.0, 1.0)
    dx = (
        3.0 * np.sin(2 * math.pi * 0.13 * t + p[0]) + 1.5 * np.sin(2 * math.pi * 0.31 * t + p[1])
    ) * lively
    dy = 2.0 * np.sin(2 * math.pi * 0.23 * t + p[2]) * lively - 3.0 * env
    for start in nods:
        phase = (t - start) / NOD_S
        inside = (phase >= 0) & (phase <= 1)
        dy = dy + np.where(inside, NOD_PX * np.sin(np.pi * np.clip(phase, 0, 1)) ** 2, 0.0)
    tilt = 2.6 * np.sin(2 * math.pi * 0.09 * t + p[3]) + 0.25 * dx
    return _smooth(dx, 0.08 * fps), _smooth(dy, 0.05 * fps), _smooth(tilt, 0.1 * fps)


def _body(n: int, fps: int, rng: random.Random) -> tuple[FloatArray, FloatArray]:
    """Return a slow sway and a breathing rise and fall, in px at a 1000 px rig."""
    t = np.arange(n) / fps
    a, b = rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)
    return 3.0 * np.sin(2 * math.pi * t / 9.0 + a), 2.5 * np.sin(2 * math.pi * t / 4.2 + b)
