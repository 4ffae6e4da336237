"""The motion agent: lip-sync, blinks, gestures and smooth head and body motion."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from ugc.pipeline.agents.motion import lip_sync_error_frames, plan_motion
from ugc.pipeline.agents.persona import GESTURES, VISEMES, Pose
from ugc.pipeline.types import PhonemeTiming, WordTiming

FPS = 30
SYMBOLS = [
    "h",
    "ə",
    "l",
    "oʊ",
    "w",
    "ɜ",
    "d",
    "ð",
    "ɪ",
    "s",
    "z",
    "æ",
    "m",
    "f",
    "p",
    "t",
    "k",
    "i",
]


def _speech(seed: int, count: int = 120) -> tuple[list[PhonemeTiming], float]:
    """Return a synthetic phoneme list with realistic (20-140 ms) durations and a few pauses."""
    rng = random.Random(seed)
    out: list[PhonemeTiming] = []
    t = 0.05
    for i in range(count):
        d = rng.choice([0.02, 0.035, 0.05, 0.07, 0.09, 0.14])
        out.append(PhonemeTiming(rng.choice(SYMBOLS), t, t + d))
        t += d
        if i % 25 == 24:
            out.append(PhonemeTiming("_", t, t + 0.3))
            t += 0.3
    return out, t + 0.4


def _words() -> list[WordTiming]:
    """Return a short sentence with one emphasised word."""
    return [
        WordTiming("This", 0.1, 0.3, 0),
        WordTiming("serum", 0.35, 0.8, 0),
        WordTiming("is", 0.85, 0.95, 0),
        WordTiming("AMAZING!", 1.0, 1.6, 0),
        WordTiming("for", 1.7, 1.8, 0),
        WordTiming("skin.", 1.85, 2.3, 0),
    ]


def _plan(
    seed: int = 1, duration: float = 8.0, emphasis: tuple[str, ...] = ("amazing",)
) -> list[Pose]:
    """Plan motion for synthetic speech."""
    phonemes, _ = _speech(seed, 60)
    energy = [0.5 + 0.4 * np.sin(i / 7) for i in range(int(duration * 100))]
    return plan_motion(phonemes, _words(), emphasis, energy, 100.0, duration, FPS, seed)


def test_one_pose_per_frame() -> None:
    assert len(_plan(duration=8.0)) == 240
    assert len(plan_motion([], [], [], [], 100.0, 0.0, FPS, 0)) == 1
    assert len(plan_motion([], [], [], [], 100.0, 1.01, 25, 0)) == 25


@pytest.mark.parametrize("seed", range(8))
def test_lip_sync_within_one_frame(seed: int) -> None:
    phonemes, duration = _speech(seed)
    poses = plan_motion(phonemes, [], [], [], 100.0, duration, FPS, seed)
    assert lip_sync_error_frames(poses, phonemes, FPS) <= 1
    assert {p.viseme for p in poses} <= set(VISEMES)
    assert len({p.viseme for p in poses}) >= 6


def test_lip_sync_error_detects_lag() -> None:
    phonemes = [PhonemeTiming("p", 0.5, 0.6), PhonemeTiming("a", 0.6, 0.9)]
    poses = plan_motion(phonemes, [], [], [], 100.0, 1.5, FPS, 0)
    assert lip_sync_error_frames(poses, phonemes, FPS) <= 1
    lagged = [Pose()] * 3 + poses[:-3]
    assert lip_sync_error_frames(lagged, phonemes, FPS) == 3


def test_mouth_rests_outside_speech_and_ignores_stress_marks() -> None:
    phonemes = [
        PhonemeTiming("ˈ", 1.0, 1.01),
        PhonemeTiming("m", 1.01, 1.1),
        PhonemeTiming("ɑ", 1.1, 1.3),
        PhonemeTiming(" ", 1.3, 1.32),
        PhonemeTiming("oU", 1.32, 1.5),
    ]
    poses = plan_motion(phonemes, [], [], [], 100.0, 2.5, FPS, 0)
    assert all(p.viseme == "rest" for p in poses[:29])
    assert all(p.viseme == "rest" for p in poses[50:])
    shown = [p.viseme for p in poses[29:46]]
    assert "MBP" in shown
    assert "AI" in shown
    assert "O" in shown
    assert lip_sync_error_frames(poses, phonemes, FPS) <= 1


def test_blinks_are_natural() -> None:
    poses = plan_motion([], [], [], [], 100.0, 30.0, FPS, 7)
    closed = [p.eyes_closed for p in poses]
    runs: list[tuple[int, int]] = []
    for i, c in enumerate(closed):
        if c and (i == 0 or not closed[i - 1]):
            runs.append((i, i))
        if c:
            runs[-1] = (runs[-1][0], i)
    assert 6 <= len(runs) <= 12
    assert all(3 <= b - a + 1 <= 4 for a, b in runs)
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(runs)]
    assert min(gaps) >= 2.5 * FPS - 1
    assert max(gaps) <= 5 * FPS + 1


def test_gesture_on_emphasis_word_with_hold_and_spacing() -> None:
    poses = _plan(emphasis=("Amazing",))
    gestures = [p.gesture for p in poses]
    assert set(gestures) <= set(GESTURES)
    assert all(g != "none" for g in gestures[30:48])  # 1.0 s .. 1.6 s
    assert gestures[0] == "none"
    assert gestures[-1] == "none"
    changes = [i for i in range(1, len(gestures)) if gestures[i] != gestures[i - 1]]
    assert len(changes) == 2
    assert changes[1] - changes[0] >= 0.6 * FPS
    assert _plan(emphasis=())
    assert all(p.gesture == "none" for p in _plan(emphasis=()))


def test_nearby_emphasis_merges_into_one_gesture() -> None:
    words = [
        WordTiming(w, 0.5 + i * 0.35, 0.8 + i * 0.35, 0)
        for i, w in enumerate(["so", "good", "so", "soft"])
    ]
    poses = plan_motion([], words, ["good", "soft"], [], 100.0, 4.0, FPS, 3)
    gestures = [p.gesture for p in poses]
    changes = [i for i in range(1, len(gestures)) if gestures[i] != gestures[i - 1]]
    assert len(changes) == 2
    assert all(b - a >= 0.5 * FPS for a, b in itertools.pairwise(changes))


def test_head_and_body_motion_is_small_and_smooth() -> None:
    poses = _plan(duration=10.0)
    for attr, limit in (("head_dx", 12), ("head_dy", 14), ("body_dx", 4), ("body_dy", 4)):
        values = np.array([getattr(p, attr) for p in poses])
        assert np.abs(values).max() <= limit, attr
        assert np.abs(np.diff(values)).max() <= 2, attr
        assert np.ptp(values) >= 1, attr
    tilts = np.array([p.head_tilt for p in poses])
    assert np.abs(tilts).max() <= 5
    assert np.abs(np.diff(tilts)).max() < 0.6


def test_deterministic_for_a_seed() -> None:
    assert _plan(seed=4) == _plan(seed=4)
    assert _plan(seed=4) != _plan(seed=5)
