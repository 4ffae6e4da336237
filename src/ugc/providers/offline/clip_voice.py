"""A creator clip as the voice: its own audio, with transcript words placed on its speech."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import av
import numpy as np

from ugc.pipeline.store import file_digest
from ugc.pipeline.text import is_spoken, tokenize
from ugc.pipeline.types import Brief, FloatArray, Script, ScriptLine, VoiceTrack, WordTiming
from ugc.providers.tts.align import align_words

RATE = 24_000
_HOP = RATE // 100  # 10 ms envelope frames


class ClipVoice:
    """VoiceEngine for creator clips: returns the clip's audio and aligns the transcript to it."""

    name = "creator-clip"

    def __init__(self, clip: str) -> None:
        self.clip = clip
        # The clip's content is the engine's input, so it is part of the version (cache key).
        self.version = f"clip-2+{file_digest(Path(clip))[:16]}"

    def supports(self, language: str) -> bool:  # noqa: ARG002 - the creator speaks it already
        """Return True: the clip carries its own speech."""
        return True

    def synthesize(self, lines: Sequence[str], language: str, voice: str | None) -> VoiceTrack:  # noqa: ARG002
        """Return the clip's audio with the transcript aligned to it (DTW against espeak-ng)."""
        samples = decode_audio(self.clip)
        try:
            words, phonemes = align_words(lines, samples, RATE, language)
        except ValueError:  # espeak-ng cannot speak the language: spread words over speech
            words, phonemes = tuple(align(lines, samples)), ()
        return VoiceTrack(samples, RATE, tuple(words), tuple(phonemes), self.name, self.version)


def decode_audio(path: str) -> FloatArray:
    """Decode a clip's first audio stream to mono float32 at 24 kHz (silence if it has none)."""
    container: Any = av.open(path)
    try:
        if not container.streams.audio:
            seconds = float(container.duration or 0) / 1_000_000
            return np.zeros(int(seconds * RATE), np.float32)
        resampler: Any = av.AudioResampler(format="flt", layout="mono", rate=RATE)
        parts = [
            f.to_ndarray().reshape(-1)
            for frame in container.decode(audio=0)
            for f in resampler.resample(frame)
        ]
    finally:
        container.close()
    return np.concatenate(parts).astype(np.float32) if parts else np.zeros(0, np.float32)


def speech_regions(samples: FloatArray) -> list[tuple[float, float]]:
    """Return (start, end) seconds of speech: over -35 dB of the peak, gaps < 150 ms closed."""
    n = len(samples) // _HOP
    if n == 0:
        return []
    rms = np.sqrt((samples[: n * _HOP].reshape(n, _HOP) ** 2).mean(axis=1) + 1e-12)
    loud = 20 * np.log10(rms / max(float(rms.max()), 1e-9)) > -35
    regions: list[list[int]] = []
    for i in np.flatnonzero(loud):
        if regions and i - regions[-1][1] <= 15:
            regions[-1][1] = int(i) + 1
        else:
            regions.append([int(i), int(i) + 1])
    return [(a / 100, b / 100) for a, b in regions if b - a >= 8]


def align(lines: Sequence[str], samples: FloatArray) -> list[WordTiming]:
    """Map words onto the speech time line in proportion to their length (a coarse aligner)."""
    tokens = [(i, tok) for i, line in enumerate(lines) for tok in tokenize(line)]
    regions = speech_regions(samples) or [(0.0, max(len(samples) / RATE, 0.1))]
    weights = np.array(
        [max(1, sum(ch.isalnum() for ch in t)) if is_spoken(t) else 0 for _, t in tokens],
        np.float64,
    )
    edges = np.concatenate(([0.0], np.cumsum(weights))) / max(weights.sum(), 1.0)
    spans = np.array([b - a for a, b in regions])
    cum = np.concatenate(([0.0], np.cumsum(spans))) / spans.sum()

    def at(f: float) -> float:
        k = min(int(np.searchsorted(cum, f, side="right")) - 1, len(regions) - 1)
        a, b = regions[k]
        return float(a + (f - cum[k]) / max(cum[k + 1] - cum[k], 1e-9) * (b - a))

    return [
        WordTiming(tok, round(at(edges[j]), 3), round(at(edges[j + 1] - 1e-9), 3), line)
        for j, (line, tok) in enumerate(tokens)
    ]


class TranscriptWriter:
    """ScriptWriter for creator clips: the script is the creator's transcript, not rewritten."""

    name = "creator-transcript"
    version = "1"

    def write(self, brief: Brief, variant: int, seed: int) -> Script:  # noqa: ARG002
        """Return the transcript as the script, one line per sentence."""
        text = brief.assets.creator_transcript or ""
        lines = [s.strip() for s in _sentences(text) if s.strip()]
        roles = ["hook", *["body"] * (len(lines) - 1)]
        return Script(
            variant,
            "creator",
            "creator-clip",
            tuple(ScriptLine(t, r) for t, r in zip(lines, roles, strict=True)),
            brief.language,
            brief.options.disclosure,
        )

    def adjust(self, script: Script, brief: Brief, delta_words: int) -> Script:  # noqa: ARG002
        """Return the script unchanged: a recorded clip cannot be re-worded."""
        return script


def _sentences(text: str) -> list[str]:
    """Split text after sentence-ending punctuation."""
    out, cur = [], ""
    for ch in text:
        cur += ch
        if ch in ".!?。！？":
            out.append(cur)
            cur = ""
    return [*out, cur] if cur.strip() else out
