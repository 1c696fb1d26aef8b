"""Streaming ingest: batches, worker processes and the relevance prefilter, on real stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.batch import IngestEvent
from armstrace.errors import UsageError
from armstrace.scale import StreamSummary, batched, ingest_stream
from armstrace.store import Store, open_store

from .conftest import OFF_TOPIC_TEXT


def _claims_by_doc(store: Store) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {row.stem: set() for row in store.documents()}
    for claim in store.query_claims():
        found[claim.doc].add(claim.id)
    return found


@pytest.mark.parametrize(
    ("items", "size", "expected"),
    [
        ([1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]),
        ([1, 2], 5, [[1, 2]]),
        ([], 3, []),
    ],
)
def test_batched_splits_lazily_into_lists(
    items: list[int], size: int, expected: list[list[int]]
) -> None:
    assert list(batched(iter(items), size)) == expected


def test_batched_refuses_a_size_below_one() -> None:
    with pytest.raises(UsageError, match="at least 1"):
        list(batched([1], 0))


def test_stream_workers_store_the_same_claims_as_one_process(
    sample_folder: Path, store_url: str, tmp_path: Path
) -> None:
    with open_store(f"sqlite:///{tmp_path / 'one.db'}") as one:
        single = ingest_stream([str(sample_folder)], one, workers=1, batch_size=4)
        expected = _claims_by_doc(one)
    with open_store(store_url) as two:
        parallel = ingest_stream([str(sample_folder)], two, workers=2, batch_size=4)
        found = _claims_by_doc(two)
    assert single.ok and parallel.ok
    assert single.ingested == parallel.ingested == len(expected) >= 14
    assert sum(len(ids) for ids in expected.values()) > 20
    assert found == expected


def test_stream_prefilter_stores_off_topic_documents_without_claims(
    sample_folder: Path, store_url: str
) -> None:
    (sample_folder / "council_budget.txt").write_text(OFF_TOPIC_TEXT, encoding="utf-8")
    with open_store(store_url) as store:
        summary = ingest_stream([str(sample_folder)], store)
        off_topic = store.documents(status="off_topic")
        relevant = store.documents(status="ok")
    assert [row.stem for row in off_topic] == ["council_budget"]
    assert off_topic[0].claims == 0
    assert summary.off_topic == 1
    assert len(relevant) == summary.ingested - 1
    assert all(row.claims > 0 for row in relevant if row.stem == "francop_cargo")


@pytest.mark.parametrize(
    "text",
    [
        OFF_TOPIC_TEXT,
        "Russia and North Korea signed a trade agreement on fisheries and tourism.\n",
    ],
)
def test_stream_no_prefilter_extracts_every_document(
    text: str, tmp_path: Path, sqlite_url: str
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "news.txt").write_text(text, encoding="utf-8")
    with open_store(sqlite_url) as store:
        filtered = ingest_stream([str(folder)], store)
        assert [row.status for row in store.documents()] == ["off_topic"]
    with open_store(f"sqlite:///{tmp_path / 'all.db'}") as store:
        unfiltered = ingest_stream([str(folder)], store, prefilter=False)
        assert [row.status for row in store.documents()] == ["ok"]
    assert (filtered.off_topic, unfiltered.off_topic) == (1, 0)


def test_stream_records_failures_and_skips_stored_documents(
    sample_folder: Path, store_url: str
) -> None:
    (sample_folder / "empty.txt").write_text("   \n", encoding="utf-8")
    events: list[IngestEvent] = []
    with open_store(store_url) as store:
        first = ingest_stream([str(sample_folder)], store, batch_size=5, on_event=events.append)
        second = ingest_stream([str(sample_folder)], store, workers=2, batch_size=5)
        failures = store.failures()
        documents = store.documents()
    assert [source for source, _ in first.failed] == [str(sample_folder / "empty.txt")]
    assert len(events) == first.ingested + 1
    assert second.ingested == 0 and second.duplicates == first.ingested
    assert len(documents) == len({row.content_hash for row in documents}) == first.ingested
    assert [f.source for f in failures] == [str(sample_folder / "empty.txt")] * 2


def test_stream_summary_keeps_counts_not_every_event() -> None:
    summary = StreamSummary()
    for n in range(1000):
        summary.add(IngestEvent(f"doc{n}", "stored", claims=2))
    summary.add(IngestEvent("bad", "failed", reason="no text found"))
    summary.add(IngestEvent("dup", "duplicate"))
    assert (summary.ingested, summary.claims, summary.duplicates) == (1000, 2000, 1)
    assert summary.failed == [("bad", "no text found")]
    assert [e.source for e in summary.events] == ["bad"]  # past 30 sources: failures only


def test_stream_summary_keeps_every_event_of_a_short_run() -> None:
    summary = StreamSummary()
    for n in range(29):
        summary.add(IngestEvent(f"doc{n}", "stored"))
    summary.add(IngestEvent("bad", "failed", reason="no text found"))
    assert len(summary.events) == 30
    summary.add(IngestEvent("doc30", "stored"))
    assert [e.source for e in summary.events] == ["bad"]


def test_stream_refuses_zero_workers(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store, pytest.raises(UsageError, match="--workers"):
        ingest_stream([], store, workers=0)
