"""Prometheus metrics: request latency, queue depth, step durations and job outcomes."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from starlette.types import Scope

from ugc.models import VideoJob, VideoStep, WebhookDelivery
from ugc.runtime import current

REGISTRY = CollectorRegistry(auto_describe=True)
REQUESTS = Histogram(
    "ugc_http_request_seconds",
    "API request latency by route template",
    ["method", "route", "status"],
    registry=REGISTRY,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
STEPS = Histogram(
    "ugc_step_seconds",
    "Pipeline step durations by kind",
    ["kind", "cached"],
    registry=REGISTRY,
    buckets=(0.1, 0.5, 1, 2, 5, 10, 20, 40, 80, 160, 320),
)
JOBS = Counter("ugc_jobs_total", "Finished video jobs by outcome", ["outcome"], registry=REGISTRY)


class QueueDepth(Collector):
    """Read queue depth and job states from the current runtime's database at scrape time."""

    def describe(self) -> list[GaugeMetricFamily]:
        """Name the gauges without touching the database (called at registration)."""
        return [
            GaugeMetricFamily("ugc_queue_depth", "Steps waiting per queue", labels=["queue"]),
            GaugeMetricFamily("ugc_jobs_by_status", "Video jobs by status", labels=["status"]),
            GaugeMetricFamily("ugc_webhooks_pending", "Webhook deliveries not yet delivered"),
        ]

    def collect(self) -> list[GaugeMetricFamily]:
        """Return gauges for waiting steps per queue, jobs per status, and pending webhooks."""
        depth = GaugeMetricFamily("ugc_queue_depth", "Steps waiting per queue", labels=["queue"])
        jobs = GaugeMetricFamily("ugc_jobs_by_status", "Video jobs by status", labels=["status"])
        hooks = GaugeMetricFamily("ugc_webhooks_pending", "Webhook deliveries not yet delivered")
        with current().sessions() as s:
            waiting = select(VideoStep.queue, func.count()).where(VideoStep.status == "dispatched")
            for queue, n in s.execute(waiting.group_by(VideoStep.queue)):
                depth.add_metric([queue], n)
            for status, n in s.execute(
                select(VideoJob.status, func.count()).group_by(VideoJob.status)
            ):
                jobs.add_metric([status], n)
            pending = WebhookDelivery.status.in_(("pending", "retrying"))
            hooks.add_metric([], s.scalar(select(func.count()).where(pending)) or 0)
        return [depth, jobs, hooks]


def template_of(scope: Scope) -> str:
    """Return the request's route template (/api/v1/videos/{video_id}), never raw ids."""
    if scope.get("route") is None:
        return "unmatched"
    parts = scope["path"].split("/")
    for name, value in (scope.get("path_params") or {}).items():
        parts = [f"{{{name}}}" if p == str(value) else p for p in parts]
    return "/".join(parts)


REGISTRY.register(QueueDepth())
