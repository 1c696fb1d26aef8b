"""Streaming ingest: sources in, batches read, extracted and written, memory bounded.

Why: a corpus of a million articles must not be held in memory, neither as documents nor as
per-source results. Sources are consumed lazily in batches of `batch_size`; only a few
batches are alive at any time; the summary keeps counts, failures and (for small runs) every
event, not one record per document of a huge run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from armstrace.batch import BatchSummary, IngestEvent
from armstrace.errors import UsageError
from armstrace.ingest import discover
from armstrace.scale.process import Job, Outcome, process_sources, worker_extractor
from armstrace.scale.writer import OFF_TOPIC, write_outcomes
from armstrace.settings import Settings, load_settings
from armstrace.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")

BATCH_SIZE = 64
"""Documents per batch: per write transaction and per task sent to a worker."""
KEEP_EVENTS_UP_TO = 30
"""The summary keeps every event up to this many (the CLI lists them); beyond, failures only."""


@dataclass
class StreamSummary(BatchSummary):
    """A `BatchSummary` whose memory does not grow with the corpus; counts off-topic documents."""

    off_topic: int = 0
    failures_only: bool = False  # past KEEP_EVENTS_UP_TO sources, only failures are kept

    def add(self, event: IngestEvent) -> None:
        if event.status == "failed" or not self.failures_only:
            super().add(event)
        elif event.status == "stored":
            self.ingested += 1
            self.claims += event.claims
        else:
            self.duplicates += 1
        if event.status == "stored" and (event.reason or "").startswith(OFF_TOPIC):
            self.off_topic += 1
        if not self.failures_only and self.sources > KEEP_EVENTS_UP_TO:
            self.failures_only = True
            self.events = [e for e in self.events if e.status == "failed"]

    @property
    def sources(self) -> int:
        return self.ingested + self.duplicates + len(self.failed)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last may be shorter), consuming `items` lazily."""
    if size < 1:
        raise UsageError(f"batch size must be at least 1, not {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest_stream(
    sources: Iterable[str],
    store: Store,
    *,
    settings: Settings | None = None,
    workers: int = 1,
    prefilter: bool = True,
    batch_size: int = BATCH_SIZE,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> StreamSummary:
    """Read, prefilter, extract and store every source, `batch_size` documents at a time.

    `workers` > 1 extracts on that many local processes (each loads the extractor once).
    Off-topic documents (the prefilter finds no goods or no party) are stored with status
    "off_topic" and no claims; `prefilter=False` extracts everything. Stored bytes are skipped.
    """
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    settings = settings or load_settings()
    batches = batched(discover(sources), batch_size)
    if workers == 1:
        results = _in_process(batches, store, settings, prefilter)
    else:
        from armstrace.scale.workers import map_batches

        job = Job(store_url(store), settings, prefilter)
        results = map_batches(batches, job, workers)
    return write_all(results, store, on_event)


def write_all(
    results: Iterable[list[Outcome]],
    store: Store,
    on_event: Callable[[IngestEvent], None] | None,
) -> StreamSummary:
    """Write each batch of outcomes as it arrives; the summary of the whole run."""
    summary = StreamSummary()
    for outcomes in results:
        for event in write_outcomes(store, outcomes):
            summary.add(event)
            if on_event is not None:
                on_event(event)
    return summary


def store_url(store: Store) -> str:
    """The store's URL with its password, for workers that open their own connections."""
    return store.engine.url.render_as_string(hide_password=False)


def _in_process(
    batches: Iterable[list[str]], store: Store, settings: Settings, prefilter: bool
) -> Iterator[list[Outcome]]:
    extractor = worker_extractor()
    for batch in batches:
        yield process_sources(batch, extractor, settings=settings, store=store, prefilter=prefilter)
