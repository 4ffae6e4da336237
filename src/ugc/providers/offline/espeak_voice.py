"""espeak-ng voice through ctypes: many languages, exact word and phoneme event timings."""

from __future__ import annotations

import _ctypes
import ctypes
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ugc.pipeline.types import FloatArray, PhonemeTiming, VoiceTrack
from ugc.providers.offline.voices import LineSpeech, assemble, clean_line

_ADAPTER_REVISION = "ugc1"  # bump whenever this adapter's output for the same input changes
_SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS: audio comes back through the callback
_PHONEME_EVENTS = 0x1  # espeakINITIALIZE_PHONEME_EVENTS
_PHONEME_IPA = 0x2  # espeakINITIALIZE_PHONEME_IPA: events name phonemes in IPA, like Piper
_POS_CHARACTER = 1
_CHARS_UTF8 = 0x1
_END_PAUSE = 0x1000
_WORD, _PHONEME, _TERMINATED = 1, 7, 0
_STRESS = "ˈˌ"
_SEED = 1
# Codes people write that espeak spells differently.
_ALIASES = {
    "en": "en-us",
    "zh": "cmn",
    "zh-cn": "cmn",
    "zh-hans": "cmn",
    "zh-sg": "cmn",
    "zh-tw": "cmn",
    "zh-hant": "cmn",
    "zh-hk": "yue",
    "zh-yue": "yue",
    "iw": "he",
    "nb-no": "nb",
}


class _Id(ctypes.Union):
    """espeak_EVENT.id: a number, a name pointer, or a short phoneme string."""

    _fields_ = (("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8))


class _Event(ctypes.Structure):
    """espeak_EVENT from speak_lib.h."""

    _fields_ = (
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _Id),
    )


class _Voice(ctypes.Structure):
    """espeak_VOICE from speak_lib.h."""

    _fields_ = (
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_void_p),  # priority byte + NUL-terminated code, repeated
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    )


_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


Span = tuple[int, int]


class _Mark(NamedTuple):
    """A word or phoneme event: kind, 1-based character position and length, sample, name."""

    kind: int
    position: int
    length: int
    sample: int
    name: str


@dataclass
class _Take:
    """What one espeak_Synth call produced: audio chunks and word/phoneme events."""

    audio: list[FloatArray]
    events: list[_Mark]


class EspeakVoice(NamedTuple):
    """An installed espeak-ng voice: the id a brief names it by, its name and its language."""

    id: str  # 'espeak:<voice file>', e.g. 'espeak:en-US'
    name: str
    language: str


@dataclass(frozen=True)
class _Facts:
    """What the installed espeak-ng is: output rate, version, language codes and voices."""

    rate: int
    version: str
    languages: frozenset[str]
    voices: tuple[EspeakVoice, ...] = ()


class _Espeak:
    """One load of the espeak-ng library, used under _LOCK and closed after each request."""

    def __init__(self) -> None:
        """Load the library bundled with espeakng_loader and initialise it."""
        import espeakng_loader

        # espeak keeps state between utterances in function statics (pitch flutter, phase),
        # so each request gets a freshly loaded library and the same input sounds the same.
        self.lib = _bind(ctypes.CDLL(espeakng_loader.get_library_path()))
        self.data = Path(espeakng_loader.get_data_path())
        options = _PHONEME_EVENTS | _PHONEME_IPA
        self.rate = int(
            self.lib.espeak_Initialize(_SYNCHRONOUS, 0, str(self.data).encode(), options)
        )
        if self.rate <= 0:
            raise RuntimeError("espeak-ng failed to initialise")
        self._callback = _CALLBACK(self._receive)  # kept on self so ctypes never frees it
        self.lib.espeak_SetSynthCallback(self._callback)
        self._take = _Take([], [])

    def close(self) -> None:
        """Free espeak's memory and unload the library so the next load starts clean."""
        self.lib.espeak_Terminate()
        _ctypes.dlclose(self.lib._handle)

    def facts(self) -> _Facts:
        """Return the rate, version and language codes of this espeak-ng."""
        version = (self.lib.espeak_Info(None) or b"?").decode()
        return _Facts(self.rate, version, _languages(self.lib), _voices(self.lib, self.data))

    def speak(self, voice: str, language: str, text: str) -> _Take:
        """Synthesise text with a voice name (or the language's default) and return the take."""
        if voice:
            if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise ValueError(f"unknown espeak voice '{voice}'")
        else:
            code = ctypes.cast(ctypes.c_char_p(language.encode()), ctypes.c_void_p)
            if self.lib.espeak_SetVoiceByProperties(ctypes.byref(_Voice(languages=code))) != 0:
                raise ValueError(f"unknown language '{language}'")
        self._take = _Take([], [])
        # Breath and fricative noise come from espeak's generator and from libc rand().
        self.lib.espeak_ng_SetRandSeed(_SEED)
        _seed_libc()
        data = text.encode("utf-8")
        flags = _CHARS_UTF8 | _END_PAUSE
        self.lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, flags, None, None)
        self.lib.espeak_Synchronize()
        return self._take

    def _receive(self, wav: Any, count: int, events: Any) -> int:
        """Collect one callback's audio and events; return 0 to keep synthesising."""
        if count > 0:
            chunk = np.ctypeslib.as_array(wav, shape=(count,)).astype(np.float32) / 32768.0
            self._take.audio.append(chunk)
        index = 0
        while events[index].type != _TERMINATED:
            event = events[index]
            if event.type in (_WORD, _PHONEME):
                name = bytes(event.id.string).split(b"\0")[0].decode("utf-8", "ignore")
                name = name if event.type == _PHONEME else ""
                position, length = event.text_position, event.length
                self._take.events.append(_Mark(event.type, position, length, event.sample, name))
            index += 1
        return 0


def _bind(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Declare the C signatures this module calls."""
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_Info.argtypes = [ctypes.c_void_p]
    lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
    lib.espeak_ListVoices.argtypes = [ctypes.c_void_p]
    lib.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetVoiceByProperties.argtypes = [ctypes.POINTER(_Voice)]
    lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int]
    lib.espeak_Synth.argtypes += [ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
    return lib


def _seed_libc() -> None:
    """Seed the C library's rand(), which espeak also draws noise from."""
    try:
        libc = ctypes.CDLL(None)
    except OSError:  # no process-wide C library handle on this platform
        return
    libc.srand(ctypes.c_uint(_SEED))


def _languages(lib: Any) -> frozenset[str]:
    """Return every language code some installed espeak voice declares."""
    codes: set[str] = set()
    voices = lib.espeak_ListVoices(None)
    index = 0
    while voices[index]:
        address = voices[index].contents.languages
        while address and ctypes.string_at(address, 1) != b"\0":
            code = ctypes.string_at(address + 1)
            codes.add(code.decode("ascii", "ignore").lower())
            address += len(code) + 2
        index += 1
    return frozenset(codes)


def _voices(lib: Any, data: Path) -> tuple[EspeakVoice, ...]:
    """Return the installed voices whose dictionary is present, by name."""
    found: dict[str, EspeakVoice] = {}
    voices = lib.espeak_ListVoices(None)
    index = 0
    while voices[index]:
        voice = voices[index].contents
        index += 1
        ident = voice.identifier.decode("utf-8", "ignore")
        language = ctypes.string_at(voice.languages + 1).decode("ascii", "ignore").lower()
        if _has_dictionary(data, ident, language):
            file = ident.rsplit("/", 1)[-1]
            name = voice.name.decode("utf-8", "ignore").strip()
            found.setdefault(file, EspeakVoice(f"espeak:{file}", name, language))
    return tuple(sorted(found.values(), key=lambda v: v.name))


def _has_dictionary(data: Path, ident: str, language: str) -> bool:
    """Return True if the voice's dictionary is installed; without it espeak speaks nonsense."""
    try:
        spec = (data / "lang" / ident).read_text("utf-8", "ignore")
    except OSError:
        return False
    named = re.search(r"^dictionary\s+(\S+)", spec, re.MULTILINE)
    # Unless the voice names one, espeak uses the dictionary of its language's first part.
    return (data / f"{named.group(1) if named else language.split('-')[0]}_dict").exists()


_LOCK = threading.Lock()  # espeak-ng is one process-wide library with global state
_FACTS: list[_Facts] = []


def _facts() -> _Facts:
    """Return the installed espeak-ng's facts, loading it once to read them."""
    with _LOCK:
        if not _FACTS:
            espeak = _Espeak()
            try:
                _FACTS.append(espeak.facts())
            finally:
                espeak.close()
        return _FACTS[0]


def _code(language: str) -> str:
    """Normalise a language tag to espeak's lower-case, dash-separated spelling."""
    code = language.strip().lower().replace("_", "-")
    return _ALIASES.get(code, code)


class EspeakEngine:
    """Offline speech in about a hundred languages through espeak-ng."""

    name = "espeak-ng"

    def __init__(self) -> None:
        """Read espeak-ng's version and languages (loads the library once per process)."""
        self.version = f"espeak-ng-{_facts().version}+{_ADAPTER_REVISION}"

    def list_languages(self) -> list[str]:
        """Return the language codes espeak-ng can speak, sorted."""
        return sorted(_facts().languages)

    def list_voices(self) -> list[EspeakVoice]:
        """Return the voices a brief may name as options.voice, sorted by name."""
        return list(_facts().voices)

    def supports(self, language: str) -> bool:
        """Return True if an espeak-ng voice declares this code or its base language."""
        code = _code(language)
        known = _facts().languages
        return bool(code) and (code in known or code.split("-")[0] in known)

    def synthesize(self, lines: Sequence[str], language: str, voice: str | None) -> VoiceTrack:
        """Speak the lines in order; `voice` is an espeak voice such as 'en-us+f3'."""
        if not self.supports(language):
            raise ValueError(f"unknown language '{language}'")
        name = (voice or "").removeprefix("espeak:")
        code = _code(language)
        with _LOCK:
            espeak = _Espeak()
            try:
                parts = [_line(espeak, name, code, line) for line in lines]
            finally:
                espeak.close()
        return assemble(lines, parts, espeak.rate, self.name, self.version)


def _line(engine: _Espeak, voice: str, language: str, line: str) -> LineSpeech:
    """Synthesise one line and turn espeak's events into token and phoneme timings."""
    cleaned, spans = clean_line(line)
    if not cleaned.strip():
        return LineSpeech(np.zeros(0, dtype=np.float32), (None,) * len(spans), ())
    take = engine.speak(voice, language, cleaned)
    audio = np.concatenate(take.audio) if take.audio else np.zeros(0, dtype=np.float32)
    rate = float(engine.rate)
    phones = _phones(take.events, len(audio))
    words = _words(take.events, phones, cleaned, spans)
    timed = tuple(None if w is None else (w[0] / rate, w[1] / rate) for w in words)
    phonemes = tuple(PhonemeTiming(p or "_", a / rate, b / rate) for _, p, a, b in phones if b > a)
    return LineSpeech(audio, timed, phonemes)


def _phones(events: Sequence[_Mark], total: int) -> list[tuple[int, str, int, int]]:
    """Return (word number, phoneme, start, end) per phoneme event; '' marks a pause."""
    out: list[tuple[int, str, int, int]] = []
    word = -1
    for mark in events:
        if mark.kind == _WORD:
            word += 1
        elif not mark.name.startswith("("):  # "(en)" marks a language switch, not a sound
            if out:
                out[-1] = (*out[-1][:3], max(out[-1][2], mark.sample))
            out.append((word, mark.name.strip(_STRESS), mark.sample, total))
    if out:
        out[-1] = (*out[-1][:3], max(out[-1][2], total))
    return out


def _words(
    events: Sequence[_Mark],
    phones: Sequence[tuple[int, str, int, int]],
    text: str,
    spans: Sequence[Span],
) -> list[Span | None]:
    """Give each token the sound of the espeak words that start inside it."""
    out: list[Span | None] = [None] * len(spans)
    letters = [sum(_is_letter(c) for c in text[a:b]) for a, b in spans]
    starts = [a + _first_letter(text[a:b]) for a, b in spans]
    marks = [m for m in events if m.kind == _WORD]
    ends = [m.position - 1 for m in marks[1:]] + [1 << 30]
    for number, (mark, end) in enumerate(zip(marks, ends, strict=True)):
        sound = [(a, b) for w, p, a, b in phones if w == number and p]
        # espeak may report a hanzi word such as 你好 with length 1: it runs to the next word.
        first = mark.position - 1  # espeak counts characters from 1
        last = max(end, first + mark.length)
        hit = [i for i, at in enumerate(starts) if letters[i] and first <= at < last]
        # A voiced symbol such as "&" is timed too; emoji never reach espeak (empty span).
        hit = hit or [i for i, (a, b) in enumerate(spans) if a <= first < b]
        if not sound or not hit:
            continue
        pieces = _share(sound[0][0], sound[-1][1], [max(letters[i], 1) for i in hit])
        for token, piece in zip(hit, pieces, strict=True):
            old = out[token]
            out[token] = piece if old is None else (min(old[0], piece[0]), max(old[1], piece[1]))
    return out


def _is_letter(char: str) -> bool:
    """Return True for a letter or digit, the characters espeak says."""
    return unicodedata.category(char)[0] in "LN"


def _first_letter(token: str) -> int:
    """Return the offset of the token's first letter or digit (its length if none)."""
    return next((i for i, char in enumerate(token) if _is_letter(char)), len(token))


def _share(start: int, end: int, sizes: Sequence[int]) -> list[Span]:
    """Split one espeak word's sound across the tokens it covers, by letter count."""
    # A run of kana or hanzi is one espeak word but one token per character.
    edges = np.cumsum([0, *sizes]) / max(sum(sizes), 1) * (end - start) + start
    return [(int(edges[i]), int(edges[i + 1])) for i in range(len(sizes))]
