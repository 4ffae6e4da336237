"""The BlobStore port: put, get and sign expiring download URLs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol


class BlobStore(Protocol):
    """Where uploads and rendered outputs live."""

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        """Store data under key."""

    def put_file(self, key: str, path: Path, content_type: str) -> None:
        """Store a local file under key (streamed)."""

    def get_bytes(self, key: str) -> bytes:
        """Return the blob's bytes; raise KeyError if missing."""

    def download(self, key: str, dest: Path) -> None:
        """Write the blob to dest; raise KeyError if missing."""

    def exists(self, key: str) -> bool:
        """Return True if key is stored."""

    def delete(self, key: str) -> None:
        """Remove key if present."""

    def signed_url(self, key: str, ttl_s: int, filename: str | None = None) -> tuple[str, datetime]:
        """Return a download URL that expires, and its expiry."""


def check_key(key: str) -> str:
    """Refuse keys that could escape a folder or confuse a URL."""
    parts = key.split("/")
    if not key or key.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"invalid blob key {key!r}")
    if any(not (c.isalnum() or c in "._-/") for c in key):
        raise ValueError(f"invalid blob key {key!r}")
    return key
