"""The application's error hierarchy; entry points turn these into exit codes or responses."""

from __future__ import annotations


class AppError(Exception):
    """Base error with a stable code and an HTTP-ish status."""

    code = "internal"
    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BriefError(AppError):
    """The brief or one of its assets is invalid; `field` names where."""

    code = "validation_error"
    status = 422

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class FieldError:
    """One invalid field of a request: where, and why."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message


class InvalidRequest(AppError):
    """The request is well-formed but breaks a rule; `errors` names each field."""

    code = "validation_error"
    status = 422

    def __init__(self, message: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


class Unauthorized(AppError):
    """No valid credentials."""

    code = "unauthorized"
    status = 401


class Forbidden(AppError):
    """Authenticated, but not allowed to do this."""

    code = "forbidden"
    status = 403


class NotFound(AppError):
    """The resource does not exist in the caller's organisation."""

    code = "not_found"
    status = 404

    def __init__(self, kind: str, ident: str = "") -> None:
        super().__init__(f"{kind} {ident} not found".replace("  ", " "))


class Conflict(AppError):
    """The request clashes with the current state."""

    code = "conflict"
    status = 409


class RateLimited(AppError):
    """Too many requests; retry after `retry_after` seconds."""

    code = "rate_limited"
    status = 429

    def __init__(self, message: str, retry_after: int, limit: int = 0) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.limit = limit


class QuotaExceeded(AppError):
    """A concurrency or usage quota is used up."""

    code = "quota_exceeded"
    status = 429

    def __init__(self, message: str, retry_after: int = 30) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PayloadTooLarge(AppError):
    """The body or upload is over the limit."""

    code = "payload_too_large"
    status = 413


class UnsupportedMedia(AppError):
    """The upload is not a media type we accept."""

    code = "unsupported_media"
    status = 415


class Locked(AppError):
    """The account is locked after failed sign-ins; retry after `retry_after` seconds."""

    code = "locked"
    status = 423

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
