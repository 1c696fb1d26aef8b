"""Full-text search over document text, on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm).

Why trigrams: analysts search names and words in Korean, Russian and Arabic as often as in
English, and a word-based index with English stemming misses "북한" inside "북한은". A trigram
index finds any substring of three characters or more; shorter queries fall back to a plain
(unindexed) LIKE scan, so a two-letter query still answers, only more slowly.

The index is kept in sync by the database itself — SQLite triggers on `documents`; on
PostgreSQL a generated column `documents.search_text` (= lower(text)) with a GIN trigram
index — so it changes in the same transaction as `Store.save_document`, with no hook to
call. Migration 0003_users creates it. Neither is declared in `tables.metadata`:
`is_search_object` tells schema comparisons to leave them out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Text,
    case,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from armstrace.errors import UsageError
from armstrace.store.db import READ_ONLY
from armstrace.store.tables import DocumentTable

if TYPE_CHECKING:
    from armstrace.store.repo import Store

log = logging.getLogger(__name__)

FTS_TABLE = "documents_fts"
"""The SQLite FTS5 table; an external-content index over documents.text."""
PG_COLUMN = "search_text"
"""PostgreSQL: lower(text), a generated column, so matching never lower-cases a whole document."""
PG_INDEX = "ix_documents_search_text_trgm"
"""The PostgreSQL GIN trigram index on documents.search_text."""
MIN_INDEXED_CHARS = 3
MAX_QUERY_CHARS = 200
SNIPPET_CHARS = 80
"""Characters of context on each side of the first match in a hit's snippet."""

_SQLITE_TRIGGERS = {
    "documents_fts_ai": (
        "AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text); END"
    ),
    "documents_fts_ad": (
        "AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
        " END"
    ),
    "documents_fts_au": (
        "AFTER UPDATE OF text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
        " INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text); END"
    ),
}


@dataclass(frozen=True)
class DocumentHit:
    """One matching document with a snippet; `highlights` are (start, end) in `snippet`."""

    id: int
    stem: str
    title: str | None
    publisher: str | None
    published: str | None
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchPage:
    """A page of hits and the total number of matching documents."""

    query: str
    total: int
    hits: list[DocumentHit] = field(default_factory=list)


def is_search_object(name: str | None) -> bool:
    """Whether a schema object belongs to the search index (not declared in tables.metadata).

    Alembic's `include_name` hook can use this to leave the index out of schema comparisons.
    """
    return bool(name) and (str(name).startswith(FTS_TABLE) or name in (PG_COLUMN, PG_INDEX))


# -- the index ------------------------------------------------------------------------------


def create_search_index(connection: Connection) -> None:
    """Create the index for this database and fill it from the stored documents."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            "text, content='documents', content_rowid='id', tokenize='trigram')"
        )
        for name, body in _SQLITE_TRIGGERS.items():
            connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            f"ALTER TABLE documents ADD COLUMN {PG_COLUMN} text "
            "GENERATED ALWAYS AS (lower(text)) STORED"
        )
        opclass = _pg_trgm_opclass(connection)
        if opclass is None:
            log.warning("pg_trgm is not available: document search will scan without an index")
            return
        connection.exec_driver_sql(
            f"CREATE INDEX {PG_INDEX} ON documents USING gin ({PG_COLUMN} {opclass})"
        )


def drop_search_index(connection: Connection) -> None:
    """Undo `create_search_index` (the pg_trgm extension itself is left installed)."""
    if connection.dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
        connection.exec_driver_sql(f"ALTER TABLE documents DROP COLUMN IF EXISTS {PG_COLUMN}")


def _pg_trgm_opclass(connection: Connection) -> str | None:
    """The schema-qualified gin_trgm_ops, installing pg_trgm (in public) when allowed."""
    schema = _pg_trgm_schema(connection)
    if schema is None:
        for statement in (
            "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public",
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        ):
            savepoint = connection.begin_nested()
            try:
                connection.exec_driver_sql(statement)
            except DBAPIError as exc:
                savepoint.rollback()
                log.info("%s failed: %s", statement, exc.orig)
                continue
            savepoint.commit()
            break
        schema = _pg_trgm_schema(connection)
    return None if schema is None else f'"{schema}".gin_trgm_ops'


def _pg_trgm_schema(connection: Connection) -> str | None:
    query = text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    )
    return connection.execute(query).scalar()


# -- queries --------------------------------------------------------------------------------


def clean_query(query: str) -> str:
    """The query as searched: whitespace collapsed; empty or over-long queries are refused."""
    cleaned = " ".join(query.split())
    if not cleaned:
        raise UsageError("search: the query is empty")
    if len(cleaned) > MAX_QUERY_CHARS:
        raise UsageError(f"search: the query is over {MAX_QUERY_CHARS} characters")
    return cleaned


def text_matches(query: str, dialect: str) -> ColumnElement[bool]:
    """A WHERE clause on `documents` true for documents whose text contains `query`."""
    query = clean_query(query)
    if dialect == "sqlite" and len(query) >= MIN_INDEXED_CHARS:
        phrase = '"' + query.replace('"', '""') + '"'
        fts = table(FTS_TABLE, column("rowid", Integer))
        match = text(f"{FTS_TABLE} MATCH :phrase").bindparams(phrase=phrase)
        return DocumentTable.id.in_(select(fts.c.rowid).where(match))
    pattern = "%" + _escape_like(query) + "%"
    if dialect == "postgresql":
        folded = literal_column(f"documents.{PG_COLUMN}", Text)
        return folded.like(func.lower(pattern), escape="\\")
    return DocumentTable.text.like(pattern, escape="\\")


def matching_documents(query: str, dialect: str) -> Select[Any]:
    """SELECT of the ids of documents matching `query` (to filter claims by their document)."""
    return select(DocumentTable.id).where(text_matches(query, dialect))


def search_documents(store: Store, query: str, *, limit: int = 20, offset: int = 0) -> SearchPage:
    """Documents whose text contains `query` (any case), newest first, each with a snippet."""
    if limit < 0 or offset < 0:
        raise UsageError(f"search: limit and offset must not be negative (got {limit}, {offset})")
    query = clean_query(query)
    dialect = store.engine.dialect.name
    where = text_matches(query, dialect)
    page_ids = select(DocumentTable.id).where(where).order_by(DocumentTable.id.desc())
    engine = store.engine.execution_options(**{READ_ONLY: True})
    with Session(engine) as session, session.begin():
        total = session.scalar(select(func.count()).select_from(DocumentTable).where(where)) or 0
        ids = list(session.scalars(page_ids.offset(offset).limit(limit)))
        rows = session.execute(_hit_columns(query, ids, dialect)).all() if ids else []
    by_id = {row.id: row for row in rows}
    hits = [_hit(by_id[i], query) for i in ids if i in by_id]
    return SearchPage(query=query, total=total, hits=hits)


def _hit_columns(query: str, ids: list[int], dialect: str) -> Select[Any]:
    """The listing columns plus a window of text around the first case-insensitive match."""
    if dialect == "sqlite":  # no strpos; lower() folds ASCII only, so try the exact case too
        folded = func.instr(func.lower(DocumentTable.text), func.lower(literal(query)))
        position: ColumnElement[Any] = func.coalesce(
            func.nullif(folded, 0), func.instr(DocumentTable.text, query)
        )
    else:
        position = func.strpos(func.lower(DocumentTable.text), func.lower(literal(query)))
    first = case((position - SNIPPET_CHARS < 1, 1), else_=position - SNIPPET_CHARS)
    window = func.substr(DocumentTable.text, first, 2 * SNIPPET_CHARS + len(query))
    return select(
        DocumentTable.id,
        DocumentTable.stem,
        DocumentTable.title,
        DocumentTable.publisher,
        DocumentTable.published,
        window.label("window"),
        position.label("position"),
    ).where(DocumentTable.id.in_(ids))


def _hit(row: Row[Any], query: str) -> DocumentHit:
    window: str = row.window or ""
    position: int = row.position or 0
    snippet = " ".join(window.split())
    if position > SNIPPET_CHARS + 1:
        snippet = "…" + snippet
    highlights = find_all(snippet, query)
    return DocumentHit(
        id=row.id,
        stem=row.stem,
        title=row.title,
        publisher=row.publisher,
        published=row.published,
        snippet=snippet,
        highlights=highlights,
    )


def find_all(haystack: str, needle: str) -> tuple[tuple[int, int], ...]:
    """Every non-overlapping (start, end) of `needle` in `haystack`, ignoring case."""
    folded, target = haystack.lower(), needle.lower()
    if not target or len(folded) != len(haystack):
        return ()
    found: list[tuple[int, int]] = []
    at = folded.find(target)
    while at >= 0:
        found.append((at, at + len(target)))
        at = folded.find(target, at + len(target))
    return tuple(found)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
