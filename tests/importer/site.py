"""A local shop: product pages and images served from a thread on 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.asset.media import image_bytes


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    send_length: bool = True


@dataclass
class Site:
    """The routes a test set up, and every request the server saw (path, Host header)."""

    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, str]] = field(default_factory=list)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """Return the absolute URL of a path on this server."""
        return f"http://{host}:{self.port}{path}"

    def add(self, path: str, body: bytes | str, content_type: str = "", **kw: Any) -> str:
        """Serve body at path and return its URL."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type or Route.content_type, **kw)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        """Serve a redirect at path and return its URL."""
        self.routes[path] = Route(b"", status=status, headers={"Location": location})
        return self.url(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits.append((self.path, self.headers.get("Host", "")))
            route = site.routes.get(self.path, Route(b"missing", "text/plain", 404))
            time.sleep(route.delay_s)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            for key, value in route.headers.items():
                self.send_header(key, value)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.send_header("Connection", "close")
            self.end_headers()
            # the client may stop reading early (a size limit doing its job)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

    return Handler


@contextmanager
def serve() -> Iterator[Site]:
    """Run a shop on 127.0.0.1 on a free port for the duration of the block."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def og_page(image: str = "/img/serum.png") -> str:
    """A product page with only OpenGraph tags."""
    return f"""<!doctype html><html lang="en-GB"><head>
<meta property="og:type" content="product">
<meta property="og:title" content="Glow Serum">
<meta property="og:description" content="A lightweight vitamin C serum for brighter skin.
 Sinks in within seconds, with no sticky finish. Fragrance-free and vegan.">
<meta property="og:image" content="{image}">
<meta property="og:site_name" content="Glow Co">
<meta property="product:price:amount" content="29.00">
<meta property="product:price:currency" content="USD">
<title>Glow Serum | Glow Co</title></head><body><h1>Glow Serum</h1></body></html>"""


GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Lumen Audio", "url": "/"},
        {"@type": "BreadcrumbList", "itemListElement": []},
        {
            "@type": ["Product", "Thing"],
            "name": "Lumen Buds Pro",
            "description": "<p>Noise cancelling earbuds with 30 hours of battery.</p>"
            "<p>Sweat-proof for the gym &amp; the rain! Pairs instantly with any phone.</p>",
            "brand": {"@type": "Brand", "name": "Lumen"},
            "image": ["/img/buds.jpg", {"@type": "ImageObject", "url": "/img/case.webp"}],
            "offers": [{"@type": "Offer", "price": "49.5", "priceCurrency": "EUR"}],
            "aggregateRating": {"ratingValue": "4.6", "reviewCount": 1203},
        },
    ],
}


def graph_page() -> str:
    """A product page with JSON-LD in an @graph, plus OG tags JSON-LD should win over."""
    return f"""<html lang="de-DE"><head><title>Buds</title>
<meta property="og:title" content="Buy Lumen Buds Pro now - Lumen Audio">
<meta property="og:image" content="/img/og-only.png">
<script type="application/ld+json">{{ not json </script>
<script type="application/ld+json">{json.dumps(GRAPH)}</script>
</head><body></body></html>"""


def stock(site: Site) -> None:
    """Serve the images the sample pages refer to."""
    site.add("/img/serum.png", image_bytes("PNG"), "image/png")
    site.add("/img/buds.jpg", image_bytes("JPEG"), "image/jpeg")
    site.add("/img/case.webp", image_bytes("WEBP"), "image/webp")
    site.add("/img/og-only.png", image_bytes("PNG", 40, 40), "image/png")
