"""Per-organisation provider keys: sealed at rest, never shown again, used by the org's jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests.platform import Member, add_member
from tests.providers.llm.fake_servers import FakeOpenAI
from ugc.cli.engines import JobLoader, with_org_keys
from ugc.config import Settings
from ugc.models import ProviderKey
from ugc.providers.secrets import SecretError
from ugc.runtime import Runtime
from ugc.video.planning import organization_keys

SECRET = "sk-org-own-key-0123456789abcdef"


def put(client: TestClient, m: Member, provider: str, key: str = SECRET) -> dict[str, str]:
    """Store a key and return the response body."""
    r = client.put(f"/api/v1/provider-keys/{provider}", json={"key": key}, headers=m.headers)
    assert r.status_code == 200, r.text
    body: dict[str, str] = r.json()
    return body


def test_key_is_sealed_and_never_shown(client: TestClient, runtime: Runtime, owner: Member) -> None:
    body = put(client, owner, "openai")
    assert body == {"provider": "openai", "hint": "cdef", "created_at": body["created_at"]}
    listed = client.get("/api/v1/provider-keys", headers=owner.headers)
    assert SECRET not in listed.text
    assert [k["provider"] for k in listed.json()["items"]] == ["openai"]
    with runtime.sessions() as s:
        sealed = s.scalars(select(ProviderKey.sealed)).one()
    assert SECRET not in sealed
    assert sealed.startswith("v1:")
    assert organization_keys(runtime, owner.org_id) == {"openai": SECRET}
    assert client.delete("/api/v1/provider-keys/openai", headers=owner.headers).status_code == 204
    assert organization_keys(runtime, owner.org_id) == {}


def test_only_admins_manage_keys_and_orgs_stay_apart(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    editor = add_member(runtime, "editor", owner.org_id)
    r = client.put("/api/v1/provider-keys/openai", json={"key": SECRET}, headers=editor.headers)
    assert r.status_code == 403
    put(client, owner, "elevenlabs")
    other = add_member(runtime, "owner")
    assert client.get("/api/v1/provider-keys", headers=other.headers).json()["items"] == []
    assert organization_keys(runtime, other.org_id) == {}
    bad = client.put("/api/v1/provider-keys/nope", json={"key": SECRET}, headers=owner.headers)
    assert bad.status_code == 422


def test_a_sealed_key_moved_to_another_org_does_not_open(
    client: TestClient, runtime: Runtime, owner: Member
) -> None:
    other = add_member(runtime, "owner")
    put(client, owner, "openai")
    put(client, other, "openai", "sk-other-org-key-000000")
    with runtime.sessions() as s:
        mine = s.scalars(
            select(ProviderKey.sealed).where(ProviderKey.organization_id == owner.org_id)
        ).one()
        s.execute(
            update(ProviderKey)
            .where(ProviderKey.organization_id == other.org_id)
            .values(sealed=mine)
        )
        s.commit()
    with pytest.raises(SecretError):
        organization_keys(runtime, other.org_id)


def test_org_key_replaces_the_platform_key_only_for_that_job(tmp_path: Path) -> None:
    base = Settings(cache_dir=tmp_path / "cache")
    mine = with_org_keys(base, {"openai": SECRET, "heygen": "hg-key-12345678", "unknown": "x"})
    assert mine.llm.openai_api_key is not None
    assert mine.llm.openai_api_key.get_secret_value() == SECRET
    assert mine.avatar.heygen_api_key is not None
    assert base.llm.openai_api_key is None  # the shared settings are untouched


def test_the_orgs_key_reaches_the_provider(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("UGC_KEY_OPENAI", "OPENAI_BASE_URL", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = FakeOpenAI().start()
    try:
        settings = Settings(
            cache_dir=tmp_path / "cache",
            llm={"providers": ["openai"], "openai_base_url": f"{server.url}/v1"},
        )
        brief = tmp_path / "brief.json"
        brief.write_text(
            json.dumps(
                {
                    "product": {
                        "name": "Kettle",
                        "description": "A quiet kettle.",
                        "benefits": ["Boils fast"],
                    },
                    "target_seconds": 15,
                }
            )
        )
        parsed, engines = JobLoader(settings)(brief, {"openai": SECRET})
        engines.writer.write(parsed, 0, 7)
        assert server.requests
        assert server.requests[-1].headers["authorization"] == f"Bearer {SECRET}"
    finally:
        server.close()
