"""The annotated test set: the checks every set passes (gold_checks.py), its sizes and its
documents with no claim, and the annotator's own rules (`_annotate.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from . import _annotate as annotate
from .gold_checks import GoldSetChecks, documents, load_gold

HERE = Path(__file__).resolve().parent


class TestCorpusGold(GoldSetChecks):
    folder = HERE
    words = (80, 300)

    def test_gold_size_and_false_alarm_documents(self) -> None:
        gold, docs = load_gold(HERE), documents(HERE)
        annotated = {c["doc"] for c in gold}
        stems = {p.stem for p in docs}
        assert 80 <= len(gold) <= 150
        assert annotated <= stems
        assert len(stems - annotated) >= 2, "keep at least two documents with no claim"
        assert len(stems) >= 20
        assert sum(p.suffix == ".html" for p in docs) >= 2


@pytest.mark.parametrize(
    ("text", "quote", "found"),
    [
        ("Shells went north. Rockets too.", "Rockets too.", (19, 31)),
        ("Shells went north.", "Shells went south.", "found 0 times"),
        ("Shells, then more shells.", "hells", "found 2 times"),
    ],
)
def test_annotate_locates_a_quote_exactly_once(
    text: str, quote: str, found: tuple[int, int] | str
) -> None:
    result = annotate.locate(text, quote)
    if isinstance(found, tuple):
        assert result == found
    else:
        assert isinstance(result, str) and found in result


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "sale"}, "type 'sale'"),
        ({"item": {"category": "drones"}}, "category 'drones' unknown"),
        ({"hedge": "rumoured"}, "hedge 'rumoured' unknown"),
        ({"supplier": "North Korea"}, "is not an actor id"),
        ({"recipient": None}, "transfer needs recipient"),
        ({"quantity": {"value": 5, "unit": "items", "qualifier": "range"}}, "'max' goes with"),
        ({"when": "July 2024"}, "is not YYYY"),
        ({"concealment": "smuggled"}, "concealment 'smuggled' unknown"),
        ({"colour": "red"}, "unknown field 'colour'"),
    ],
)
def test_annotate_rejects_claims_outside_the_spec(change: dict[str, Any], message: str) -> None:
    claim: dict[str, Any] = {
        "type": "transfer",
        "supplier": "KP",
        "recipient": "RU",
        "item": {"category": "artillery_ammunition"},
        "hedge": "reported",
        "quote": "Shells went north.",
    }
    claim = annotate.normalise({**claim, **change})
    assert any(message in problem for problem in annotate.validate(claim))
