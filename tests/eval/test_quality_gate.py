"""The extractor's quality gate: F1 floors on the shared dev set, our own test set and the
four long-form sets once blind (regression guards now: each was measured once, then read for
general errors; see docs/extraction.md).

The floors live in baseline.json next to this file, so a change that lowers quality fails here
rather than landing quietly (the trafilatura approach).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.evaluate.run import predict
from armstrace.evaluate.score import LEVELS, Scores, load_claims, score
from armstrace.extract import Extractor, load_extractor
from armstrace.settings import load_settings

HERE = Path(__file__).parent
OWN = HERE.parent / "corpus"
LONG_FORM = {  # baseline key: folder with gold.jsonl and docs/
    "holdout": HERE.parent / "corpus_holdout",
    "blind1": HERE.parent / "corpus_blind",
    "blind2": HERE.parent / "corpus_blind2",
    "blind3": HERE.parent / "corpus_blind3",
}
BASELINE = json.loads((HERE / "baseline.json").read_text(encoding="utf-8"))
NO_CLAIM_DOCS = ("004_satellite_opinion", "005_busan_port")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return load_extractor()


def _evaluate(gold_path: Path, docs: Path, extractor: Extractor) -> Scores:
    gold = load_claims(gold_path)
    predictions = predict(list(gold), docs, extractor, load_settings())
    assert not predictions.failures, predictions.failures
    return score(gold, predictions.claims, predictions.texts)


def _check(scores: Scores, floors: dict[str, float]) -> list[str]:
    misses = []
    for level in LEVELS:
        if level in floors and scores.levels[level].f1 < floors[level]:
            misses.append(f"{level} F1 {scores.levels[level].f1:.3f} < {floors[level]}")
    if "grounded" in floors and (scores.grounded or 0.0) < floors["grounded"]:
        misses.append(f"grounded {scores.grounded} < {floors['grounded']}")
    return misses


def test_quality_gate_dev_set_meets_floors(shared_dir: Path, extractor: Extractor) -> None:
    dev = shared_dir / "corpus" / "dev"
    scores = _evaluate(dev / "gold.jsonl", dev / "docs", extractor)
    assert _check(scores, BASELINE["dev"]) == []
    assert _check(scores, BASELINE["issue_floors"]["dev"]) == []


def test_quality_gate_own_test_set_meets_floors(extractor: Extractor) -> None:
    scores = _evaluate(OWN / "gold.jsonl", OWN / "docs", extractor)
    assert _check(scores, BASELINE["own"]) == []
    assert _check(scores, BASELINE["issue_floors"]["own"]) == []


@pytest.mark.parametrize("name", sorted(LONG_FORM))
def test_quality_gate_long_form_sets_meet_floors(name: str, extractor: Extractor) -> None:
    folder = LONG_FORM[name]
    scores = _evaluate(folder / "gold.jsonl", folder / "docs", extractor)
    assert _check(scores, BASELINE[name]) == []


@pytest.mark.parametrize("stem", NO_CLAIM_DOCS)
def test_quality_gate_off_topic_documents_yield_no_claims(stem: str, extractor: Extractor) -> None:
    """The scorer ignores documents without gold claims, so false alarms there are checked here."""
    text = (OWN / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
    assert extractor.extract_text(text, stem) == []


def test_quality_gate_floors_never_below_the_issue() -> None:
    for corpus, floors in BASELINE["issue_floors"].items():
        for level, floor in floors.items():
            assert BASELINE[corpus][level] >= floor, (
                f"{corpus}.{level} pinned below the issue's floor"
            )
