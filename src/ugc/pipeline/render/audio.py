"""Audio: resample, duck music under the voice, and normalise to -14 LUFS with ffmpeg loudnorm."""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

import av
import numpy as np

from ugc.pipeline.errors import StepError
from ugc.pipeline.types import SAMPLE_RATE, FloatArray

TARGET_LUFS = -14.0
TARGET_TP = -1.5  # 0.5 dB below the -1 dBTP limit, headroom for the AAC encoder's overshoot
DUCK_DB = -12.0
BED_DB = -9.0  # music level relative to the voice's RMS, before ducking


def resample(samples: FloatArray, rate: int, channels: int = 1) -> FloatArray:
    """Resample mono or stereo float audio to 48 kHz stereo with libswresample."""
    layout = "mono" if channels == 1 else "stereo"
    data = samples.reshape(1, -1)  # packed: mono as is, stereo interleaved
    frame = av.AudioFrame.from_ndarray(
        np.ascontiguousarray(data, dtype=np.float32), format="flt", layout=layout
    )
    frame.sample_rate = rate
    resampler: Any = av.AudioResampler(format="flt", layout="stereo", rate=SAMPLE_RATE)
    chunks = [f.to_ndarray().reshape(-1, 2) for f in resampler.resample(frame)]
    chunks += [f.to_ndarray().reshape(-1, 2) for f in resampler.resample(None)]
    return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros((0, 2), np.float32)


def decode_track(path: str, seconds: float) -> FloatArray:
    """Decode a supplied music file to 48 kHz stereo, looped or cut to `seconds`, faded out."""
    container: Any = av.open(path)
    try:
        resampler: Any = av.AudioResampler(format="flt", layout="stereo", rate=SAMPLE_RATE)
        parts = [
            f.to_ndarray().reshape(-1, 2)
            for frame in container.decode(audio=0)
            for f in resampler.resample(frame)
        ]
    finally:
        container.close()
    if not parts:
        raise StepError("music", f"{path} has no audio")
    track = np.concatenate(parts).astype(np.float32)
    n = round(seconds * SAMPLE_RATE)
    track = np.tile(track, (n // len(track) + 1, 1))[:n]
    fade = min(n, int(1.5 * SAMPLE_RATE))
    track[n - fade :] *= np.linspace(1, 0, fade, dtype=np.float32)[:, None]
    return track


def duck_gain(voice: FloatArray, rate: int = SAMPLE_RATE) -> FloatArray:
    """Return a per-sample music gain that dips DUCK_DB while the voice speaks."""
    mono = voice.mean(axis=1) if voice.ndim == 2 else voice
    hop = rate // 100
    n = len(mono) // hop + 1
    padded = np.zeros(n * hop, np.float32)
    padded[: len(mono)] = mono
    rms = np.sqrt((padded.reshape(n, hop) ** 2).mean(axis=1) + 1e-12)
    active = (20 * np.log10(rms) > -38).astype(np.float32)
    env = np.zeros(n, np.float32)
    level = 0.0
    for i, a in enumerate(active):  # 100 Hz control rate: cheap even for a minute of audio
        coeff = 0.35 if a > level else 0.04  # ~30 ms attack, ~250 ms release
        level += (a - level) * coeff
        env[i] = level
    gain_db = DUCK_DB * env
    per_sample = np.repeat(10 ** (gain_db / 20), hop)[: len(mono)]
    return per_sample.astype(np.float32)


def mix(voice: FloatArray, music: FloatArray | None, total: int) -> FloatArray:
    """Mix 48 kHz stereo voice and music into `total` samples, music ducked under speech."""
    out = np.zeros((total, 2), np.float32)
    n = min(total, len(voice))
    out[:n] += voice[:n]
    if music is None:
        return out
    bed = np.zeros((total, 2), np.float32)
    m = min(total, len(music))
    bed[:m] = music[:m]
    v_rms = float(np.sqrt((voice[:n] ** 2).mean() + 1e-12))
    b_rms = float(np.sqrt((bed**2).mean() + 1e-12))
    bed *= v_rms / b_rms * 10 ** (BED_DB / 20)
    out += bed * duck_gain(out)[:, None]
    return out


def loudnorm(ffmpeg: str, audio: FloatArray) -> tuple[FloatArray, dict[str, float]]:
    """Normalise to -14 LUFS / -1.5 dBTP with ffmpeg's two-pass loudnorm; return audio and stats."""
    raw = np.ascontiguousarray(audio, dtype=np.float32).tobytes()
    base = f"loudnorm=I={TARGET_LUFS}:TP={TARGET_TP}:LRA=11"
    first = _ffmpeg(ffmpeg, raw, [*_IN, "-af", base + ":print_format=json", "-f", "null", "-"])
    m = _loudnorm_json(first.stderr.decode(errors="replace"))
    second = (
        f"{base}:measured_I={m['input_i']}:measured_TP={m['input_tp']}"
        f":measured_LRA={m['input_lra']}:measured_thresh={m['input_thresh']}"
        f":offset={m['target_offset']}:linear=true:print_format=json"
    )
    out = _ffmpeg(ffmpeg, raw, [*_IN, "-af", second, "-ar", str(SAMPLE_RATE), *_OUT])
    result = np.frombuffer(out.stdout, dtype=np.float32).reshape(-1, 2).copy()
    stats = _loudnorm_json(out.stderr.decode(errors="replace"))
    fixed = np.zeros_like(audio)
    k = min(len(fixed), len(result))
    fixed[:k] = result[:k]
    return fixed, {k2: float(v) for k2, v in stats.items() if _is_number(v)}


_IN = ["-f", "f32le", "-ar", str(SAMPLE_RATE), "-ac", "2", "-i", "pipe:0"]
_OUT = ["-f", "f32le", "-ac", "2", "pipe:1"]


def _ffmpeg(ffmpeg: str, stdin: bytes, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run ffmpeg on raw audio from stdin."""
    proc = subprocess.run(
        [ffmpeg, "-hide_banner", "-nostats", *args], input=stdin, capture_output=True, check=False
    )
    if proc.returncode != 0:
        tail = proc.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise StepError("mix", f"ffmpeg loudnorm failed: {' '.join(tail)}", retryable=True)
    return proc


def _loudnorm_json(stderr: str) -> dict[str, Any]:
    """Extract loudnorm's JSON block from ffmpeg's log."""
    found = re.findall(r"\{[^{}]*\"input_i\"[^{}]*\}", stderr)
    if not found:
        raise StepError("mix", "ffmpeg loudnorm printed no measurement")
    data: dict[str, Any] = json.loads(found[-1])
    return data


def _is_number(v: Any) -> bool:
    """Return True if v parses as a float."""
    try:
        float(v)
    except (TypeError, ValueError):
        return False
    return True
