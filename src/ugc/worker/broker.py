"""Dramatiq: one actor per registered task, on RabbitMQ or (embedded) an in-process broker."""

from __future__ import annotations

from typing import Any

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.stub import StubBroker

from ugc.kit.tasks import REGISTRY, TaskQueue, use_queue
from ugc.ops.tracing import TracePropagation


def load_tasks() -> None:
    """Import every domain's tasks module so the registry is complete."""
    import ugc.video.tasks
    import ugc.webhook.tasks  # noqa: F401


def make_broker(url: str | None) -> dramatiq.Broker:
    """Return a broker with an actor for every task (RabbitMQ if url, else in-process)."""
    load_tasks()
    broker: dramatiq.Broker = (
        RabbitmqBroker(url=url, confirm_delivery=True) if url else StubBroker()
    )
    broker.add_middleware(TracePropagation())
    dramatiq.set_broker(broker)
    for t in REGISTRY.values():
        dramatiq.actor(
            actor_name=t.name,
            queue_name=t.queue,
            max_retries=t.max_retries,
            time_limit=t.time_limit_s * 1000,
            broker=broker,
        )(t.fn)
    return broker


class DramatiqQueue(TaskQueue):
    """Sends task messages through a Dramatiq broker."""

    def __init__(self, broker: dramatiq.Broker) -> None:
        self.broker = broker

    def send(self, name: str, args: tuple[Any, ...], queue: str | None = None) -> None:  # noqa: ARG002
        """Send one message for the named task (each task has its own queue)."""
        self.broker.get_actor(name).send(*args)


def install_queue(url: str | None) -> dramatiq.Broker:
    """Create the broker and make `ugc.kit.tasks` send through it."""
    broker = make_broker(url)
    use_queue(DramatiqQueue(broker))
    return broker
