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

from armstrace.batch import extract_claims, read_document
from armstrace.errors import InputError
from armstrace.model import Claim, Document
from armstrace.settings import Settings
from armstrace.store import Store, make_engine

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
    """Process a batch in order; every source gets exactly one outcome."""
    return [_process_one(s, extractor, settings, store, prefilter) for s in sources]


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


def _process_one(
    source: str,
    extractor: Extractor,
    settings: Settings,
    store: Store | None,
    prefilter: bool,
) -> Outcome:
    try:
        document = read_document(source, settings)
    except InputError as exc:
        return Outcome(source, "failed", reason=_reason(source, exc))
    if store is not None and store.has_document(document.content_hash):
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
