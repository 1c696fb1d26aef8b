"""The claims table's filters as WHERE clauses that an index can answer at a million claims.

Why a module: the base filters (type, supplier, recipient, category, dates, hedge) are the
store's own `claim_filters`, so a date means the same thing in `armstrace claims` and on the
page; the workbench adds filters by text: an item designation, an asserting body or publisher,
words in the document. "Contains" cannot use a B-tree index, so each of those is first
resolved against a short list: the distinct designations, sources, publishers or lists of
intermediaries (read one index seek per value, a "loose index scan"), or the documents the
search index finds. The claims are then
found by equality on indexed columns. A list that turns out long falls back to the plain
comparison, which is always right and only slower.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, String, Text, cast, func, literal, or_, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session

from armstrace.store.counting import DOCUMENT_COUNT_CAP
from armstrace.store.query import claim_filters
from armstrace.store.search import documents_containing, matching_documents
from armstrace.store.tables import ClaimTable, DocumentTable

MAX_DISTINCT_VALUES = 5_000
"""A loose index scan stops here; with more distinct values a plain comparison is as quick."""


@dataclass(frozen=True)
class ClaimFilter:
    """Every filter of the claims table; None means "any"."""

    type: str | None = None
    actor: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    category: str | None = None
    item: str | None = None
    since: str | None = None
    until: str | None = None
    hedge: str | None = None
    credibility_max: int | None = None
    source: str | None = None
    status: str | None = None
    document_id: int | None = None
    q: str | None = None

    def active(self) -> dict[str, Any]:
        """The filters that are set, for echoing back to the client."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def claim_clauses(session: Session, filt: ClaimFilter, dialect: str) -> list[ColumnElement[bool]]:
    """WHERE clauses on `claims` for every filter set in `filt` (reads short lists first)."""
    clauses = claim_filters(
        type=filt.type, supplier=filt.supplier, recipient=filt.recipient, category=filt.category,
        since=filt.since, until=filt.until, hedge=filt.hedge,
    )  # fmt: skip
    if filt.actor:
        clauses.append(
            or_(
                ClaimTable.supplier == filt.actor,
                ClaimTable.recipient == filt.actor,
                _via_naming(session, filt.actor, dialect),
            )
        )
    if filt.item:
        designation = _containing(session, ClaimTable.item_designation, filt.item)
        clauses.append(or_(ClaimTable.item_category == filt.item, designation))
    if filt.credibility_max is not None:
        clauses.append(ClaimTable.credibility <= filt.credibility_max)
    if filt.source:
        publisher = select(DocumentTable.id).where(
            _containing(session, DocumentTable.publisher, filt.source)
        )
        clauses.append(
            or_(
                _containing(session, ClaimTable.source, filt.source),
                ClaimTable.document_id.in_(publisher),
            )
        )
    if filt.status:
        clauses.append(ClaimTable.curation_status == filt.status)
    if filt.document_id is not None:
        clauses.append(ClaimTable.document_id == filt.document_id)
    if filt.q:
        clauses.append(_in_documents_containing(session, filt.q, dialect))
    return clauses


def like_pattern(value: str) -> str:
    """A LIKE pattern, lower-cased, for text containing `value` (escape character "\\")."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _containing(
    session: Session, column: InstrumentedAttribute[str | None], value: str
) -> ColumnElement[bool]:
    """`column` contains `value`, any case: equality with the matching distinct values."""
    pattern = like_pattern(value)

    def contains(text: ColumnElement[Any]) -> ColumnElement[bool]:
        return func.lower(text).like(literal(pattern), escape="\\")

    values = distinct_values(session, column.expression, contains)
    return contains(column.expression) if values is None else column.in_(values)


def _via_naming(session: Session, actor: str, dialect: str) -> ColumnElement[bool]:
    """The claim lists `actor` among its intermediaries (`via`, a JSON list of ids).

    Compared as JSON text, as indexed by migration 0004: the column itself on SQLite, which
    stores the text, and via::text on PostgreSQL.
    """
    via = type_coerce(ClaimTable.via, String) if dialect == "sqlite" else cast(ClaimTable.via, Text)

    def names(text: ColumnElement[Any]) -> ColumnElement[bool]:
        return text.like(literal(f'%"{actor}"%'))

    values = distinct_values(session, via, names)
    return names(via) if values is None else via.in_(values)


def distinct_values(
    session: Session,
    value: ColumnElement[Any],
    matches: Callable[[ColumnElement[Any]], ColumnElement[bool]],
    *,
    limit: int = MAX_DISTINCT_VALUES,
) -> list[str] | None:
    """The distinct values of an indexed column or expression for which `matches` is true.

    One index seek per distinct value (each step asks for the smallest value above the last),
    so a million rows with a few hundred sources cost a few hundred seeks. None when there
    are more than `limit` values: then the caller compares row by row.
    """
    seen = select(func.min(value).label("value")).cte("seen", recursive=True)
    following = select(func.min(value)).where(value > seen.c.value).scalar_subquery()
    seen = seen.union_all(select(following).where(seen.c.value.is_not(None)))
    query = (
        select(seen.c.value, matches(seen.c.value).label("matches"))
        .where(seen.c.value.is_not(None))
        .limit(limit + 1)
    )
    rows = session.execute(query).all()
    if len(rows) > limit:
        return None
    return [row.value for row in rows if row.matches]


def _in_documents_containing(session: Session, query: str, dialect: str) -> ColumnElement[bool]:
    """The claim's document contains `query`: by id when few do, else checked as reached.

    Few (up to DOCUMENT_COUNT_CAP): their ids, so the claims come by the document_id index.
    Many: a clause the database evaluates per document as the page or count reaches it.
    """
    found = list(session.scalars(matching_documents(query, dialect).limit(DOCUMENT_COUNT_CAP + 1)))
    if len(found) <= DOCUMENT_COUNT_CAP:
        return ClaimTable.document_id.in_(found)
    return documents_containing(query, dialect, ClaimTable.document_id)
