"""Audit log responses."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class AuditEventOut(BaseModel):
    """One audit event."""

    seq: int
    id: str
    created_at: str
    actor: str
    action: str
    target: str
    ip: str | None
    data: dict[str, Any]
    hash: str


class AuditPage(BaseModel):
    """A page of audit events, newest first; pass next_cursor to go further back."""

    items: list[AuditEventOut]
    next_cursor: str | None
