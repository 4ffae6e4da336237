"""Dramatiq worker threads per queue: renders one at a time, providers and webhooks in parallel."""

from __future__ import annotations

from dataclasses import dataclass, field

import dramatiq

# x264 already uses both cores, so one render at a time per worker process.
DEFAULT_THREADS = {"cpu": 1, "io": 2, "default": 2}


def parse_threads(spec: str) -> dict[str, int]:
    """Parse 'cpu=1,io=2,default=2' (or a queue list with default thread counts)."""
    result: dict[str, int] = {}
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        name, _, count = part.partition("=")
        if name not in DEFAULT_THREADS:
            raise ValueError(f"unknown queue {name!r}; queues are {', '.join(DEFAULT_THREADS)}")
        result[name] = int(count) if count else DEFAULT_THREADS[name]
        if result[name] < 1:
            raise ValueError(f"queue {name!r} needs at least one thread")
    return result


@dataclass
class WorkerPool:
    """One Dramatiq worker per queue, each with its own thread count."""

    broker: dramatiq.Broker
    threads: dict[str, int]
    workers: list[dramatiq.Worker] = field(default_factory=list)

    def start(self) -> None:
        """Start consuming."""
        for queue, count in self.threads.items():
            worker = dramatiq.Worker(self.broker, queues={queue}, worker_threads=count)
            worker.start()
            self.workers.append(worker)

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Stop consuming; unfinished messages go back to the broker."""
        for worker in self.workers:
            worker.stop(timeout=timeout_ms)
        self.workers.clear()
