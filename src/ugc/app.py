"""create_app(runtime) -> FastAPI: every route under /api/v1, problem+json errors."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from ugc.aikeys.endpoints import router as provider_keys
from ugc.asset.endpoints import router as assets
from ugc.audit.endpoints import router as audit
from ugc.auth.endpoints import router as auth
from ugc.brand.endpoints import router as brand
from ugc.creative.endpoints import router as creative
from ugc.http import problem
from ugc.http.idempotency import Idempotency
from ugc.http.middleware import BodyLimit, RequestContext
from ugc.http.ratelimit import MemoryCounter, RateLimit
from ugc.http.studio import studio_app
from ugc.importer.endpoints import router as importer
from ugc.ops.endpoints import router as ops
from ugc.org.endpoints import router as org
from ugc.runtime import Runtime
from ugc.storage.endpoints import router as blobs
from ugc.template.endpoints import router as templates
from ugc.video.endpoints import router as videos
from ugc.webhook.endpoints import router as webhooks
from ugc.worker.broker import load_tasks

API = "/api/v1"
ROUTERS = (
    auth,
    org,
    brand,
    templates,
    assets,
    importer,
    videos,
    webhooks,
    audit,
    provider_keys,
    blobs,
    creative,
)


def create_app(
    runtime: Runtime, cors_origins: list[str] | None = None, web_dir: Path | None = None
) -> FastAPI:
    """Build the API application around an installed runtime, with the web studio at `/`."""
    app = FastAPI(
        title="UGC Creator Studio API",
        version="1.0.0",
        openapi_url=f"{API}/openapi.json",
        docs_url=f"{API}/docs",
        redoc_url=None,
    )
    app.state.runtime = runtime
    load_tasks()  # services enqueue tasks by name; the registry must know them all
    problem.install(app)
    for router in ROUTERS:
        app.include_router(router, prefix=API)
    app.include_router(ops)
    app.mount("/", studio_app(web_dir), name="studio")  # after every route: it matches all
    app.add_middleware(Idempotency, runtime=runtime)
    app.add_middleware(BodyLimit, limits=runtime.limits)
    app.add_middleware(
        RateLimit,
        counter=runtime.extras.get("rate_counter") or MemoryCounter(),
        jwt_key=runtime.keys.jwt,
        per_caller=int(runtime.limits.get("rate_per_minute", 600)),
        per_ip=int(runtime.limits.get("ip_rate_per_minute", 1200)),
    )
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=cors_origins,
            allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "X-Organization-Id"],
            expose_headers=["Request-Id", "RateLimit-Limit", "RateLimit-Remaining"],
        )
    app.add_middleware(RequestContext)
    return app
