"""Migration 0002 upgrades and downgrades cleanly on fresh SQLite and PostgreSQL databases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.platform import _pg_admin, pg_available
from ugc.db.migrate import current, downgrade, upgrade
from ugc.template.system import SYSTEM_TEMPLATES


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty, never-migrated database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    if not pg_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    name = f"ugc_m_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE DATABASE {name}")
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _state(url: str) -> tuple[int, bool, bool]:
    """Return (system templates, search structure present, search index present)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            system = conn.execute(
                text("SELECT count(*) FROM templates WHERE organization_id IS NULL")
            ).scalar_one()
            insp = inspect(conn)
            if conn.dialect.name == "postgresql":
                cols = {c["name"] for c in insp.get_columns("templates")}
                indexes = {i["name"] for i in insp.get_indexes("templates")}
                return system, "search_vector" in cols, "ix_templates_search" in indexes
            names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars().all())
            triggers = {"template_fts_insert", "template_fts_update", "template_fts_delete"}
            return system, "template_fts" in names, triggers <= names
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(fresh_url: str) -> None:
    upgrade(fresh_url, "0002")
    assert current(fresh_url) == "0002"
    assert _state(fresh_url) == (len(SYSTEM_TEMPLATES), True, True)
    downgrade(fresh_url, "0001")
    assert current(fresh_url) == "0001"
    assert _state(fresh_url) == (0, False, False)
    upgrade(fresh_url, "0002")
    assert _state(fresh_url) == (len(SYSTEM_TEMPLATES), True, True)


def test_upgrade_indexes_templates_that_already_exist(fresh_url: str) -> None:
    upgrade(fresh_url, "0001")
    engine = create_engine(fresh_url)
    insert = text(
        "INSERT INTO templates (id, organization_id, name, description, format, structure, "
        "variables, tags, created_at) VALUES ('tpl_old', 'org_a', 'Old capybara', '', 'review', "
        "'{}', '{}', '[\"x\"]', CURRENT_TIMESTAMP)"
    )
    try:
        with engine.begin() as conn:
            conn.execute(insert)
        upgrade(fresh_url, "0002")
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                sql = "SELECT id FROM templates WHERE search_vector @@ to_tsquery('capybara')"
            else:
                sql = "SELECT template_id FROM template_fts WHERE template_fts MATCH 'capybara'"
            assert conn.execute(text(sql)).scalars().all() == ["tpl_old"]
    finally:
        engine.dispose()
