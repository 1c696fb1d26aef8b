"""The annotated test set: gold.jsonl is current, grounded, in the spec's vocabulary, and
scores 1.0 against itself with the official scorer."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from armstrace.ingest import read

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold.jsonl"
PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _load_annotator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_annotate", HERE / "_annotate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


annotate = _load_annotator()


def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _documents() -> list[Path]:
    """The documents: every .html page, and every .txt that is not an HTML page's rendition."""
    html = {p.stem for p in DOCS.glob("*.html")}
    return sorted([*DOCS.glob("*.html"), *(p for p in DOCS.glob("*.txt") if p.stem not in html)])


@functools.cache
def _text(stem: str) -> str:
    """The document's text as armstrace reads it, which is what evidence offsets index."""
    html = DOCS / f"{stem}.html"
    return read(html if html.exists() else DOCS / f"{stem}.txt").text


def test_gold_is_current_with_annotations() -> None:
    assert annotate.main(["--check"]) == 0, "run: python tests/corpus/_annotate.py"


@pytest.mark.parametrize("claim", _gold(), ids=lambda c: c["doc"])
def test_gold_evidence_is_a_verbatim_span(claim: dict[str, Any]) -> None:
    evidence = claim["evidence"]
    assert _text(claim["doc"])[evidence["start"] : evidence["end"]] == evidence["text"]


@pytest.mark.parametrize("claim", _gold(), ids=lambda c: c["doc"])
def test_gold_claim_uses_spec_vocabulary(claim: dict[str, Any]) -> None:
    fields = {k: v for k, v in claim.items() if k not in ("doc", "evidence")}
    assert annotate.validate({**fields, "quote": claim["evidence"]["text"]}) == []


def test_gold_size_and_false_alarm_documents() -> None:
    gold = _gold()
    annotated = {c["doc"] for c in gold}
    stems = {p.stem for p in _documents()}
    assert 80 <= len(gold) <= 150
    assert annotated <= stems
    assert len(stems - annotated) >= 2, "keep at least two documents with no claim"
    assert len(stems) >= 20
    assert sum(p.suffix == ".html" for p in _documents()) >= 2


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_corpus_document_has_sidecar_and_length(path: Path) -> None:
    sidecar = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert set(sidecar) == {"title", "url", "publisher", "published"}
    assert PUBLISHED.match(sidecar["published"])
    assert 80 <= len(_text(path.stem).split()) <= 300


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


def test_gold_scores_one_against_itself(shared_dir: Path) -> None:
    scorer = shared_dir / "eval" / "score.py"
    done = subprocess.run(
        [sys.executable, str(scorer), str(GOLD), str(GOLD), "--docs", str(DOCS), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(done.stdout)
    assert scores["grounded"] == 1.0
    for level in ("relations", "items", "quantities", "interdictions"):
        assert scores[level]["f1"] == 1.0, level
