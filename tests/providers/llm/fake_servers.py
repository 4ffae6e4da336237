"""Local HTTP servers that speak the Anthropic Messages and OpenAI Chat Completions wire formats."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

API_KEY = "sk-test-5f1c0ffee-DO-NOT-LEAK"  # the tests assert it never leaks
# The prompt lists citable fields as `- product.benefits[0]: "text"` (JSON-quoted).
_FIELD = re.compile(r'^- (product\.\w+(?:\[\d+\])?): (".*")$', re.MULTILINE)


@dataclass
class Reply:
    """One scripted answer: model text (wrapped in the vendor envelope) or a raw error body."""

    text: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None  # raw body (dict -> JSON, str -> as is); overrides the envelope
    delay: float = 0.0  # seconds before the response starts
    stall: float = 0.0  # seconds between the first and the second SSE chunk
    usage: tuple[int, int] | None = (120, 80)


@dataclass
class Recorded:
    """A request the fake received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def user_text(self) -> str:
        """Return the concatenated text of the user messages."""
        parts: list[str] = []
        for msg in self.body.get("messages", []):
            if msg.get("role") != "user":
                continue
            content = msg.get("content")
            if isinstance(content, str):
                parts.append(content)
            else:
                parts.extend(block.get("text", "") for block in content)
        return "\n".join(parts)


def brief_fields(prompt: str) -> dict[str, str]:
    """Return the field paths and texts the prompt lists for citation."""
    return {m.group(1): json.loads(m.group(2)) for m in _FIELD.finditer(prompt)}


def model_script(prompt: str) -> str:
    """Answer like a well-behaved model: a short script quoting the brief fields it was given."""
    fields = brief_fields(prompt)
    name = fields.get("product.name", "this")
    cta = fields.get("product.cta", "Shop now")
    lines: list[dict[str, Any]] = [
        {"role": "hook", "text": f"Okay, I need to talk about {name}!", "emphasis": [name]},
    ]
    for path in sorted(p for p in fields if p.startswith("product.benefits["))[:3]:
        claim = fields[path].rstrip(".!")
        lines.append(
            {
                "role": "body",
                "text": f"Honestly? {claim}.",
                "shot": "product",
                "claims": [{"text": claim, "source_field": path}],
                "emphasis": [claim.split()[-1]],
            }
        )
    lines.append(
        {"role": "cta", "text": f"{cta}!", "claims": [{"text": cta, "source_field": "product.cta"}]}
    )
    return json.dumps({"lines": lines}, indent=2)


class FakeServer:
    """A programmable vendor API on 127.0.0.1: a queue of replies and a log of requests."""

    path = "/"

    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[Recorded] = []
        self.default: Callable[[Recorded], Reply] = lambda req: Reply(model_script(req.user_text))
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        """Return the server's base URL."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def queue(self, *replies: Reply) -> None:
        """Answer the next requests with these replies, in order."""
        self.replies.extend(replies)

    def start(self) -> Self:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and free the port."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def next_reply(self, req: Recorded) -> Reply:
        """Return the next scripted reply, or the default model answer."""
        return self.replies.popleft() if self.replies else self.default(req)

    def envelope(self, req: Recorded, reply: Reply) -> tuple[str, Iterator[bytes]]:
        """Return the content type and body chunks of a successful answer."""
        raise NotImplementedError

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                server.handle(self)

            def log_message(self, *_: Any) -> None:
                """Keep the test output quiet."""

        return Handler

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        """Record the request and send the next reply."""
        size = int(h.headers.get("content-length", "0"))
        raw = h.rfile.read(size)
        req = Recorded("POST", h.path, {k.lower(): v for k, v in h.headers.items()}, {})
        req.body = json.loads(raw) if raw else {}
        self.requests.append(req)
        reply = self.next_reply(req)
        time.sleep(reply.delay)
        try:
            if h.path != self.path:
                self._send_raw(h, 404, {}, {"error": {"message": f"no route {h.path}"}})
            elif reply.body is not None or reply.status != 200:
                self._send_raw(h, reply.status, reply.headers, reply.body)
            else:
                self._send_ok(h, req, reply)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)

    def _send_raw(
        self, h: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: Any
    ) -> None:
        data = body.encode() if isinstance(body, str) else json.dumps(body or {}).encode()
        h.send_response(status)
        h.send_header("content-type", "application/json")
        h.send_header("content-length", str(len(data)))
        for key, value in headers.items():
            h.send_header(key, value)
        h.end_headers()
        h.wfile.write(data)

    def _send_ok(self, h: BaseHTTPRequestHandler, req: Recorded, reply: Reply) -> None:
        ctype, chunks = self.envelope(req, reply)
        h.send_response(200)
        h.send_header("content-type", ctype)
        h.send_header("request-id", f"req_{len(self.requests)}")
        for key, value in reply.headers.items():
            h.send_header(key, value)
        if ctype.startswith("text/event-stream"):
            h.send_header("connection", "close")
            h.end_headers()
            for i, chunk in enumerate(chunks):
                if i == 1:
                    time.sleep(reply.stall)
                h.wfile.write(chunk)
                h.wfile.flush()
            h.close_connection = True
            return
        data = b"".join(chunks)
        h.send_header("content-length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)


class FakeAnthropic(FakeServer):
    """POST /v1/messages, answering like the Anthropic Messages API (non-streaming)."""

    path = "/v1/messages"

    def envelope(self, req: Recorded, reply: Reply) -> tuple[str, Iterator[bytes]]:
        """Return a Messages API `message` object with one text block and usage."""
        usage_in, usage_out = reply.usage or (0, 0)
        body = {
            "id": f"msg_{len(self.requests):04d}",
            "type": "message",
            "role": "assistant",
            "model": req.body.get("model", ""),
            "content": [{"type": "text", "text": reply.text or ""}],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": usage_in, "output_tokens": usage_out},
        }
        return "application/json", iter([json.dumps(body).encode()])


class FakeOpenAI(FakeServer):
    """POST /v1/chat/completions, plain or SSE-streamed; `send_usage` off mimics local servers."""

    path = "/v1/chat/completions"

    def __init__(self) -> None:
        super().__init__()
        self.send_usage = True

    def envelope(self, req: Recorded, reply: Reply) -> tuple[str, Iterator[bytes]]:
        """Return a chat.completion object, or chat.completion.chunk events when streaming."""
        if req.body.get("stream"):
            return "text/event-stream; charset=utf-8", self._events(req, reply)
        body = {
            **self._head(req, "chat.completion"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.text or ""},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
        }
        if self.send_usage and reply.usage:
            body["usage"] = _usage(reply.usage)
        return "application/json", iter([json.dumps(body).encode()])

    def _events(self, req: Recorded, reply: Reply) -> Iterator[bytes]:
        head = self._head(req, "chat.completion.chunk")
        text = reply.text or ""
        pieces = [text[i : i + 17] for i in range(0, len(text), 17)]
        deltas = [{"role": "assistant", "content": ""}] + [{"content": p} for p in pieces]
        for delta in deltas:
            choice = {"index": 0, "delta": delta, "finish_reason": None}
            yield _sse({**head, "choices": [choice]})
        yield _sse({**head, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        include = (req.body.get("stream_options") or {}).get("include_usage")
        if include and self.send_usage and reply.usage:
            yield _sse({**head, "choices": [], "usage": _usage(reply.usage)})
        yield b"data: [DONE]\n\n"

    def _head(self, req: Recorded, kind: str) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-{len(self.requests):04d}",
            "object": kind,
            "created": 1_700_000_000,
            "model": req.body.get("model", ""),
        }


def _usage(usage: tuple[int, int]) -> dict[str, int]:
    return {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)}


def _sse(payload: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(payload)}\n\n".encode()
