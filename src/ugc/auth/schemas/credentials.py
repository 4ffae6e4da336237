"""Request and response bodies of API keys, OAuth2 clients and the token endpoint."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from ugc.kit.clock import rfc3339
from ugc.models import ApiKey, OAuthClient

Scopes = Field(min_length=1, max_length=50)


def _at(value: datetime | None) -> str | None:
    """Format an optional timestamp."""
    return rfc3339(value)


class ApiKeyIn(BaseModel):
    """A new API key."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "CI renders",
                    "scopes": ["videos:read", "videos:write"],
                    "expires_at": "2027-01-01T00:00:00Z",
                }
            ]
        }
    )

    name: str = Field(min_length=1, max_length=200)
    scopes: list[str] = Scopes
    expires_at: AwareDatetime | None = None


class ApiKeyOut(BaseModel):
    """An API key as listed: its visible prefix, never its secret."""

    id: str
    name: str
    prefix: str
    scopes: list[str]
    created_by: str
    created_at: str
    expires_at: str | None
    last_used_at: str | None
    revoked_at: str | None

    @classmethod
    def of(cls, row: ApiKey) -> ApiKeyOut:
        """Build from the ORM row."""
        return cls(
            id=row.id,
            name=row.name,
            prefix=row.prefix,
            scopes=[str(s) for s in row.scopes],
            created_by=row.created_by,
            created_at=rfc3339(row.created_at) or "",
            expires_at=_at(row.expires_at),
            last_used_at=_at(row.last_used_at),
            revoked_at=_at(row.revoked_at),
        )


class ApiKeyCreatedOut(ApiKeyOut):
    """A new API key with its full value: shown this once only."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "key_3k9d0c2m4x7b1q8v6t5r",
                    "name": "CI renders",
                    "prefix": "ugc_a8k2m4x7",
                    "scopes": ["videos:read", "videos:write"],
                    "created_by": "usr_8m2k4d0c3x7b1q9v6t5r",
                    "created_at": "2026-05-01T12:00:00Z",
                    "expires_at": None,
                    "last_used_at": None,
                    "revoked_at": None,
                    "key": "ugc_a8k2m4x7_Xk29dQm4...",
                }
            ]
        }
    )

    key: str


class ApiKeyPage(BaseModel):
    """A page of API keys."""

    items: list[ApiKeyOut]
    next_cursor: str | None


class ClientIn(BaseModel):
    """A new OAuth2 client."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"name": "Zapier", "scopes": ["videos:write"]}]}
    )

    name: str = Field(min_length=1, max_length=200)
    scopes: list[str] = Scopes


class ClientPatch(BaseModel):
    """Changes to an OAuth2 client."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Zapier (prod)"}]})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    scopes: list[str] | None = Field(default=None, min_length=1, max_length=50)


class ClientOut(BaseModel):
    """An OAuth2 client, without its secret."""

    id: str
    name: str
    client_id: str
    scopes: list[str]
    created_by: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None

    @classmethod
    def of(cls, row: OAuthClient) -> ClientOut:
        """Build from the ORM row."""
        return cls(
            id=row.id,
            name=row.name,
            client_id=row.client_id,
            scopes=[str(s) for s in row.scopes],
            created_by=row.created_by,
            created_at=rfc3339(row.created_at) or "",
            last_used_at=_at(row.last_used_at),
            revoked_at=_at(row.revoked_at),
        )


class ClientCreatedOut(ClientOut):
    """A new OAuth2 client with its secret: shown this once only."""

    client_secret: str


class ClientPage(BaseModel):
    """A page of OAuth2 clients."""

    items: list[ClientOut]
    next_cursor: str | None


class OAuthTokenOut(BaseModel):
    """An RFC 6749 §5.1 access token response."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "access_token": "eyJhbGciOi...",
                    "token_type": "Bearer",
                    "expires_in": 900,
                    "scope": "videos:read videos:write",
                }
            ]
        }
    )

    access_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    scope: str


class OAuthErrorOut(BaseModel):
    """An RFC 6749 §5.2 error response (not problem+json)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"error": "invalid_client", "error_description": "client authentication failed"}
            ]
        }
    )

    error: str
    error_description: str
