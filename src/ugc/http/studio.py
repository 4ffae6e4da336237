"""Serve the built web studio (web/dist) at `/`, with client-side routes falling back to it."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

# Vite fingerprints everything under assets/, so those files never change under one name.
IMMUTABLE = "public, max-age=31536000, immutable"
# The shell, the manifest and the service worker must be re-checked, or an old build sticks.
REVALIDATE = "no-cache"
_RESERVED = ("api/", "healthz", "readyz", "metrics")

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>UGC Creator Studio</title></head><body style="font-family:sans-serif;margin:3rem">
<h1>The web studio is not built</h1>
<p>Run <code>make setup</code> (or <code>bash scripts/setup.sh</code>), then restart
<code>ugc serve</code>. The API is up: see <a href="/api/v1/docs">/api/v1/docs</a>.</p>
</body></html>"""


def default_web_dir() -> Path:
    """Return web/dist of the source checkout this package was installed from."""
    return Path(__file__).resolve().parents[3] / "web" / "dist"


class StudioFiles(StaticFiles):
    """Static files where an unknown page path gets index.html (the app routes it)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        """Serve the file, or the app shell for a client-side route."""
        try:
            response = await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404 or not _is_page(path):
                raise
            response = await super().get_response("index.html", scope)
        response.headers["cache-control"] = IMMUTABLE if path.startswith("assets/") else REVALIDATE
        return response


def _is_page(path: str) -> bool:
    """Return True for a path the client router owns: no file extension, not the API."""
    return not path.startswith(_RESERVED) and "." not in path.rsplit("/", 1)[-1]


class NotBuilt:
    """Stand in for an unbuilt studio: pages say how to build it, anything else is a 404."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request."""
        if not _is_page(scope["path"].lstrip("/")):
            raise HTTPException(404)
        await HTMLResponse(NOT_BUILT, status_code=503)(scope, receive, send)


def studio_app(web_dir: Path | None) -> StudioFiles | NotBuilt:
    """Return the studio's static app, or a stand-in that says how to build it."""
    if web_dir is None or not (web_dir / "index.html").is_file():
        return NotBuilt()
    return StudioFiles(directory=web_dir, html=True)
