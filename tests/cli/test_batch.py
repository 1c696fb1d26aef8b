"""`ingest_sources`, the loop behind `armstrace ingest`: one bad input never stops a batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.batch import IngestEvent, ingest_sources
from armstrace.extract import Extractor, load_extractor
from armstrace.model import Claim, Document
from armstrace.settings import load_settings
from armstrace.store import open_store


def test_ingest_sources_records_failures_and_goes_on(good_folder: Path, sqlite_url: str) -> None:
    (good_folder / "a_empty.txt").write_bytes(b"")
    seen: list[IngestEvent] = []
    with open_store(sqlite_url) as store:
        summary = ingest_sources(
            [str(good_folder), str(good_folder / "nope.txt")],
            store,
            load_extractor(),
            settings=load_settings(),
            on_event=seen.append,
        )
        failures = {Path(f.source).name: f.reason for f in store.failures()}
        stored = store.counts()["documents"]
    assert seen == summary.events
    assert Path(seen[0].source).name == "a_empty.txt"  # sorted order: the batch went on
    assert (summary.ingested, summary.duplicates, len(summary.failed)) == (3, 0, 2)
    assert not summary.ok
    assert stored == 3
    assert set(failures) == {"a_empty.txt", "nope.txt"}
    assert dict(summary.failed) == {str(good_folder / n): failures[n] for n in failures}


def test_ingest_sources_second_run_is_all_duplicates(good_folder: Path, sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        extractor = load_extractor()
        first = ingest_sources([str(good_folder)], store, extractor, settings=load_settings())
        again = ingest_sources([str(good_folder)], store, extractor, settings=load_settings())
    assert (first.ingested, first.duplicates) == (3, 0)
    assert (again.ingested, again.duplicates, again.claims) == (0, 3, 0)
    assert {e.status for e in again.events} == {"duplicate"}


def test_ingest_sources_refuses_text_over_the_limit(
    good_folder: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARMSTRACE_MAX_TEXT_CHARS", "100")
    with open_store(sqlite_url) as store:
        summary = ingest_sources(
            [str(good_folder / "nis.txt")], store, load_extractor(), settings=load_settings()
        )
    ((source, reason),) = summary.failed
    assert source.endswith("nis.txt")
    assert reason.startswith("text is 2")
    assert reason.endswith("over the 100 limit (ARMSTRACE_MAX_TEXT_CHARS)")


class _FaultyExtractor:
    """Fault injection: the real extractor, with a bug that shows on one document."""

    def __init__(self, real: Extractor) -> None:
        self.real = real

    def extract(self, document: Document) -> list[Claim]:
        if document.stem == "nis":
            raise ValueError("no span\nfor label")
        return self.real.extract(document)


def test_ingest_sources_contains_an_extractor_crash(good_folder: Path, sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        summary = ingest_sources(
            [str(good_folder)],
            store,
            _FaultyExtractor(load_extractor()),
            settings=load_settings(),
        )
        (failure,) = store.failures()
        (nis,) = [e for e in summary.events if e.status == "failed"]
        assert store.counts()["documents"] == 2
    assert Path(nis.source).name == "nis.txt"
    assert nis.reason == "unexpected ValueError: no span for label"
    assert failure.reason == nis.reason
    assert failure.raw_sha256 is not None


def test_ingest_sources_names_a_malformed_sidecar(good_folder: Path, sqlite_url: str) -> None:
    (good_folder / "nis.meta.json").write_text('{"title": 5}', encoding="utf-8")
    with open_store(sqlite_url) as store:
        summary = ingest_sources(
            [str(good_folder / "nis.txt")], store, load_extractor(), settings=load_settings()
        )
    ((source, reason),) = summary.failed
    assert source == str(good_folder / "nis.txt")
    assert reason.startswith(str(good_folder / "nis.meta.json") + ": ")
