"""Rich progress for coordinator steps."""

from __future__ import annotations

import threading

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from ugc.pipeline.coordinator import Step, StepRun


class RichListener:
    """One progress row per running step, plus an overall bar."""

    def __init__(self, console: Console, total: int) -> None:
        self.progress = Progress(
            TextColumn("{task.description:<22}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self.overall = self.progress.add_task("[bold]job", total=total)
        self._rows: dict[str, TaskID] = {}
        self._lock = threading.Lock()

    def started(self, step: Step) -> None:
        """Add a row for the step."""
        with self._lock:
            self._rows[step.name] = self.progress.add_task(step.name, total=1.0)

    def progressed(self, step: Step, fraction: float) -> None:
        """Move the step's bar."""
        with self._lock:
            row = self._rows.get(step.name)
        if row is not None:
            self.progress.update(row, completed=fraction)

    def finished(self, step: Step, run: StepRun) -> None:
        """Close the step's row and advance the job bar."""
        with self._lock:
            row = self._rows.pop(step.name, None)
        if row is not None:
            self.progress.update(row, completed=1.0, visible=run.status == "failed")
            self.progress.remove_task(row)
        self.progress.advance(self.overall)
