"""Mixing: music ducks under speech; loudnorm reaches -14 LUFS / -1 dBTP (measured by ebur128)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
from tests.media import ebur128

from ugc.pipeline.render import audio
from ugc.pipeline.types import SAMPLE_RATE

SR = SAMPLE_RATE


def _speechy(seconds: float) -> np.ndarray:
    """Noise bursts shaped like syllables, with a silent gap from 2 s to 3 s."""
    rng = np.random.default_rng(0)
    t = np.arange(int(seconds * SR)) / SR
    env = (np.sin(2 * np.pi * 4 * t) > 0).astype(np.float32) * 0.3
    env[(t > 2) & (t < 3)] = 0
    mono = (rng.standard_normal(t.size) * env).astype(np.float32)
    return np.stack([mono, mono], axis=1)


def _music(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    tone = (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    return np.stack([tone, tone], axis=1)


def test_duck_gain_dips_under_speech_and_recovers_in_gaps() -> None:
    gain = audio.duck_gain(_speechy(4.0))
    db = 20 * np.log10(gain)
    assert db[int(1.0 * SR) : int(1.8 * SR)].min() < -10
    assert db[int(2.7 * SR)] > -2  # 0.7 s into the gap the bed is back up


def test_resample_to_48k_stereo() -> None:
    mono = np.sin(np.linspace(0, 200, 22050)).astype(np.float32)
    out = audio.resample(mono, 22050)
    assert out.shape[1] == 2
    assert abs(out.shape[0] - SR) <= 64


def test_mix_and_loudnorm_hit_the_target(tmp_path: Path) -> None:
    mixed = audio.mix(_speechy(6.0), _music(6.0), 6 * SR)
    normed, stats = audio.loudnorm("ffmpeg", mixed)
    assert normed.shape == mixed.shape
    wav = tmp_path / "mix.wav"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "f32le",
            "-ar",
            str(SR),
            "-ac",
            "2",
            "-i",
            "pipe:0",
            str(wav),
        ],
        input=normed.tobytes(),
        check=True,
    )
    lufs, peak = ebur128(wav)
    assert abs(lufs + 14) <= 1.0
    assert peak <= -1.0
    assert "input_i" in stats
