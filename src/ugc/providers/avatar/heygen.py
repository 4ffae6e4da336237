"""HeyGen avatars: upload the voice, create a video, wait (poll or webhook), download the MP4."""

from __future__ import annotations

import hashlib
import hmac
import io
import threading
import time
import uuid
import wave
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from ugc.pipeline.types import VoiceTrack
from ugc.providers.errors import InvalidOutput, NotConfigured, ProviderError
from ugc.providers.retry import parse_retry_after
from ugc.providers.secrets import redact

API_URL = "https://api.heygen.com"
UPLOAD_URL = "https://upload.heygen.com"
_NAME = "heygen"
_REVISION = "1"  # bump whenever this adapter's output for the same input changes
_SUCCESS, _FAIL = "avatar_video.success", "avatar_video.fail"
_RETRYABLE_STATUSES = frozenset({408, 409, 425, 429})
_KEEP_EARLY = 64  # webhook results kept for videos nobody is waiting on yet


@dataclass(frozen=True)
class _Outcome:
    """How a video ended: a download URL, or an error message."""

    video_url: str | None = None
    error: str | None = None


class _Waiters:
    """Completion events and outcomes per video id, fed by polling or by webhooks."""

    def __init__(self) -> None:
        """Start with nothing pending."""
        self._lock = threading.Lock()
        self._events: dict[str, threading.Event] = {}
        self._outcomes: OrderedDict[str, _Outcome] = OrderedDict()

    def expect(self, video_id: str) -> threading.Event:
        """Return the event set when this video finishes (already set if a webhook came first)."""
        with self._lock:
            event = self._events.setdefault(video_id, threading.Event())
            if video_id in self._outcomes:
                event.set()
            return event

    def finish(self, video_id: str, outcome: _Outcome) -> None:
        """Record how a video ended and wake its waiter."""
        with self._lock:
            self._outcomes[video_id] = outcome
            self._outcomes.move_to_end(video_id)
            while len(self._outcomes) > _KEEP_EARLY + len(self._events):
                self._outcomes.popitem(last=False)
            event = self._events.get(video_id)
        if event is not None:
            event.set()

    def outcome(self, video_id: str) -> _Outcome | None:
        """Return the recorded outcome, or None."""
        with self._lock:
            return self._outcomes.get(video_id)

    def forget(self, video_id: str) -> None:
        """Drop everything about a video."""
        with self._lock:
            self._events.pop(video_id, None)
            self._outcomes.pop(video_id, None)


class HeyGenAvatar:
    """An AvatarRenderer on HeyGen's v2 API: our voice track drives their avatar."""

    name = _NAME

    def __init__(
        self,
        api_key: str,
        base_url: str = API_URL,
        avatar_id: str = "",
        poll_interval: float = 2.0,
        timeout: float = 600.0,
        http: httpx.Client | None = None,
        *,
        upload_url: str = UPLOAD_URL,
        size: tuple[int, int] = (1080, 1920),
        audio_url: Callable[[Path], str] | None = None,
        callback_url: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Render `avatar_id` at `size`; upload the voice, or host it with `audio_url(path)`."""
        if not api_key:
            raise NotConfigured(_NAME, "no API key")
        self._key = api_key
        self._base = base_url.rstrip("/")
        self._upload = upload_url.rstrip("/")
        self.avatar_id = avatar_id
        self.poll_interval = poll_interval
        self.timeout = timeout
        self._owns_http = http is None
        self._http = http or httpx.Client(timeout=httpx.Timeout(30.0))
        self._size = size
        self._audio_url = audio_url
        self._callback_url = callback_url
        self._clock = clock
        self._waiters = _Waiters()
        self.version = f"heygen-v2+{_REVISION}:{avatar_id}:{size[0]}x{size[1]}"

    def render(self, voice: VoiceTrack, persona: str, out_dir: Path) -> Path:
        """Return the MP4 of the persona ('heygen:<avatar id>' or the default) speaking `voice`."""
        out_dir.mkdir(parents=True, exist_ok=True)
        video_id = self._create(self._voice(voice, out_dir), self._avatar(persona))
        return self._download(self._wait(video_id), video_id, out_dir)

    def close(self) -> None:
        """Close the HTTP client if this renderer made it."""
        if self._owns_http:
            self._http.close()

    def handle_webhook(self, payload: Mapping[str, Any]) -> None:
        """Complete a pending render from a verified HeyGen webhook; ignore other events."""
        kind = payload.get("event_type")
        if kind not in (_SUCCESS, _FAIL):
            return
        data = payload.get("event_data")
        video_id = data.get("video_id") if isinstance(data, Mapping) else None
        if not isinstance(data, Mapping) or not isinstance(video_id, str) or not video_id:
            raise ValueError(f"HeyGen {kind} webhook without event_data.video_id")
        if kind == _FAIL:
            self._waiters.finish(video_id, _Outcome(error=str(data.get("msg") or "failed")))
            return
        url = data.get("url")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise ValueError(f"HeyGen {kind} webhook without a video url")
        self._waiters.finish(video_id, _Outcome(video_url=url))

    def _avatar(self, persona: str) -> str:
        """Return the avatar id: the persona's own 'heygen:<id>', else the configured one."""
        if persona.startswith(f"{_NAME}:") and persona[len(_NAME) + 1 :]:
            return persona[len(_NAME) + 1 :]
        if not self.avatar_id:
            raise NotConfigured(_NAME, "no avatar id configured")
        return self.avatar_id

    def _voice(self, voice: VoiceTrack, out_dir: Path) -> dict[str, str]:
        """Return the request's voice: our audio, hosted by the caller or uploaded as an asset."""
        data = wav_bytes(voice)
        if self._audio_url is not None:
            path = out_dir / f"heygen-voice-{hashlib.sha256(data).hexdigest()[:16]}.wav"
            path.write_bytes(data)
            return {"type": "audio", "audio_url": self._audio_url(path)}
        headers = {"Content-Type": "audio/wav"}
        body = self._json(self._call("POST", f"{self._upload}/v1/asset", headers, content=data))
        return {"type": "audio", "audio_asset_id": _field(body, "id")}

    def _create(self, voice: dict[str, str], avatar_id: str) -> str:
        """Start a render and return its video id."""
        width, height = self._size
        character = {"type": "avatar", "avatar_id": avatar_id, "avatar_style": "normal"}
        request: dict[str, Any] = {
            "video_inputs": [{"character": character, "voice": voice}],
            "dimension": {"width": width, "height": height},
            "callback_id": uuid.uuid4().hex,
        }
        if self._callback_url:
            request["callback_url"] = self._callback_url
        response = self._call("POST", f"{self._base}/v2/video/generate", {}, json=request)
        return _field(self._json(response), "video_id")

    def _wait(self, video_id: str) -> str:
        """Return the video's URL once a poll or a webhook says it is done."""
        event = self._waiters.expect(video_id)
        deadline = self._clock() + self.timeout
        delay = self.poll_interval
        try:
            while True:
                event.wait(max(0.0, min(delay, deadline - self._clock())))
                outcome = self._waiters.outcome(video_id)
                if outcome is None:
                    outcome, delay = self._poll(video_id)
                if outcome is not None:
                    return _settled(video_id, outcome)
                if self._clock() >= deadline:
                    message = f"video {video_id} not ready after {self.timeout:g}s"
                    raise ProviderError(_NAME, message, retryable=False)  # a retry pays twice
        finally:
            self._waiters.forget(video_id)

    def _poll(self, video_id: str) -> tuple[_Outcome | None, float]:
        """Return the video's outcome if it ended, and how long to wait before asking again."""
        url = f"{self._base}/v1/video_status.get"
        try:
            response = self._call("GET", url, {}, params={"video_id": video_id})
        except ProviderError as err:
            if not err.retryable:
                raise
            return None, max(self.poll_interval, err.retry_after or 0.0)
        data = self._json(response)
        status = data.get("status")
        if status == "completed":
            return _Outcome(video_url=_field(data, "video_url")), self.poll_interval
        if status == "failed":
            return _Outcome(error=_error_text(data.get("error"))), self.poll_interval
        return None, self.poll_interval

    def _download(self, url: str, video_id: str, out_dir: Path) -> Path:
        """Stream the finished MP4 into out_dir; the API key never goes to the download host."""
        target = out_dir / f"heygen-{video_id}.mp4"
        partial = target.with_suffix(".mp4.part")
        try:
            with self._http.stream("GET", url, follow_redirects=True) as response:
                if response.is_error:
                    response.read()
                    raise self._error(response)
                with partial.open("wb") as sink:
                    for chunk in response.iter_bytes():
                        sink.write(chunk)
        except httpx.HTTPError as err:
            partial.unlink(missing_ok=True)
            raise _transport_error(err) from None
        except ProviderError:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(target)
        return target

    def _call(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        *,
        json: Any = None,
        content: bytes | None = None,
        params: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """Send an authenticated request; raise ProviderError on any failure."""
        sent = {"X-Api-Key": self._key, "Accept": "application/json", **headers}
        try:
            response = self._http.request(
                method, url, headers=sent, json=json, content=content, params=params
            )
        except httpx.HTTPError as err:
            raise _transport_error(err) from None
        if response.is_error:
            raise self._error(response)
        return response

    def _json(self, response: httpx.Response) -> dict[str, Any]:
        """Return the response's `data` object, or raise if the body is not what HeyGen sends."""
        try:
            body = response.json()
        except ValueError:
            raise ProviderError(_NAME, "response is not JSON", retryable=False) from None
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, dict):
            error = body.get("error") if isinstance(body, dict) else None
            message = redact(_error_text(error) if error else "response has no data", (self._key,))
            raise ProviderError(_NAME, message, retryable=False)
        return data

    def _error(self, response: httpx.Response) -> ProviderError:
        """Return the ProviderError for an HTTP error response, without the key in it."""
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        detail = _error_text(body.get("error") or body) if isinstance(body, dict) else ""
        if status in (401, 403):
            detail = "unauthorized (check the HeyGen API key)"
        message = redact(f"HTTP {status}" + (f": {detail}" if detail else ""), (self._key,))
        retryable = status >= 500 or status in _RETRYABLE_STATUSES
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        return ProviderError(
            _NAME, message[:300], retryable=retryable, retry_after=retry_after, status=status
        )


def avatar_from_settings(
    api_key: str | None,
    base_url: str | None,
    avatar_id: str | None = None,
    *,
    upload_url: str | None = None,
    poll_interval: float = 2.0,
    timeout: float = 600.0,
    callback_url: str | None = None,
) -> HeyGenAvatar | None:
    """Return a HeyGen renderer if a key is configured, else None (the avatar stays off)."""
    if not api_key:
        return None
    if not avatar_id:
        raise ValueError("HeyGen is configured with a key but no avatar id")
    return HeyGenAvatar(
        api_key,
        base_url or API_URL,
        avatar_id,
        poll_interval,
        timeout,
        upload_url=upload_url or UPLOAD_URL,
        callback_url=callback_url,
    )


def verify_webhook(body: bytes, signature: str, secret: str) -> bool:
    """Return True if `signature` is the hex HMAC-SHA256 of the raw body under `secret`."""
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature.strip().lower())


def wav_bytes(voice: VoiceTrack) -> bytes:
    """Return the voice track as 16-bit mono PCM WAV."""
    pcm = (np.clip(voice.samples, -1.0, 1.0) * 32767.0).round().astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sink:
        sink.setnchannels(1)
        sink.setsampwidth(2)
        sink.setframerate(voice.sample_rate)
        sink.writeframes(pcm.tobytes())
    return buffer.getvalue()


def _settled(video_id: str, outcome: _Outcome) -> str:
    """Return the outcome's URL, or raise the render's failure."""
    if outcome.video_url:
        return outcome.video_url
    message = f"video {video_id} failed: {outcome.error or 'no reason given'}"
    raise ProviderError(_NAME, message[:300], retryable=False)


def _field(data: Mapping[str, Any], name: str) -> str:
    """Return a non-empty string field of a response's data, or raise InvalidOutput."""
    value = data.get(name)
    if not isinstance(value, str) or not value:
        raise InvalidOutput(_NAME, f"response data has no '{name}'")
    return value


def _error_text(error: Any) -> str:
    """Return a readable message from HeyGen's error shapes (a string or {code, message})."""
    if isinstance(error, Mapping):
        message = error.get("message") or error.get("msg") or error.get("detail")
        code = error.get("code")
        text = str(message) if message else ""
        return f"{code}: {text}" if code and text else text or str(code or "")
    return str(error) if error else ""


def _transport_error(err: httpx.HTTPError) -> ProviderError:
    """Return the retryable ProviderError for a timeout or a failed connection."""
    kind = "timed out" if isinstance(err, httpx.TimeoutException) else "connection failed"
    return ProviderError(_NAME, f"request {kind} ({type(err).__name__})", retryable=True)
