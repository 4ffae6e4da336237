"""Template queries: an organisation sees the system templates and its own, nothing else."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from ugc.errors import NotFound
from ugc.models import Template


class TemplateRepository:
    """Templates visible to one organisation (system rows have no organisation)."""

    def __init__(self, session: Session, organization_id: str) -> None:
        self.session = session
        self.organization_id = organization_id

    def select(self) -> Select[Any]:
        """Return a SELECT limited to system templates and this organisation's."""
        return select(Template).where(
            or_(
                Template.organization_id.is_(None),
                Template.organization_id == self.organization_id,
            )
        )

    def get(self, ident: str) -> Template:
        """Return a visible template, or raise NotFound."""
        row: Template | None = self.session.scalars(
            self.select().where(Template.id == ident)
        ).first()
        if row is None:
            raise NotFound("template", ident)
        return row

    def by_ids(self, idents: list[str]) -> list[Template]:
        """Return the visible templates with these ids, in the order given."""
        if not idents:
            return []
        rows = self.session.scalars(self.select().where(Template.id.in_(idents)))
        found = {r.id: r for r in rows}
        return [found[i] for i in idents if i in found]

    def add(self, row: Template) -> Template:
        """Stage a new template owned by this organisation."""
        row.organization_id = self.organization_id
        self.session.add(row)
        self.session.flush()
        return row

    def delete(self, row: Template) -> None:
        """Delete one of this organisation's templates."""
        if row.organization_id != self.organization_id:
            raise NotFound("template", row.id)
        self.session.delete(row)
        self.session.flush()
