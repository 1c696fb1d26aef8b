"""Read queries the workbench needs beyond `Store.query_claims`: more filters, totals, pages.

Why here: the claims table filters by any actor role, item designation, credibility, asserting
body and document text (`claim_filters.ClaimFilter`), and shows "41–60 of 812"; the CLI
needs none of that.

At a million claims a page must not cost a pass over every match: totals are counted up to
`CLAIM_COUNT_CAP` ("10,000+"), and when matches are that plentiful the page is read along the
document-order index, which stops after the rows it shows (see `find_claims`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    literal_column,
    select,
    true,
)

from armstrace.auth.db import reading
from armstrace.store import DocumentRow, Store, StoredClaim
from armstrace.store.counting import CLAIM_COUNT_CAP, capped_count
from armstrace.store.mapping import stored_claim
from armstrace.store.tables import (
    AuditLogTable,
    ClaimTable,
    DocumentTable,
    PublisherTable,
)
from armstrace.web.claim_filters import ClaimFilter, claim_clauses

MAX_PAGE = 500


@dataclass(frozen=True)
class ClaimPage:
    """One page of claims and how many match: exactly `total`, or at least when capped."""

    claims: list[StoredClaim]
    total: int
    total_is_lower_bound: bool = False


@dataclass(frozen=True)
class DocumentView:
    """A document with its text, for the reader."""

    id: int
    stem: str
    source: str
    format: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    ingested_at: datetime
    status: str
    text: str


def find_claims(
    store: Store,
    filt: ClaimFilter,
    *,
    limit: int = 50,
    offset: int = 0,
    count_cap: int | None = CLAIM_COUNT_CAP,
) -> ClaimPage:
    """One page of matching claims, in document order, and how many match (up to `count_cap`).

    The count decides how to read the page. Up to the cap, the matches are few enough to
    fetch through the filters' own indexes and sort. Beyond it they are plentiful, and
    reading the document-order index until the page is full touches about
    (offset + limit) / share-of-matches rows; SQLite is kept off the filter indexes for
    that, as its planner has no statistics to prefer the walk by itself.
    """
    limit = max(0, min(limit, MAX_PAGE))
    offset = max(0, offset)
    dialect = store.engine.dialect.name
    with reading(store) as session:
        where = claim_clauses(session, filt, dialect)
        matches: Select[Any] = select(literal_column("1")).select_from(ClaimTable).where(*where)
        total = capped_count(session, matches, count_cap)
        rows: list[StoredClaim] = []
        if total.lower_bound or offset < total.value:
            walk = total.lower_bound and dialect == "sqlite" and bool(where)
            query = (
                select(ClaimTable)
                .where(*([and_(*where).is_(true())] if walk else where))
                .order_by(ClaimTable.doc, ClaimTable.evidence_start, ClaimTable.id)
                .offset(offset)
                .limit(limit + 1)
            )
            rows = [stored_claim(row) for row in session.scalars(query)]
    total = total.after_page(offset, min(len(rows), limit), len(rows) > limit)
    return ClaimPage(rows[:limit], total.value, total.lower_bound)


def network_claims(store: Store) -> list[StoredClaim]:
    """Every claim that can be a hop (a supplier and a recipient, not rejected), in order.

    Core rows rather than ORM objects: at 100,000 claims this is the network's loading cost.
    """
    query = (
        select(ClaimTable.__table__)
        .where(
            ClaimTable.supplier.is_not(None),
            ClaimTable.recipient.is_not(None),
            ClaimTable.curation_status != "rejected",
        )
        .order_by(ClaimTable.doc, ClaimTable.evidence_start, ClaimTable.id)
    )
    with reading(store) as session:
        rows = session.execute(query).all()
    return [stored_claim(row) for row in rows]  # type: ignore[arg-type]


def claims_by_ids(store: Store, ids: Sequence[str]) -> list[StoredClaim]:
    """The claims with these ids, in the order given (unknown ids are skipped)."""
    wanted = list(dict.fromkeys(ids))
    found: dict[str, StoredClaim] = {}
    with reading(store) as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for row in session.scalars(select(ClaimTable).where(ClaimTable.id.in_(chunk))):
                found[row.id] = stored_claim(row)
    return [found[i] for i in wanted if i in found]


def get_claim(store: Store, claim_id: str) -> StoredClaim | None:
    found = claims_by_ids(store, [claim_id])
    return found[0] if found else None


def get_document(store: Store, document_id: int) -> DocumentView | None:
    """A document with its text, or None."""
    with reading(store) as session:
        row = session.get(DocumentTable, document_id)
        if row is None:
            return None
        return DocumentView(
            id=row.id, stem=row.stem, source=row.source, format=row.format, title=row.title,
            publisher=row.publisher, published=row.published, url=row.url,
            ingested_at=row.ingested_at, status=row.status, text=row.text,
        )  # fmt: skip


def _document_rows(where: list[ColumnElement[bool]]) -> Any:
    claim_count = (
        select(func.count(ClaimTable.id))
        .where(ClaimTable.document_id == DocumentTable.id)
        .scalar_subquery()
    )
    columns = [
        DocumentTable.id, DocumentTable.stem, DocumentTable.source, DocumentTable.title,
        DocumentTable.publisher, DocumentTable.published, DocumentTable.status,
        DocumentTable.content_hash, claim_count.label("claims"),
    ]  # fmt: skip
    return select(*columns).where(*where)


def list_documents(
    store: Store, *, limit: int = 50, offset: int = 0
) -> tuple[list[DocumentRow], int]:
    """Newest documents first, with claim counts, and the total."""
    limit = max(0, min(limit, MAX_PAGE))
    with reading(store) as session:
        total = session.scalar(select(func.count()).select_from(DocumentTable)) or 0
        query = _document_rows([]).order_by(DocumentTable.id.desc())
        rows = session.execute(query.offset(max(0, offset)).limit(limit))
        return [DocumentRow(**row._asdict()) for row in rows], total


def documents_by_id(store: Store, ids: Sequence[int]) -> dict[int, DocumentRow]:
    """Listings of the documents with these ids."""
    wanted = sorted(set(ids))
    found: dict[int, DocumentRow] = {}
    with reading(store) as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = _document_rows([DocumentTable.id.in_(chunk)])
            for row in session.execute(query):
                found[row.id] = DocumentRow(**row._asdict())
    return found


def data_version(store: Store) -> tuple[int, int, int, int]:
    """Changes whenever claims, documents or curation change: a cheap cache key."""
    with reading(store) as session:
        row = session.execute(
            select(
                select(func.count()).select_from(ClaimTable).scalar_subquery(),
                select(func.max(DocumentTable.id)).scalar_subquery(),
                select(func.count()).select_from(DocumentTable).scalar_subquery(),
                select(func.max(AuditLogTable.id)).scalar_subquery(),
            )
        ).one()
    return (row[0] or 0, row[1] or 0, row[2] or 0, row[3] or 0)


def publishers(store: Store) -> list[dict[str, Any]]:
    """Every publisher named by a document or graded by an analyst, with reliability."""
    with reading(store) as session:
        counts: dict[str, int] = dict(
            session.execute(  # type: ignore[arg-type]
                select(DocumentTable.publisher, func.count())
                .where(DocumentTable.publisher.is_not(None))
                .group_by(DocumentTable.publisher)
            ).all()
        )
        grades = dict(
            session.execute(select(PublisherTable.name, PublisherTable.reliability)).all()
        )
    names = sorted(set(counts) | set(grades), key=str.lower)
    return [
        {"name": name, "documents": counts.get(name, 0), "reliability": grades.get(name)}
        for name in names
    ]


def actor_counts(store: Store) -> dict[str, dict[str, int]]:
    """For every actor id in claims: claims as supplier ("out") and as recipient ("in")."""
    result: dict[str, dict[str, int]] = {}
    with reading(store) as session:
        for column, key in ((ClaimTable.supplier, "out"), (ClaimTable.recipient, "in")):
            query = select(column, func.count()).where(column.is_not(None)).group_by(column)
            for actor_id, count in session.execute(query):
                if actor_id is not None:
                    result.setdefault(actor_id, {"out": 0, "in": 0})[key] = count
    return result
