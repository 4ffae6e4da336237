"""The `ugc` command line."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from ugc.brief.loader import load_brief
from ugc.cli.choices import check_options
from ugc.cli.engines import engines_for, offline_engines
from ugc.cli.progress import RichListener
from ugc.cli.settings import load_settings
from ugc.config import Settings
from ugc.errors import BriefError
from ugc.pipeline.coordinator import Coordinator, LocalExecutor, SerialExecutor
from ugc.pipeline.deliver import deliver, start_output
from ugc.pipeline.errors import StepError
from ugc.pipeline.job import Engines, JobSpec, plan
from ugc.pipeline.render.layout import all_aspects
from ugc.pipeline.store import FileArtifactStore, file_digest
from ugc.providers.errors import NotConfigured
from ugc.providers.offline.fonts import font_installed

app = typer.Typer(add_completion=False, help="UGC Creator Studio: briefs in, checked ads out.")
console = Console(stderr=True)


@app.callback()
def _root() -> None:
    """UGC Creator Studio."""


def _aspects(value: str) -> tuple[str, ...]:
    """Parse --aspects ('all' or a comma list)."""
    if value == "all":
        return all_aspects()
    items = tuple(a.strip() for a in value.split(",") if a.strip())
    bad = [a for a in items if a not in all_aspects()]
    if bad or not items:
        shown = repr(bad[0]) if bad else repr(value)
        _fail(
            2, f"--aspects: unknown aspect {shown}; choose from {', '.join(all_aspects())} or 'all'"
        )
    return items


@app.command()
def create(
    brief: Annotated[Path | None, typer.Argument(help="Brief file (YAML or JSON).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("OUT"),
    variants: Annotated[int, typer.Option(min=1, max=50, help="Script variants.")] = 1,
    aspects: Annotated[str, typer.Option(help="'all' or e.g. 9:16,1:1.")] = "all",
    seed: Annotated[int, typer.Option(help="Seed for every random choice.")] = 7,
    serial: Annotated[bool, typer.Option(help="Run steps one by one (for benchmarks).")] = False,
    product_url: Annotated[
        str | None,
        typer.Option("--product-url", help="Draft the brief from a product page (not with BRIEF)."),
    ] = None,
) -> None:
    """Turn a brief (or a product page) into finished, checked videos for every platform."""
    from ugc.cli.product_url import choose_brief
    from ugc.errors import AppError

    settings, chosen = load_settings(), _aspects(aspects)
    try:
        path = choose_brief(brief, product_url, out, settings.importer.model_dump())
    except AppError as exc:
        _fail(2, exc.message)
    _run(settings, path, out, variants, chosen, seed, serial)


@app.command()
def rerender(
    manifest: Annotated[Path, typer.Argument(help="A manifest.json written by `ugc create`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("OUT"),
    fresh: Annotated[bool, typer.Option(help="Ignore the cache: recompute every step.")] = False,
) -> None:
    """Render a job again from its manifest (same brief, seeds, variants and aspects)."""
    job = _manifest_job(manifest)
    settings = load_settings()
    if fresh:
        settings = settings.model_copy(update={"cache_dir": Path(tempfile.mkdtemp("-ugc"))})
    _run(
        settings,
        Path(job["brief"]),
        out,
        int(job["variants"]),
        tuple(job["aspects"]),
        int(job["seed"]),
        False,
        expect_sha=str(job["brief_sha256"]),
    )


def _manifest_job(path: Path) -> dict[str, Any]:
    """Read the job block of a manifest, or exit 2 naming the problem."""
    try:
        job: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["job"]
        Path(job["brief"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        _fail(2, f"manifest {path}: not a ugc manifest ({type(exc).__name__})")
    return job


def _fail(code: int, message: str) -> NoReturn:
    """Print one error line and exit."""
    console.print(f"[red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _run(
    settings: Settings,
    brief: Path,
    out: Path,
    variants: int,
    aspects: tuple[str, ...],
    seed: int,
    serial: bool,
    expect_sha: str | None = None,
) -> None:
    """Load the brief, run the DAG with progress, deliver, and exit with the right code."""
    engines = offline_engines(settings)
    try:
        parsed = load_brief(brief, lambda lang: _supports(engines, lang), font_installed)
        check_options(parsed, engines, settings.voice.providers)
    except BriefError as exc:
        _fail(2, f"{exc.message}" if exc.field == "brief" else f"brief {exc.message}")
    sha = file_digest(brief)
    if expect_sha is not None and sha != expect_sha:
        _fail(2, f"brief {brief} changed since the manifest was written")
    spec = JobSpec(parsed, variants, aspects, seed, str(brief.resolve()), sha)
    try:
        engines = engines_for(settings, engines, parsed)
    except NotConfigured as exc:
        _fail(2, f"settings: {exc} (see docs/providers.md)")
    store = FileArtifactStore(settings.cache_dir)
    store.clear_scratch()
    start_output(out)
    coord, outputs, seconds = _execute(settings, spec, engines, store, serial)
    manifest = deliver(spec, engines, store, outputs, out)
    _write_run(out, coord, seconds)
    _report(manifest, out)
    if not manifest["passed"]:
        raise typer.Exit(3)


def _execute(
    settings: Settings, spec: JobSpec, engines: Engines, store: FileArtifactStore, serial: bool
) -> tuple[Coordinator, dict[str, dict[str, Any]], float]:
    """Run the job's steps; on Ctrl-C leave at once (finished steps are already recorded)."""
    steps = plan(spec, engines, store)
    listener = RichListener(console, len(steps))
    executor = SerialExecutor() if serial else LocalExecutor(settings.workers)
    coord = Coordinator(store, executor, listener)
    t0 = time.perf_counter()
    try:
        with listener.progress:
            outputs = coord.run(steps)
    except StepError as exc:
        executor.shutdown()
        _fail(1, f"step {exc}")
    except KeyboardInterrupt:
        console.print("interrupted: finished steps are cached; run the same command to resume")
        os._exit(130)  # don't wait for a render thread; its scratch file is cleared next run
    executor.shutdown()
    return coord, outputs, time.perf_counter() - t0


def _supports(engines: Engines, language: str) -> bool:
    """Return True if any voice engine speaks the language."""
    return any(v.supports(language) for v in engines.voices)


def _write_run(out: Path, coord: Coordinator, seconds: float) -> None:
    """Record which steps ran or came from cache, and how long each took."""
    runs = [
        {"step": r.name, "status": r.status, "seconds": round(r.seconds, 3)}
        for r in coord.runs.values()
    ]
    (out / "run.json").write_text(
        json.dumps({"seconds": round(seconds, 2), "steps": runs}, indent=2)
    )


def _report(manifest: dict[str, object], out: Path) -> None:
    """Print where the outputs are and whether QA passed."""
    status = "[green]all QA checks passed[/]" if manifest["passed"] else "[red]QA failures[/]"
    console.print(f"{status}; manifest: {escape(str(out / 'manifest.json'))}")


def main() -> None:
    """Run the CLI."""
    app()


if __name__ == "__main__":
    main()


def _platform_commands() -> None:
    """Register the platform's commands (serve, worker, scheduler, db, audit)."""
    from ugc.cli import platform

    app.command()(platform.serve)
    app.command()(platform.worker)
    app.command()(platform.scheduler)
    app.command()(platform.openapi)
    app.add_typer(platform.db_app, name="db")
    app.add_typer(platform.audit_app, name="audit")


_platform_commands()
