"""Write processed documents to the store a batch per transaction.

Why: one transaction (and, on SQLite, one fsync) per document caps a firehose of short
off-topic articles at a few hundred a second. The fast path stores a whole batch in one
transaction; anything unusual in it (bytes stored meanwhile by another writer, a claim id
that clashes with another document) sends that batch through `Store.save_document` one
document at a time, which knows how to report each case.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from armstrace.batch import IngestEvent
from armstrace.errors import InputError, StoreError
from armstrace.model import Claim, Document
from armstrace.scale.process import Outcome
from armstrace.store import Store
from armstrace.store.db import describe_error
from armstrace.store.mapping import claim_row, document_row
from armstrace.store.tables import ClaimTable, DocumentTable
from armstrace.version import EXTRACTOR_VERSION

log = logging.getLogger(__name__)

OFF_TOPIC = "off-topic: "
"""Prefix of the reason on the event of a document stored as off-topic (no extraction)."""


class _Unusual(Exception):
    """The batch needs the careful one-by-one path."""


def write_outcomes(store: Store, outcomes: list[Outcome]) -> list[IngestEvent]:
    """Store a batch; returns one event per outcome, in the same order."""
    documents = [o for o in outcomes if o.kind == "document"]
    stored: dict[int, IngestEvent] = {}
    if documents:
        try:
            stored = _write_fast(store, documents)
        except (_Unusual, IntegrityError):
            stored = {id(o): _write_one(store, o) for o in documents}
        except SQLAlchemyError as exc:
            raise StoreError(f"{store.url}: {describe_error(exc, store.engine.url)}") from exc
    events = []
    for outcome in outcomes:
        if outcome.kind == "document":
            events.append(stored[id(outcome)])
        elif outcome.kind == "duplicate":
            events.append(IngestEvent(outcome.source, "duplicate"))
        else:
            events.append(
                _record_failure(store, outcome.source, outcome.reason, outcome.raw_sha256)
            )
    return events


def _write_fast(store: Store, documents: list[Outcome]) -> dict[int, IngestEvent]:
    events: dict[int, IngestEvent] = {}
    with Session(store.engine) as session, session.begin():
        hashes = [_doc(o).content_hash for o in documents]
        seen = set(
            session.scalars(
                select(DocumentTable.content_hash).where(DocumentTable.content_hash.in_(hashes))
            )
        )
        claims = {id(o): _unique(o.claims) for o in documents}
        ids = [claim.id for batch in claims.values() for claim in batch]
        for chunk in _chunks(ids, 500):
            if session.scalar(select(ClaimTable.id).where(ClaimTable.id.in_(chunk)).limit(1)):
                raise _Unusual
        rows = []
        for outcome in documents:
            document = _doc(outcome)
            if document.content_hash in seen:
                events[id(outcome)] = IngestEvent(outcome.source, "duplicate")
                continue
            seen.add(document.content_hash)
            mine = claims[id(outcome)]
            version = mine[0].extractor_version if mine else EXTRACTOR_VERSION
            row = document_row(document, outcome.status, version)
            session.add(row)
            rows.append((outcome, row, mine))
        session.flush()
        for outcome, row, mine in rows:
            session.add_all(claim_row(claim, row.id) for claim in mine)
            events[id(outcome)] = _stored_event(outcome, len(mine))
    log.info("stored a batch of %d documents", len(rows))
    return events


def _write_one(store: Store, outcome: Outcome) -> IngestEvent:
    document = _doc(outcome)
    try:
        result = store.save_document(document, outcome.claims, status=outcome.status)
    except InputError as exc:
        return _record_failure(store, outcome.source, exc.reason, document.content_hash)
    if result.status == "duplicate":
        return IngestEvent(outcome.source, "duplicate")
    return _stored_event(outcome, result.claims)


def _stored_event(outcome: Outcome, claims: int) -> IngestEvent:
    if outcome.status == "off_topic":
        return IngestEvent(outcome.source, "stored", reason=f"{OFF_TOPIC}{outcome.reason}")
    return IngestEvent(outcome.source, "stored", claims=claims)


def _record_failure(
    store: Store, source: str, reason: str | None, raw_sha256: str | None
) -> IngestEvent:
    reason = reason or "unknown reason"
    log.info("%s: failed: %s", source, reason)
    store.record_failure(source, reason, raw_sha256)
    return IngestEvent(source, "failed", reason=reason)


def _doc(outcome: Outcome) -> Document:
    if outcome.document is None:  # a programming error, not bad input
        raise StoreError(f"{outcome.source}: outcome has no document to store")
    return outcome.document


def _unique(claims: list[Claim]) -> list[Claim]:
    """The same span read twice is one claim (as `Store.save_document` does)."""
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.id, claim)
    return list(seen.values())


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
