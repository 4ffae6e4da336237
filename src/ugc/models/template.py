"""Video templates: a format, a structure and a variable schema; system-wide or per org."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, TimestampMixin


class Template(IdMixin, TimestampMixin, Base):
    """A reusable brief with variables; organization_id is None for system templates."""

    __tablename__ = "templates"

    organization_id: Mapped[str | None] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(40))
    structure: Mapped[dict[str, Any]]
    variables: Mapped[dict[str, Any]]  # JSON Schema of the variables
    tags: Mapped[list[Any]]
