"""The one shared render: the 15 s gadget brief, one variant, 9:16 and 1:1, in a private cache."""

from __future__ import annotations

import shutil

import pytest

from tests.e2e.helpers import SHARED_ASPECTS, Render, code_fingerprint, copy_brief, run_create


@pytest.fixture(scope="session", autouse=True)
def _tools() -> None:
    """Skip the folder cleanly where the measuring tools are missing."""
    for tool in ("ffmpeg", "ffprobe", "fc-match"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


@pytest.fixture(scope="session")
def gadget(tmp_path_factory: pytest.TempPathFactory) -> Render:
    """Render the gadget brief once for every test that only reads the outputs."""
    root = tmp_path_factory.mktemp("gadget")
    brief = copy_brief(root / "brief")
    out, cache = root / "OUT", root / "cache"
    code = code_fingerprint()
    proc = run_create(brief, out, cache, "--aspects", ",".join(SHARED_ASPECTS), "--variants", "1")
    assert proc.returncode == 0, f"ugc create failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
    return Render(brief, out, cache, SHARED_ASPECTS, proc, code)
