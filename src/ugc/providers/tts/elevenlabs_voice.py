"""ElevenLabs voices: speech with character timestamps, turned into one timing per token."""

from __future__ import annotations

import base64
import binascii
import difflib
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import replace

import httpx
import numpy as np
from elevenlabs import ElevenLabs
from elevenlabs.core.api_error import ApiError
from elevenlabs.core.parse_error import ParsingError
from elevenlabs.types import AudioWithTimestampsResponse, CharacterAlignmentResponseModel

from ugc.pipeline.types import FloatArray, PhonemeTiming, Provenance, VoiceTrack
from ugc.providers.errors import NotConfigured
from ugc.providers.offline.espeak_voice import EspeakEngine
from ugc.providers.offline.voices import LineSpeech, assemble, clean_line
from ugc.providers.tts.align import warp_phonemes
from ugc.providers.tts.failures import malformed, status_error, transport_error

PROVIDER = "elevenlabs"
_FORMAT = "pcm_24000"  # raw 16-bit mono; every plan may ask for it (44.1 kHz needs Pro)
_RATE = 24_000
# USD per 1,000 characters; list prices differ by plan, so settings should pass the real one.
DEFAULT_PRICE_PER_1K_CHARS = 0.30
# The languages eleven_multilingual_v2 speaks (ISO 639-1, plus 'fil').
MULTILINGUAL_V2 = frozenset(
    {"en", "ja", "zh", "de", "hi", "fr", "ko", "pt", "it", "es", "id", "nl", "tr", "fil", "pl"}
    | {"sv", "bg", "ro", "ar", "cs", "el", "fi", "hr", "ms", "sk", "da", "ta", "uk", "ru"}
)
CharTimes = list[tuple[float, float] | None]


class ElevenLabsVoice:
    """Cloud speech from ElevenLabs; word timings come from its character timestamps."""

    name = PROVIDER

    def __init__(
        self,
        api_key: str,
        voice_id: str,
        model_id: str = "eleven_multilingual_v2",
        base_url: str | None = None,
        price_per_1k_chars: float = DEFAULT_PRICE_PER_1K_CHARS,
        timeout_s: float = 60.0,
        languages: Collection[str] = MULTILINGUAL_V2,
    ) -> None:
        """Build the SDK client; the gateway's router, not the SDK, does the retrying."""
        if not api_key or not voice_id:
            raise NotConfigured(PROVIDER, "an API key and a voice id are required")
        self._key = api_key
        self._voice_id = voice_id
        self._model_id = model_id
        self._price = price_per_1k_chars
        self._languages = frozenset(languages)
        self._client = ElevenLabs(api_key=api_key, base_url=base_url, timeout=timeout_s)
        self.version = f"elevenlabs:{model_id}:{voice_id}"

    def supports(self, language: str) -> bool:
        """Return True if the model speaks this language (base code, e.g. 'pt' for pt-BR)."""
        return _base(language) in self._languages

    def synthesize(self, lines: Sequence[str], language: str, voice: str | None) -> VoiceTrack:
        """Speak each line in its own request; `voice` may be 'elevenlabs:<voice id>'."""
        if not self.supports(language):
            raise ValueError(f"unknown language '{language}'")
        voice_id = _voice_id(voice) or self._voice_id
        sent = [clean_line(line)[0].strip() for line in lines]
        parts = [self._line(voice_id, line, sent, i) for i, line in enumerate(lines)]
        track = assemble(lines, parts, _RATE, self.name, self.version)
        chars = sum(len(text) for text in sent)
        provenance = Provenance(
            PROVIDER, self._model_id, units=float(chars), cost_usd=chars / 1000 * self._price
        )
        return replace(track, phonemes=_phonemes(track, lines, language), provenance=provenance)

    def _line(self, voice_id: str, line: str, sent: Sequence[str], index: int) -> LineSpeech:
        """Synthesise one line and time its tokens from the characters it was sent as."""
        text, spans = clean_line(line)
        if not sent[index]:
            return LineSpeech(np.zeros(0, dtype=np.float32), (None,) * len(spans), ())
        # Neighbouring lines let the model keep one intonation across separate requests.
        before = sent[index - 1] if index > 0 else None
        after = sent[index + 1] if index + 1 < len(sent) else None
        reply = self._request(voice_id, sent[index], before, after)
        samples, times = _decode(reply, text)  # matched back onto the unstripped line
        return LineSpeech(samples, tuple(_span(times, text, a, b) for a, b in spans), ())

    def _request(
        self, voice_id: str, text: str, before: str | None, after: str | None
    ) -> AudioWithTimestampsResponse:
        """Call the with-timestamps endpoint once, mapping every failure to ProviderError."""
        try:
            return self._client.text_to_speech.convert_with_timestamps(
                voice_id,
                text=text,
                model_id=self._model_id,
                output_format=_FORMAT,
                previous_text=before or None,
                next_text=after or None,
                request_options={"max_retries": 0},
            )
        except ApiError as error:
            status = error.status_code or 0
            if 200 <= status < 300:  # the SDK reports an unreadable 200 body this way
                raise malformed(PROVIDER, "body is not JSON") from None
            raise status_error(PROVIDER, status, error.headers, error.body, self._key) from None
        except ParsingError:
            raise malformed(PROVIDER, "body does not match the schema") from None
        except httpx.TransportError as error:  # timeouts, refused and dropped connections
            raise transport_error(PROVIDER, error, self._key) from None


def _base(language: str) -> str:
    """Return the base language of a tag: 'pt' for 'pt-BR', 'zh' for 'zh_Hans'."""
    return language.strip().lower().replace("_", "-").split("-")[0]


def _voice_id(voice: str | None) -> str | None:
    """Return the voice id of an 'elevenlabs:<id>' voice choice, else None."""
    if voice and voice.startswith(f"{PROVIDER}:"):
        return voice.removeprefix(f"{PROVIDER}:") or None
    return None


def _decode(reply: AudioWithTimestampsResponse, text: str) -> tuple[FloatArray, CharTimes]:
    """Return the audio as float samples and each sent character's (start, end) seconds."""
    try:
        data = base64.b64decode(reply.audio_base_64, validate=True)
        alignment = reply.alignment or reply.normalized_alignment
    except (AttributeError, TypeError, ValueError, binascii.Error):
        raise malformed(PROVIDER, "audio_base64 is missing or not base64") from None
    if len(data) % 2 or not isinstance(alignment, CharacterAlignmentResponseModel):
        raise malformed(PROVIDER, "odd PCM length or no alignment")
    samples = (np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0).astype(np.float32)
    return samples, _char_times(text, alignment)


def _char_times(text: str, alignment: CharacterAlignmentResponseModel) -> CharTimes:
    """Give each character of the sent text the timing of the character it came back as."""
    try:
        chars = [str(c) for c in alignment.characters]
        starts = [float(t) for t in alignment.character_start_times_seconds]
        ends = [float(t) for t in alignment.character_end_times_seconds]
    except (AttributeError, TypeError, ValueError):
        raise malformed(PROVIDER, "alignment arrays are missing or not numbers") from None
    if not len(chars) == len(starts) == len(ends):
        raise malformed(PROVIDER, "alignment arrays differ in length")
    owner = [k for k, char in enumerate(chars) for _ in char]  # an entry may hold 2+ chars
    out: CharTimes = [None] * len(text)
    # The reply normally echoes the text exactly; matching blocks also survive small rewrites.
    matcher = difflib.SequenceMatcher(None, text, "".join(chars), autojunk=False)
    for block in matcher.get_matching_blocks():
        for n in range(block.size):
            k = owner[block.b + n]
            out[block.a + n] = (starts[k], max(ends[k], starts[k]))
    return out


def _span(times: CharTimes, text: str, start: int, end: int) -> tuple[float, float] | None:
    """Return a token's time from its letters and digits (punctuation may run into a pause)."""
    timed = [
        t
        for char, t in zip(text[start:end], times[start:end], strict=True)
        if t is not None and unicodedata.category(char)[0] in "LN"
    ]
    if not timed:
        return None
    return min(t[0] for t in timed), max(t[1] for t in timed)


def _phonemes(track: VoiceTrack, lines: Sequence[str], language: str) -> tuple[PhonemeTiming, ...]:
    """Return espeak's phonemes of the same lines, stretched onto this track's words."""
    espeak = EspeakEngine()
    if not espeak.supports(language):
        return ()
    return warp_phonemes(espeak.synthesize(lines, language, None), track.words)
