"""Background tasks of the webhook domain."""

from __future__ import annotations

from ugc.kit.tasks import task
from ugc.runtime import current
from ugc.webhook.delivery import attempt_delivery
from ugc.webhook.service import DELIVER_TASK


@task(DELIVER_TASK, queue="default", max_retries=3, time_limit_s=120)
def deliver(delivery_id: str) -> None:
    """Make the delivery's next attempt; a failure schedules a retry instead of sleeping."""
    attempt_delivery(current(), delivery_id)
