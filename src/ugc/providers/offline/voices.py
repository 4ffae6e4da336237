"""Offline voice engines: choosing one, and stitching per-line speech into a VoiceTrack."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ugc.pipeline import text
from ugc.pipeline.ports import VoiceEngine
from ugc.pipeline.types import FloatArray, PhonemeTiming, VoiceTrack, WordTiming

LINE_PAUSE_S = 0.25
_LEAD_MARGIN_S = 0.01  # keeps soft onsets (h, f, s) that sit just under the gate
_TAIL_MARGIN_S = 0.04  # keeps the decay of the last phoneme
_GATE_DB = -50.0  # frame level, relative to the line's loudest frame, that counts as speech
_FRAME_S = 0.005
_GAP_S = LINE_PAUSE_S - _LEAD_MARGIN_S - _TAIL_MARGIN_S  # the margins are near-silent too
_PEAK = 0.89  # -1 dBFS, so later gain stages have a little headroom


@dataclass(frozen=True)
class LineSpeech:
    """One synthesised line: its audio and per-token (start, end) seconds, None if unspoken."""

    samples: FloatArray
    words: tuple[tuple[float, float] | None, ...]
    phonemes: tuple[PhonemeTiming, ...]


def default_voice_engines(cache_dir: Path | None = None) -> list[VoiceEngine]:
    """Return the offline engines, best first: Piper (English), then espeak-ng (many languages)."""
    # Imported here because both engine modules import the helpers below.
    from ugc.providers.offline.espeak_voice import EspeakEngine
    from ugc.providers.offline.piper_voice import PiperEngine

    return [PiperEngine(cache_dir=cache_dir), EspeakEngine()]


def pick_voice_engine(
    engines: Sequence[VoiceEngine], language: str, voice: str | None
) -> VoiceEngine:
    """Return the first engine that speaks the language; an 'espeak:' voice forces espeak."""
    forced = voice is not None and voice.startswith("espeak:")
    for engine in engines:
        if forced and not engine.name.startswith("espeak"):
            continue
        if engine.supports(language):
            return engine
    raise ValueError(f"unknown language '{language}'")


def clean_line(line: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the speakable text of a line and each token's character span within it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    cursor = 0
    for token in text.tokenize(line):
        found = line.find(token, cursor)
        if found > cursor and parts:
            parts.append(" ")  # any whitespace run becomes one space; CJK runs stay joined
            size += 1
        cursor = found + len(token)
        spoken = text.speakable(token)
        parts.append(spoken)
        spans.append((size, size + len(spoken)))
        size += len(spoken)
    return "".join(parts), spans


def assemble(
    lines: Sequence[str], parts: Sequence[LineSpeech], rate: int, engine: str, version: str
) -> VoiceTrack:
    """Trim each line, join lines with a short pause and return the normalised track."""
    chunks: list[FloatArray] = []
    words: list[WordTiming] = []
    phonemes: list[PhonemeTiming] = []
    at = 0
    for index, (line, part) in enumerate(zip(lines, parts, strict=True)):
        first, last = speech_bounds(part.samples, rate)
        if chunks and last > first:
            chunks.append(np.zeros(int(_GAP_S * rate), dtype=np.float32))
            at += len(chunks[-1])
        shift = (at - first) / rate
        limit = (at + max(last - first, 0)) / rate
        spans = [_shifted(span, shift, at / rate, limit) for span in part.words]
        tokens = text.tokenize(line)
        words.extend(
            WordTiming(tok, start, end, index)
            for tok, (start, end) in zip(tokens, _fill_unspoken(spans, at / rate), strict=True)
        )
        phonemes.extend(_shifted_phonemes(part.phonemes, shift, at / rate, limit))
        if last > first:
            chunks.append(part.samples[first:last])
            at += last - first
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    return VoiceTrack(
        _normalise(samples), rate, tuple(words), _merge_pauses(phonemes), engine, version
    )


def speech_bounds(samples: FloatArray, rate: int) -> tuple[int, int]:
    """Return [first, last) sample indices of the speech, with small margins kept."""
    hop = max(int(_FRAME_S * rate), 1)
    usable = len(samples) // hop * hop
    if usable == 0:
        return 0, 0
    frames = samples[:usable].reshape(-1, hop).astype(np.float64)
    rms = np.sqrt(np.mean(frames**2, axis=1))
    gate = max(float(rms.max()) * 10 ** (_GATE_DB / 20), 1e-5)
    loud = np.flatnonzero(rms > gate)
    if len(loud) == 0:
        return 0, 0
    first = max(int(loud[0]) * hop - int(_LEAD_MARGIN_S * rate), 0)
    last = min((int(loud[-1]) + 1) * hop + int(_TAIL_MARGIN_S * rate), len(samples))
    return first, last


def _shifted(
    span: tuple[float, float] | None, shift: float, low: float, high: float
) -> tuple[float, float] | None:
    """Move a line-relative span onto the track, clamped to the line's kept audio."""
    if span is None:
        return None
    start = min(max(span[0] + shift, low), high)
    return start, min(max(span[1] + shift, start), high)


def _shifted_phonemes(
    items: Sequence[PhonemeTiming], shift: float, low: float, high: float
) -> list[PhonemeTiming]:
    """Move phoneme timings onto the track, dropping any that fall in trimmed silence."""
    out: list[PhonemeTiming] = []
    for item in items:
        span = _shifted((item.start, item.end), shift, low, high)
        if span is not None and span[1] > span[0]:
            out.append(PhonemeTiming(item.phoneme, span[0], span[1]))
    return out


def _merge_pauses(items: Sequence[PhonemeTiming]) -> tuple[PhonemeTiming, ...]:
    """Join back-to-back pauses ('_'), such as a line's end and the next line's start."""
    out: list[PhonemeTiming] = []
    for item in items:
        if out and item.phoneme == out[-1].phoneme == "_":
            out[-1] = PhonemeTiming("_", out[-1].start, max(out[-1].end, item.end))
        else:
            out.append(item)
    return tuple(out)


def _fill_unspoken(
    spans: Sequence[tuple[float, float] | None], line_start: float
) -> list[tuple[float, float]]:
    """Give unspoken tokens a zero-length timing at the previous (else next) word's boundary."""
    out: list[tuple[float, float]] = []
    for index, span in enumerate(spans):
        if span is not None:
            start = max(span[0], out[-1][1]) if out else span[0]
            out.append((start, max(span[1], start)))
            continue
        after = next((s for s in spans[index + 1 :] if s is not None), None)
        point = out[-1][1] if out else (after[0] if after else line_start)
        out.append((point, point))
    return out


def _normalise(samples: FloatArray) -> FloatArray:
    """Scale to a fixed peak so every engine hands over the same level."""
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    if peak < 1e-6:
        return samples.astype(np.float32)
    scaled: FloatArray = np.clip(samples * (_PEAK / peak), -1.0, 1.0).astype(np.float32)
    return scaled
