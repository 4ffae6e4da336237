"""OpenAI text-to-speech; it returns audio only, so timings come from the aligner."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

import numpy as np
import openai

from ugc.pipeline import text
from ugc.pipeline.types import FloatArray, Provenance, VoiceTrack
from ugc.providers.errors import NotConfigured
from ugc.providers.offline.espeak_voice import EspeakEngine
from ugc.providers.offline.voices import LineSpeech, assemble, clean_line
from ugc.providers.tts.align import align_words
from ugc.providers.tts.failures import malformed, status_error, transport_error

PROVIDER = "openai-tts"  # the name the router and settings know this voice by
_RATE = 24_000  # response_format "pcm": 24 kHz, 16-bit signed little-endian, mono, no header
# USD per 1,000 characters (tts-1 list price); gpt-4o-mini-tts bills tokens, about the same.
DEFAULT_PRICE_PER_1K_CHARS = 0.015
# The languages OpenAI documents for its speech models (those of Whisper), as ISO 639-1.
WHISPER_LANGUAGES = frozenset(
    {"af", "ar", "hy", "az", "be", "bs", "bg", "ca", "zh", "hr", "cs", "da", "nl", "en", "et"}
    | {"fi", "fr", "gl", "de", "el", "he", "hi", "hu", "is", "id", "it", "ja", "kn", "kk"}
    | {"ko", "lv", "lt", "mk", "ms", "mr", "mi", "ne", "no", "fa", "pl", "pt", "ro", "ru"}
    | {"sr", "sk", "sl", "es", "sw", "sv", "tl", "ta", "th", "tr", "uk", "ur", "vi", "cy"}
)


class OpenAIVoice:
    """Cloud speech from OpenAI, with word and phoneme timings found by aligning to espeak-ng."""

    name = PROVIDER

    def __init__(
        self,
        api_key: str,
        model: str = "gpt-4o-mini-tts",
        voice: str = "alloy",
        base_url: str | None = None,
        price_per_1k_chars: float = DEFAULT_PRICE_PER_1K_CHARS,
        timeout_s: float = 60.0,
        languages: Collection[str] = WHISPER_LANGUAGES,
    ) -> None:
        """Build the SDK client with retries off: the gateway's router retries."""
        if not api_key:
            raise NotConfigured(PROVIDER, "an API key is required")
        self._key = api_key
        self._model = model
        self._voice = voice
        self._price = price_per_1k_chars
        self._languages = frozenset(languages)
        self._client = openai.OpenAI(
            api_key=api_key, base_url=base_url, max_retries=0, timeout=timeout_s
        )
        self.version = f"{PROVIDER}:{model}:{voice}"

    def supports(self, language: str) -> bool:
        """Return True if OpenAI speaks the language and espeak-ng can align it."""
        base = language.strip().lower().replace("_", "-").split("-")[0]
        return base in self._languages and EspeakEngine().supports(language)

    def synthesize(self, lines: Sequence[str], language: str, voice: str | None) -> VoiceTrack:
        """Speak each line in its own request; `voice` may be 'openai:<voice>'."""
        if not self.supports(language):
            raise ValueError(f"unknown language '{language}'")
        chosen = _voice(voice) or self._voice
        parts = [self._line(chosen, line, language) for line in lines]
        track = assemble(lines, parts, _RATE, self.name, self.version)
        chars = sum(len(clean_line(line)[0].strip()) for line in lines)
        provenance = Provenance(
            PROVIDER, self._model, units=float(chars), cost_usd=chars / 1000 * self._price
        )
        return replace(track, provenance=provenance)

    def _line(self, voice: str, line: str, language: str) -> LineSpeech:
        """Synthesise one line and align its tokens and phonemes to the audio."""
        cleaned, spans = clean_line(line)
        if not cleaned.strip():
            return LineSpeech(np.zeros(0, dtype=np.float32), (None,) * len(spans), ())
        samples = self._request(voice, cleaned.strip())
        words, phonemes = align_words([line], samples, _RATE, language)
        timed = tuple(
            (w.start, w.end) if text.is_spoken(w.text) and w.end > w.start else None for w in words
        )
        return LineSpeech(samples, timed, phonemes)

    def _request(self, voice: str, cleaned: str) -> FloatArray:
        """Call the speech endpoint once and decode its PCM, mapping failures to ProviderError."""
        try:
            reply = self._client.audio.speech.create(
                model=self._model, voice=voice, input=cleaned, response_format="pcm"
            )
            data = reply.content
        except openai.APIStatusError as error:
            status, headers = error.status_code, error.response.headers
            raise status_error(PROVIDER, status, headers, error.body, self._key) from None
        except openai.APIConnectionError as error:  # includes APITimeoutError
            raise transport_error(PROVIDER, error, self._key) from None
        if len(data) % 2 or not data:
            raise malformed(PROVIDER, f"{len(data)} bytes is not 16-bit PCM")
        return (np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0).astype(np.float32)


def _voice(voice: str | None) -> str | None:
    """Return the voice name of an 'openai:<voice>' or 'openai-tts:<voice>' choice, else None."""
    prefix, _, name = (voice or "").partition(":")
    return name or None if prefix.lower() in ("openai", PROVIDER) else None
