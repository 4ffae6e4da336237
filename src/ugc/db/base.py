"""Declarative base with a naming convention, and the column mixins every table uses."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, MetaData, String, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ugc.kit.clock import utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# JSONB on PostgreSQL, JSON text elsewhere.
Json = JSON().with_variant(JSONB(), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, _dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes; store UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(utcnow().tzinfo)

    def process_result_value(self, value: Any, _dialect: Dialect) -> datetime | None:
        """Give SQLite's naive values back their UTC zone."""
        if value is None:
            return None
        stamp: datetime = value
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=utcnow().tzinfo)


class Base(DeclarativeBase):
    """The declarative base of every ORM table."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime,
        dict[str, Any]: Json,
        list[Any]: Json,
    }


class IdMixin:
    """A string primary key with a type prefix (`vid_...`)."""

    id: Mapped[str] = mapped_column(String(40), primary_key=True)


class TimestampMixin:
    """Creation time."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrgScoped:
    """Marks a tenant-owned table: every row carries its organisation."""

    organization_id: Mapped[str] = mapped_column(String(40), index=True)
