"""Structured JSON logs (structlog) carrying the request id and job id of the work at hand."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

import structlog

from ugc.providers.secrets import SecretFilter

_filter = SecretFilter()


def mask(secrets: Iterable[str]) -> None:
    """Mask these values in every log line from now on (keys handed to providers)."""
    for secret in secrets:
        _filter.add(secret)


def configure(level: str = "INFO", json_logs: bool = True) -> None:
    """Route stdlib and structlog records through one JSON renderer on stderr."""
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer = structlog.processors.JSONRenderer() if json_logs else structlog.dev.ConsoleRenderer()
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,  # drop below-level events before any work
            *shared,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        )
    )
    handler.addFilter(_filter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("pika").setLevel(logging.WARNING)  # one line per frame at INFO


def bind(**values: str) -> None:
    """Attach ids (request_id, job_id, step) to every log line of this context."""
    structlog.contextvars.bind_contextvars(**values)


def clear() -> None:
    """Forget the ids bound in this context."""
    structlog.contextvars.clear_contextvars()
