"""Errors of the auth domain that carry their own stable codes."""

from __future__ import annotations

from ugc.errors import AppError, Forbidden, Unauthorized


class EmailNotVerified(Forbidden):
    """The password was right, but the e-mail address is not verified yet."""

    code = "email_not_verified"


class TokenReused(Unauthorized):
    """A rotated refresh token came back: its whole family is now revoked."""

    code = "token_reused"


class OAuthError(AppError):
    """An RFC 6749 §5.2 token-endpoint error; `code` is the `error` field."""

    def __init__(self, code: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.code = code
        self.status = status
