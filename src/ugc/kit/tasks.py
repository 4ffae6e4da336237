"""A registry of background tasks and the after-commit enqueue every service uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session

from ugc.db.session import after_commit

QUEUES = ("io", "cpu", "default")


@dataclass(frozen=True)
class TaskDef:
    """A task function, the queue it runs on, and its retry budget."""

    name: str
    fn: Callable[..., None]
    queue: str
    max_retries: int
    time_limit_s: int


REGISTRY: dict[str, TaskDef] = {}


class TaskQueue(Protocol):
    """Sends a task message carrying ids only."""

    def send(self, name: str, args: tuple[Any, ...], queue: str | None = None) -> None:
        """Send one message for the named task."""


_queue: list[TaskQueue] = []


def task(
    name: str, queue: str = "default", max_retries: int = 5, time_limit_s: int = 3600
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register fn as a background task under a stable name."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")

    def register(fn: Callable[..., None]) -> Callable[..., None]:
        REGISTRY[name] = TaskDef(name, fn, queue, max_retries, time_limit_s)
        return fn

    return register


def use_queue(queue: TaskQueue | None) -> None:
    """Install the queue that `send` and `enqueue` talk to (entry points only)."""
    _queue.clear()
    if queue is not None:
        _queue.append(queue)


def send(name: str, *args: Any, queue: str | None = None) -> None:
    """Send a task now (outside a transaction, e.g. from a worker)."""
    if not _queue:
        raise RuntimeError("no task queue installed")
    if name not in REGISTRY:
        raise KeyError(f"unknown task {name!r}")
    _queue[0].send(name, args, queue)


def enqueue(session: Session, name: str, *args: Any, queue: str | None = None) -> None:
    """Send a task once the session's transaction commits (never before)."""
    if name not in REGISTRY:
        raise KeyError(f"unknown task {name!r}")
    after_commit(session, lambda: send(name, *args, queue=queue))
