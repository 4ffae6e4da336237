"""The web studio's typed client must match the API's OpenAPI document."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.web.studio import ROOT

CLIENT = ROOT / "web" / "src" / "api" / "schema.d.ts"


def test_generated_client_is_fresh(tmp_path: Path) -> None:
    out = tmp_path / "schema.d.ts"
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "gen_web_client.sh"), str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert out.read_text() == CLIENT.read_text(), (
        "web/src/api/schema.d.ts is stale: run `bash scripts/gen_web_client.sh` and commit it"
    )
