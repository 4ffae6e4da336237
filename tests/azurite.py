"""The `azurite` fixture: a local Azure Blob Storage emulator (Azurite) for the whole session.

Azurite is installed by setup with `npm install azurite@3.35.0` into the repository's
node_modules; tests that use the fixture are skipped with the reason when it is missing.
Use it everywhere by adding "tests.azurite" to `pytest_plugins` in tests/conftest.py, or in one
folder with `from tests.azurite import azurite` in that folder's conftest.py.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
BINARY = ROOT / "node_modules" / ".bin" / "azurite-blob"
# Azurite's fixed development account (public, documented by Microsoft; not a secret).
ACCOUNT = "devstoreaccount1"
ACCOUNT_KEY = (
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
)


def connection_string(port: int) -> str:
    """Return the connection string of the dev account on a local Azurite port."""
    return (
        f"DefaultEndpointsProtocol=http;AccountName={ACCOUNT};AccountKey={ACCOUNT_KEY};"
        f"BlobEndpoint=http://127.0.0.1:{port}/{ACCOUNT};"
    )


def _free_port() -> int:
    """Return a TCP port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(proc: subprocess.Popen[bytes], port: int, timeout_s: float = 30.0) -> None:
    """Poll the blob endpoint until Azurite answers (any HTTP status), or fail."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"azurite-blob exited with {proc.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/{ACCOUNT}?comp=list", timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"azurite-blob did not answer on port {port} within {timeout_s:g} s")


@pytest.fixture(scope="session")
def azurite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start Azurite's blob service once per session and yield its connection string."""
    if not BINARY.exists():
        pytest.skip(
            f"Azurite is not installed ({BINARY} missing; run `npm install azurite@3.35.0`)"
        )
    port = _free_port()
    args = [str(BINARY), "--blobHost", "127.0.0.1", "--blobPort", str(port)]
    args += ["--location", str(tmp_path_factory.mktemp("azurite")), "--silent"]
    args += ["--disableTelemetry", "--skipApiVersionCheck"]
    log = tmp_path_factory.mktemp("azurite-log") / "azurite.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
    try:
        try:
            _wait_until_up(proc, port)
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}: {log.read_text(errors='replace')[-2000:]}") from None
        yield connection_string(port)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
