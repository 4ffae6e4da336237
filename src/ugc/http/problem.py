"""RFC 9457 problem+json for every error, with a stable code and the request id."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ugc.errors import AppError, InvalidRequest, Locked, QuotaExceeded, RateLimited

log = logging.getLogger("ugc.http")

_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Validation error",
    423: "Locked",
    429: "Too many requests",
    500: "Internal server error",
}
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media",
    422: "validation_error",
    429: "rate_limited",
}


def problem_body(status: int, code: str, detail: str, request_id: str | None) -> bytes:
    """Return a problem+json body as bytes (for middleware that answers by itself)."""
    body = {
        "type": f"https://docs.ugc.studio/errors/{code}",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "code": code,
        "request_id": request_id,
    }
    return json.dumps(body).encode()


def problem(
    request: Request,
    status: int,
    code: str,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """Build one problem+json response."""
    body: dict[str, Any] = {
        "type": f"https://docs.ugc.studio/errors/{code}",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "code": code,
        "request_id": getattr(request.state, "request_id", None),
    }
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status, headers=headers, media_type="application/problem+json")


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    """Render an AppError."""
    assert isinstance(exc, AppError)
    errors = None
    headers: dict[str, str] = {}
    if isinstance(exc, InvalidRequest):
        errors = [{"field": e.field, "message": e.message} for e in exc.errors]
    if isinstance(exc, RateLimited | QuotaExceeded | Locked):
        headers["Retry-After"] = str(exc.retry_after)
    if exc.status >= 500:
        log.error("internal error: %s", exc.message)
    return problem(request, exc.status, exc.code, exc.message, errors, headers)


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    """Render FastAPI's request validation errors as field errors."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": ".".join(str(p) for p in e["loc"] if p != "body"), "message": e["msg"]}
        for e in exc.errors()
    ]
    return problem(request, 422, "validation_error", "the request is invalid", errors)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    """Render Starlette's own HTTP errors (404 route, 405 method)."""
    assert isinstance(exc, StarletteHTTPException)
    code = _CODES.get(exc.status_code, "error")
    return problem(request, exc.status_code, code, str(exc.detail), headers=exc.headers)


async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
    """Never leak internals: log the type, answer 500 with the request id."""
    log.exception("unhandled %s", type(exc).__name__)
    return problem(request, 500, "internal", "something went wrong on our side")


def install(app: FastAPI) -> None:
    """Register the handlers."""
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unhandled)
