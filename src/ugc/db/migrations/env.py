"""Alembic environment: online migrations with batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

import ugc.models  # noqa: F401  (registers every table on the metadata)
from ugc.db.base import Base

config = context.config


def include_object(
    _obj: object, name: str | None, kind: str, _reflected: bool, _compare_to: object
) -> bool:
    """Leave search structures that migrations create by hand out of autogenerate."""
    if kind == "column" and name == "search_vector":
        return False
    return not (name or "").startswith(("template_fts", "ix_templates_search"))


def run() -> None:
    """Run migrations on a live connection."""
    connectable = config.attributes.get("connection") or engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as conn:
        context.configure(
            connection=conn,
            target_metadata=Base.metadata,
            render_as_batch=True,
            include_object=include_object,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run()
