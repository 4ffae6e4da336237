"""A content-addressed artifact store on the local disk, with an atomic step index."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

_CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """Return the sha256 hex digest of a file."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    """Write bytes so a crash leaves either the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class FileArtifactStore:
    """Artifacts under root/objects/<k[:2]>/<key><suffix>; step records under root/steps."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "objects").mkdir(parents=True, exist_ok=True)
        (root / "steps").mkdir(parents=True, exist_ok=True)
        (root / "tmp").mkdir(parents=True, exist_ok=True)

    def scratch(self, suffix: str) -> Path:
        """Return a fresh temporary path inside the store (same filesystem, so moves are atomic)."""
        fd, tmp = tempfile.mkstemp(dir=self.root / "tmp", suffix=suffix)
        os.close(fd)
        return Path(tmp)

    def put_file(self, src: Path, suffix: str) -> str:
        """Move a finished file into the store and return its content key."""
        key = file_digest(src) + suffix
        dest = self.path(key)
        if dest.exists():
            src.unlink()
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dest)
        return key

    def put_bytes(self, data: bytes, suffix: str) -> str:
        """Store bytes and return their content key."""
        key = hashlib.sha256(data).hexdigest() + suffix
        dest = self.path(key)
        if not dest.exists():
            _atomic_write(dest, data)
        return key

    def put_json(self, value: Any) -> str:
        """Store a JSON value canonically and return its key."""
        return self.put_bytes(canonical_json(value), ".json")

    def get_json(self, key: str) -> Any:
        """Load a stored JSON value."""
        return json.loads(self.path(key).read_bytes())

    def path(self, key: str) -> Path:
        """Return the on-disk path of a stored artifact."""
        return self.root / "objects" / key[:2] / key

    def get_step(self, step_key: str) -> dict[str, Any] | None:
        """Return the recorded result of a finished step, or None."""
        path = self.root / "steps" / f"{step_key}.json"
        try:
            record: dict[str, Any] = json.loads(path.read_bytes())
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        keys = record.get("artifacts", [])
        # A record whose artifacts vanished (pruned cache) is not a finished step.
        if any(not self.path(k).exists() for k in keys):
            return None
        return record

    def put_step(self, step_key: str, record: dict[str, Any]) -> None:
        """Record a finished step atomically."""
        _atomic_write(self.root / "steps" / f"{step_key}.json", canonical_json(record))

    def clear_scratch(self) -> None:
        """Remove leftovers of interrupted steps."""
        shutil.rmtree(self.root / "tmp", ignore_errors=True)
        (self.root / "tmp").mkdir(parents=True, exist_ok=True)


def canonical_json(value: Any) -> bytes:
    """Serialise JSON deterministically (sorted keys, no spaces)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def content_key(*parts: Any) -> str:
    """Return sha256 over the canonical JSON of the parts."""
    return hashlib.sha256(canonical_json(list(parts))).hexdigest()


def source_fingerprint(package_dir: Path) -> str:
    """Return a short hash of every .py file under a package, so code changes invalidate steps."""
    h = hashlib.sha256()
    for path in sorted(package_dir.rglob("*.py")):
        h.update(path.relative_to(package_dir).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]
