"""What services and tasks need at run time, built once by an entry point from settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ugc.kit.crypto import Keys


@dataclass
class Runtime:
    """Engines, stores and keys shared by the API, the worker and the scheduler."""

    engine: Engine
    sessions: sessionmaker[Session]
    keys: Keys
    blobs: Any  # ugc.storage.BlobStore
    mailer: Any  # ugc.mail.Mailer
    cache_dir: Path
    public_url: str
    limits: dict[str, Any] = field(default_factory=dict)
    # Builds the pipeline's Engines for a job; chosen by the entry point from settings.
    engines: Callable[..., Any] | None = None
    extras: dict[str, Any] = field(default_factory=dict)


_current: list[Runtime] = []


def install(runtime: Runtime) -> Runtime:
    """Make runtime the current one (entry points and tests)."""
    _current.clear()
    _current.append(runtime)
    return runtime


def current() -> Runtime:
    """Return the installed runtime."""
    if not _current:
        raise RuntimeError("no runtime installed; start through an entry point")
    return _current[0]
