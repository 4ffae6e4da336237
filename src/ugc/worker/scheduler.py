"""Periodic work: re-dispatch steps whose worker went silent, send due webhook retries."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from ugc.runtime import Runtime

log = logging.getLogger("ugc.scheduler")


def tick(rt: Runtime) -> dict[str, int]:
    """Run every periodic job once; return how much each did."""
    from ugc.db.session import transaction
    from ugc.http.idempotency import purge_expired
    from ugc.kit.tasks import send
    from ugc.video.reconcile import reconcile
    from ugc.webhook.service import due_deliveries

    done = {"steps": reconcile(rt)}
    with rt.sessions() as s:
        due = due_deliveries(s, limit=200)
    for delivery_id in due:
        send("webhook.deliver", delivery_id)
    done["webhooks"] = len(due)
    with transaction(rt.sessions) as s:
        done["idempotency_purged"] = purge_expired(s)
    return done


def loop(
    rt: Runtime,
    every_s: float,
    stop: threading.Event,
    on_tick: Callable[[dict[str, int]], None] | None = None,
) -> None:
    """Tick until stop is set; a failing tick is logged and retried next time."""
    while not stop.is_set():
        try:
            result = tick(rt)
            if on_tick:
                on_tick(result)
        except Exception:
            log.exception("scheduler tick failed")
        stop.wait(every_s)
