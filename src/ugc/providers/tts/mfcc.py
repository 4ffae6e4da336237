"""MFCC features in numpy: what the aligner compares two renditions of the same text by."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from ugc.pipeline.types import FloatArray

Matrix = npt.NDArray[np.float64]

RATE = 16_000
HOP_S = 0.010
WINDOW_S = 0.025
_HOP = round(HOP_S * RATE)
_WINDOW = round(WINDOW_S * RATE)
_FFT = 512
_BANDS = 40
_COEFFS = 13
_LOW_HZ, _HIGH_HZ = 60.0, 7_600.0
_PRE_EMPHASIS = 0.97
_FLOOR_DB = -70.0  # below the loudest band: breath noise and digital silence look alike


def resample(samples: FloatArray, rate: int, target: int = RATE) -> FloatArray:
    """Resample mono audio by cutting or padding its spectrum (an ideal low-pass)."""
    if rate == target or len(samples) == 0:
        return samples.astype(np.float32)
    size = max(round(len(samples) * target / rate), 1)
    # Pad to (rate / gcd) * 2**k samples: both FFT lengths then have only small prime factors,
    # where a length such as 2 * 719 * 1021 would make the FFT hundreds of times slower.
    common = math.gcd(rate, target)
    down, up = rate // common, target // common
    blocks = 1 << max(math.ceil(math.log2(len(samples) / down)), 0)
    spectrum = np.fft.rfft(samples.astype(np.float64), n=down * blocks)
    bins = up * blocks // 2 + 1
    kept = np.zeros(bins, dtype=np.complex128)
    kept[: min(bins, len(spectrum))] = spectrum[:bins]
    out = np.fft.irfft(kept, n=up * blocks)[:size] * (up / down)
    return out.astype(np.float32)


def mfcc(samples: FloatArray, rate: int) -> Matrix:
    """Return (frames, 12) cepstra c1..c12 of 25 ms frames every 10 ms, mean-normalised."""
    audio = resample(samples, rate).astype(np.float64)
    audio = np.append(audio[:1], audio[1:] - _PRE_EMPHASIS * audio[:-1])
    count = max(1 + (len(audio) - _WINDOW) // _HOP, 1)
    audio = np.pad(audio, (0, max(_WINDOW + (count - 1) * _HOP - len(audio), 0)))
    starts = np.arange(count)[:, None] * _HOP
    frames = audio[starts + np.arange(_WINDOW)[None, :]] * np.hamming(_WINDOW)
    power = np.abs(np.fft.rfft(frames, n=_FFT, axis=1)) ** 2 / _FFT
    bands = power @ _mel_filters().T
    floor = max(float(bands.max()), 1e-12) * 10 ** (_FLOOR_DB / 10)
    cepstra = np.log(np.maximum(bands, floor)) @ _dct().T
    # c0 is loudness, which differs between voices and microphones more than between sounds.
    out: Matrix = cepstra[:, 1:] - cepstra[:, 1:].mean(axis=0)
    return out


@lru_cache(maxsize=1)
def _mel_filters() -> Matrix:
    """Return the (bands, fft bins) triangular mel filterbank."""
    edges = _to_hz(np.linspace(_to_mel(_LOW_HZ), _to_mel(_HIGH_HZ), _BANDS + 2))
    freqs = np.fft.rfftfreq(_FFT, 1.0 / RATE)
    low, mid, high = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    rising = (freqs[None, :] - low) / (mid - low)
    falling = (high - freqs[None, :]) / (high - mid)
    weights: Matrix = np.maximum(0.0, np.minimum(rising, falling))
    return weights


@lru_cache(maxsize=1)
def _dct() -> Matrix:
    """Return the orthonormal DCT-II matrix, (coefficients, bands)."""
    k = np.arange(_COEFFS)[:, None]
    n = np.arange(_BANDS)[None, :]
    basis = np.cos(np.pi * k * (2 * n + 1) / (2 * _BANDS)) * np.sqrt(2.0 / _BANDS)
    basis[0] /= np.sqrt(2.0)
    out: Matrix = basis
    return out


def _to_mel(hz: float | Matrix) -> Matrix:
    """Convert hertz to mels (HTK formula)."""
    out: Matrix = 2595.0 * np.log10(1.0 + np.asarray(hz, dtype=np.float64) / 700.0)
    return out


def _to_hz(mel: Matrix) -> Matrix:
    """Convert mels to hertz."""
    out: Matrix = 700.0 * (10.0 ** (mel / 2595.0) - 1.0)
    return out
