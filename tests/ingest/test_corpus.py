"""The dev corpus reads back exactly: every gold evidence span indexes into `read()` text.

Uses the suite's `shared_dir` fixture (skips when ../shared is absent, fails under CI=true).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.ingest import discover, read


@pytest.fixture
def docs(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "dev" / "docs"


def test_corpus_documents_are_discovered_without_sidecars(docs: Path) -> None:
    found = list(discover([str(docs)]))
    assert found
    assert all(path.endswith(".txt") for path in found)
    assert found == sorted(found)


def test_corpus_sidecars_reach_documents(docs: Path) -> None:
    for source in discover([str(docs)]):
        document = read(source)
        sidecar = json.loads(Path(source).with_suffix(".meta.json").read_text())
        assert document.stem == Path(source).stem
        assert document.title == sidecar["title"]
        assert document.published == sidecar["published"]


def test_corpus_gold_evidence_spans_index_into_text(shared_dir: Path, docs: Path) -> None:
    texts = {Path(s).stem: read(s).text for s in discover([str(docs)])}
    gold = shared_dir / "corpus" / "dev" / "gold.jsonl"
    checked = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        evidence = claim["evidence"]
        text = texts[claim["doc"]]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"], claim["doc"]
        checked += 1
    assert checked > 0
