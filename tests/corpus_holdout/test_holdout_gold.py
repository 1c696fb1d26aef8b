"""The held-out set: the checks every annotated set passes (tests/corpus/gold_checks.py), and
the size the brief asks for.

These tests never run the extractor: the set must stay blind to it.
"""

from __future__ import annotations

from pathlib import Path

from corpus.gold_checks import GoldSetChecks, documents, load_gold

HERE = Path(__file__).resolve().parent


class TestHoldoutGold(GoldSetChecks):
    folder = HERE
    words = (600, 1200)

    def test_holdout_size_matches_the_brief(self) -> None:
        gold, docs = load_gold(HERE), documents(HERE)
        assert 150 <= len(gold) <= 250
        assert {c["doc"] for c in gold} == {p.stem for p in docs}
        assert len(docs) == 12
