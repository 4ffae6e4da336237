"""OpenTelemetry: FastAPI traces each request itself; this carries the trace through the queue."""

from __future__ import annotations

import threading
from typing import Any

import dramatiq
from dramatiq import MessageProxy
from opentelemetry import context, propagate, trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
)
from opentelemetry.trace import SpanKind, Status, StatusCode

tracer = trace.get_tracer("ugc")
_local = threading.local()


def setup(exporter: SpanExporter | None = None, console: bool = False) -> TracerProvider:
    """Install a tracer provider (once per process) exporting to exporter or the console."""
    provider = trace.get_tracer_provider()
    if not isinstance(provider, TracerProvider):
        provider = TracerProvider()
        trace.set_tracer_provider(provider)
    if exporter is not None:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    elif console:
        provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
    return provider


class TracePropagation(dramatiq.Middleware):
    """Carry the trace context in message options and continue it in the worker."""

    def before_enqueue(
        self, _broker: dramatiq.Broker, message: dramatiq.Message[Any], _delay: int
    ) -> None:
        """Inject the current context into the message."""
        carrier: dict[str, str] = {}
        propagate.inject(carrier)
        if carrier:
            message.options["otel"] = carrier

    def before_process_message(self, _broker: dramatiq.Broker, message: MessageProxy) -> None:
        """Start a consumer span as a child of the sender's."""
        parent = propagate.extract(message.options.get("otel", {}))
        span = tracer.start_span(
            f"task {message.actor_name}", context=parent, kind=SpanKind.CONSUMER
        )
        span.set_attribute("messaging.destination.name", message.queue_name)
        span.set_attribute("messaging.message.id", message.message_id)
        token = context.attach(trace.set_span_in_context(span))
        _local.stack = [*getattr(_local, "stack", []), (span, token)]

    def after_process_message(
        self,
        broker: dramatiq.Broker,  # noqa: ARG002
        message: MessageProxy,  # noqa: ARG002
        *,
        result: Any = None,  # noqa: ARG002
        exception: BaseException | None = None,
    ) -> None:
        """End the consumer span."""
        stack = getattr(_local, "stack", [])
        if not stack:
            return
        span, token = stack.pop()
        if exception is not None:
            span.set_status(Status(StatusCode.ERROR, type(exception).__name__))
        context.detach(token)
        span.end()

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        """End the span of a message that was skipped."""
        self.after_process_message(broker, message)
