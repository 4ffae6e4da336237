"""Local HTTP servers speaking the ElevenLabs and OpenAI speech wire formats, with real speech.

Each request is answered with espeak-ng speech of the requested text (after a programmable
failure, if one is queued), and the server records what it received and what it said.
"""

from __future__ import annotations

import base64
import functools
import json
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import numpy as np

from ugc.pipeline.types import FloatArray, WordTiming
from ugc.providers.offline.espeak_voice import EspeakEngine
from ugc.providers.offline.voices import speech_bounds
from ugc.providers.tts.mfcc import resample

LEAD_S = 0.3  # silence the fakes put before the speech, which adapters must trim
RATE = 24_000


@dataclass(frozen=True)
class Failure:
    """How to answer one request instead of (or before) speaking."""

    status: int = 0  # answer with this HTTP status and an error body
    headers: tuple[tuple[str, str], ...] = ()
    delay_s: float = 0.0  # wait this long first (to trip the client's timeout)
    malformed: bool = False  # answer 200 with a body that cannot be decoded
    body: str = ""


@dataclass(frozen=True)
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass(frozen=True)
class Spoken:
    """What the server said for one request: decoded samples and each token's true timing."""

    text: str
    samples: FloatArray
    rate: int
    words: tuple[WordTiming, ...]


@dataclass
class FakeSpeech:
    """Shared state of a fake: the key it accepts, queued failures, and what happened."""

    api_key: str
    voice: str = ""  # espeak voice of the answers ("" = the language default)
    stretch: float = 1.0  # play the answer this much slower (lower pitch), times scaled too
    failures: list[Failure] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    spoken: list[Spoken] = field(default_factory=list)
    base_url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def speak(self, said: str) -> Spoken:
        """Synthesise the text with espeak-ng, with LEAD_S of silence, at RATE."""
        track = EspeakEngine().synthesize([said], "en", self.voice or None)
        target = round(RATE * self.stretch)
        body = resample(track.samples, track.sample_rate, target)
        lead = np.zeros(round(LEAD_S * RATE), dtype=np.float32)
        pcm = _pcm(np.concatenate([lead, body]))
        samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
        words = tuple(
            WordTiming(w.text, LEAD_S + w.start * self.stretch, LEAD_S + w.end * self.stretch, 0)
            for w in track.words
        )
        spoken = Spoken(said, samples.astype(np.float32), RATE, words)
        with self.lock:
            self.spoken.append(spoken)
        return spoken

    def next_failure(self) -> Failure | None:
        """Pop the next queued failure, if any."""
        with self.lock:
            return self.failures.pop(0) if self.failures else None


def _pcm(samples: FloatArray) -> bytes:
    """Encode float samples as 16-bit little-endian PCM."""
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def char_alignment(said: str, words: tuple[WordTiming, ...]) -> dict[str, list[Any]]:
    """Time every character: letters spread across their word, the rest at word edges."""
    chars: list[str] = []
    starts: list[float] = []
    ends: list[float] = []
    cursor, previous_end = 0, 0.0
    for word in words:
        at = said.find(word.text, cursor)
        for char in said[cursor:at]:  # the spaces before this word span the gap
            chars.append(char)
            starts.append(previous_end)
            ends.append(word.start)
        letters = [i for i, char in enumerate(word.text) if unicodedata.category(char)[0] in "LN"]
        step = (word.end - word.start) / max(len(letters), 1)
        for i, char in enumerate(word.text):
            rank = letters.index(i) if i in letters else None
            first = word.start if not letters or i < letters[0] else word.end
            start = first if rank is None else word.start + rank * step
            chars.append(char)
            starts.append(start)
            ends.append(first if rank is None else start + step)
        cursor, previous_end = at + len(word.text), word.end
    return {
        "characters": chars,
        "character_start_times_seconds": starts,
        "character_end_times_seconds": ends,
    }


class _Handler(BaseHTTPRequestHandler):
    """Dispatch POSTs to the fake's format; record, fail on demand, or speak."""

    server: _Server

    def do_POST(self) -> None:
        """Answer one request."""
        state = self.server.state
        size = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(size)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        url = urlsplit(self.path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        with state.lock:
            state.received.append(Received("POST", url.path, parse_qs(url.query), headers, body))
        failure = state.next_failure()
        if failure is not None and failure.delay_s:
            time.sleep(failure.delay_s)
        if failure is not None and failure.status:
            self._send(failure.status, failure.body.encode(), "application/json", failure.headers)
            return
        self.server.answer(self, url.path, headers, body, failure)

    def _send(
        self, status: int, data: bytes, kind: str, headers: tuple[tuple[str, str], ...] = ()
    ) -> None:
        """Write a complete response, ignoring a client that has already gone."""
        try:
            self.send_response(status)
            self.send_header("content-type", kind)
            self.send_header("content-length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


class _Server(ThreadingHTTPServer):
    """A threading server that carries a fake's state and its answer function."""

    daemon_threads = True

    def __init__(self, state: FakeSpeech, answer: Any) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state
        self.answer = answer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore clients that hang up mid-answer (the timeout tests do)."""


def _elevenlabs(
    handler: _Handler, path: str, headers: dict[str, str], body: dict[str, Any], failure: Any
) -> None:
    """Answer POST /v1/text-to-speech/{voice_id}/with-timestamps like ElevenLabs."""
    state = handler.server.state
    parts = path.strip("/").split("/")
    if len(parts) != 4 or parts[:2] != ["v1", "text-to-speech"] or parts[3] != "with-timestamps":
        handler._send(404, b'{"detail": "not found"}', "application/json")
        return
    if headers.get("xi-api-key") != state.api_key:
        detail = {"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}
        handler._send(401, json.dumps(detail).encode(), "application/json")
        return
    if failure is not None and failure.malformed:
        handler._send(200, b'{"audio_base64": "AAAA", "alignment": {', "application/json")
        return
    spoken = state.speak(str(body.get("text", "")))
    alignment = char_alignment(spoken.text, spoken.words)
    reply = {
        "audio_base64": base64.b64encode(_pcm(spoken.samples)).decode(),
        "alignment": alignment,
        "normalized_alignment": alignment,
    }
    handler._send(200, json.dumps(reply).encode(), "application/json")


def _openai(
    handler: _Handler, path: str, headers: dict[str, str], body: dict[str, Any], failure: Any
) -> None:
    """Answer POST /v1/audio/speech like OpenAI: raw PCM, 24 kHz, 16-bit, mono."""
    state = handler.server.state
    if path != "/v1/audio/speech":
        handler._send(404, b'{"error": {"message": "not found"}}', "application/json")
        return
    if headers.get("authorization") != f"Bearer {state.api_key}":
        # The real API echoes part of a wrong key; this one echoes all of it, to test scrubbing.
        message = f"Incorrect API key provided: {headers.get('authorization', '')[7:]}"
        error = {"error": {"message": message, "type": "invalid_request_error"}}
        handler._send(401, json.dumps(error).encode(), "application/json")
        return
    if body.get("response_format") != "pcm":
        handler._send(400, b'{"error": {"message": "want pcm"}}', "application/json")
        return
    if failure is not None and failure.malformed:
        handler._send(200, b"\x01", "application/octet-stream")
        return
    spoken = state.speak(str(body.get("input", "")))
    handler._send(200, _pcm(spoken.samples), "application/octet-stream")


class Running:
    """A started fake server; stop() shuts it down."""

    def __init__(self, state: FakeSpeech, answer: Any, prefix: str) -> None:
        self.server = _Server(state, answer)
        host, port = self.server.server_address[:2]
        state.base_url = f"http://{host!s}:{port}{prefix}"
        # A short poll keeps shutdown (once per test) from waiting the default half second.
        serve = functools.partial(self.server.serve_forever, poll_interval=0.02)
        self.thread = threading.Thread(target=serve, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.server.shutdown()
        self.server.server_close()


def start_elevenlabs(api_key: str) -> tuple[FakeSpeech, Running]:
    """Start a fake ElevenLabs; its base_url is the SDK's base_url."""
    state = FakeSpeech(api_key)
    return state, Running(state, _elevenlabs, "")


def start_openai(
    api_key: str, voice: str = "en-us+f3", stretch: float = 1.12
) -> tuple[FakeSpeech, Running]:
    """Start a fake OpenAI whose voice differs from the aligner's reference in timbre and pace."""
    state = FakeSpeech(api_key, voice=voice, stretch=stretch)
    return state, Running(state, _openai, "/v1")


def line_shift(spoken: Spoken) -> float:
    """Return how far an adapter moves a line's timings when it trims the leading silence."""
    first, _ = speech_bounds(spoken.samples, spoken.rate)
    return -first / spoken.rate
