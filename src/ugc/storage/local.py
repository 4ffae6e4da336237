"""Blobs in a local folder; downloads through HMAC-signed, expiring API URLs."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

from ugc.kit.clock import utcnow
from ugc.kit.crypto import sign, verify
from ugc.storage.base import check_key


class LocalBlobStore:
    """A folder of blobs; writes are atomic (temp file, then rename)."""

    def __init__(self, root: Path, url_key: bytes, public_url: str) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self._key = url_key
        self._base = public_url.rstrip("/")

    def path(self, key: str) -> Path:
        """Return where key lives on disk."""
        return self.root / check_key(key)

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:  # noqa: ARG002
        """Store data under key."""
        self._atomic(key, lambda f: f.write(data))

    def put_file(self, key: str, path: Path, content_type: str) -> None:  # noqa: ARG002
        """Copy a file under key."""
        with path.open("rb") as src:
            self._atomic(key, lambda f: shutil.copyfileobj(src, f, 1024 * 1024))

    def _atomic(self, key: str, write: object) -> None:
        """Write through a temp file in the same folder, then rename."""
        dest = self.path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as f:
                write(f)  # type: ignore[operator]
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get_bytes(self, key: str) -> bytes:
        """Return the blob's bytes."""
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError as exc:
            raise KeyError(key) from exc

    def download(self, key: str, dest: Path) -> None:
        """Copy the blob to dest."""
        src = self.path(key)
        if not src.is_file():
            raise KeyError(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)

    def exists(self, key: str) -> bool:
        """Return True if stored."""
        return self.path(key).is_file()

    def delete(self, key: str) -> None:
        """Remove the blob."""
        self.path(key).unlink(missing_ok=True)

    def signed_url(self, key: str, ttl_s: int, filename: str | None = None) -> tuple[str, datetime]:
        """Return `/api/v1/blobs/<key>?exp=&sig=` valid for ttl_s seconds."""
        expires = (utcnow() + timedelta(seconds=ttl_s)).replace(microsecond=0)  # as signed
        exp = str(int(expires.timestamp()))
        query = {"exp": exp, "sig": sign(self._key, f"{check_key(key)}:{exp}:{filename or ''}")}
        if filename:
            query["filename"] = filename
        return f"{self._base}/api/v1/blobs/{quote(key)}?{urlencode(query)}", expires

    def check_signature(self, key: str, exp: str, sig: str, filename: str | None) -> bool:
        """Return True if the signature is valid and not expired."""
        if not exp.isdigit() or int(exp) < int(utcnow().timestamp()):
            return False
        return verify(self._key, f"{key}:{exp}:{filename or ''}", sig)
