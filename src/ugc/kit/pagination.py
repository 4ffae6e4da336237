"""Cursor pagination over (created_at, id), newest first."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from ugc.errors import FieldError, InvalidRequest

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of rows and the cursor of the next (None at the end)."""

    items: list[T]
    next_cursor: str | None


def encode_cursor(created_at: datetime, ident: str) -> str:
    """Return an opaque cursor for the row after which the next page starts."""
    raw = json.dumps([created_at.isoformat(), ident]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    """Parse a cursor, or raise a validation error naming `cursor`."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        at, ident = json.loads(base64.urlsafe_b64decode(padded))
        return datetime.fromisoformat(at), str(ident)
    except (ValueError, TypeError) as exc:
        err = FieldError("cursor", "not a cursor returned by this list")
        raise InvalidRequest("invalid cursor", [err]) from exc


def paginate(
    session: Session,
    query: Select[Any],
    created: InstrumentedAttribute[Any],
    ident: InstrumentedAttribute[Any],
    limit: int,
    cursor: str | None,
) -> Page[T]:
    """Return up to `limit` rows of query, newest first, after the cursor."""
    if cursor:
        at, last = decode_cursor(cursor)
        query = query.where(or_(created < at, and_(created == at, ident < last)))
    rows: list[T] = list(
        session.scalars(query.order_by(created.desc(), ident.desc()).limit(limit + 1))
    )
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = (
        encode_cursor(getattr(rows[-1], created.key), getattr(rows[-1], ident.key))
        if more
        else None
    )
    return Page(rows, nxt)
