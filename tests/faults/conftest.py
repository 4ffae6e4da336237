"""Fault-test fixtures: a PostgreSQL database, a RabbitMQ vhost, worker processes."""

from tests.faults.services import api, studio

__all__ = ["api", "studio"]
