"""Fixtures for the platform: a migrated database per test (SQLite and PostgreSQL), the app."""

from __future__ import annotations

import atexit
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from ugc.app import create_app
from ugc.auth.tokens import issue_access
from ugc.bootstrap import build_runtime
from ugc.config import Settings
from ugc.db.migrate import upgrade
from ugc.kit.ids import new_id
from ugc.models import Membership, Organization, User
from ugc.runtime import Runtime

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_TEMPLATE = f"ugc_test_template_{os.getpid()}"  # one per pytest process: runs may overlap
_migrated: dict[str, str] = {}


def pg_available() -> bool:
    """Return True if the local PostgreSQL answers."""
    try:
        engine = create_engine(PG_ADMIN, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


def _sqlite_template(tmp_root: Path) -> str:
    """Migrate one SQLite file per session; tests copy it."""
    if "sqlite" not in _migrated:
        path = tmp_root / "template.db"
        upgrade(f"sqlite:///{path}")
        _migrated["sqlite"] = str(path)
    return _migrated["sqlite"]


def _pg_admin(sql: str) -> None:
    """Run one statement on the admin database outside a transaction."""
    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def _pg_template() -> None:
    """Migrate the PostgreSQL template database once per session."""
    if "postgresql" in _migrated:
        return
    _pg_admin(f"DROP DATABASE IF EXISTS {PG_TEMPLATE} WITH (FORCE)")
    _pg_admin(f"CREATE DATABASE {PG_TEMPLATE}")
    upgrade(f"postgresql+psycopg://postgres@127.0.0.1:5432/{PG_TEMPLATE}")
    _migrated["postgresql"] = PG_TEMPLATE
    atexit.register(_pg_admin, f"DROP DATABASE IF EXISTS {PG_TEMPLATE} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A freshly migrated, empty database for one test, on each backend."""
    if request.param == "sqlite":
        template = _sqlite_template(tmp_path_factory.getbasetemp())
        shutil.copyfile(template, tmp_path / "ugc.db")
        yield f"sqlite:///{tmp_path / 'ugc.db'}"
        return
    if not pg_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432 (see README)")
    _pg_template()
    name = f"ugc_t_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE DATABASE {name} TEMPLATE {PG_TEMPLATE}")
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    """Settings for an embedded studio in tmp_path on the test's database."""
    return Settings(
        env="test",
        data_dir=tmp_path / "data",
        cache_dir=tmp_path / "cache",
        database_url=db_url,
        secret_key="test-secret-key-that-is-long-enough-0123456789",
        api={"webhook_allow_hosts": ["127.0.0.1"]},  # the tests' receivers listen on loopback
    )


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    """The runtime over the test database (already migrated)."""
    rt = build_runtime(settings, migrate=False)
    yield rt
    rt.engine.dispose()


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    """A client of the API app."""
    with TestClient(create_app(runtime)) as c:
        yield c


@dataclass
class Member:
    """A user with a role in an organisation, and headers that act as them."""

    user_id: str
    org_id: str
    role: str
    token: str
    email: str
    headers: dict[str, str] = field(default_factory=dict)


def add_member(runtime: Runtime, role: str = "owner", org_id: str | None = None) -> Member:
    """Insert a verified user with a role (in a new organisation unless given) and mint a token."""
    with runtime.sessions() as s:
        if org_id is None:
            org_id = new_id("org")
            s.add(Organization(id=org_id, name=f"Org {org_id[-4:]}"))
        uid = new_id("usr")
        email = f"{uid}@example.com"
        s.add(User(id=uid, email=email, password_hash="!", name="Test"))
        s.flush()
        s.add(Membership(id=new_id("mem"), organization_id=org_id, user_id=uid, role=role))
        s.commit()
    token = issue_access(runtime.keys.jwt, uid, 900, {"typ": "access"})
    headers = {"Authorization": f"Bearer {token}", "X-Organization-Id": org_id}
    return Member(uid, org_id, role, token, email, headers)


@pytest.fixture
def owner(runtime: Runtime) -> Member:
    """An owner of a fresh organisation."""
    return add_member(runtime, "owner")


@dataclass
class Embedded:
    """An in-process Dramatiq broker and workers over the test runtime."""

    runtime: Runtime
    pool: object


@pytest.fixture
def embedded(runtime: Runtime, settings: Settings) -> Iterator[Embedded]:
    """Real Dramatiq workers (in-process broker) running the test runtime's jobs."""
    from ugc.cli.engines import JobLoader
    from ugc.kit.tasks import use_queue
    from ugc.runtime import install
    from ugc.worker.broker import install_queue
    from ugc.worker.pool import DEFAULT_THREADS, WorkerPool

    runtime.engines = JobLoader(settings)
    install(runtime)
    pool = WorkerPool(install_queue(None), dict(DEFAULT_THREADS))
    pool.start()
    yield Embedded(runtime, pool)
    pool.stop()
    use_queue(None)


class RecordingQueue:
    """A TaskQueue that records what would be sent (for tests that must not run jobs)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, tuple[object, ...]]] = []

    def send(self, name: str, args: tuple[object, ...], queue: str | None = None) -> None:  # noqa: ARG002
        """Record one message."""
        self.sent.append((name, args))


@pytest.fixture
def recorded(runtime: Runtime, settings: Settings) -> Iterator[RecordingQueue]:
    """Install a recording queue and the job loader (jobs are accepted but never run)."""
    from ugc.cli.engines import JobLoader
    from ugc.kit.tasks import use_queue
    from ugc.runtime import install
    from ugc.worker.broker import load_tasks

    load_tasks()
    runtime.engines = JobLoader(settings)
    install(runtime)
    queue = RecordingQueue()
    use_queue(queue)
    yield queue
    use_queue(None)


@pytest.fixture
def live_url(runtime: Runtime) -> Iterator[str]:
    """Serve the app with uvicorn on a free loopback port; yield its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(runtime), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
