"""A long ingest keeps spaCy's vocabulary bounded, and stores the same claims as without.

spaCy's tokenizer adds every new word type to the vocabulary for good; a news stream brings
new names and numbers with every article, so without a bound the memory of a run grew with
the corpus (bench/run.py measures the peak RSS at 10,000 and 100,000 documents).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from armstrace import extract
from armstrace.batch import read_document
from armstrace.extract import load_extractor
from armstrace.model import Claim, Document
from armstrace.scale import ingest_stream
from armstrace.settings import load_settings
from armstrace.store import open_store

from .conftest import EXAMPLES


def _documents() -> list[Document]:
    settings = load_settings()
    return [read_document(str(p), settings) for p in sorted(EXAMPLES.glob("*.txt"))]


def _timeless(claims: list[Claim]) -> list[Claim]:
    return [replace(c, extracted_at=datetime(2000, 1, 1, tzinfo=UTC)) for c in claims]


def test_vocabulary_past_its_budget_starts_again_and_reads_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    extractor = load_extractor()
    fresh = len(extractor.nlp.vocab.strings)
    documents = _documents()
    before = [_timeless(extractor.extract(d)) for d in documents]
    grown = len(extractor.nlp.vocab.strings)
    monkeypatch.setattr(extract, "VOCABULARY_BUDGET", (grown - fresh) // 2)  # growth allowed
    pipeline = extractor.nlp
    after = [_timeless(extractor.extract(d)) for d in documents]
    assert extractor.nlp is not pipeline
    assert len(extractor.nlp.vocab.strings) < grown
    assert after == before
    assert any(before)


def test_vocabulary_stays_within_its_budget_over_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _documents()
    extractor = load_extractor()
    fresh = len(extractor.nlp.vocab.strings)
    extractor.extract(max(documents, key=lambda d: len(d.text)))
    one_document = len(extractor.nlp.vocab.strings) - fresh
    for document in documents:
        extractor.extract(document)
    budget = (fresh + len(extractor.nlp.vocab.strings)) // 2
    monkeypatch.setattr(extract, "VOCABULARY_BUDGET", budget - fresh)  # growth over a fresh one
    sizes = []
    for document in documents * 3:
        extractor.extract(document)
        sizes.append(len(extractor.nlp.vocab.strings))
    assert any(later < earlier for earlier, later in pairwise(sizes))
    assert max(sizes) <= budget + 2 * one_document


def test_stream_with_a_small_budget_stores_the_same_claims(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sqlite_url: str
) -> None:
    def stored(url: str) -> list[tuple[str, str]]:
        with open_store(url) as store:
            ingest_stream([str(EXAMPLES)], store, batch_size=3)
            return sorted((c.doc, c.id) for c in store.query_claims())

    plain = stored(f"sqlite:///{tmp_path / 'plain.db'}")
    monkeypatch.setattr(extract, "VOCABULARY_BUDGET", 2000)
    assert stored(sqlite_url) == plain
    assert plain
