"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from ugc.http.deps import Rt
from ugc.ops.metrics import REGISTRY

router = APIRouter(tags=["ops"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """Answer while the process is alive."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None)
def readyz(runtime: Rt) -> JSONResponse | dict[str, object]:
    """Answer 200 only when the database answers."""
    checks: dict[str, str] = {}
    try:
        with runtime.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # any failure means not ready
        checks["database"] = type(exc).__name__
    ok = all(v == "ok" for v in checks.values())
    return (
        {"status": "ready", "checks": checks}
        if ok
        else JSONResponse({"status": "not ready", "checks": checks}, 503)
    )


@router.get("/metrics", response_class=Response)
def metrics() -> Response:
    """Expose Prometheus metrics (scrape from the internal network)."""
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
