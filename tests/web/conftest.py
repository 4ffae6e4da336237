"""Browser fixtures: one live `ugc serve` (embedded mode) and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    sync_playwright,
)

from tests.web.studio import CHROMIUM, CHROMIUM_ARGS, ROOT, Studio

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _serve(tmp_path_factory: pytest.TempPathFactory, **extra: str) -> Iterator[Studio]:
    """Run `ugc serve` as a user would, on a free port, with its own data folder."""
    # UGC_WEB_DIR (read by `ugc serve` too) lets a test run use a build other than web/dist.
    web = Path(os.environ.get("UGC_WEB_DIR", ROOT / "web" / "dist"))
    if not (web / "index.html").is_file():
        pytest.fail(f"{web} is not built: run `bash scripts/setup.sh` (it runs npm run build)")
    base = tmp_path_factory.mktemp("studio")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "UGC_ENV": "test",
        "UGC_DATA_DIR": str(base / "data"),
        "UGC_CACHE_DIR": str(base / "cache"),
        "UGC_SECRET_KEY": "browser-tests-secret-key-0123456789abcdef",
        "UGC_API__PUBLIC_URL": url,
        "UGC_LOG_LEVEL": "WARNING",
        "UGC_IMPORTER__ALLOW_HOSTS": "127.0.0.1",
        "UGC_API__WEBHOOK_ALLOW_HOSTS": "127.0.0.1",
        **extra,
    }
    log = (base / "serve.log").open("wb")
    cmd = [str(Path(sys.executable).parent / "ugc"), "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_ready(url, proc, base / "serve.log")
        yield Studio(url, base / "data")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Studio]:
    """The studio every browser test shares."""
    with _serve(tmp_path_factory) as running:
        yield running


@pytest.fixture(scope="session")
def brief_studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Studio]:
    """A studio whose access tokens live 3 s, for tests of the refresh that follows."""
    with _serve(tmp_path_factory, UGC_AUTH__ACCESS_TTL_S="3") as running:
        yield running


def _wait_ready(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until /readyz answers, or fail with the server's log."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"ugc serve exited:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"ugc serve did not become ready:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/setup.sh` (apt chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def _context(browser: Browser, width: int, height: int) -> BrowserContext:
    ctx = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    ctx.set_default_timeout(15_000)
    return ctx


# Chromium logs every refused API call ("... status of 404 (Not Found)"): those are expected.
_REFUSED = re.compile(r"^Failed to load resource: the server responded with a status of 4\d\d")


def _own_file(page: Page, url: str) -> bool:
    """Return True for a URL of the studio itself that is not the API (a page or an asset)."""
    here, there = urlsplit(page.url), urlsplit(url)
    same = there.netloc == here.netloc and there.scheme in ("http", "https")
    return same and not there.path.startswith("/api/")


def watch(page: Page) -> list[str]:
    """Collect the page's uncaught errors, console errors and missing studio files."""
    errors: list[str] = []

    def console(msg: ConsoleMessage) -> None:
        if msg.type == "error" and not _REFUSED.match(msg.text):
            errors.append(f"console: {msg.text}")

    def failed(req: Request) -> None:
        # A navigation or a closed tab aborts requests in flight: that is no missing file.
        if _own_file(page, req.url) and "ERR_ABORTED" not in (req.failure or ""):
            errors.append(f"request failed: {req.url} ({req.failure})")

    def response(res: Response) -> None:
        if res.status >= 400 and _own_file(page, res.url):
            errors.append(f"missing file: {res.url} ({res.status})")

    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", console)
    page.on("requestfailed", failed)
    page.on("response", response)
    return errors


def _page(ctx: BrowserContext) -> Iterator[Page]:
    page = ctx.new_page()
    errors = watch(page)
    yield page
    ctx.close()
    assert not errors, f"errors in the page: {errors}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop-sized tab (1280×800); fails the test on any uncaught page error."""
    yield from _page(_context(browser, 1280, 800))


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A fresh phone-sized tab (390×844)."""
    yield from _page(_context(browser, 390, 844))
