"""The store: save documents with their claims, re-extract, and query what was saved.

Why this shape: every operation is one short transaction on its own Session, so the CLI, the
web app and parallel ingest workers can share one database. Saving is idempotent by the
document's content hash, even when two workers save the same bytes at the same moment.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Self

from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from armstrace.errors import InputError, StoreError, UsageError
from armstrace.model.claim import Claim
from armstrace.model.document import Document
from armstrace.settings import load_settings
from armstrace.store.db import READ_ONLY, describe_error, make_engine, mask_url
from armstrace.store.mapping import claim_row, document_row, failure_listing, stored_claim
from armstrace.store.migrate import upgrade
from armstrace.store.query import claim_filters
from armstrace.store.records import DocumentRow, FailureRow, SaveResult, StoredClaim
from armstrace.store.tables import (
    DOCUMENT_STATUSES,
    ClaimTable,
    DocumentTable,
    IngestFailureTable,
)
from armstrace.version import EXTRACTOR_VERSION

log = logging.getLogger(__name__)

MAX_SQL_INTEGER = 2**63 - 1
"""The largest LIMIT or OFFSET SQLite and PostgreSQL take (a signed 64-bit integer)."""


def open_store(url: str | None = None) -> Store:
    """Open (and create or migrate to the newest schema) the store at `url`.

    None means the configured database (ARMSTRACE_DB, else the SQLite default).
    """
    url = url or load_settings().db_url
    engine = make_engine(url)
    try:
        upgrade(engine)
    except (SQLAlchemyError, CommandError, RevisionError) as exc:
        engine.dispose()
        raise StoreError(
            f"{mask_url(url)}: cannot open the store: {describe_error(exc, url)}"
        ) from exc
    except StoreError:
        engine.dispose()
        raise
    return Store(engine)


class Store:
    """Documents, claims and ingest failures in one SQL database (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
        self._read_engine = engine.execution_options(**{READ_ONLY: True})

    # -- documents ---------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with these bytes was stored before (ingest skips it)."""
        with self._read() as session:
            return _document_id(session, content_hash) is not None

    def save_document(
        self, document: Document, claims: list[Claim], status: str = "ok"
    ) -> SaveResult:
        """Store `document` and its claims in one transaction; a second save is a no-op."""
        if status not in DOCUMENT_STATUSES:
            raise UsageError(f"document status must be one of {DOCUMENT_STATUSES}, not {status!r}")
        unique = _unique(claims)
        content_hash = document.content_hash
        try:
            with self._write() as session:
                existing = _document_id(session, content_hash)
                if existing is not None:
                    return SaveResult("duplicate", existing, 0)
                try:
                    _refuse_foreign_ids(session, unique, document.source, document_id=None)
                except InputError:
                    # On PostgreSQL each statement sees what committed before it: another
                    # writer may have stored these very bytes since the check above.
                    existing = _document_id(session, content_hash)
                    if existing is not None:
                        return SaveResult("duplicate", existing, 0)
                    raise
                version = unique[0].extractor_version if unique else EXTRACTOR_VERSION
                row = document_row(document, status, version)
                session.add(row)
                session.flush()
                session.add_all(claim_row(claim, row.id) for claim in unique)
                result = SaveResult("stored", row.id, len(unique))
        except IntegrityError as exc:
            # Another writer stored the same bytes between our check and our insert.
            with self._read() as session:
                existing = _document_id(session, content_hash)
            if existing is None:
                raise StoreError(f"{self.url}: cannot save {document.source}: {exc.orig}") from exc
            log.info("%s was stored concurrently as document %d", document.source, existing)
            return SaveResult("duplicate", existing, 0)
        log.info(
            "stored %s as document %d with %d claims",
            document.source,
            result.document_id,
            result.claims,
        )
        return result

    def record_failure(self, source: str, reason: str, raw_sha256: str | None = None) -> None:
        """Keep a failed input with its reason; history stays when the source later succeeds."""
        with self._write() as session:
            session.add(IngestFailureTable(source=source, reason=reason, raw_sha256=raw_sha256))

    def documents(self, status: str | None = None) -> list[DocumentRow]:
        """Stored documents (without text), oldest first, each with its number of claims."""
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
        query = select(*columns).order_by(DocumentTable.id)
        if status is not None:
            query = query.where(DocumentTable.status == status)
        with self._read() as session:
            return [DocumentRow(**row._asdict()) for row in session.execute(query)]

    def get_document_text(self, document_id: int) -> str:
        """The extracted text that claim evidence offsets point into."""
        with self._read() as session:
            text = session.scalar(select(DocumentTable.text).where(DocumentTable.id == document_id))
        if text is None:
            raise UsageError(f"{self.url}: no document with id {document_id}")
        return text

    def failures(self) -> list[FailureRow]:
        """Every recorded ingest failure, oldest first."""
        with self._read() as session:
            rows = session.scalars(select(IngestFailureTable).order_by(IngestFailureTable.id))
            return [failure_listing(row) for row in rows]

    def counts(self) -> dict[str, int]:
        """Row counts for a status line: documents, claims, failures."""
        tables = {"documents": DocumentTable, "claims": ClaimTable, "failures": IngestFailureTable}
        with self._read() as session:
            return {
                name: session.scalar(select(func.count()).select_from(table)) or 0
                for name, table in tables.items()
            }

    # -- claims ------------------------------------------------------------------------------

    def replace_claims(self, document_id: int, claims: list[Claim]) -> int:
        """Swap in a re-extraction's claims; claims an analyst curated are kept untouched.

        Returns the number of claims written (curated ids in `claims` are not written).
        """
        unique = _unique(claims)
        with self._write() as session:
            document = session.get(DocumentTable, document_id)
            if document is None:
                raise UsageError(f"{self.url}: no document with id {document_id}")
            mine = ClaimTable.document_id == document_id
            extracted = ClaimTable.curation_status == "extracted"
            curated = set(session.scalars(select(ClaimTable.id).where(mine, ~extracted)))
            session.execute(delete(ClaimTable).where(mine, extracted))
            fresh = [claim for claim in unique if claim.id not in curated]
            _refuse_foreign_ids(session, fresh, document.source, document_id=document_id)
            session.add_all(claim_row(claim, document_id) for claim in fresh)
            document.extractor_version = fresh[0].extractor_version if fresh else EXTRACTOR_VERSION
        log.info(
            "document %d: %d claims written, %d curated kept", document_id, len(fresh), len(curated)
        )
        return len(fresh)

    def query_claims(
        self,
        *,
        type: str | None = None,
        supplier: str | None = None,
        recipient: str | None = None,
        category: str | None = None,
        since: str | None = None,
        until: str | None = None,
        hedge: str | None = None,
        doc: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredClaim]:
        """Claims matching every given filter, ordered by document and position in it.

        `since`/`until` ("YYYY[-MM[-DD]]") keep claims whose date range overlaps them; claims
        with no date are left out only when one of them is given.
        """
        if (limit is not None and limit < 0) or offset < 0:
            raise UsageError(f"limit and offset must not be negative (got {limit}, {offset})")
        if max(limit or 0, offset) > MAX_SQL_INTEGER:
            raise UsageError(f"limit and offset must be below 2**63 (got {limit}, {offset})")
        clauses = claim_filters(
            type=type, supplier=supplier, recipient=recipient, category=category,
            since=since, until=until, hedge=hedge, doc=doc,
        )  # fmt: skip
        query = (
            select(ClaimTable)
            .where(*clauses)
            .order_by(ClaimTable.doc, ClaimTable.evidence_start, ClaimTable.id)
            .offset(offset)
            .limit(limit)
        )
        with self._read() as session:
            return [stored_claim(row) for row in session.scalars(query)]

    # -- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A write transaction (SQLite: BEGIN IMMEDIATE, so read-then-write cannot deadlock)."""
        with self._errors(), Session(self.engine) as session, session.begin():
            yield session

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._errors(), Session(self._read_engine) as session, session.begin():
            yield session

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn driver failures (lost connection, disk full) into a StoreError naming the URL."""
        try:
            yield
        except IntegrityError:
            raise  # save_document decides what a unique-key clash means
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: {describe_error(exc, self.engine.url)}") from exc


def _document_id(session: Session, content_hash: str) -> int | None:
    query = select(DocumentTable.id).where(DocumentTable.content_hash == content_hash)
    return session.scalar(query)


def _unique(claims: list[Claim]) -> list[Claim]:
    """Claims in order with repeated ids dropped: the same span read twice is one claim."""
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.id, claim)
    return list(seen.values())


def _refuse_foreign_ids(
    session: Session, claims: list[Claim], source: str, document_id: int | None
) -> None:
    """Claim ids hash the stem, so a clash means another document has the same stem."""
    if not claims:
        return
    query = select(ClaimTable.id, ClaimTable.document_id, ClaimTable.doc).where(
        ClaimTable.id.in_([claim.id for claim in claims])
    )
    if document_id is not None:
        query = query.where(ClaimTable.document_id != document_id)
    clash = session.execute(query).first()
    if clash is not None:
        raise InputError(
            source,
            f"claim {clash.id} is already stored for document {clash.document_id} with the "
            f"same stem {clash.doc!r}; give the file a different name",
        )
