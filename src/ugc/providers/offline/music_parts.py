"""Synth voices, drum hits and loop DSP for the offline music bed (numpy only)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]

MAJOR = (0, 2, 4, 5, 7, 9, 11)
_TABLE = 4096
_TWO_PI = 2.0 * np.pi


def midi_hz(note: float) -> float:
    """Return the frequency in Hz of a MIDI note number."""
    return float(440.0 * 2.0 ** ((note - 69.0) / 12.0))


def envelope(n_hold: int, sr: int, adsr: tuple[float, float, float, float]) -> F64:
    """Return an ADSR envelope held for n_hold samples and then released."""
    attack, decay, sustain, release = adsr
    a = max(1.0, attack * sr)
    d = max(1.0, decay * sr)
    r = max(1, int(release * sr))
    t = np.arange(n_hold + r, dtype=np.float64)
    held = np.minimum(t, float(n_hold))
    # Exponential decay sounds natural for both pads (s>0) and struck notes (s=0).
    body = sustain + (1.0 - sustain) * np.exp(-np.maximum(held - a, 0.0) / d)
    env = np.minimum(held / a, 1.0) * body
    rel = np.clip(1.0 - (t - n_hold) / r, 0.0, 1.0) ** 2
    return np.asarray(env * np.where(t < n_hold, 1.0, rel), dtype=np.float64)


def harmonic_table(amps: F64) -> F64:
    """Return one cycle of a waveform with the given harmonic amplitudes, plus a guard point."""
    phase = np.arange(_TABLE + 1, dtype=np.float64) * (_TWO_PI / _TABLE)
    k = np.arange(1, len(amps) + 1, dtype=np.float64)
    return np.asarray(amps @ np.sin(k[:, None] * phase[None, :]), dtype=np.float64)


def saw_amps(freq: float, sr: int, bright: float, limit: int = 40) -> F64:
    """Return band-limited, softened saw harmonic amplitudes for a note."""
    count = max(1, min(limit, int(0.45 * sr / freq)))
    k = np.arange(1, count + 1, dtype=np.float64)
    return np.asarray(np.exp(-(k - 1.0) / bright) / k, dtype=np.float64)


def osc(table: F64, freq: float, n: int, sr: int, phase0: float = 0.0) -> F64:
    """Read a wavetable at a fixed frequency with linear interpolation."""
    ph = np.mod(phase0 + (freq / sr) * np.arange(n, dtype=np.float64), 1.0) * _TABLE
    i = ph.astype(np.int64)
    frac = ph - i
    return np.asarray(table[i] + frac * (table[i + 1] - table[i]), dtype=np.float64)


def pad_note(freq: float, n_hold: int, sr: int, bright: float, detune: float) -> F64:
    """Return a stereo pad note: two detuned saw voices per side, slow envelope."""
    table = harmonic_table(saw_amps(freq * 1.01, sr, bright))
    env = envelope(n_hold, sr, (0.18, 0.8, 0.75, 0.9))
    m = len(env)
    out = np.empty((m, 2), dtype=np.float64)
    for ch, sign in enumerate((-1.0, 1.0)):
        cents = 2.0 ** (sign * detune / 1200.0)
        a = osc(table, freq, m, sr, 0.13 * ch)
        b = osc(table, freq * cents, m, sr, 0.37 + 0.21 * ch)
        out[:, ch] = 0.5 * (a + b) * env
    return out


def ep_note(freq: float, n_hold: int, sr: int, bright: float) -> F64:
    """Return an FM electric-piano note whose brightness fades as it rings."""
    env = envelope(n_hold, sr, (0.003, 1.1, 0.0, 0.25))
    t = np.arange(len(env), dtype=np.float64) / sr
    w = _TWO_PI * freq * t
    index = bright * np.exp(-t / 0.3) + 0.25
    body = np.sin(w + index * np.sin(w))
    # The short high-ratio partial is the 'tine' that makes it read as an EP.
    tine = 0.12 * np.sin(w * 14.0) * np.exp(-t / 0.015) if freq * 14.0 < 0.45 * sr else 0.0
    return np.asarray((body + tine) * env, dtype=np.float64)


def struck_note(
    freq: float, n_hold: int, sr: int, decay: float, inharm: float, partials: int = 8
) -> F64:
    """Return a plucked/struck note whose upper partials die faster (pluck or piano)."""
    env = envelope(n_hold, sr, (0.002, 30.0, 1.0, 0.12))
    t = np.arange(len(env), dtype=np.float64) / sr
    k = np.arange(1, partials + 1, dtype=np.float64)
    fk = freq * k * np.sqrt(1.0 + inharm * k * k)
    keep = fk < 0.45 * sr
    k, fk = k[keep], fk[keep]
    amps = 1.0 / k**1.1
    rates = (1.0 + 0.6 * (k - 1.0)) / decay
    waves = np.sin(_TWO_PI * fk[:, None] * t[None, :] + k[:, None])
    body = (amps[:, None] * waves * np.exp(-rates[:, None] * t[None, :])).sum(axis=0)
    return np.asarray(body * env / amps.sum() * 2.0, dtype=np.float64)


def bass_note(freq: float, n_hold: int, sr: int, drive: float) -> F64:
    """Return a round, slightly driven bass note that still reads on small speakers."""
    env = envelope(n_hold, sr, (0.006, 0.5, 0.7, 0.07))
    t = np.arange(len(env), dtype=np.float64) / sr
    w = _TWO_PI * freq * t
    raw = np.sin(w) + 0.35 * np.sin(2.0 * w) + 0.12 * np.sin(3.0 * w)
    return np.asarray(np.tanh(drive * raw) / np.tanh(drive) * env, dtype=np.float64)


def band_noise(n: int, sr: int, lo: float, hi: float, rng: np.random.Generator) -> F64:
    """Return white noise band-passed in the frequency domain, unit RMS."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1.0 / sr)
    hi = min(hi, 0.48 * sr)
    # Soft skirts instead of brick walls, so hits don't ring.
    mask = 1.0 / (1.0 + (lo / np.maximum(f, 1.0)) ** 4) / (1.0 + (f / hi) ** 4)
    out = np.fft.irfft(spec * mask, n)
    return np.asarray(out / (np.sqrt(np.mean(out**2)) + 1e-12), dtype=np.float64)


def kick(sr: int, rng: np.random.Generator, tune: float = 1.0) -> F64:
    """Return a kick drum: a sine swept from ~160 Hz down to ~50 Hz, plus a click."""
    n = int(0.5 * sr)
    t = np.arange(n, dtype=np.float64) / sr
    freq = tune * (48.0 + 115.0 * np.exp(-t / 0.03))
    body = np.sin(_TWO_PI * np.cumsum(freq) / sr) * np.exp(-t / 0.22)
    click = 0.25 * band_noise(n, sr, 1500.0, 8000.0, rng) * np.exp(-t / 0.004)
    ramp = np.minimum(t / 0.0008, 1.0) * _taper(n, sr)
    return np.asarray(np.tanh(1.6 * (body + click)) * ramp, dtype=np.float64)


def snare(sr: int, rng: np.random.Generator, snap: float = 0.14, clap: bool = False) -> F64:
    """Return a snare (tone plus noise) or, with clap=True, a three-burst clap."""
    n = int(0.45 * sr)
    t = np.arange(n, dtype=np.float64) / sr
    noise = band_noise(n, sr, 1100.0, 9000.0, rng)
    if clap:
        # Claps are several hands a few ms apart, then one decaying tail.
        bursts = sum(np.where(t >= o, np.exp(-(t - o) / 0.006), 0.0) for o in (0.0, 0.011, 0.022))
        tail = np.where(t >= 0.03, np.exp(-(t - 0.03) / snap), 0.0)
        return np.asarray(0.5 * noise * (0.6 * bursts + tail) * _taper(n, sr), dtype=np.float64)
    tone = np.sin(_TWO_PI * 185.0 * t) * np.exp(-t / 0.045)
    hit = (0.55 * tone + 0.45 * noise * np.exp(-t / snap)) * _taper(n, sr)
    return np.asarray(hit, dtype=np.float64)


def hat(sr: int, rng: np.random.Generator, length: float, lo: float = 6500.0) -> F64:
    """Return a hi-hat or shaker: high band noise with a short decay."""
    n = int(max(length * 5.0, 0.05) * sr)
    t = np.arange(n, dtype=np.float64) / sr
    ramp = np.minimum(t / 0.001, 1.0)
    body = band_noise(n, sr, lo, 16000.0, rng) * np.exp(-t / length) * ramp
    return np.asarray(0.35 * body, dtype=np.float64)


def _taper(n: int, sr: int, seconds: float = 0.03) -> F64:
    """Return a gain falling from 1 to 0 over the last `seconds`, so hits end without a click."""
    m = min(n, int(seconds * sr))
    out = np.ones(n, dtype=np.float64)
    out[n - m :] = np.linspace(1.0, 0.0, m)
    return out


def place(buf: F64, sig: F64, pos: int, gains: tuple[float, float]) -> None:
    """Add a mono or stereo signal into a stereo buffer at pos, clipped to the buffer."""
    end = min(len(buf), pos + len(sig))
    if pos >= end:
        return
    part = sig[: end - pos]
    if part.ndim == 1:
        buf[pos:end, 0] += part * gains[0]
        buf[pos:end, 1] += part * gains[1]
    else:
        buf[pos:end] += part * np.asarray(gains)


def pan(position: float) -> tuple[float, float]:
    """Return constant-power left/right gains for a pan position in [-1, 1]."""
    angle = (position + 1.0) * np.pi / 4.0
    return float(np.cos(angle) * np.sqrt(2.0)), float(np.sin(angle) * np.sqrt(2.0))


def reverb_ir(sr: int, seconds: float, damp_hz: float, rng: np.random.Generator) -> F64:
    """Return a stereo, decorrelated, darkening noise impulse response of unit energy."""
    n = int(seconds * sr)
    t = np.arange(n, dtype=np.float64) / sr
    pre = int(0.012 * sr)
    ir = np.zeros((n + pre, 2), dtype=np.float64)
    for ch in range(2):
        noise = band_noise(n, sr, 120.0, damp_hz, rng)
        ir[pre:, ch] = noise * np.exp(-6.9 * t / seconds)
    return np.asarray(ir / np.sqrt(np.sum(ir**2, axis=0)), dtype=np.float64)


class Reverb:
    """Convolution reverb through the FFT, reusing the IR spectrum for equal-length signals."""

    def __init__(self, ir: F64) -> None:
        """Keep the stereo impulse response."""
        self._ir = ir
        self._spectra: dict[int, npt.NDArray[np.complex128]] = {}

    def apply(self, sig: F64) -> F64:
        """Return the stereo signal convolved with the IR, truncated to the signal length."""
        size = _fast_len(len(sig) + len(self._ir))
        if size not in self._spectra:
            self._spectra[size] = np.fft.rfft(self._ir, size, axis=0)
        spec = np.fft.rfft(sig, size, axis=0) * self._spectra[size]
        return np.asarray(np.fft.irfft(spec, size, axis=0)[: len(sig)], dtype=np.float64)


def _fast_len(n: int) -> int:
    """Return the smallest 2^a*3^b*5^c >= n, which pocketfft handles quickly."""
    best = 1 << (n - 1).bit_length()
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            p = p35
            while p < n:
                p *= 2
            best = min(best, p)
            p35 *= 3
        p5 *= 5
    return best


def soft_limit(x: F64, knee: float, ceiling: float) -> F64:
    """Pass samples below the knee unchanged and bend peaks smoothly under the ceiling."""
    out = np.array(x, dtype=np.float64)
    flat = out.reshape(-1)
    # Only the few loud samples need the (slow) tanh.
    idx = np.flatnonzero(np.abs(flat) > knee)
    room = ceiling - knee
    mag = np.abs(flat[idx])
    flat[idx] = np.sign(flat[idx]) * (knee + room * np.tanh((mag - knee) / room))
    return out


@dataclass(frozen=True)
class Grid:
    """Sample positions of the 16th-note grid for a tempo and sample rate."""

    sr: int
    step: float
    swing: float

    @property
    def loop(self) -> int:
        """Return the samples in one 4-bar loop."""
        return round(64 * self.step)

    def pos(self, step: int) -> int:
        """Return the sample where a 16th step of the loop starts, swing applied."""
        late = self.swing * self.step if step % 4 == 2 else 0.0
        return round(step * self.step + late)

    def hold(self, steps: int) -> int:
        """Return the samples a note lasting `steps` 16ths is held."""
        return max(1, round(steps * self.step))


class Voices:
    """Renders each distinct note once per bed: loops repeat the same notes many times."""

    def __init__(self, grid: Grid, pad_bright: float, keys: str, keys_decay: float) -> None:
        """Remember the grid and the instrument settings the notes are rendered for."""
        self._grid = grid
        self._pad_bright = pad_bright
        self._keys = keys
        self._keys_decay = keys_decay
        self._cache: dict[tuple[str, int, int], F64] = {}

    def note(self, kind: str, midi: int, steps: int) -> F64:
        """Return the rendered note of an instrument (pad, keys or bass)."""
        key = (kind, midi, steps)
        if key not in self._cache:
            self._cache[key] = self._render(kind, midi, steps)
        return self._cache[key]

    def _render(self, kind: str, midi: int, steps: int) -> F64:
        """Synthesise one note."""
        freq, hold, sr = midi_hz(midi), self._grid.hold(steps), self._grid.sr
        if kind == "pad":
            return pad_note(freq, hold, sr, self._pad_bright, detune=9.0)
        if kind == "bass":
            return bass_note(freq, hold, sr, drive=1.6)
        if self._keys == "ep":
            return ep_note(freq, hold, sr, bright=1.5)
        piano = self._keys == "piano"
        # A touch of inharmonicity is what separates a piano from a plucked synth.
        return struck_note(
            freq, hold, sr, self._keys_decay, 0.0004 if piano else 0.0, 8 if piano else 14
        )


@dataclass(frozen=True)
class Kit:
    """The drum samples of one bed."""

    kick: F64
    snare: F64
    hat: F64
    open_hat: F64


def make_kit(
    sr: int, rng: np.random.Generator, slow: bool, clap: bool, hat_len: float, hat_lo: float
) -> Kit:
    """Synthesise a drum kit: slow tempos get a lower kick, dance moods a clap."""
    return Kit(
        kick=kick(sr, rng, tune=0.95 if slow else 1.0),
        snare=snare(sr, rng, snap=0.1 if clap else 0.14, clap=clap),
        hat=hat(sr, rng, hat_len, hat_lo),
        open_hat=hat(sr, rng, 0.16, hat_lo),
    )


def buffer(grid: Grid, tail_s: float) -> F64:
    """Return a silent stereo buffer for one loop plus its ringing tail."""
    return np.zeros((grid.loop + int(tail_s * grid.sr), 2), dtype=np.float64)


def chord_pcs(degree: int, key: int, sevenths: bool) -> list[int]:
    """Return the diatonic chord on a major-scale degree as ascending semitones above the key."""
    size = 4 if sevenths else 3
    return [key + MAJOR[(degree + 2 * j) % 7] + 12 * ((degree + 2 * j) // 7) for j in range(size)]


def voice(pcs: list[int], center: int, prev: tuple[int, ...] | None) -> tuple[int, ...]:
    """Return the inversion nearest both the register centre and the previous chord."""
    best: tuple[float, tuple[int, ...]] | None = None
    for rot in range(len(pcs)):
        notes: list[int] = []
        for pc in pcs[rot:] + pcs[:rot]:
            note = pc
            while notes and note <= notes[-1]:
                note += 12
            notes.append(note)
        shift = 12 * round((center - float(np.mean(notes))) / 12)
        cand = tuple(n + shift for n in notes)
        # Smooth voice leading is what makes a loop of four chords sound composed.
        cost = abs(float(np.mean(cand)) - center)
        if prev is not None:
            cost += sum(abs(a - b) for a, b in zip(cand, prev, strict=False)) * 0.5
        if best is None or cost < best[0]:
            best = (cost, cand)
    assert best is not None
    return best[1]


def tone(chord: tuple[int, ...], sel: int) -> int:
    """Return chord tone `sel`, wrapping up an octave past the top of the chord."""
    return chord[sel % len(chord)] + 12 * (sel // len(chord))


def master(
    song: F64, sr: int, target_rms: float, fades: tuple[float, float]
) -> npt.NDArray[np.float32]:
    """Normalise to the target RMS, bend peaks under 0.9 and apply (in, out) fades."""
    n = len(song)
    fade_in = min(int(fades[0] * sr), n // 4)
    fade_out = min(int(fades[1] * sr), n // 2)
    body = song[: n - fade_out]
    rms = float(np.sqrt(np.mean(body**2))) if len(body) else 0.0
    out = soft_limit(song * (target_rms / max(rms, 1e-9)), 0.6, 0.89)
    if fade_in:
        out[:fade_in] *= np.linspace(0.0, 1.0, fade_in)[:, None]
    if fade_out:
        out[n - fade_out :] *= (0.5 + 0.5 * np.cos(np.linspace(0.0, np.pi, fade_out)))[:, None]
    return out.astype(np.float32)
