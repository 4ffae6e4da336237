"""Platform entry points: serve, worker, scheduler, db and audit commands."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated

import dramatiq
import typer
from fastapi import FastAPI
from rich.console import Console
from sqlalchemy.orm import Session

from ugc.bootstrap import build_runtime
from ugc.cli.engines import JobLoader
from ugc.cli.settings import load_settings
from ugc.config import Settings
from ugc.runtime import Runtime

console = Console(stderr=True)
db_app = typer.Typer(help="Database schema migrations.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)


def runtime_for(settings: Settings, migrate: bool) -> Runtime:
    """Set up logs and traces, then build and install the runtime with its job loader."""
    from ugc.ops import logs, tracing

    logs.configure(settings.log_level, settings.log_json)
    if settings.traces != "off":  # an installed provider makes FastAPI trace every request
        tracing.setup(console=settings.traces == "console")
    rt = build_runtime(settings, migrate=migrate)
    rt.engines = JobLoader(settings)
    return rt


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="API processes (needs UGC_BROKER_URL when > 1).")
    ] = 1,
) -> None:
    """Run the API (and, with no broker configured, an in-process worker and scheduler)."""
    import uvicorn

    settings = load_settings()
    if settings.broker_url is None and workers > 1:
        console.print(
            "[red]error:[/] --workers > 1 needs UGC_BROKER_URL (the embedded queue is per process)"
        )
        raise typer.Exit(2)
    if workers > 1:
        factory = "ugc.cli.platform:asgi_app"
        uvicorn.run(factory, factory=True, host=host, port=port, workers=workers, access_log=False)
        return
    _serve_one(settings, host, port)


def _serve_one(settings: Settings, host: str, port: int) -> None:
    """Serve from this process, with the embedded worker and scheduler if there is no broker."""
    import uvicorn

    from ugc.worker.pool import DEFAULT_THREADS, WorkerPool
    from ugc.worker.scheduler import loop

    app, rt, broker = _app(settings, migrate=settings.database_url is None)
    stop = threading.Event()
    pool = WorkerPool(broker, dict(DEFAULT_THREADS))
    if settings.broker_url is None:
        pool.start()
        tick = settings.queue.tick_s
        threading.Thread(target=loop, args=(rt, tick, stop), daemon=True).start()
        console.print("embedded mode: SQLite, local blobs, in-process worker and scheduler")
    _announce(settings, host, port)
    try:
        uvicorn.run(app, host=host, port=port, access_log=False)
    finally:
        stop.set()
        pool.stop()


def _announce(settings: Settings, host: str, port: int) -> None:
    """Say where the studio is, or how to build it when it is missing."""
    from ugc.http.studio import default_web_dir

    web = settings.web_dir or default_web_dir()
    if (web / "index.html").is_file():
        console.print(f"studio: http://{host}:{port}/   API docs: http://{host}:{port}/api/v1/docs")
    else:
        console.print(f"[yellow]the web studio is not built ({web}):[/] run `make setup`")


def _app(settings: Settings, migrate: bool = False) -> tuple[FastAPI, Runtime, dramatiq.Broker]:
    """Build the runtime (migrating the embedded database), the queue and the app."""
    from ugc.app import create_app
    from ugc.http.studio import default_web_dir
    from ugc.worker.broker import install_queue

    rt = runtime_for(settings, migrate=migrate)
    broker = install_queue(settings.broker_url)
    web = settings.web_dir or default_web_dir()
    return create_app(rt, settings.api.cors_origins, web), rt, broker


def asgi_app() -> FastAPI:
    """Build the app in a uvicorn worker process (`ugc serve --workers N`)."""
    return _app(load_settings())[0]


def worker(
    queues: Annotated[str, typer.Option(help="Queues and threads, e.g. cpu=1,io=2,default=2.")] = (
        "cpu=1,io=2,default=2"
    ),
) -> None:
    """Consume queue messages from RabbitMQ until SIGTERM or Ctrl-C."""
    from ugc.worker.broker import install_queue
    from ugc.worker.pool import WorkerPool, parse_threads

    settings = load_settings()
    if not settings.broker_url:
        console.print("[red]error:[/] set UGC_BROKER_URL (amqp://...) to run a worker")
        raise typer.Exit(2)
    try:
        threads = parse_threads(queues)
    except ValueError as exc:
        console.print(f"[red]error:[/] --queues: {exc}")
        raise typer.Exit(2) from None
    runtime_for(settings, migrate=False)
    pool = WorkerPool(install_queue(settings.broker_url), threads)
    pool.start()
    console.print(f"worker consuming {threads}")
    _wait_for_signal()
    pool.stop()


def scheduler(
    every: Annotated[
        float | None, typer.Option(help="Seconds between ticks (default UGC_QUEUE__TICK_S).")
    ] = None,
) -> None:
    """Run periodic work: the stale-step reconciler and webhook retries."""
    from ugc.worker.broker import install_queue
    from ugc.worker.scheduler import loop

    settings = load_settings()
    if not settings.broker_url:
        console.print("[red]error:[/] set UGC_BROKER_URL; `ugc serve` runs its own scheduler")
        raise typer.Exit(2)
    rt = runtime_for(settings, migrate=False)
    install_queue(settings.broker_url)
    every = every or settings.queue.tick_s
    stop = threading.Event()
    thread = threading.Thread(target=loop, args=(rt, every, stop), daemon=True)
    thread.start()
    console.print(f"scheduler ticking every {every:g} s")
    _wait_for_signal()
    stop.set()
    thread.join(timeout=30)


def _wait_for_signal() -> None:
    """Block until SIGTERM or SIGINT."""
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Migrate the database to a revision (default: the latest)."""
    from ugc.db.migrate import upgrade

    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.db_url(), revision)
    console.print(f"database at {revision}")


@audit_app.command("verify")
def audit_verify(
    anchor: Annotated[
        str | None, typer.Option(help="SEQ:HASH printed earlier by `ugc audit head`.")
    ] = None,
) -> None:
    """Check every row of the audit chain; exit 1 naming the first edited or deleted row."""
    from ugc.audit.service import verify_chain

    rt = build_runtime(load_settings(), migrate=False)
    with rt.sessions() as s:
        report = verify_chain(s)
        cut = _anchor_problem(s, anchor) if anchor else None
    if not report.ok:
        console.print(f"[red]audit chain broken at event #{report.broken_at}:[/] {report.reason}")
        raise typer.Exit(1)
    if cut:
        console.print(f"[red]audit chain cut:[/] {cut}")
        raise typer.Exit(1)
    print(f"audit chain intact: {report.checked} events verified")  # noqa: T201


def _anchor_problem(s: Session, anchor: str) -> str | None:
    """Parse SEQ:HASH and check it against the log, or exit 2 naming the problem."""
    from ugc.audit.service import check_anchor

    seq, _, digest = anchor.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        console.print("[red]error:[/] --anchor must look like 123:<64 hex characters>")
        raise typer.Exit(2)
    return check_anchor(s, int(seq), digest)


@audit_app.command("head")
def audit_head() -> None:
    """Print the newest event as SEQ:HASH; keep it elsewhere to detect later truncation."""
    from ugc.audit.service import head

    rt = build_runtime(load_settings(), migrate=False)
    with rt.sessions() as s:
        row = head(s)
    print(f"{row.seq}:{row.hash}" if row else "0:" + "0" * 64)  # noqa: T201


def openapi(
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
) -> None:
    """Print the API's OpenAPI document (built on a throwaway database; nothing starts)."""
    import json
    import tempfile

    from ugc.app import create_app
    from ugc.config import Settings as Fresh

    with tempfile.TemporaryDirectory(prefix="ugc-openapi-") as tmp:
        rt = build_runtime(Fresh(data_dir=Path(tmp), cache_dir=Path(tmp) / "cache"))
        text = json.dumps(create_app(rt).openapi(), indent=2, sort_keys=True) + "\n"
        rt.engine.dispose()
    if out is None:
        print(text, end="")  # noqa: T201
    else:
        out.write_text(text, encoding="utf-8")
