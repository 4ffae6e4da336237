"""Engines, sessions, and hooks that run only after a commit (enqueueing jobs)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

AfterCommit = Callable[[], None]
log = logging.getLogger("ugc.db")


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # No pre-ping (a round trip per checkout); recycle instead, and a dropped connection
        # fails one request, which the client retries.
        return create_engine(url, pool_recycle=1800, pool_size=10, max_overflow=20)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _begin_immediate(conn: Any) -> None:
    """Take SQLite's write lock at BEGIN, so two writers queue instead of failing to upgrade."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_pragmas(conn: Any, _record: Any) -> None:
    """Turn on WAL and foreign keys for every SQLite connection."""
    conn.isolation_level = None  # let the "begin" hook issue BEGIN itself
    cur = conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Return the session factory; objects stay readable after commit."""
    factory = sessionmaker(engine, expire_on_commit=False)
    event.listen(factory, "after_commit", _run_after_commit)
    event.listen(factory, "after_rollback", _drop_after_commit)
    return factory


def after_commit(session: Session, hook: AfterCommit) -> None:
    """Run hook once the session's transaction commits; drop it on rollback."""
    session.info.setdefault("after_commit", []).append(hook)


def _run_after_commit(session: Session) -> None:
    """Fire the hooks queued on this session."""
    hooks: list[AfterCommit] = session.info.pop("after_commit", [])
    for hook in hooks:
        try:
            hook()
        except Exception:  # the commit stands; the reconciler re-sends what was not sent
            log.exception("after-commit hook failed")


def _drop_after_commit(session: Session) -> None:
    """Forget hooks of a transaction that rolled back (a savepoint's rollback keeps them)."""
    if session.in_transaction():
        return  # only a nested transaction rolled back; the outer one may still commit
    session.info.pop("after_commit", None)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """Yield a session; commit if the block succeeds, roll back if it raises."""
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
