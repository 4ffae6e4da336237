"""Royalty-free music beds synthesised from scratch: chords, bass and drums per mood."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ugc.pipeline.types import FloatArray
from ugc.providers.offline.music_parts import (
    F64,
    MAJOR,
    Grid,
    Kit,
    Reverb,
    Voices,
    buffer,
    chord_pcs,
    make_kit,
    master,
    pan,
    place,
    reverb_ir,
    tone,
    voice,
)

# (step in 16ths, length in 16ths, selector); selector -1 = whole chord, k = k-th chord tone
# (wrapping up an octave), or a semitone offset from the root for bass patterns.
Hit = tuple[int, int, int]

_TARGET_RMS = 0.1  # about -20 dBFS: the mixer ducks and normalises the bed later
_TAIL_S = 3.5  # room for releases and reverb after a loop ends
_FADE_IN_S = 0.05
_FADE_OUT_S = 1.5
_EIGHTHS = tuple(range(0, 16, 2))
_SIXTEENTHS = tuple(range(16))


@dataclass(frozen=True)
class _Mix:
    """Per-layer levels before the whole bed is normalised."""

    pad: float
    keys: float
    bass: float
    kick: float
    snare: float
    hat: float
    wet: float


@dataclass(frozen=True)
class _Mood:
    """Everything that makes a mood sound like itself; seeds pick among the options."""

    bpm: float
    progressions: tuple[tuple[int, ...], ...]
    sevenths: bool
    keys: str  # ep | pluck | piano
    keys_decay: float
    keys_octave: int
    keys_patterns: tuple[tuple[Hit, ...], ...]
    bass_patterns: tuple[tuple[Hit, ...], ...]
    kicks: tuple[tuple[int, ...], ...]
    hats: tuple[tuple[int, ...], ...]
    open_hats: tuple[int, ...]
    clap: bool
    hat_len: float
    hat_lo: float
    swing: float  # fraction of a 16th that off-beat 8ths are late
    pad_bright: float
    center: int
    pump: float  # sidechain depth on pad and keys
    mix: _Mix


def _arp(order: tuple[int, ...]) -> tuple[Hit, ...]:
    """Return a 16th-note arpeggio cycling through chord-tone indices."""
    return tuple((s, 1, order[s % len(order)]) for s in range(16))


def _broken(order: tuple[int, ...]) -> tuple[Hit, ...]:
    """Return an 8th-note broken chord cycling through chord-tone indices."""
    return tuple((2 * i, 4, order[i % len(order)]) for i in range(8))


_MOODS: dict[str, _Mood] = {
    "upbeat": _Mood(
        bpm=112.0,
        progressions=((0, 4, 5, 3), (0, 5, 3, 4), (5, 3, 0, 4), (0, 3, 5, 4)),
        sevenths=False,
        keys="pluck",
        keys_decay=0.3,
        keys_octave=0,
        keys_patterns=(
            ((0, 2, -1), (3, 2, -1), (6, 2, -1), (10, 2, -1), (12, 2, -1)),
            ((2, 2, -1), (6, 2, -1), (10, 2, -1), (14, 2, -1)),
            ((0, 3, -1), (3, 3, -1), (6, 2, -1), (8, 2, -1), (11, 3, -1), (14, 2, -1)),
        ),
        bass_patterns=(
            (*((s, 2, 0) for s in range(0, 14, 2)), (14, 2, 12)),
            ((0, 3, 0), (3, 3, 0), (6, 2, 0), (8, 3, 0), (11, 3, 0), (14, 2, 7)),
        ),
        kicks=((0, 6, 8), (0, 8, 10), (0, 6, 8, 11)),
        hats=(_EIGHTHS, _SIXTEENTHS),
        open_hats=(14,),
        clap=False,
        hat_len=0.035,
        hat_lo=6500.0,
        swing=0.0,
        pad_bright=6.0,
        center=63,
        pump=0.0,
        mix=_Mix(pad=0.083, keys=0.41, bass=0.19, kick=0.48, snare=0.88, hat=0.57, wet=0.25),
    ),
    "chill": _Mood(
        bpm=85.0,
        progressions=((1, 4, 0, 5), (0, 5, 1, 4), (3, 2, 1, 0), (0, 2, 3, 4)),
        sevenths=True,
        keys="ep",
        keys_decay=1.6,
        keys_octave=0,
        keys_patterns=(
            ((0, 7, -1), (7, 9, -1)),
            ((0, 12, -1), (12, 4, -1)),
            ((0, 5, -1), (6, 4, -1), (10, 6, -1)),
        ),
        bass_patterns=(
            ((0, 6, 0), (7, 3, 0), (10, 6, 7)),
            ((0, 10, 0), (10, 2, 7), (12, 4, 12)),
        ),
        kicks=((0, 7, 10), (0, 10), (0, 3, 10)),
        hats=(_EIGHTHS,),
        open_hats=(),
        clap=False,
        hat_len=0.03,
        hat_lo=7000.0,
        swing=0.33,
        pad_bright=3.0,
        center=61,
        pump=0.0,
        mix=_Mix(pad=0.098, keys=0.30, bass=0.21, kick=0.58, snare=0.71, hat=0.57, wet=0.35),
    ),
    "energetic": _Mood(
        bpm=126.0,
        progressions=((5, 3, 0, 4), (0, 4, 5, 3), (5, 4, 3, 4), (3, 4, 5, 5)),
        sevenths=False,
        keys="pluck",
        keys_decay=0.18,
        keys_octave=12,
        keys_patterns=(
            _arp((0, 1, 2, 3)),
            _arp((0, 2, 1, 3)),
            _arp((3, 2, 1, 0)),
            _arp((0, 1, 2, 3, 2, 1)),
        ),
        bass_patterns=(
            tuple((s, 2, 0) for s in (2, 6, 10, 14)),
            tuple((s, 1, 0) for s in range(16) if s % 4),
            ((2, 2, 0), (6, 2, 0), (10, 2, 12), (14, 2, 0)),
        ),
        kicks=((0, 4, 8, 12),),
        hats=(tuple(s for s in range(16) if s % 4 != 2),),
        open_hats=(2, 6, 10, 14),
        clap=True,
        hat_len=0.025,
        hat_lo=7500.0,
        swing=0.0,
        pad_bright=12.0,
        center=62,
        pump=0.55,
        mix=_Mix(pad=0.11, keys=0.24, bass=0.22, kick=0.65, snare=1.03, hat=0.67, wet=0.25),
    ),
    "warm": _Mood(
        bpm=96.0,
        progressions=((0, 2, 3, 4), (0, 5, 3, 4), (3, 0, 4, 5), (0, 3, 5, 4)),
        sevenths=False,
        keys="piano",
        keys_decay=1.4,
        keys_octave=0,
        keys_patterns=(_broken((0, 1, 2, 1)), _broken((0, 2, 1, 2)), _broken((0, 1, 2, 3))),
        bass_patterns=(
            ((0, 8, 0), (8, 8, 7)),
            ((0, 6, 0), (6, 2, 0), (8, 8, 7)),
            ((0, 12, 0), (12, 4, 7)),
        ),
        kicks=((0, 8), (0, 7, 8), (0, 8, 10)),
        hats=(_EIGHTHS, _SIXTEENTHS),
        open_hats=(),
        clap=False,
        hat_len=0.045,
        hat_lo=4000.0,
        swing=0.12,
        pad_bright=4.0,
        center=60,
        pump=0.0,
        mix=_Mix(pad=0.11, keys=0.22, bass=0.22, kick=0.48, snare=0.6, hat=0.48, wet=0.3),
    ),
}


@dataclass(frozen=True)
class _Plan:
    """One seed's concrete choices for a mood."""

    mood: _Mood
    chords: tuple[tuple[int, ...], ...]  # voiced MIDI notes, one chord per bar
    roots: tuple[int, ...]  # bass MIDI note per bar
    keys_a: tuple[Hit, ...]
    keys_b: tuple[Hit, ...]
    bass: tuple[Hit, ...]
    kicks: tuple[int, ...]
    hats: tuple[int, ...]
    fill: tuple[int, ...]
    hat_vel: tuple[float, ...]


def _pick(rng: np.random.Generator, options: tuple[tuple[int, ...], ...]) -> tuple[int, ...]:
    """Return one option chosen by the seed."""
    return options[int(rng.integers(len(options)))]


def _plan(mood: _Mood, rng: np.random.Generator) -> _Plan:
    """Choose key, progression, voicings and patterns for one seed."""
    key = int(rng.integers(12))
    progression = _pick(rng, mood.progressions)
    center = mood.center + int(rng.integers(-2, 3))
    chords: list[tuple[int, ...]] = []
    for degree in progression:
        chords.append(
            voice(chord_pcs(degree, key, mood.sevenths), center, chords[-1] if chords else None)
        )
    # Bass roots sit between A1 and G#2: deep, but with harmonics phones can play.
    roots = tuple(33 + (key + MAJOR[d] - 9) % 12 for d in progression)
    order = rng.permutation(len(mood.keys_patterns))
    return _Plan(
        mood=mood,
        chords=tuple(chords),
        roots=roots,
        keys_a=mood.keys_patterns[int(order[0])],
        keys_b=mood.keys_patterns[int(order[-1])],
        bass=mood.bass_patterns[int(rng.integers(len(mood.bass_patterns)))],
        kicks=_pick(rng, mood.kicks),
        hats=_pick(rng, mood.hats),
        fill=_pick(rng, ((13, 14, 15), (10, 14, 15), (14, 15), (11, 13, 15))),
        hat_vel=tuple(float(v) for v in rng.uniform(0.8, 1.0, 16)),
    )


def _keys_bar(
    buf: F64, plan: _Plan, grid: Grid, voices: Voices, pattern: tuple[Hit, ...], bar: int
) -> None:
    """Add one bar of the keys part, chord stabs spread across the stereo field."""
    chord = plan.chords[bar]
    for i, (step, length, sel) in enumerate(pattern):
        notes = chord if sel < 0 else (tone(chord, sel),)
        level = 0.6 if len(notes) > 1 else 1.0
        for j, note in enumerate(notes):
            where = (
                (j / (len(notes) - 1) - 0.5) * 0.6 if len(notes) > 1 else (0.25 if i % 2 else -0.25)
            )
            sig = voices.note("keys", note + plan.mood.keys_octave, length)
            gains = pan(where)
            place(buf, sig, grid.pos(16 * bar + step), (gains[0] * level, gains[1] * level))


def _music(plan: _Plan, grid: Grid, voices: Voices, keys: tuple[Hit, ...]) -> tuple[F64, F64]:
    """Return (dry, reverb send) of pad, keys and bass for one loop."""
    pad, ks, bass = (buffer(grid, _TAIL_S) for _ in range(3))
    for bar, chord in enumerate(plan.chords):
        for note in chord:
            place(pad, voices.note("pad", note, 16), grid.pos(16 * bar), (1.0, 1.0))
        _keys_bar(ks, plan, grid, voices, keys, bar)
        for step, length, offset in plan.bass:
            sig = voices.note("bass", plan.roots[bar] + offset, length)
            place(bass, sig, grid.pos(16 * bar + step), (1.0, 1.0))
    mix = plan.mood.mix
    if plan.mood.pump > 0.0:
        # Duck the sustained parts on every kick: the 'pumping' of dance music.
        t = np.mod(np.arange(len(pad)), 4.0 * grid.step) / grid.sr
        gain = (1.0 - plan.mood.pump * np.exp(-t / 0.09))[:, None]
        pad, ks, bass = pad * gain, ks * gain, bass * (0.5 + 0.5 * gain)
    send = pad * mix.pad + ks * mix.keys
    return send + bass * mix.bass, send


def _backbeat(plan: _Plan, grid: Grid, kit: Kit, dry: F64, snares: F64, bar: int) -> None:
    """Add one bar of kick to dry and snare to snares (the reverb send), at mix level."""
    mix = plan.mood.mix
    for step in plan.kicks:
        # Syncopated kicks are played softer so the pulse stays on the beat.
        vel = (1.0 if step % 4 == 0 else 0.55) * mix.kick
        place(dry, kit.kick, grid.pos(16 * bar + step), (vel, vel))
    left, right = pan(-0.05)
    for step in (4, 12):
        place(snares, kit.snare, grid.pos(16 * bar + step), (left * mix.snare, right * mix.snare))


def _hats(plan: _Plan, grid: Grid, kit: Kit, dry: F64, bar: int) -> None:
    """Add one bar of accented closed hats (right) and open hats (left), at mix level."""
    level = plan.mood.mix.hat
    left, right = pan(0.3)
    for step in plan.hats:
        vel = (1.0 if step % 4 == 0 else 0.75 if step % 2 == 0 else 0.5) * plan.hat_vel[step]
        place(dry, kit.hat, grid.pos(16 * bar + step), (left * vel * level, right * vel * level))
    left, right = pan(-0.25)
    for step in plan.mood.open_hats:
        place(dry, kit.open_hat, grid.pos(16 * bar + step), (left * level / 2, right * level / 2))


def _drums(plan: _Plan, grid: Grid, kit: Kit, fill: bool) -> tuple[F64, F64]:
    """Return (kick and hats, snares) for one loop, with a snare fill ending bar 4 if asked."""
    dry, snares = buffer(grid, _TAIL_S), buffer(grid, _TAIL_S)
    for bar in range(4):
        _backbeat(plan, grid, kit, dry, snares, bar)
        _hats(plan, grid, kit, dry, bar)
    if fill:
        level = plan.mood.mix.snare
        for i, step in enumerate(plan.fill):
            vel = (0.35 + 0.2 * i) * level
            place(snares, kit.snare, grid.pos(48 + step), (vel, vel))
    return dry, snares


def _loop(plan: _Plan, grid: Grid, voices: Voices, kit: Kit, reverb: Reverb, b: bool) -> F64:
    """Return one mixed loop and its tail: A, or B with the other keys part and a fill."""
    mixed, send = _music(plan, grid, voices, plan.keys_b if b else plan.keys_a)
    drums, snares = _drums(plan, grid, kit, fill=b)
    send += snares * 0.6
    mixed += drums
    mixed += snares
    mixed += reverb.apply(send) * plan.mood.mix.wet
    return mixed


def _intro_delta(plan: _Plan, grid: Grid, kit: Kit, reverb: Reverb) -> F64:
    """Return bar 1's kick and snare with their reverb; the intro is loop A minus this."""
    size = grid.hold(16) + int(_TAIL_S * grid.sr)
    dry, snares = np.zeros((size, 2)), np.zeros((size, 2))
    _backbeat(plan, grid, kit, dry, snares, 0)
    return np.asarray(dry + snares + reverb.apply(snares * 0.6) * plan.mood.mix.wet)


def _song(plan: _Plan, n: int, sr: int, rng: np.random.Generator) -> F64:
    """Render the bed: an intro loop, then loops alternating B and A, overlap-added."""
    mood = plan.mood
    grid = Grid(sr=sr, step=sr * 60.0 / mood.bpm / 4.0, swing=mood.swing)
    voices = Voices(grid, mood.pad_bright, mood.keys, mood.keys_decay)
    kit = make_kit(sr, rng, mood.bpm < 100, mood.clap, mood.hat_len, mood.hat_lo)
    reverb = Reverb(reverb_ir(sr, 1.8, 6000.0, rng))
    loop_a = _loop(plan, grid, voices, kit, reverb, b=False)
    loops = -(-n // grid.loop)
    song = np.zeros((loops * grid.loop + len(loop_a), 2), dtype=np.float64)
    # Drums hold back for the first bar, so the bed starts with a lift.
    delta = _intro_delta(plan, grid, kit, reverb)
    song[: len(delta)] -= delta
    loop_b = _loop(plan, grid, voices, kit, reverb, b=True) if loops > 1 else loop_a
    for k in range(loops):
        song[k * grid.loop : k * grid.loop + len(loop_a)] += loop_b if k % 2 else loop_a
    return song[:n]


class SynthMusic:
    """Music beds synthesised with numpy: chords, bass and drums, varied by seed."""

    name = "synth-music"
    version = "1"
    moods: tuple[str, ...] = tuple(_MOODS)

    def render(self, mood: str, seconds: float, sample_rate: int, seed: int) -> FloatArray:
        """Return a stereo float32 bed (n, 2), n = round(seconds * rate), faded in and out."""
        spec = _MOODS.get(mood)
        if spec is None:
            raise ValueError(f"unknown music mood {mood!r}; choose one of: {', '.join(self.moods)}")
        if seconds < 0 or sample_rate < 8000:
            raise ValueError(f"cannot render {seconds} s at {sample_rate} Hz")
        n = round(seconds * sample_rate)
        if n == 0:
            return np.zeros((0, 2), dtype=np.float32)
        # Mixing the mood in means two moods with one seed don't share a key and patterns.
        rng = np.random.default_rng([seed % 2**63, self.moods.index(mood)])
        song = _song(_plan(spec, rng), n, sample_rate, rng)
        return master(song, sample_rate, _TARGET_RMS, (_FADE_IN_S, _FADE_OUT_S))
