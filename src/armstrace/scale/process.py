"""The work done per source, wherever it runs: read, skip if stored, prefilter, extract.

Why separate from the writer: this part is CPU-bound and runs in worker processes (a local
pool or Dask workers); it only reads the store (to skip documents already stored, so a
resumed run does not extract them again). Writing stays with the one process that owns the
batch transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from armstrace.batch import extract_claims, read_document
from armstrace.errors import InputError, StoreError
from armstrace.model import Claim, Document
from armstrace.settings import Settings
from armstrace.store import Store, make_engine
from armstrace.store.db import READ_ONLY, describe_error
from armstrace.store.tables import DocumentTable

if TYPE_CHECKING:
    from armstrace.extract import Extractor

log = logging.getLogger(__name__)

OutcomeKind = Literal["document", "duplicate", "failed"]


@dataclass(frozen=True)
class Job:
    """What a worker needs to process sources; small and picklable (sent with every batch)."""

    store_url: str | None  # None: do not look for stored documents before extracting
    settings: Settings
    prefilter: bool = True


@dataclass
class Outcome:
    """One source processed: a document to store (with claims, or off-topic), or why not."""

    source: str
    kind: OutcomeKind
    document: Document | None = None
    claims: list[Claim] = field(default_factory=list)
    status: str = "ok"  # the document's status: "ok" or "off_topic"
    reason: str | None = None  # failure reason, or why the document is off-topic
    raw_sha256: str | None = None


def process_sources(
    sources: list[str],
    extractor: Extractor,
    *,
    settings: Settings,
    store: Store | None = None,
    prefilter: bool = True,
) -> list[Outcome]:
    """Process a batch in order; every source gets exactly one outcome.

    The batch is read first so that one query finds the documents stored already (a resumed
    run skips them without extracting them again), not one query per document.
    """
    read = [_read(source, settings) for source in sources]
    stored = _stored_hashes(store, [r.content_hash for r in read if isinstance(r, Document)])
    return [
        r if isinstance(r, Outcome) else _process_one(r, extractor, stored, prefilter) for r in read
    ]


def process_batch(sources: list[str], job: Job) -> list[Outcome]:
    """`process_sources` in a worker process: extractor and store are loaded once per process."""
    store = _worker_store(job.store_url) if job.store_url else None
    return process_sources(
        sources, worker_extractor(), settings=job.settings, store=store, prefilter=job.prefilter
    )


@cache
def worker_extractor() -> Extractor:
    """The extractor of this process, built on first use and kept for every later batch."""
    from armstrace.extract import load_extractor

    return load_extractor()


@cache
def _worker_store(url: str) -> Store:
    # The parent opened (and migrated) the store already; workers only read from it.
    return Store(make_engine(url))


def _read(source: str, settings: Settings) -> Document | Outcome:
    try:
        return read_document(source, settings)
    except InputError as exc:
        return Outcome(source, "failed", reason=_reason(source, exc))


def _stored_hashes(store: Store | None, hashes: list[str]) -> set[str]:
    """Which of these content hashes the store holds (in a read-only transaction)."""
    if store is None or not hashes:
        return set()
    query = select(DocumentTable.content_hash).where(DocumentTable.content_hash.in_(hashes))
    reader = store.engine.execution_options(**{READ_ONLY: True})
    try:
        with Session(reader) as session, session.begin():
            return set(session.scalars(query))
    except SQLAlchemyError as exc:
        raise StoreError(f"{store.url}: {describe_error(exc, store.engine.url)}") from exc


def _process_one(
    document: Document, extractor: Extractor, stored: set[str], prefilter: bool
) -> Outcome:
    source = document.source
    if document.content_hash in stored:
        log.info("%s: already stored", source)
        return Outcome(source, "duplicate")
    if prefilter:
        from armstrace.prefilter import assess

        relevance = assess(document.text)
        if not relevance.relevant:
            log.info("%s: off-topic: %s", source, relevance.reason)
            return Outcome(
                source, "document", document, status="off_topic", reason=relevance.reason
            )
    try:
        claims = extract_claims(document, extractor)
    except InputError as exc:
        return Outcome(
            source, "failed", reason=_reason(source, exc), raw_sha256=document.content_hash
        )
    return Outcome(source, "document", document, claims)


def _reason(source: str, exc: InputError) -> str:
    return exc.reason if exc.source == source else str(exc)
