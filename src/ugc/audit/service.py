"""Append to and verify the hash-chained audit log."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ugc.kit.clock import rfc3339, utcnow
from ugc.kit.ids import new_id
from ugc.models import AuditEvent

GENESIS = "0" * 64


def _digest(row: AuditEvent) -> str:
    """Hash the row's content together with the previous row's hash."""
    body = {
        "id": row.id,
        "at": rfc3339(row.created_at),
        "org": row.organization_id,
        "actor": row.actor,
        "action": row.action,
        "target": row.target,
        "ip": row.ip,
        "data": row.data,
        "prev": row.prev_hash,
    }
    raw = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def _lock_tail(session: Session) -> None:
    """Serialise appends so two writers never chain onto the same row."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(8675309)"))


def record(
    session: Session,
    actor: str,
    action: str,
    organization_id: str | None = None,
    target: str = "",
    data: dict[str, Any] | None = None,
    ip: str | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (it commits or rolls back with it)."""
    _lock_tail(session)
    last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
    row = AuditEvent(
        id=new_id("aud"),
        created_at=utcnow().replace(microsecond=0),
        organization_id=organization_id,
        actor=actor,
        action=action,
        target=target,
        ip=ip,
        data=data or {},
        prev_hash=last.hash if last else GENESIS,
        hash="",
    )
    row.hash = _digest(row)
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class ChainReport:
    """The result of walking the chain: rows checked, and the first broken row if any."""

    checked: int
    broken_at: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        """Return True if the whole chain verified."""
        return self.broken_at is None


def verify_chain(session: Session, batch: int = 1000) -> ChainReport:
    """Walk every row in order, recomputing hashes; report the first edit or gap."""
    prev, checked, last_seq = GENESIS, 0, 0
    while True:
        rows = list(
            session.scalars(
                select(AuditEvent)
                .where(AuditEvent.seq > last_seq)
                .order_by(AuditEvent.seq)
                .limit(batch)
            )
        )
        if not rows:
            return ChainReport(checked)
        for row in rows:
            if row.prev_hash != prev:
                return ChainReport(checked, row.seq, "a row before this one was deleted or edited")
            if _digest(row) != row.hash:
                return ChainReport(checked, row.seq, "this row was edited")
            prev, checked, last_seq = row.hash, checked + 1, row.seq


def head(session: Session) -> AuditEvent | None:
    """Return the newest event (its seq and hash are the anchor to keep elsewhere)."""
    return session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()


def check_anchor(session: Session, seq: int, digest: str) -> str | None:
    """Return why an anchor kept earlier no longer matches (rows cut from the end), or None."""
    row = session.scalars(select(AuditEvent).where(AuditEvent.seq == seq)).first()
    if row is None:
        return f"event #{seq} is gone: the log was cut back"
    if row.hash != digest:
        return f"event #{seq} no longer has the hash that was anchored"
    return None


def list_events(
    session: Session, organization_id: str, limit: int, before_seq: int | None
) -> list[AuditEvent]:
    """Return an organisation's events, newest first, before a sequence number."""
    query = select(AuditEvent).where(AuditEvent.organization_id == organization_id)
    if before_seq is not None:
        query = query.where(AuditEvent.seq < before_seq)
    return list(session.scalars(query.order_by(AuditEvent.seq.desc()).limit(limit)))
