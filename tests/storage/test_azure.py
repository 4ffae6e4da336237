"""AzureBlobStore against Azurite: blob operations and read-only SAS URLs that expire."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import httpx
import pytest

from ugc.storage.azure import AzureBlobStore

KEY = "orgs/org_1/assets/ast_1/clip.mp4"


@pytest.fixture
def store(azurite: str) -> AzureBlobStore:
    """A store on a fresh container of the emulator."""
    return AzureBlobStore(azurite, f"t{uuid.uuid4().hex[:12]}")


def test_blob_operations(store: AzureBlobStore, tmp_path: Path) -> None:
    assert not store.exists(KEY)
    store.put_bytes(KEY, b"first", "video/mp4")
    assert store.exists(KEY)
    assert store.get_bytes(KEY) == b"first"
    src = tmp_path / "big.bin"
    src.write_bytes(bytes(range(256)) * 20_000)  # ~5 MB, streamed from disk
    store.put_file(KEY, src, "video/mp4")
    store.download(KEY, tmp_path / "down" / "copy.bin")
    assert (tmp_path / "down" / "copy.bin").read_bytes() == src.read_bytes()
    store.delete(KEY)
    store.delete(KEY)
    assert not store.exists(KEY)
    with pytest.raises(KeyError):
        store.get_bytes(KEY)
    with pytest.raises(KeyError):
        store.download(KEY, tmp_path / "nothing")


def test_unsafe_keys_are_refused(store: AzureBlobStore) -> None:
    for key in ("../x", "/abs", "a//b", "a?b"):
        with pytest.raises(ValueError, match="invalid blob key"):
            store.put_bytes(key, b"x", "text/plain")


def test_sas_url_downloads_with_plain_http_until_it_expires(store: AzureBlobStore) -> None:
    store.put_bytes(KEY, b"movie", "video/mp4")
    url, expires = store.signed_url(KEY, 60, "clip.mp4")
    assert 55 < (expires.timestamp() - time.time()) <= 60
    r = httpx.get(url)
    assert r.status_code == 200
    assert r.content == b"movie"
    assert 'filename="clip.mp4"' in r.headers["content-disposition"]
    assert httpx.get(url.split("?")[0]).status_code in (401, 403, 404)  # private without a SAS
    assert httpx.get(url.replace("sig=", "sig=AA")).status_code == 403
    short, until = store.signed_url(KEY, 3)
    assert until.microsecond == 0  # the SAS has whole seconds; the reported expiry matches
    assert httpx.get(short).status_code == 200
    time.sleep(max(0.0, until.timestamp() - time.time()) + 1.2)
    assert httpx.get(short).status_code == 403
