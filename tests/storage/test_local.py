"""LocalBlobStore: atomic writes, safe keys, and downloads only through signed, fresh URLs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from fastapi.testclient import TestClient

from ugc.runtime import Runtime
from ugc.storage.local import LocalBlobStore

KEY = "orgs/org_1/assets/ast_1/photo.png"


@pytest.fixture
def store(tmp_path: Path) -> LocalBlobStore:
    return LocalBlobStore(tmp_path / "blobs", b"k" * 32, "https://studio.example/")


def test_round_trip(store: LocalBlobStore, tmp_path: Path) -> None:
    store.put_bytes(KEY, b"one", "image/png")
    assert store.exists(KEY)
    assert store.get_bytes(KEY) == b"one"
    src = tmp_path / "src.bin"
    src.write_bytes(b"two" * 1000)
    store.put_file(KEY, src, "image/png")
    store.download(KEY, tmp_path / "out" / "copy.bin")
    assert (tmp_path / "out" / "copy.bin").read_bytes() == b"two" * 1000
    store.delete(KEY)
    store.delete(KEY)  # deleting twice is fine
    assert not store.exists(KEY)
    with pytest.raises(KeyError):
        store.get_bytes(KEY)
    with pytest.raises(KeyError):
        store.download(KEY, tmp_path / "missing")


def test_a_failed_write_leaves_the_old_blob_and_no_debris(store: LocalBlobStore) -> None:
    store.put_bytes(KEY, b"old", "image/png")
    with pytest.raises(OSError, match="Input/output error"):
        store.put_file(KEY, Path("/proc/self/mem"), "image/png")  # reading it fails
    assert store.get_bytes(KEY) == b"old"
    assert sorted(p.name for p in store.path(KEY).parent.iterdir()) == ["photo.png"]


@pytest.mark.parametrize(
    "key",
    [
        "",
        "/etc/passwd",
        "../secret.key",
        "orgs/../../x",
        "orgs//x",
        "orgs/./x",
        "a\\b",
        "a b",
        "%2e%2e/x",
    ],
)
def test_unsafe_keys_are_refused(store: LocalBlobStore, key: str) -> None:
    with pytest.raises(ValueError, match="invalid blob key"):
        store.put_bytes(key, b"x", "text/plain")
    with pytest.raises(ValueError, match="invalid blob key"):
        store.signed_url(key, 60)
    assert not any(store.root.rglob("*"))


def _signed(
    runtime: Runtime, key: str, ttl: int = 60, filename: str | None = None
) -> tuple[str, dict[str, str]]:
    """Return the path and query of a signed URL."""
    url, _ = runtime.blobs.signed_url(key, ttl, filename)
    parts = urlsplit(url)
    return parts.path, dict(parse_qsl(parts.query))


def test_signed_urls_download_through_the_api(client: TestClient, runtime: Runtime) -> None:
    runtime.blobs.put_bytes(KEY, b"pixels", "image/png")
    path, query = _signed(runtime, KEY, filename="photo.png")
    assert path == f"/api/v1/blobs/{KEY}"
    r = client.get(path, params=query)
    assert r.status_code == 200
    assert r.content == b"pixels"
    assert 'filename="photo.png"' in r.headers["content-disposition"]


def test_tampered_expired_or_missing_signatures_are_refused(
    client: TestClient, runtime: Runtime
) -> None:
    runtime.blobs.put_bytes(KEY, b"pixels", "image/png")
    other = "orgs/org_2/assets/ast_2/secret.png"
    runtime.blobs.put_bytes(other, b"theirs", "image/png")
    path, query = _signed(runtime, KEY, filename="photo.png")
    tampered = [
        query | {"sig": query["sig"][:-2] + ("BB" if query["sig"].endswith("AA") else "AA")},
        query | {"exp": str(int(query["exp"]) + 3600)},
        query | {"filename": "other.png"},
        {k: v for k, v in query.items() if k != "filename"},
        query | {"exp": "soon"},
    ]
    for bad in tampered:
        r = client.get(path, params=bad)
        assert (r.status_code, r.json()["code"]) == (403, "forbidden"), bad
    assert client.get(f"/api/v1/blobs/{other}", params=query).status_code == 403  # wrong key
    expired_path, expired = _signed(runtime, KEY, ttl=-5)
    assert client.get(expired_path, params=expired).status_code == 403
    assert client.get(f"/api/v1/blobs/{KEY}").status_code == 422  # no signature at all


def test_no_file_outside_the_store_is_reachable(client: TestClient, runtime: Runtime) -> None:
    secret = runtime.blobs.root.parent / "secret.key"  # where bootstrap keeps a generated key
    secret.write_bytes(b"master-secret-bytes")
    _, query = _signed(runtime, KEY)
    for path in ("/api/v1/blobs/%2e%2e/secret.key", "/api/v1/blobs/..%2Fsecret.key"):
        r = client.get(f"{path}?{urlencode(query)}")
        assert r.status_code in (403, 404), path
        assert secret.read_bytes() not in r.content
