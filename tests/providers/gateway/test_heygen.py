"""HeyGen avatar adapter against a local server speaking HeyGen's v2 wire format."""

from __future__ import annotations

import io
import json
import threading
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import numpy as np
import pytest

from ugc.pipeline.ports import AvatarRenderer
from ugc.pipeline.types import VoiceTrack
from ugc.providers.avatar.heygen import HeyGenAvatar, avatar_from_settings, verify_webhook
from ugc.providers.errors import NotConfigured, ProviderError

KEY = "hg-secret-key-0123456789"
MP4 = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64


@dataclass
class Heygen:
    """What the fake server does and what it saw."""

    statuses: list[str] = field(default_factory=lambda: ["pending", "processing", "completed"])
    create_status: int = 200
    status_errors: list[int] = field(default_factory=list)
    failure: dict[str, Any] | None = None
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    uploads: list[tuple[str, bytes]] = field(default_factory=list)
    created: list[dict[str, Any]] = field(default_factory=list)
    base: str = ""


class Handler(BaseHTTPRequestHandler):
    """Serve asset upload, video generate, video status and the MP4 download."""

    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""

    def do_POST(self) -> None:
        state = self.server.state
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        state.requests.append(("POST", self.path, dict(self.headers)))
        if self.path == "/v1/asset":
            state.uploads.append((self.headers["Content-Type"], body))
            self.reply(200, {"code": 100, "data": {"id": "asset-1", "file_type": "audio"}})
        elif self.path == "/v2/video/generate" and state.create_status == 429:
            error = {"code": "rate_limit", "message": f"too many requests for {KEY}"}
            self.reply(429, {"error": error}, {"Retry-After": "7"})
        elif self.path == "/v2/video/generate" and state.create_status == 401:
            self.reply(401, {"error": {"code": "unauthorized", "message": f"bad key {KEY}"}})
        elif self.path == "/v2/video/generate":
            state.created.append(json.loads(body))
            self.reply(200, {"error": None, "data": {"video_id": f"vid-{len(state.created)}"}})
        else:
            self.reply(404, {"error": "not found"})

    def do_GET(self) -> None:
        state = self.server.state
        url = urlsplit(self.path)
        state.requests.append(("GET", url.path, dict(self.headers)))
        if url.path == "/v1/video_status.get":
            if state.status_errors:
                code = state.status_errors.pop(0)
                self.reply(code, {"error": "slow down"}, {"Retry-After": "0"})
                return
            video_id = parse_qs(url.query)["video_id"][0]
            status = state.statuses.pop(0) if len(state.statuses) > 1 else state.statuses[0]
            data: dict[str, Any] = {"video_id": video_id, "status": status, "video_url": None}
            if status == "completed":
                data["video_url"] = f"{state.base}/files/{video_id}.mp4"
            if status == "failed":
                data["error"] = state.failure
            self.reply(200, {"code": 100, "data": data})
        elif url.path.startswith("/files/"):
            self.send_response(200)
            self.send_header("Content-Type", "video/mp4")
            self.send_header("Content-Length", str(len(MP4)))
            self.end_headers()
            self.wfile.write(MP4)
        else:
            self.reply(404, {"error": "not found"})

    def reply(self, code: int, body: Any, headers: dict[str, str] | None = None) -> None:
        """Send a JSON response."""
        data = json.dumps(body).encode()
        self.send_response(code)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    """A threading HTTP server that carries the fake's state."""

    daemon_threads = True

    def __init__(self, state: Heygen) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.state = state


@pytest.fixture
def heygen() -> Iterator[Heygen]:
    """Run the fake HeyGen API on a free local port."""
    state = Heygen()
    server = Server(state)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    """An HTTP client that ignores proxy settings, so 127.0.0.1 is reached directly."""
    with httpx.Client(trust_env=False, timeout=5.0) as client:
        yield client


def avatar(
    heygen: Heygen,
    http: httpx.Client,
    poll_interval: float = 0.01,
    timeout: float = 5.0,
    audio_url: Callable[[Path], str] | None = None,
) -> HeyGenAvatar:
    """Return an adapter pointed at the fake server, polling fast."""
    return HeyGenAvatar(
        KEY,
        heygen.base,
        "avatar-7",
        poll_interval,
        timeout,
        http,
        upload_url=heygen.base,
        audio_url=audio_url,
    )


def voice() -> VoiceTrack:
    """Return a quarter second of tone."""
    t = np.arange(12_000, dtype=np.float32) / 48_000
    samples = (0.5 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    return VoiceTrack(samples, 48_000, (), (), "espeak-ng", "1")


def test_renders_through_pending_processing_completed(
    heygen: Heygen, http: httpx.Client, tmp_path: Path
) -> None:
    renderer: AvatarRenderer = avatar(heygen, http)
    path = renderer.render(voice(), "casual-1", tmp_path)
    assert path == tmp_path / "heygen-vid-1.mp4"
    assert path.read_bytes() == MP4
    assert not list(tmp_path.glob("*.part"))
    polls = [r for r in heygen.requests if r[1] == "/v1/video_status.get"]
    assert len(polls) == 3
    (request,) = heygen.created
    assert request["video_inputs"][0]["character"]["avatar_id"] == "avatar-7"
    assert request["video_inputs"][0]["voice"] == {"type": "audio", "audio_asset_id": "asset-1"}
    assert request["dimension"] == {"width": 1080, "height": 1920}
    content_type, body = heygen.uploads[0]
    assert content_type == "audio/wav"
    with wave.open(io.BytesIO(body)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getnframes()) == (48_000, 1, 12_000)


def test_key_goes_to_the_api_but_never_to_the_download(
    heygen: Heygen, http: httpx.Client, tmp_path: Path
) -> None:
    avatar(heygen, http).render(voice(), "heygen:avatar-9", tmp_path)
    for method, path, headers in heygen.requests:
        sent = {name.lower(): value for name, value in headers.items()}
        expected = None if path.startswith("/files/") else KEY
        assert sent.get("x-api-key") == expected, (method, path)
    assert heygen.created[0]["video_inputs"][0]["character"]["avatar_id"] == "avatar-9"


def test_hosted_audio_url_skips_the_upload(
    heygen: Heygen, http: httpx.Client, tmp_path: Path
) -> None:
    hosted: list[Path] = []

    def host(path: Path) -> str:
        hosted.append(path)
        return f"https://cdn.example/{path.name}"

    avatar(heygen, http, audio_url=host).render(voice(), "p", tmp_path)
    assert heygen.uploads == []
    assert hosted[0].read_bytes()[:4] == b"RIFF"
    voice_field = heygen.created[0]["video_inputs"][0]["voice"]
    assert voice_field == {"type": "audio", "audio_url": f"https://cdn.example/{hosted[0].name}"}


def test_failed_job_raises_its_reason(heygen: Heygen, http: httpx.Client, tmp_path: Path) -> None:
    heygen.statuses = ["processing", "failed"]
    heygen.failure = {"code": "MOVIO_FAILED", "message": "audio too short"}
    with pytest.raises(ProviderError, match="vid-1 failed: MOVIO_FAILED: audio too short") as err:
        avatar(heygen, http).render(voice(), "p", tmp_path)
    assert not err.value.retryable
    assert not list(tmp_path.glob("*.mp4"))


def test_rate_limited_create_carries_retry_after_without_the_key(
    heygen: Heygen, http: httpx.Client, tmp_path: Path
) -> None:
    heygen.create_status = 429
    with pytest.raises(ProviderError) as caught:
        avatar(heygen, http).render(voice(), "p", tmp_path)
    err = caught.value
    assert (err.retryable, err.retry_after, err.status) == (True, 7.0, 429)
    assert KEY not in str(err)
    assert "rate_limit: too many requests" in str(err)


def test_unauthorized_is_not_retryable(heygen: Heygen, http: httpx.Client, tmp_path: Path) -> None:
    heygen.create_status = 401
    with pytest.raises(ProviderError, match="unauthorized") as caught:
        avatar(heygen, http).render(voice(), "p", tmp_path)
    assert not caught.value.retryable
    assert KEY not in str(caught.value)


def test_rate_limited_polls_keep_waiting(
    heygen: Heygen, http: httpx.Client, tmp_path: Path
) -> None:
    heygen.status_errors = [429, 503]
    path = avatar(heygen, http).render(voice(), "p", tmp_path)
    assert path.read_bytes() == MP4


def test_webhook_completes_a_waiting_render(
    heygen: Heygen, http: httpx.Client, tmp_path: Path
) -> None:
    heygen.statuses = ["processing"]
    renderer = avatar(heygen, http, poll_interval=30.0)
    result: list[Path] = []
    worker = threading.Thread(target=lambda: result.append(renderer.render(voice(), "p", tmp_path)))
    started = time.monotonic()
    worker.start()
    while not heygen.created:
        assert time.monotonic() - started < 5.0
        time.sleep(0.005)
    time.sleep(0.05)  # let render() start waiting
    renderer.handle_webhook({"event_type": "video_translate.success", "event_data": {}})
    event = {"video_id": "vid-1", "url": f"{heygen.base}/files/vid-1.mp4", "callback_id": "c"}
    renderer.handle_webhook({"event_type": "avatar_video.success", "event_data": event})
    worker.join(timeout=5.0)
    assert result == [tmp_path / "heygen-vid-1.mp4"]
    assert time.monotonic() - started < 5.0  # far sooner than the 30 s poll interval
    assert result[0].read_bytes() == MP4


def test_webhook_failure_event_fails_the_render(
    heygen: Heygen, http: httpx.Client, tmp_path: Path
) -> None:
    heygen.statuses = ["processing"]
    renderer = avatar(heygen, http, poll_interval=30.0)
    errors: list[ProviderError] = []

    def run() -> None:
        try:
            renderer.render(voice(), "p", tmp_path)
        except ProviderError as err:
            errors.append(err)

    worker = threading.Thread(target=run)
    worker.start()
    while not heygen.created:
        time.sleep(0.005)
    event = {"video_id": "vid-1", "msg": "avatar not found"}
    renderer.handle_webhook({"event_type": "avatar_video.fail", "event_data": event})
    worker.join(timeout=5.0)
    assert [str(e) for e in errors] == ["heygen: video vid-1 failed: avatar not found"]


def test_malformed_webhooks_are_refused(heygen: Heygen, http: httpx.Client) -> None:
    renderer = avatar(heygen, http)
    with pytest.raises(ValueError, match=r"without event_data\.video_id"):
        renderer.handle_webhook({"event_type": "avatar_video.success", "event_data": {}})
    data = {"video_id": "v", "url": "file:///etc/passwd"}
    with pytest.raises(ValueError, match="without a video url"):
        renderer.handle_webhook({"event_type": "avatar_video.success", "event_data": data})


def test_times_out_when_the_video_never_finishes(
    heygen: Heygen, http: httpx.Client, tmp_path: Path
) -> None:
    heygen.statuses = ["processing"]
    started = time.monotonic()
    with pytest.raises(ProviderError, match=r"vid-1 not ready after 0\.2s") as caught:
        avatar(heygen, http, poll_interval=0.05, timeout=0.2).render(voice(), "p", tmp_path)
    assert time.monotonic() - started < 2.0
    assert not caught.value.retryable


def test_unreachable_server_is_retryable(http: httpx.Client, tmp_path: Path) -> None:
    closed = Server(Heygen())
    base = f"http://127.0.0.1:{closed.server_address[1]}"
    closed.server_close()
    renderer = HeyGenAvatar(KEY, base, "a", http=http, upload_url=base)
    with pytest.raises(ProviderError, match="connection failed") as caught:
        renderer.render(voice(), "p", tmp_path)
    assert caught.value.retryable


def test_off_unless_configured() -> None:
    assert avatar_from_settings(None, None) is None
    assert avatar_from_settings("", "https://api.example") is None
    with pytest.raises(ValueError, match="no avatar id"):
        avatar_from_settings(KEY, None)
    made = avatar_from_settings(KEY, None, "avatar-1")
    assert made is not None
    assert made.version == "heygen-v2+1:avatar-1:1080x1920"
    with pytest.raises(NotConfigured):
        HeyGenAvatar("", avatar_id="a")


def test_verify_webhook_signature() -> None:
    import hashlib
    import hmac

    body = b'{"event_type": "avatar_video.success"}'
    signature = hmac.new(b"whsec", body, hashlib.sha256).hexdigest()
    assert verify_webhook(body, signature, "whsec")
    assert not verify_webhook(body + b" ", signature, "whsec")
    assert not verify_webhook(body, signature, "other")
