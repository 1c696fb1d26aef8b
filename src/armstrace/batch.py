"""Batch ingest: many sources in, one stored document or one recorded failure per source.

Why a module of its own: the command line, the web upload and any scheduled job need the same
loop with the same promise — one bad input never stops the batch, every failure is kept in the
store with a reason an analyst can read, and a document already stored is not extracted again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from armstrace.errors import InputError, TooLarge
from armstrace.ingest import discover, read
from armstrace.model import Claim, Document
from armstrace.settings import Settings
from armstrace.store import Store

if TYPE_CHECKING:  # the NLP stack is imported only by whoever builds an extractor
    from armstrace.extract import Extractor

log = logging.getLogger(__name__)

EventStatus = Literal["stored", "duplicate", "failed"]


@dataclass(frozen=True)
class IngestEvent:
    """What happened to one source; the CLI turns these into progress and a summary."""

    source: str
    status: EventStatus
    claims: int = 0
    reason: str | None = None


@dataclass
class BatchSummary:
    """Totals of one batch, plus every source's event in the order they were processed."""

    ingested: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    claims: int = 0
    events: list[IngestEvent] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no source failed (the CLI's exit code 0)."""
        return not self.failed

    def add(self, event: IngestEvent) -> None:
        self.events.append(event)
        if event.status == "stored":
            self.ingested += 1
            self.claims += event.claims
        elif event.status == "duplicate":
            self.duplicates += 1
        else:
            self.failed.append((event.source, event.reason or "unknown reason"))


def check_text_size(document: Document, settings: Settings) -> None:
    """Refuse text the extractor should not be asked to read (a log file, a dump)."""
    size = len(document.text)
    if size > settings.max_text_chars:
        raise TooLarge(
            document.source,
            f"text is {size:,} characters, over the {settings.max_text_chars:,} limit "
            "(ARMSTRACE_MAX_TEXT_CHARS)",
        )


def read_document(source: str, settings: Settings) -> Document:
    """Read one source; anything wrong with it, even a reader crash, is an InputError."""
    try:
        document = read(source, settings=settings)
    except InputError:
        raise
    except Exception as exc:  # a reader bug on one hostile file must not end the batch
        raise _unexpected(source, exc) from exc
    check_text_size(document, settings)
    return document


def extract_claims(document: Document, extractor: Extractor) -> list[Claim]:
    """Run the extractor on one document; a crash becomes an InputError naming the source."""
    try:
        return extractor.extract(document)
    except InputError:
        raise  # over the time limit: already names the source and the reason
    except Exception as exc:  # the same promise as read_document, for the extractor
        raise _unexpected(document.source, exc) from exc


def ingest_sources(
    sources: Iterable[str],
    store: Store,
    extractor: Extractor,
    *,
    settings: Settings,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> BatchSummary:
    """Read, extract and store every source; each document is saved in its own transaction.

    Sources go through `discover`, so folders are expanded. A rerun after a crash picks up where
    the last run stopped: stored documents are found by content hash and skipped.
    """
    summary = BatchSummary()
    for source in discover(sources):
        event = _ingest_one(source, store, extractor, settings)
        summary.add(event)
        if on_event is not None:
            on_event(event)
    return summary


def _ingest_one(source: str, store: Store, extractor: Extractor, settings: Settings) -> IngestEvent:
    try:
        document = read_document(source, settings)
    except InputError as exc:
        return _record_failure(store, source, _reason(source, exc))
    if store.has_document(document.content_hash):
        log.info("%s: already stored", source)
        return IngestEvent(source, "duplicate")
    try:
        claims = extract_claims(document, extractor)
    except InputError as exc:
        return _record_failure(store, source, _reason(source, exc), document.content_hash)
    result = store.save_document(document, claims)
    if result.status == "duplicate":  # another writer stored it between our check and save
        return IngestEvent(source, "duplicate")
    log.info("%s: stored with %d claims", source, result.claims)
    return IngestEvent(source, "stored", claims=result.claims)


def _record_failure(
    store: Store, source: str, reason: str, raw_sha256: str | None = None
) -> IngestEvent:
    log.info("%s: failed: %s", source, reason)
    store.record_failure(source, reason, raw_sha256)
    return IngestEvent(source, "failed", reason=reason)


def _reason(source: str, exc: InputError) -> str:
    """The reason, naming the culprit when it is another file (a malformed sidecar)."""
    return exc.reason if exc.source == source else str(exc)


def _unexpected(source: str, exc: Exception) -> InputError:
    log.debug("%s: unexpected error", source, exc_info=exc)
    message = " ".join(str(exc).split())  # one line, whatever the exception carried
    name = type(exc).__name__
    return InputError(source, f"unexpected {name}: {message}" if message else f"unexpected {name}")
