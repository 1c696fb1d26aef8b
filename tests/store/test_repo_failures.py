"""record_failure: a failed input is a record with its reason, and history is kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from armstrace.store import Store

from .samples import make_document


def test_record_failure_is_listed_with_reason(store: Store) -> None:
    before = datetime.now(UTC)
    store.record_failure("/data/in/locked.pdf", "PDF is encrypted", raw_sha256="ab" * 32)
    store.record_failure("https://example.org/gone", "HTTP 404")
    failures = store.failures()
    assert [(f.source, f.reason, f.raw_sha256) for f in failures] == [
        ("/data/in/locked.pdf", "PDF is encrypted", "ab" * 32),
        ("https://example.org/gone", "HTTP 404", None),
    ]
    assert all(before - timedelta(seconds=5) <= f.at <= datetime.now(UTC) for f in failures)
    assert store.counts() == {"documents": 0, "claims": 0, "failures": 2}


def test_record_failure_history_survives_later_success(store: Store) -> None:
    document = make_document()
    store.record_failure(document.source, "connection reset")
    store.save_document(document, [])
    assert [f.source for f in store.failures()] == [document.source]
    assert store.counts() == {"documents": 1, "claims": 0, "failures": 1}
