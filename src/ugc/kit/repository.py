"""A repository that cannot read outside one organisation."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ugc.db.base import OrgScoped
from ugc.errors import NotFound

M = TypeVar("M", bound=OrgScoped)


class ScopedRepository(Generic[M]):
    """Queries over one tenant-owned model, always filtered by organization_id."""

    model: type[M]
    kind: str = "resource"

    def __init__(self, session: Session, organization_id: str) -> None:
        self.session = session
        self.organization_id = organization_id

    def select(self) -> Select[Any]:
        """Return a SELECT already limited to this organisation."""
        m: Any = self.model
        return select(m).where(m.organization_id == self.organization_id)

    def get(self, ident: str) -> M:
        """Return the row with this id in this organisation, or raise NotFound."""
        m: Any = self.model
        row: M | None = self.session.scalars(self.select().where(m.id == ident)).first()
        if row is None:
            raise NotFound(self.kind, ident)
        return row

    def add(self, row: M) -> M:
        """Stage a new row, stamping it with this organisation."""
        row.organization_id = self.organization_id
        self.session.add(row)
        self.session.flush()
        return row

    def delete(self, row: M) -> None:
        """Delete a row of this organisation."""
        if row.organization_id != self.organization_id:
            raise NotFound(self.kind)
        self.session.delete(row)
        self.session.flush()
