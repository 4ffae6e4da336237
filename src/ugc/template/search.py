"""Full-text template search: FTS5 on SQLite, tsvector on PostgreSQL, behind one port.

Both read search structures that migration 0002 creates outside the ORM, so they use SQL text.
Results are always limited to the system templates plus the caller's organisation.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from ugc.errors import FieldError, InvalidRequest

MAX_TOKENS = 16
MAX_QUERY = 200
MAX_OFFSET = 1000  # ranked results page by offset; nobody pages a search this deep
_WORD = re.compile(r"\w+", re.UNICODE)
_PLAIN = re.compile(r"^[\w\s]*$", re.UNICODE)
_SCOPE = "(t.organization_id IS NULL OR t.organization_id = :org)"


class TemplateSearch(Protocol):
    """Ranks the templates an organisation can see against a user's plain-words query."""

    def search(
        self,
        session: Session,
        organization_id: str,
        query: str,
        limit: int,
        cursor: str | None = None,
        fmt: str | None = None,
    ) -> list[str]:
        """Return up to `limit` template ids, best first, after the cursor."""


def encode_cursor(offset: int) -> str:
    """Return the cursor of the result at offset."""
    raw = json.dumps({"o": offset}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """Return the offset a cursor points at, or raise a field error naming `cursor`."""
    if not cursor:
        return 0
    try:
        offset = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["o"]
    except (ValueError, TypeError, KeyError) as exc:
        err = FieldError("cursor", "not a cursor returned by this search")
        raise InvalidRequest("invalid cursor", [err]) from exc
    if not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET:
        raise InvalidRequest("invalid cursor", [FieldError("cursor", "out of range")])
    return offset


def words(query: str) -> list[str]:
    """Return the words of a query (letters and digits), at most MAX_TOKENS."""
    return _WORD.findall(query[:MAX_QUERY].lower())[:MAX_TOKENS]


def fts5_query(query: str) -> str:
    """Quote every word (no FTS5 syntax gets through) and prefix-match the last one."""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words(query)]
    if quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


class Fts5Search:
    """SQLite: bm25 over the template_fts table the triggers keep in sync."""

    # bm25 weights per column: template_id, name, description, tags, format.
    _SQL = (
        "SELECT t.id FROM template_fts f JOIN templates t ON t.id = f.template_id "
        f"WHERE template_fts MATCH :q AND {_SCOPE} AND (:fmt IS NULL OR t.format = :fmt) "
        "ORDER BY bm25(template_fts, 0.0, 10.0, 2.0, 5.0, 8.0), t.id LIMIT :limit OFFSET :offset"
    )

    def search(
        self,
        session: Session,
        organization_id: str,
        query: str,
        limit: int,
        cursor: str | None = None,
        fmt: str | None = None,
    ) -> list[str]:
        """Return up to `limit` template ids, best first, after the cursor."""
        match = fts5_query(query)
        if not match:
            return []
        params = {"q": match, "org": organization_id, "fmt": fmt, "limit": limit}
        params["offset"] = decode_cursor(cursor)
        return [str(i) for i in session.scalars(text(self._SQL), params)]


class PostgresSearch:
    """PostgreSQL: ts_rank over the generated search_vector column (GIN-indexed)."""

    # websearch_to_tsquery never fails on user input; plain queries also prefix-match the
    # last word, as FTS5 does.
    _SQL = (
        "WITH q AS (SELECT websearch_to_tsquery('english', :q) || CASE WHEN :prefix = '' "
        "THEN ''::tsquery ELSE websearch_to_tsquery('english', :head) "
        "&& to_tsquery('simple', :prefix) END AS query) "
        f"SELECT t.id FROM templates t, q WHERE t.search_vector @@ q.query AND {_SCOPE} "
        "AND (CAST(:fmt AS text) IS NULL OR t.format = :fmt) "
        "ORDER BY ts_rank(t.search_vector, q.query) DESC, t.id LIMIT :limit OFFSET :offset"
    )

    def search(
        self,
        session: Session,
        organization_id: str,
        query: str,
        limit: int,
        cursor: str | None = None,
        fmt: str | None = None,
    ) -> list[str]:
        """Return up to `limit` template ids, best first, after the cursor."""
        found = words(query)
        if not found:
            return []
        plain = _PLAIN.match(query[:MAX_QUERY]) is not None
        params = {
            "q": query[:MAX_QUERY],
            "head": " ".join(found[:-1]),
            "prefix": f"{found[-1]}:*" if plain else "",
            "org": organization_id,
            "fmt": fmt,
            "limit": limit,
            "offset": decode_cursor(cursor),
        }
        return [str(i) for i in session.scalars(text(self._SQL), params)]


def searcher(session: Session) -> TemplateSearch:
    """Pick the search implementation for the session's database."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return PostgresSearch()
    if dialect == "sqlite":
        return Fts5Search()
    raise ValueError(f"template search does not support {dialect}")
