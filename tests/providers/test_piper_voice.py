"""Real Piper synthesis: token timings, silence trimming, onsets and determinism."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from tests.media import LOUD, rms

from ugc.pipeline import text
from ugc.pipeline.types import VoiceTrack
from ugc.providers.offline.piper_voice import PiperEngine

LINES = (
    "Tired of dull skin? Meet GlowPro 😍",
    "Red, green, blue, and gold.",
    "Of the people, for the people.",
)


@pytest.fixture(scope="module")
def engine() -> PiperEngine:
    """Return one engine for the module, so the model loads once."""
    return PiperEngine()


@pytest.fixture(scope="module")
def track(engine: PiperEngine) -> VoiceTrack:
    """Return the synthesis of LINES."""
    return engine.synthesize(LINES, "en", None)


def test_supports_english_spellings_only(engine: PiperEngine) -> None:
    assert all(engine.supports(code) for code in ("en", "en-US", "en_US", "en-us", "EN"))
    assert not any(engine.supports(code) for code in ("es", "ja", "zh", "", "english"))


def test_names_engine_and_model_version(engine: PiperEngine, track: VoiceTrack) -> None:
    assert engine.name == track.engine == "piper"
    assert track.engine_version.startswith("piper-1.8.0+en_US-joe-medium")
    assert track.sample_rate == 22050
    assert track.samples.dtype == np.float32
    assert float(np.max(np.abs(track.samples))) <= 1.0


def test_one_timing_per_token_in_order(track: VoiceTrack) -> None:
    expected = [(tok, i) for i, line in enumerate(LINES) for tok in text.tokenize(line)]
    assert [(w.text, w.line) for w in track.words] == expected
    emoji = next(w for w in track.words if w.text == "😍")
    assert emoji.end - emoji.start < 0.02
    assert all(w.end - w.start > 0.03 for w in track.words if text.is_spoken(w.text))


def test_words_are_monotonic_and_inside_audio(track: VoiceTrack) -> None:
    for before, after in itertools.pairwise(track.words):
        assert before.start <= before.end <= after.start + 1e-6
    assert track.words[0].start >= 0.0
    assert track.words[-1].end <= track.duration + 1e-6


def test_leading_and_trailing_silence_are_short(track: VoiceTrack) -> None:
    loud = np.flatnonzero(np.abs(track.samples) > LOUD)
    assert loud[0] / track.sample_rate <= 0.1
    assert track.duration - loud[-1] / track.sample_rate <= 0.3
    assert track.words[0].start <= 0.1


def test_lines_are_separated_by_a_short_pause(track: VoiceTrack) -> None:
    for line in (1, 2):
        last = max(w.end for w in track.words if w.line == line - 1)
        first = min(w.start for w in track.words if w.line == line)
        assert 0.2 <= first - last <= 0.6


def test_words_after_pauses_start_at_an_energy_rise(track: VoiceTrack) -> None:
    rate = track.sample_rate
    spoken = [w for w in track.words if text.is_spoken(w.text)]
    checked = 0
    for before, word in itertools.pairwise(spoken):
        if word.start - before.end < 0.1:
            continue
        onset = int(word.start * rate)
        assert rms(track.samples[onset - int(0.06 * rate) : onset]) < rms(
            track.samples[onset : onset + int(0.1 * rate)]
        ), word
        checked += 1
    assert checked >= 5


def test_merged_espeak_words_are_split_per_token(track: VoiceTrack) -> None:
    # espeak phonemises "of the" as one word (ʌvðə); each token still gets its own span.
    of, the = [w for w in track.words if w.line == 2][:2]
    assert (of.text, the.text) == ("Of", "the")
    assert of.end - of.start > 0.03
    assert the.end - the.start > 0.03
    assert of.end <= the.start + 1e-6


def test_phonemes_are_ordered_and_inside_audio(track: VoiceTrack) -> None:
    assert len(track.phonemes) > 40
    for before, after in itertools.pairwise(track.phonemes):
        assert before.start < before.end <= after.start + 1e-6
    assert track.phonemes[-1].end <= track.duration + 1e-6
    assert {"ʌ", "p", "ɡ"} <= {p.phoneme for p in track.phonemes}


def test_same_input_gives_identical_samples(
    engine: PiperEngine, track: VoiceTrack, tmp_path: Path
) -> None:
    again = engine.synthesize(LINES, "en", None)
    assert np.array_equal(again.samples, track.samples)
    assert again.words == track.words
    fresh = PiperEngine(cache_dir=tmp_path).synthesize(LINES, "en", None)
    assert np.array_equal(fresh.samples, track.samples)
    assert list(tmp_path.glob("*.onnx"))


def test_lines_without_speech_still_get_timings(engine: PiperEngine) -> None:
    result = engine.synthesize(["🔥🔥", "Hi there!"], "en", None)
    assert [w.text for w in result.words] == ["🔥🔥", "Hi", "there!"]
    assert result.words[0].start == result.words[0].end


def test_rejects_other_languages(engine: PiperEngine) -> None:
    with pytest.raises(ValueError, match="unknown language 'es'"):
        engine.synthesize(["Hola"], "es", None)
