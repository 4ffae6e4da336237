"""Real espeak-ng synthesis: languages, token timings, onsets, determinism, engine choice."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from tests.media import LOUD, rms

from ugc.pipeline import text
from ugc.pipeline.types import VoiceTrack
from ugc.providers.offline.espeak_voice import EspeakEngine
from ugc.providers.offline.voices import default_voice_engines, pick_voice_engine

LINES = ("Hello there, friend. Meet GlowPro 😍", "Red, green, blue, and gold.")


@pytest.fixture(scope="module")
def engine() -> EspeakEngine:
    """Return one engine for the module."""
    return EspeakEngine()


@pytest.fixture(scope="module")
def track(engine: EspeakEngine) -> VoiceTrack:
    """Return the synthesis of LINES."""
    return engine.synthesize(LINES, "en", None)


def assert_well_formed(track: VoiceTrack, lines: tuple[str, ...]) -> None:
    """Check one timing per token, in order, monotonic, inside the audio, spoken ones non-empty."""
    expected = [(tok, i) for i, line in enumerate(lines) for tok in text.tokenize(line)]
    assert [(w.text, w.line) for w in track.words] == expected
    for before, after in itertools.pairwise(track.words):
        assert before.start <= before.end <= after.start + 1e-6
    assert track.words[-1].end <= track.duration + 1e-6
    assert all(w.end - w.start > 0.03 for w in track.words if text.is_spoken(w.text))
    loud = np.flatnonzero(np.abs(track.samples) > LOUD)
    assert loud[0] / track.sample_rate <= 0.1
    assert track.duration - loud[-1] / track.sample_rate <= 0.3


@pytest.mark.parametrize(
    "code",
    ["en", "en-US", "en_US", "es", "de", "fr", "it", "pt", "pt-BR", "ja", "cmn", "zh", "zh-CN"],
)
def test_supports_common_languages(engine: EspeakEngine, code: str) -> None:
    assert engine.supports(code)


@pytest.mark.parametrize("code", ["hi", "ar", "ru", "yue"])
def test_supports_more_languages(engine: EspeakEngine, code: str) -> None:
    assert engine.supports(code)


@pytest.mark.parametrize("code", ["xx", "", "klingon", "zz-ZZ"])
def test_rejects_unknown_languages(engine: EspeakEngine, code: str) -> None:
    assert not engine.supports(code)


def test_lists_languages(engine: EspeakEngine) -> None:
    languages = engine.list_languages()
    assert languages == sorted(languages)
    assert {"en", "es", "de", "fr", "it", "pt", "ja", "cmn", "hi", "ar", "ru"} <= set(languages)


def test_english_track_is_well_formed(engine: EspeakEngine, track: VoiceTrack) -> None:
    assert track.engine == engine.name == "espeak-ng"
    assert track.engine_version.startswith("espeak-ng-1.52")
    assert track.sample_rate == 22050
    assert_well_formed(track, LINES)
    emoji = next(w for w in track.words if w.text == "😍")
    assert emoji.end == emoji.start


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
    assert checked >= 4


def test_phonemes_are_ordered_and_inside_audio(track: VoiceTrack) -> None:
    assert len(track.phonemes) > 30
    for before, after in itertools.pairwise(track.phonemes):
        assert before.start < before.end <= after.start + 1e-6
    assert track.phonemes[-1].end <= track.duration + 1e-6
    assert not any(p.phoneme.startswith(("ˈ", "ˌ", "(")) for p in track.phonemes)


def test_same_input_gives_identical_samples(engine: EspeakEngine, track: VoiceTrack) -> None:
    engine.synthesize(["Otra cosa, por favor."], "es", None)  # must not leak into the next take
    again = engine.synthesize(LINES, "en", None)
    assert np.array_equal(again.samples, track.samples)
    assert again.words == track.words


def test_spanish(engine: EspeakEngine) -> None:
    lines = ("¡Hola, amigos! ¿Qué tal?", "Este sérum es increíble.")
    assert_well_formed(engine.synthesize(lines, "es", None), lines)


def test_chinese_gets_one_timing_per_character(engine: EspeakEngine) -> None:
    lines = ("你好，世界。", "我爱这个产品！")
    result = engine.synthesize(lines, "zh", None)
    assert_well_formed(result, lines)
    assert [w.text for w in result.words][:4] == ["你", "好，", "世", "界。"]


def test_japanese_kana(engine: EspeakEngine) -> None:
    lines = ("こんにちは、みなさん。",)
    assert_well_formed(engine.synthesize(lines, "ja", None), lines)


def test_voice_variants_and_errors(engine: EspeakEngine) -> None:
    variant = engine.synthesize(["Testing a voice."], "en", "espeak:en-us+f3")
    assert len(variant.words) == 3
    with pytest.raises(ValueError, match="unknown espeak voice"):
        engine.synthesize(["Hi"], "en", "no-such-voice")
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        engine.synthesize(["Hi"], "xx", None)


def test_pick_voice_engine() -> None:
    engines = default_voice_engines()
    assert [e.name for e in engines] == ["piper", "espeak-ng"]
    assert pick_voice_engine(engines, "en-US", None).name == "piper"
    assert pick_voice_engine(engines, "es", None).name == "espeak-ng"
    assert pick_voice_engine(engines, "en", "espeak:en-us+f3").name == "espeak-ng"
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        pick_voice_engine(engines, "xx", None)
