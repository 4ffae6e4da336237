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
