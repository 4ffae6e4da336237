"""The platform's commands: db upgrade, and clear refusals when a setting is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ugc.db.migrate import current

UGC = str(Path(sys.executable).with_name("ugc"))


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `ugc` with a fresh data folder and no broker."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("UGC_")}
    full = {**clean, "UGC_DATA_DIR": str(tmp_path / "data"), **env}
    return subprocess.run(
        [UGC, *args], env=full, capture_output=True, text=True, timeout=120, check=False
    )


def test_db_upgrade_migrates_to_head(tmp_path: Path) -> None:
    done = run(tmp_path, "db", "upgrade")
    assert done.returncode == 0, done.stderr
    assert current(f"sqlite:///{tmp_path / 'data' / 'ugc.db'}") == "0002"


def test_worker_and_scheduler_need_a_broker(tmp_path: Path) -> None:
    for command in ("worker", "scheduler"):
        done = run(tmp_path, command)
        assert done.returncode == 2
        assert "UGC_BROKER_URL" in done.stderr


def test_several_api_processes_need_a_broker(tmp_path: Path) -> None:
    done = run(tmp_path, "serve", "--workers", "2")
    assert done.returncode == 2
    assert "--workers > 1 needs UGC_BROKER_URL" in done.stderr.replace("\n", " ")


def test_production_refuses_weak_settings(tmp_path: Path) -> None:
    done = run(tmp_path, "db", "upgrade", UGC_ENV="production", UGC_SECRET_KEY="short-secret")
    assert done.returncode == 2
    err = done.stderr.replace("\n", " ")
    assert "UGC_SECRET_KEY must be set to at least 32 characters" in err
    assert "short-secret" not in err  # a bad secret is named, never echoed
    bad = run(tmp_path, "db", "upgrade", UGC_API__MAX_BODY_BYTES="lots")
    assert bad.returncode == 2
    assert "UGC_API__MAX_BODY_BYTES" in bad.stderr
