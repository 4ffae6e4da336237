"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from ugc.http.deps import Rt

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
