"""The QA agent: turn measurements into a pass/fail report against QUALITY.md's targets."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ugc.pipeline.text import is_spoken
from ugc.pipeline.types import FPS, FloatArray, WordTiming

FRAME = 1 / FPS


@dataclass(frozen=True)
class Expect:
    """What the output must be: its size, target length and voice timings."""

    width: int
    height: int
    target_seconds: float
    first_word: float
    lip_sync_frames: int
    caption_offsets_ms: tuple[float, ...]
    contrast_min: float
    outside_safe_px: int
    face_outside: int


def _check(name: str, value: Any, target: str, passed: bool, detail: str = "") -> dict[str, Any]:
    """Build one check entry."""
    return {
        "check": name,
        "value": value,
        "target": target,
        "passed": bool(passed),
        "detail": detail,
    }


def build_report(
    probe: dict[str, Any], analysis: dict[str, Any], faststart: bool, expect: Expect
) -> dict[str, Any]:
    """Compare the measured output with every target and summarise."""
    checks = [
        *_profile(probe, faststart, expect),
        *_audio(analysis),
        *_timing(probe, expect),
        *_picture(analysis, expect),
    ]
    return {
        "passed": all(c["passed"] for c in checks),
        "checks": checks,
        "failed": [c["check"] for c in checks if not c["passed"]],
    }


def _streams(probe: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the first video and audio streams (empty dicts if missing)."""
    streams: list[dict[str, Any]] = probe.get("streams", [])
    empty: dict[str, Any] = {}
    v = next((s for s in streams if s.get("codec_type") == "video"), empty)
    a = next((s for s in streams if s.get("codec_type") == "audio"), empty)
    return v, a


def _profile(probe: dict[str, Any], faststart: bool, e: Expect) -> list[dict[str, Any]]:
    """Check size, fps, codecs, profile, pixel format, audio format and faststart."""
    v, a = _streams(probe)
    got = {
        "size": f"{v.get('width')}x{v.get('height')}",
        "fps": v.get("r_frame_rate"),
        "codec": v.get("codec_name"),
        "profile": v.get("profile"),
        "pix_fmt": v.get("pix_fmt"),
        "audio": f"{a.get('codec_name')} {a.get('profile')} {a.get('sample_rate')} Hz "
        f"{a.get('channels')} ch",
        "faststart": faststart,
    }
    want = {
        "size": f"{e.width}x{e.height}",
        "fps": "30/1",
        "codec": "h264",
        "profile": "High",
        "pix_fmt": "yuv420p",
        "audio": "aac LC 48000 Hz 2 ch",
        "faststart": True,
    }
    bad = [k for k in want if got[k] != want[k]]
    return [
        _check(
            "profile_conformance",
            got,
            "H.264 High yuv420p 30 fps, AAC-LC 48 kHz stereo, faststart",
            not bad,
            f"mismatch: {', '.join(bad)}" if bad else "",
        )
    ]


def _audio(an: dict[str, Any]) -> list[dict[str, Any]]:
    """Check integrated loudness and true peak."""
    lufs, tp = an["integrated_lufs"], an["true_peak_dbtp"]
    return [
        _check("integrated_loudness", lufs, "-14 ± 1 LUFS", abs(lufs + 14) <= 1.0),
        _check("true_peak", tp, "≤ -1.0 dBTP", tp <= -1.0),
    ]


def _timing(probe: dict[str, Any], e: Expect) -> list[dict[str, Any]]:
    """Check A/V difference, duration, first word, captions and lip-sync."""
    v, a = _streams(probe)
    vd, ad = float(v.get("duration", 0)), float(a.get("duration", 0))
    dur = float(probe.get("format", {}).get("duration", vd))
    err = abs(dur - e.target_seconds) / e.target_seconds
    worst = max(e.caption_offsets_ms, default=0.0)
    return [
        _check(
            "av_difference_ms",
            round(abs(vd - ad) * 1000, 1),
            "≤ 33 ms",
            abs(vd - ad) <= FRAME + 1e-3,
        ),
        _check("duration_s", round(dur, 3), f"{e.target_seconds:g} s ± 10%", err <= 0.10),
        _check("first_word_s", round(e.first_word, 3), "≤ 0.3 s", e.first_word <= 0.3),
        _check(
            "caption_timing_ms", round(worst, 1), "highlight within ±80 ms of the word", worst <= 80
        ),
        _check("lip_sync_frames", e.lip_sync_frames, "≤ 1 frame", e.lip_sync_frames <= 1),
    ]


def _picture(an: dict[str, Any], e: Expect) -> list[dict[str, Any]]:
    """Check black/frozen stretches, safe zones and text contrast."""
    return [
        _check("black_stretches", an["black"], "none over 0.5 s", not an["black"]),
        _check("frozen_stretches", an["frozen"], "none over 0.5 s", not an["frozen"]),
        _check(
            "safe_zone_overflow_px",
            e.outside_safe_px,
            "0 caption/logo/CTA pixels outside the safe zone",
            e.outside_safe_px == 0,
        ),
        _check("face_outside_safe_frames", e.face_outside, "0", e.face_outside == 0),
        _check("text_contrast", round(e.contrast_min, 2), "≥ 4.5:1", e.contrast_min >= 4.5),
    ]


def caption_offsets(
    words: Sequence[WordTiming], cue_starts: Sequence[float], voice: FloatArray, rate: int
) -> list[float]:
    """Return |highlight onset - audible onset| in ms for spoken words that follow a pause."""
    hop = rate // 200  # 5 ms frames
    n = len(voice) // hop
    rms = np.sqrt((voice[: n * hop].reshape(n, hop) ** 2).mean(axis=1) + 1e-12)
    loud = 20 * np.log10(rms / max(float(rms.max()), 1e-9)) > -40
    out: list[float] = []
    for w, onset in zip(words, cue_starts, strict=True):
        at = round(w.start * 200)
        if not is_spoken(w.text) or at < 30 or at + 60 >= n or loud[at - 30 : at - 16].any():
            continue  # only a word after 70+ ms of quiet has an onset the audio can confirm
        rise = np.flatnonzero(loud[at - 16 : at + 60])
        if rise.size:
            out.append(abs((at - 16 + int(rise[0])) / 200 - onset) * 1000)
    return out


def text_contrast(rgb_region: np.ndarray, fills: np.ndarray) -> float:
    """Return WCAG contrast between glyph fills and the pixels right around them."""
    lum = _relative_luminance(rgb_region)
    glyph = fills >= 250
    core = glyph & ~_grow(~glyph, 1)  # drop anti-aliased edges
    ring = _grow(glyph, 4) & ~_grow(glyph, 1)
    if core.sum() < 20 or ring.sum() < 20:
        return math.inf
    a, b = sorted((float(np.median(lum[core])), float(np.median(lum[ring]))), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _relative_luminance(rgb: np.ndarray) -> np.ndarray:
    """Return WCAG relative luminance per pixel of an (h, w, 3) sRGB array."""
    s = rgb.astype(np.float32) / 255.0
    linear = np.where(s <= 0.04045, s / 12.92, ((s + 0.055) / 1.055) ** 2.4)
    result: np.ndarray = linear @ np.array([0.2126, 0.7152, 0.0722], np.float32)
    return result


def _grow(mask: np.ndarray, px: int) -> np.ndarray:
    """Dilate a boolean mask by px pixels (square neighbourhood)."""
    out = mask.copy()
    for _ in range(px):
        grown = out.copy()
        grown[1:] |= out[:-1]
        grown[:-1] |= out[1:]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return out
