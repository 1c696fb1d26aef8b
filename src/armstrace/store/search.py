"""Full-text search over document text, on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm).

Why trigrams: analysts search names and words in Korean, Russian and Arabic as often as in
English, and a word-based index with English stemming misses "북한" inside "북한은". A trigram
index finds any substring of three characters or more. Two-character queries ("북한", "朝鲜",
"UN") are common too, and they have their own path: on SQLite the index's vocabulary lists
every trigram that starts with the two characters, and the query asks for any of them (each
document's text is indexed with a newline after it, so a match at the very end has a third
character too); on PostgreSQL a GIN index holds each document's distinct character pairs.
A one-character query falls back to a plain (unindexed) scan, so it still answers, slowly.

The index is kept in sync by the database itself — SQLite triggers on `documents`; on
PostgreSQL a generated column `documents.search_text` (= lower(text)) with GIN indexes — so
it changes in the same transaction as `Store.save_document`, with no hook to call. Migration
0003_users created it and 0004_query_latency rebuilt it in this form. Neither is declared in
`tables.metadata`: `is_search_object` tells schema comparisons to leave them out.

Totals are counted up to `DOCUMENT_COUNT_CAP` ("1,000+"): on PostgreSQL every candidate a
trigram index returns is checked against its text, and a common phrase has thousands.
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
    TextClause,
    case,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, array
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import InstrumentedAttribute, Session

from armstrace.errors import UsageError
from armstrace.store.counting import DOCUMENT_COUNT_CAP, Total
from armstrace.store.db import READ_ONLY
from armstrace.store.tables import DocumentTable

if TYPE_CHECKING:
    from armstrace.store.repo import Store

log = logging.getLogger(__name__)

FTS_TABLE = "documents_fts"
"""The SQLite FTS5 table: a contentless trigram index of documents.text (rowid = document id)."""
FTS_VOCAB = "documents_fts_vocab"
"""Its vocabulary (fts5vocab): the trigrams a two-character query expands to."""
FTS_END = "\n"
"""Appended to each text in the SQLite index, so the last two characters form a trigram."""
PG_COLUMN = "search_text"
"""PostgreSQL: lower(text), a generated column, so matching never lower-cases a whole document."""
PG_INDEX = "ix_documents_search_text_trgm"
"""The PostgreSQL GIN trigram index on documents.search_text."""
PG_PAIRS = "armstrace_char_pairs"
"""PostgreSQL: an immutable function, the distinct two-character substrings of a text."""
PG_PAIRS_INDEX = "ix_documents_search_pairs"
"""The PostgreSQL GIN index on armstrace_char_pairs(search_text), for two-character queries."""
MIN_INDEXED_CHARS = 2
MIN_TRIGRAM_CHARS = 3
MAX_QUERY_CHARS = 200
SNIPPET_CHARS = 80
"""Characters of context on each side of the first match in a hit's snippet."""

_INDEXED = "{0}.text || char(10)"
"""What the SQLite index holds for a document (see FTS_END); a delete must repeat it exactly."""
_SQLITE_TRIGGERS = {
    "documents_fts_ai": (
        "AFTER INSERT ON documents BEGIN "
        f"INSERT INTO documents_fts(rowid, text) VALUES (new.id, {_INDEXED.format('new')}); END"
    ),
    "documents_fts_ad": (
        "AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, text) "
        f"VALUES ('delete', old.id, {_INDEXED.format('old')}); END"
    ),
    "documents_fts_au": (
        "AFTER UPDATE OF text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, text) "
        f"VALUES ('delete', old.id, {_INDEXED.format('old')}); "
        f"INSERT INTO documents_fts(rowid, text) VALUES (new.id, {_INDEXED.format('new')}); END"
    ),
}
_PG_PAIRS_FUNCTION = (
    f"CREATE OR REPLACE FUNCTION {PG_PAIRS}(t text) RETURNS text[] "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$ "
    "SELECT array(SELECT DISTINCT pair FROM ("
    "SELECT (regexp_matches(t, '..', 'g'))[1] AS pair "
    "UNION ALL SELECT (regexp_matches(substr(t, 2), '..', 'g'))[1]) AS pairs) $$"
)
"""Pairs at even and at odd offsets, by two regular-expression passes: linear in the text.

Declared costly (COST 10000), as it is for a long text: costed as a cheap function, the planner
preferred computing it for every row over the index built on it (1.8 s instead of 20 ms)."""


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
    """A page of hits and the number of matching documents (at least `total` if capped)."""

    query: str
    total: int
    hits: list[DocumentHit] = field(default_factory=list)
    total_is_lower_bound: bool = False


def is_search_object(name: str | None) -> bool:
    """Whether a schema object belongs to the search index (not declared in tables.metadata).

    Alembic's `include_name` hook can use this to leave the index out of schema comparisons.
    """
    return bool(name) and (
        str(name).startswith(FTS_TABLE) or name in (PG_COLUMN, PG_INDEX, PG_PAIRS_INDEX)
    )


# -- the index ------------------------------------------------------------------------------


def create_search_index(connection: Connection) -> None:
    """Create the index for this database and fill it from the stored documents."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, content='', tokenize='trigram')"
        )
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {FTS_VOCAB} USING fts5vocab({FTS_TABLE}, 'row')"
        )
        for name, body in _SQLITE_TRIGGERS.items():
            connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")
        connection.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, text) "
            f"SELECT id, {_INDEXED.format('documents')} FROM documents"
        )
    elif connection.dialect.name == "postgresql":
        _create_pg_index(connection)


def update_search_index(connection: Connection) -> None:
    """Bring an index created by an earlier migration to the form `create_search_index` makes.

    SQLite's FTS table is rebuilt (what it indexes changed); on PostgreSQL only what is
    missing is added, so the generated column is not rewritten.
    """
    if connection.dialect.name == "sqlite":
        drop_search_index(connection)
        create_search_index(connection)
    elif connection.dialect.name == "postgresql":
        _create_pg_index(connection)


def _create_pg_index(connection: Connection) -> None:
    """The generated column and both GIN indexes, each unless it exists."""
    connection.exec_driver_sql(
        f"ALTER TABLE documents ADD COLUMN IF NOT EXISTS {PG_COLUMN} text "
        "GENERATED ALWAYS AS (lower(text)) STORED"
    )
    connection.exec_driver_sql(_PG_PAIRS_FUNCTION)
    connection.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS {PG_PAIRS_INDEX} ON documents "
        f"USING gin ({PG_PAIRS}({PG_COLUMN}))"
    )
    opclass = _pg_trgm_opclass(connection)
    if opclass is None:
        log.warning("pg_trgm is not available: document search will scan without an index")
        return
    connection.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON documents USING gin ({PG_COLUMN} {opclass})"
    )


def drop_search_index(connection: Connection) -> None:
    """Undo `create_search_index`, of this or an earlier form (pg_trgm itself stays installed)."""
    if connection.dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_VOCAB}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_PAIRS_INDEX}")
        connection.exec_driver_sql(f"ALTER TABLE documents DROP COLUMN IF EXISTS {PG_COLUMN}")
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {PG_PAIRS}(text)")


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
    return DocumentTable.id.in_(matching_documents(query, dialect))


def matching_documents(query: str, dialect: str) -> Select[Any]:
    """SELECT of the ids of documents whose text contains `query`, through the index if any.

    Unordered; on SQLite the ids come straight from the FTS index, without `documents`.
    """
    query = clean_query(query)
    if dialect == "sqlite" and _indexed(query):
        fts = table(FTS_TABLE, column("rowid", Integer))
        return select(fts.c.rowid.label("id")).where(_fts_match(query))
    if dialect == "postgresql" and _indexed(query):
        folded = literal_column(f"documents.{PG_COLUMN}", Text)
        if len(query) < MIN_TRIGRAM_CHARS:
            pairs = getattr(func, PG_PAIRS)(folded, type_=ARRAY(Text))
            clause = pairs.contains(array([func.lower(literal(query, Text))]))
        else:
            clause = folded.like(func.lower("%" + _escape_like(query) + "%"), escape="\\")
        return select(DocumentTable.id).where(clause)
    pattern = "%" + _escape_like(query) + "%"
    return select(DocumentTable.id).where(DocumentTable.text.like(pattern, escape="\\"))


def newest_matching(query: str, dialect: str) -> Select[Any]:
    """SELECT of matching document ids, newest first, built to stop early on a common query.

    Why not `matching_documents` ordered: on PostgreSQL that reads and checks every candidate
    before sorting. Here the clause cannot use the trigram index, so the database walks the
    documents newest first and checks each until the page is full; used only when the count
    showed matches are plentiful. SQLite's FTS index returns rowids newest first by itself.
    """
    query = clean_query(query)
    if dialect == "sqlite" and len(query) >= MIN_INDEXED_CHARS:
        fts = table(FTS_TABLE, column("rowid", Integer))
        return select(fts.c.rowid.label("id")).where(_fts_match(query)).order_by(fts.c.rowid.desc())
    if dialect == "postgresql":
        folded = literal_column(f"documents.{PG_COLUMN}", Text)
        found = func.strpos(folded, func.lower(literal(query, Text))) > 0
        return select(DocumentTable.id).where(found).order_by(DocumentTable.id.desc())
    return matching_documents(query, dialect).order_by(DocumentTable.id.desc())


def documents_containing(
    query: str, dialect: str, document_id: ColumnElement[int] | InstrumentedAttribute[int]
) -> ColumnElement[bool]:
    """True where the document `document_id` contains `query`, for queries matching many.

    On PostgreSQL a correlated check of the one document, which the planner runs only for
    the rows it reaches (a page walking claims in order stops after fifty), unlike the
    trigram index, whose candidates are all checked first. SQLite's FTS index answers
    exactly, so there it is the plain set of matching ids.
    """
    if dialect != "postgresql":
        return document_id.in_(matching_documents(query, dialect))
    query = clean_query(query)
    folded = literal_column(f"documents.{PG_COLUMN}", Text)
    found = func.strpos(folded, func.lower(literal(query, Text))) > 0
    return select(DocumentTable.id).where(DocumentTable.id == document_id, found).exists()


def _indexed(query: str) -> bool:
    """Whether an index answers `query`: three characters or more, or a pair that folds to two.

    (A character whose lower case is longer, as "İ", would miss the folded vocabulary.)
    """
    return len(query) >= MIN_TRIGRAM_CHARS or len(query) == len(query.lower()) == MIN_INDEXED_CHARS


def _fts_match(query: str) -> TextClause:
    """FTS5 MATCH for `query`: a phrase of its trigrams, or any trigram starting with a pair."""
    if len(query) >= MIN_TRIGRAM_CHARS:
        phrase = '"' + query.replace('"', '""') + '"'
        return text(f"{FTS_TABLE} MATCH :phrase").bindparams(phrase=phrase)
    # The vocabulary holds folded trigrams; "" (no trigram) matches nothing.
    expansion = (
        f"(SELECT coalesce(group_concat('\"' || replace(term, '\"', '\"\"') || '\"', ' OR '), "
        f"'\"\"') FROM {FTS_VOCAB} WHERE term >= :first AND term < :after)"
    )
    folded = query.lower()
    return text(f"{FTS_TABLE} MATCH {expansion}").bindparams(
        first=folded, after=folded + "\U0010ffff"
    )


def search_documents(store: Store, query: str, *, limit: int = 20, offset: int = 0) -> SearchPage:
    """Documents whose text contains `query` (any case), newest first, each with a snippet.

    The total is exact up to DOCUMENT_COUNT_CAP matches and a lower bound beyond.
    """
    if limit < 0 or offset < 0:
        raise UsageError(f"search: limit and offset must not be negative (got {limit}, {offset})")
    query = clean_query(query)
    dialect = store.engine.dialect.name
    engine = store.engine.execution_options(**{READ_ONLY: True})
    with Session(engine) as session, session.begin():
        found = list(
            session.scalars(matching_documents(query, dialect).limit(DOCUMENT_COUNT_CAP + 1))
        )
        if len(found) <= DOCUMENT_COUNT_CAP:
            total = Total(len(found))
            ids = sorted(found, reverse=True)[offset : offset + limit]
            more = False
        else:
            page = newest_matching(query, dialect).offset(offset).limit(limit + 1)
            ids = list(session.scalars(page))
            more = len(ids) > limit
            ids = ids[:limit]
            total = Total(DOCUMENT_COUNT_CAP, lower_bound=True)
        rows = session.execute(_hit_columns(query, ids, dialect)).all() if ids else []
    total = total.after_page(offset, len(ids), more)
    by_id = {row.id: row for row in rows}
    hits = [_hit(by_id[i], query) for i in ids if i in by_id]
    return SearchPage(
        query=query, total=total.value, hits=hits, total_is_lower_bound=total.lower_bound
    )


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
