"""`ugc create` through the AI gateway: local doubles of the vendors' APIs, and fallback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import cli_env, copy_brief, create_cmd, step_records
from tests.providers.llm.fake_servers import FakeOpenAI, Reply
from tests.providers.tts.fake_servers import start_elevenlabs

pytestmark = pytest.mark.slow

PRICES = '{"openai-compatible": {"usd_per_1m_in": 2.0, "usd_per_1m_out": 8.0}}'


def _create(tmp_path: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Render the gadget brief's 9:16 cut with extra settings; return the process and OUT."""
    brief = copy_brief(tmp_path / "brief")
    out = tmp_path / "OUT"
    full = {**cli_env(tmp_path / "cache"), **env}
    proc = subprocess.run(
        create_cmd(brief, out, "--aspects", "9:16"),
        env=full,
        cwd=brief.parent,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return proc, out


def _manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "manifest.json").read_text())
    return data


def test_scripts_are_written_through_an_openai_compatible_server(tmp_path: Path) -> None:
    server = FakeOpenAI().start()
    try:
        proc, out = _create(
            tmp_path,
            {
                "UGC_LLM__PROVIDERS": "openai-compatible",
                "UGC_LLM__OPENAI_COMPATIBLE_BASE_URL": f"{server.url}/v1",
                "UGC_LLM__OPENAI_COMPATIBLE_MODEL": "llama-local",
                "UGC_PRICES": PRICES,
            },
        )
    finally:
        server.close()
    assert proc.returncode in (0, 3), proc.stderr  # 3: rendered, a QA check failed
    assert server.requests, "the CLI never called the local server"
    assert server.requests[0].body["model"] == "llama-local"
    prov = _manifest(out)["variants"][0]["script_provenance"]
    assert prov["provider"] == "openai-compatible"
    assert prov["model"] == "llama-local"
    assert prov["prompt"].startswith("script@v1")
    assert prov["cost_usd"] > 0
    assert prov["fallbacks"] == []
    assert _manifest(out)["cost_usd"] >= prov["cost_usd"]


def test_a_dead_provider_falls_back_to_the_offline_writer(tmp_path: Path) -> None:
    server = FakeOpenAI().start()
    server.queue(*[Reply(status=500, body={"error": {"message": "overloaded"}})] * 20)
    try:
        proc, out = _create(
            tmp_path,
            {
                "UGC_LLM__PROVIDERS": "openai-compatible",
                "UGC_LLM__OPENAI_COMPATIBLE_BASE_URL": f"{server.url}/v1",
                "UGC_RETRY__BASE": "0.01",
                "UGC_RETRY__ATTEMPTS": "2",
            },
        )
    finally:
        server.close()
    assert proc.returncode == 0, proc.stderr
    prov = _manifest(out)["variants"][0]["script_provenance"]
    assert prov["provider"] == "rule-copywriter"
    assert any(f.startswith("openai-compatible:") for f in prov["fallbacks"]), prov


def test_a_killed_provider_falls_back_and_is_recorded(tmp_path: Path) -> None:
    server = FakeOpenAI().start()
    url = server.url
    server.close()  # killed before the job: every call is refused
    proc, out = _create(
        tmp_path,
        {
            "UGC_LLM__PROVIDERS": "openai-compatible",
            "UGC_LLM__OPENAI_COMPATIBLE_BASE_URL": f"{url}/v1",
            "UGC_RETRY__BASE": "0.01",
        },
    )
    assert proc.returncode == 0, proc.stderr
    prov = _manifest(out)["variants"][0]["script_provenance"]
    assert prov["provider"] == "rule-copywriter"
    assert any("openai-compatible" in f for f in prov["fallbacks"])


def test_elevenlabs_timestamps_drive_the_captions(tmp_path: Path) -> None:
    key = "xi-e2e-key-0123456789"
    state, running = start_elevenlabs(key)
    try:
        proc, out = _create(
            tmp_path,
            {
                "UGC_VOICE__PROVIDERS": "elevenlabs",
                "UGC_VOICE__ELEVENLABS_BASE_URL": state.base_url,
                "UGC_VOICE__ELEVENLABS_API_KEY": key,
            },
        )
    finally:
        running.stop()
    assert proc.returncode in (0, 3), proc.stderr
    assert key not in proc.stderr + proc.stdout
    voice = _manifest(out)["variants"][0]["voice"]
    assert voice["engine"] == "elevenlabs"
    # The first line's word onsets, relative to its first word, are the fake's timestamps.
    fit = step_records(tmp_path / "cache", "fit")[-1]["output"]
    first = [w for w in fit["voice"]["words"] if w["line"] == 0]
    said = state.spoken[0].words
    got = [w["start"] - first[0]["start"] for w in first]
    sent = [w.start - said[0].start for w in said]
    assert len(got) == len(sent)
    assert max(abs(a - b) for a, b in zip(got, sent, strict=True)) < 0.002
    assert key not in (out / "manifest.json").read_text()
