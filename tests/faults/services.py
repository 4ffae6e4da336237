"""A production-shaped studio for fault tests: PostgreSQL, RabbitMQ vhost, worker processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.platform import PG_TEMPLATE, _pg_admin, _pg_template, pg_available

UGC = str(Path(sys.executable).with_name("ugc"))


def rabbit_up() -> bool:
    """Return True if RabbitMQ answers rabbitmqctl."""
    try:
        subprocess.run(
            ["rabbitmqctl", "-q", "await_startup", "--timeout", "5"],
            check=True,
            capture_output=True,
            timeout=15,
        )
        return True
    except (OSError, subprocess.SubprocessError):
        return False


def rabbitmqctl(*args: str) -> None:
    """Run one rabbitmqctl command."""
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=120)


@dataclass
class Studio:
    """Settings (as environment) for processes that share one database, broker and cache."""

    env: dict[str, str]
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    logs: Path = Path()

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        """Start `ugc <args>` as a named process with the studio's environment."""
        log = (self.logs / f"{name}.log").open("ab")
        proc = subprocess.Popen([UGC, *args], env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.procs[name] = proc
        return proc

    def kill9(self, name: str) -> None:
        """Kill a process with SIGKILL, as a crash would."""
        proc = self.procs.pop(name)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)

    def stop_all(self) -> None:
        """Stop every process (SIGTERM, then SIGKILL)."""
        for proc in self.procs.values():
            proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs.clear()


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[Studio]:
    """A fresh PostgreSQL database and RabbitMQ vhost, with settings for every process."""
    if not pg_available() or not rabbit_up():
        pytest.skip("needs PostgreSQL and RabbitMQ on 127.0.0.1 (scripts/services.sh starts them)")
    _pg_template()
    name = f"ugc_f_{uuid.uuid4().hex[:10]}"
    _pg_admin(f"CREATE DATABASE {name} TEMPLATE {PG_TEMPLATE}")
    vhost = name
    rabbitmqctl("add_vhost", vhost)
    rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    env = {
        **os.environ,
        "UGC_ENV": "test",
        "UGC_DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}",
        "UGC_BROKER_URL": f"amqp://guest:guest@127.0.0.1:5672/{vhost}",
        "UGC_DATA_DIR": str(tmp_path / "data"),
        "UGC_CACHE_DIR": str(tmp_path / "cache"),
        "UGC_SECRET_KEY": "fault-test-secret-key-0123456789abcdef",
        "UGC_QUEUE__STEP_STALE_S": "8",
        "UGC_QUEUE__DISPATCH_LOST_S": "15",
        "UGC_QUEUE__HEARTBEAT_S": "1",
        "UGC_QUEUE__TICK_S": "1",
        "UGC_LOG_JSON": "true",
        "UGC_API__WEBHOOK_ALLOW_HOSTS": "127.0.0.1",
    }
    s = Studio(env, logs=tmp_path)
    yield s
    s.stop_all()
    rabbitmqctl("delete_vhost", vhost)
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def wait(predicate: object, timeout: float, what: str, every: float = 0.5) -> None:
    """Poll predicate() until true, or fail naming what never happened."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@dataclass
class Api:
    """The API in this process, sending to the studio's broker."""

    client: object
    runtime: object


def start_api(studio: Studio, monkeypatch: pytest.MonkeyPatch) -> tuple[Api, Callable[[], None]]:
    """Build the API app over the studio's settings; return it and a function that stops it."""
    from fastapi.testclient import TestClient

    from ugc.app import create_app
    from ugc.cli.platform import runtime_for
    from ugc.config import Settings
    from ugc.kit.tasks import use_queue
    from ugc.worker.broker import install_queue

    for key, value in studio.env.items():
        if key.startswith("UGC_"):
            monkeypatch.setenv(key, value)
    settings = Settings()
    rt = runtime_for(settings, migrate=False)
    broker = install_queue(settings.broker_url)
    client = TestClient(create_app(rt))
    client.__enter__()

    def stop() -> None:
        client.__exit__(None, None, None)
        use_queue(None)
        broker.close()
        rt.engine.dispose()

    return Api(client, rt), stop


@pytest.fixture
def api(studio: Studio, monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    """An API app over the studio's database that enqueues on its RabbitMQ vhost."""
    made, stop = start_api(studio, monkeypatch)
    yield made
    stop()
