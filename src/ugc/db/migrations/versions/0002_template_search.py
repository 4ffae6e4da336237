"""template search and the system templates

Full-text search over templates: an FTS5 table kept in sync by triggers on SQLite, a generated
tsvector column with a GIN index on PostgreSQL. Both live outside the ORM (env.py leaves names
starting with `template_fts` / `ix_templates_search` out of autogenerate). Also inserts the
built-in templates (organization_id NULL) so every database has them.

Careful on SQLite: a later batch_alter_table("templates") rebuilds the table and drops its
triggers; such a migration must re-run `_sqlite_up`'s trigger statements afterwards.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from ugc.db.base import Json, UtcDateTime
from ugc.template.system import SYSTEM_TEMPLATES

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FTS_ROW = (
    "INSERT INTO template_fts (template_id, name, description, tags, format) "
    "VALUES (new.id, new.name, new.description, "
    "(SELECT group_concat(value, ' ') FROM json_each(new.tags)), new.format);"
)
_SQLITE_UP = [
    "CREATE VIRTUAL TABLE template_fts USING fts5("
    "template_id UNINDEXED, name, description, tags, format, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO template_fts (template_id, name, description, tags, format) "
    "SELECT id, name, description, (SELECT group_concat(value, ' ') FROM json_each(tags)), "
    "format FROM templates",
    f"CREATE TRIGGER template_fts_insert AFTER INSERT ON templates BEGIN {_FTS_ROW} END",
    "CREATE TRIGGER template_fts_delete AFTER DELETE ON templates BEGIN "
    "DELETE FROM template_fts WHERE template_id = old.id; END",
    "CREATE TRIGGER template_fts_update AFTER UPDATE ON templates BEGIN "
    f"DELETE FROM template_fts WHERE template_id = old.id; {_FTS_ROW} END",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS template_fts_update",
    "DROP TRIGGER IF EXISTS template_fts_delete",
    "DROP TRIGGER IF EXISTS template_fts_insert",
    "DROP TABLE IF EXISTS template_fts",
]
# Name and format weigh most, then tags, then the description.
_PG_UP = [
    "ALTER TABLE templates ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(name, '')), 'A') || "
    "setweight(to_tsvector('english', replace(coalesce(format, ''), '-', ' ')), 'A') || "
    "setweight(jsonb_to_tsvector('english', coalesce(tags, '[]'::jsonb), '[\"string\"]'), 'B') || "
    "setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED",
    "CREATE INDEX ix_templates_search ON templates USING gin (search_vector)",
]
_PG_DOWN = [
    "DROP INDEX IF EXISTS ix_templates_search",
    "ALTER TABLE templates DROP COLUMN IF EXISTS search_vector",
]


def upgrade() -> None:
    """Apply this revision."""
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in _PG_UP if postgres else _SQLITE_UP:
        op.execute(statement)
    op.bulk_insert(_templates(), _seed_rows())


def downgrade() -> None:
    """Revert this revision."""
    postgres = op.get_bind().dialect.name == "postgresql"
    ids = [row["id"] for row in SYSTEM_TEMPLATES]
    table = _templates()
    op.execute(table.delete().where(table.c.id.in_(ids)))
    for statement in _PG_DOWN if postgres else _SQLITE_DOWN:
        op.execute(statement)


def _templates() -> sa.TableClause:
    """Return a lightweight description of the templates table as 0001 created it."""
    return sa.table(
        "templates",
        sa.column("id", sa.String),
        sa.column("organization_id", sa.String),
        sa.column("name", sa.String),
        sa.column("description", sa.Text),
        sa.column("format", sa.String),
        sa.column("structure", Json),
        sa.column("variables", Json),
        sa.column("tags", Json),
        sa.column("created_at", UtcDateTime),
    )


def _seed_rows() -> list[dict[str, object]]:
    """Return the system templates with fixed, distinct creation times (stable list order)."""
    epoch = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        {**row, "created_at": epoch + timedelta(seconds=i)}
        for i, row in enumerate(SYSTEM_TEMPLATES)
    ]
