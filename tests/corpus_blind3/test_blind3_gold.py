"""The third blind set: the checks every annotated set passes (tests/corpus/gold_checks.py).

These tests never run the extractor: the set is for measuring, once per release candidate.
"""

from __future__ import annotations

from pathlib import Path

from corpus.gold_checks import GoldSetChecks, documents, load_gold

HERE = Path(__file__).resolve().parent


class TestBlind3Gold(GoldSetChecks):
    folder = HERE
    words = (550, 900)

    def test_every_document_is_annotated(self) -> None:
        gold, docs = load_gold(HERE), documents(HERE)
        assert {c["doc"] for c in gold} == {p.stem for p in docs}
        assert len(docs) == 8
