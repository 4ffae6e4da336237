"""Read the organisation's audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ugc.audit import service
from ugc.audit.schemas import AuditEventOut, AuditPage
from ugc.auth.principal import Principal
from ugc.errors import FieldError, InvalidRequest
from ugc.http.deps import Db, Require
from ugc.kit.clock import rfc3339

router = APIRouter(prefix="/audit", tags=["audit"])
Auditor = Annotated[Principal, Depends(Require("audit:read"))]


@router.get("/events", response_model=AuditPage, summary="List audit events")
def list_audit_events(
    db: Db,
    who: Auditor,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: str | None = None,
) -> AuditPage:
    """List the organisation's security events (logins, roles, keys, deletions), newest first."""
    if cursor is not None and not cursor.isdigit():
        raise InvalidRequest(
            "invalid cursor", [FieldError("cursor", "not a cursor from this list")]
        )
    rows = service.list_events(db, who.org, limit + 1, int(cursor) if cursor else None)
    items = [
        AuditEventOut(
            seq=r.seq,
            id=r.id,
            created_at=rfc3339(r.created_at) or "",
            actor=r.actor,
            action=r.action,
            target=r.target,
            ip=r.ip,
            data=r.data,
            hash=r.hash,
        )
        for r in rows[:limit]
    ]
    nxt = str(rows[limit - 1].seq) if len(rows) > limit else None
    return AuditPage(items=items, next_cursor=nxt)
