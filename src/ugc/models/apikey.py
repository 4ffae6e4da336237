"""Machine credentials: scoped API keys and OAuth2 clients, secrets hashed at rest."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, OrgScoped, TimestampMixin


class ApiKey(IdMixin, TimestampMixin, OrgScoped, Base):
    """`ugc_<prefix>_<secret>`: the prefix is shown, the secret only once."""

    __tablename__ = "api_keys"

    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(40), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[Any]]
    created_by: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]


class OAuthClient(IdMixin, TimestampMixin, OrgScoped, Base):
    """An integration that gets tokens with the client-credentials grant."""

    __tablename__ = "oauth_clients"

    name: Mapped[str] = mapped_column(String(200))
    client_id: Mapped[str] = mapped_column(String(60), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[Any]]
    created_by: Mapped[str] = mapped_column(String(40))
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
