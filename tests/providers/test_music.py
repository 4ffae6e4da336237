"""Tests for the synthesised music beds."""

from __future__ import annotations

import itertools
import time
import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from ugc.pipeline.ports import MusicSource
from ugc.pipeline.types import FloatArray
from ugc.providers.offline.music import SynthMusic

SR = 48_000
BPM = {"upbeat": 112.0, "chill": 85.0, "energetic": 126.0, "warm": 96.0}
_BANDS = (0.0, 150.0, 400.0, 1000.0, 2500.0, 6000.0, 24000.0)


@pytest.fixture(scope="module")
def synth() -> SynthMusic:
    """Return one synth for the module."""
    return SynthMusic()


@pytest.fixture(scope="module")
def beds(synth: SynthMusic) -> dict[str, FloatArray]:
    """Render 20 s of every mood once, seed 3."""
    return {mood: synth.render(mood, 20.0, SR, 3) for mood in synth.moods}


def _power(mono: npt.NDArray[np.float64], lo: float, hi: float) -> float:
    """Return the share of the signal's power between lo and hi Hz."""
    spec = np.abs(np.fft.rfft(mono)) ** 2
    freqs = np.fft.rfftfreq(len(mono), 1.0 / SR)
    return float(spec[(freqs >= lo) & (freqs < hi)].sum() / spec.sum())


def _onset_envelope(audio: FloatArray, hop: int = 512, win: int = 2048) -> npt.NDArray[np.float64]:
    """Return summed positive log-energy flux over six bands (a mel-like onset envelope)."""
    mono = audio.mean(axis=1).astype(np.float64)
    frames = (len(mono) - win) // hop
    idx = np.arange(win)[None, :] + hop * np.arange(frames)[:, None]
    spec = np.abs(np.fft.rfft(mono[idx] * np.hanning(win), axis=1)) ** 2
    freqs = np.fft.rfftfreq(win, 1.0 / SR)
    flux = np.zeros(frames - 1)
    for lo, hi in itertools.pairwise(_BANDS):
        band = np.log10(spec[:, (freqs >= lo) & (freqs < hi)].sum(axis=1) + 1e-10)
        flux += np.maximum(np.diff(band), 0.0)
    return np.asarray(flux - flux.mean(), dtype=np.float64)


def measure_bpm(audio: FloatArray, lo: float = 70.0, hi: float = 150.0, hop: int = 512) -> float:
    """Return the tempo at the strongest onset autocorrelation lag between lo and hi bpm."""
    flux = _onset_envelope(audio, hop)
    ac = np.fft.irfft(np.abs(np.fft.rfft(flux, 2 * len(flux))) ** 2)[: len(flux)]
    fps = SR / hop
    lags = np.arange(int(fps * 60 / hi), int(fps * 60 / lo) + 2)
    best = int(lags[np.argmax(ac[lags])])
    y0, y1, y2 = ac[best - 1], ac[best], ac[best + 1]
    return float(60.0 * fps / (best + 0.5 * (y0 - y2) / (y0 - 2 * y1 + y2)))


def test_honours_the_music_source_port(synth: SynthMusic) -> None:
    source: MusicSource = synth
    assert source.name == "synth-music"
    assert source.version
    assert set(BPM) <= set(source.moods)


@pytest.mark.parametrize(
    ("seconds", "rate"), [(0.5, SR), (1.0, SR), (7.3, SR), (15.0, 44_100), (31.01, SR)]
)
def test_shape_dtype_and_length(synth: SynthMusic, seconds: float, rate: int) -> None:
    audio = synth.render("upbeat", seconds, rate, 1)
    assert audio.dtype == np.float32
    assert audio.shape == (round(seconds * rate), 2)
    assert np.isfinite(audio).all()


def test_zero_seconds_is_empty(synth: SynthMusic) -> None:
    assert synth.render("chill", 0.0, SR, 1).shape == (0, 2)


def test_unknown_mood_lists_the_choices(synth: SynthMusic) -> None:
    with pytest.raises(ValueError, match=r"unknown music mood 'sad'; choose one of: upbeat, chill"):
        synth.render("sad", 5.0, SR, 1)


def test_same_seed_is_identical_and_other_seeds_differ(synth: SynthMusic) -> None:
    first = synth.render("warm", 8.0, SR, 11)
    assert np.array_equal(first, SynthMusic().render("warm", 8.0, SR, 11))
    assert not np.allclose(first, synth.render("warm", 8.0, SR, 12), atol=1e-3)
    assert not np.allclose(first, synth.render("warm", 8.0, SR, -11), atol=1e-3)


@pytest.mark.parametrize("mood", list(BPM))
def test_peak_loudness_and_fades(synth: SynthMusic, beds: dict[str, FloatArray], mood: str) -> None:
    for audio in (beds[mood], synth.render(mood, 3.0, SR, 99)):
        assert float(np.abs(audio).max()) <= 0.9
        assert float(np.abs(audio[-int(0.01 * SR) :]).max()) < 1e-3
        assert float(np.abs(audio[0]).max()) < 1e-3
    body = beds[mood][: -int(1.5 * SR)].astype(np.float64)
    rms_db = 20 * np.log10(np.sqrt(np.mean(body**2)))
    assert -23.0 < rms_db < -17.0
    # The fade-out is gradual: the second before the last half second is still audible.
    tail = beds[mood][-int(1.5 * SR) : -int(0.5 * SR)]
    assert float(np.abs(tail).max()) > 0.05


@pytest.mark.parametrize("mood", list(BPM))
def test_tempo_matches_the_mood(beds: dict[str, FloatArray], mood: str) -> None:
    assert measure_bpm(beds[mood]) == pytest.approx(BPM[mood], rel=0.05)


@pytest.mark.parametrize("seed", [0, 7, 123456789])
def test_tempo_holds_for_other_seeds(synth: SynthMusic, seed: int) -> None:
    for mood, bpm in BPM.items():
        assert measure_bpm(synth.render(mood, 16.0, SR, seed)) == pytest.approx(bpm, rel=0.05)


def test_moods_differ(beds: dict[str, FloatArray]) -> None:
    tempos = {mood: measure_bpm(audio) for mood, audio in beds.items()}
    for a, b in itertools.combinations(BPM, 2):
        assert abs(tempos[a] - tempos[b]) / tempos[b] > 0.05, (a, b, tempos)
        assert not np.allclose(beds[a], beds[b], atol=1e-2)


@pytest.mark.parametrize("mood", list(BPM))
def test_wav_has_bass_and_treble(beds: dict[str, FloatArray], mood: str, tmp_path: Path) -> None:
    path = tmp_path / f"music_{mood}.wav"
    pcm = (np.clip(beds[mood], -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(SR)
        out.writeframes(pcm.tobytes())
    with wave.open(str(path), "rb") as back:
        assert back.getnframes() == len(beds[mood])
    mono = beds[mood].mean(axis=1).astype(np.float64)
    assert _power(mono, 20.0, 200.0) > 0.2
    assert _power(mono, 200.0, 4000.0) > 0.08
    assert _power(mono, 4000.0, 16000.0) > 0.01
    # Light stereo width: the channels differ, but stay mostly correlated.
    corr = float(np.corrcoef(beds[mood][:, 0], beds[mood][:, 1])[0, 1])
    assert 0.4 < corr < 0.99


@pytest.mark.parametrize("mood", list(BPM))
def test_sixty_seconds_renders_fast(synth: SynthMusic, mood: str) -> None:
    timings = []
    for _ in range(2):  # best of two, so a busy machine doesn't fail the test
        start = time.perf_counter()
        synth.render(mood, 60.0, SR, 5)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 1.5
