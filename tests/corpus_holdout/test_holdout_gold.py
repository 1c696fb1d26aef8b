"""The held-out set: gold.jsonl is current, grounded, in the spec's vocabulary, within the
size the brief asks for, and scores 1.0 against itself with the official scorer.

These tests never run the extractor: the set must stay blind to it.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold.jsonl"
PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _load_annotator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("holdout_annotate", HERE / "_annotate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


annotate = _load_annotator()


def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _documents() -> list[Path]:
    return sorted(DOCS.glob("*.txt"))


def test_holdout_gold_is_current_with_annotations() -> None:
    assert annotate.main(["--check"]) == 0, "run: python tests/corpus_holdout/_annotate.py"


@pytest.mark.parametrize("claim", _gold(), ids=lambda c: c["doc"])
def test_holdout_evidence_is_a_verbatim_span(claim: dict[str, Any]) -> None:
    text = (DOCS / f"{claim['doc']}.txt").read_text(encoding="utf-8")
    evidence = claim["evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["text"]


@pytest.mark.parametrize("claim", _gold(), ids=lambda c: c["doc"])
def test_holdout_claim_uses_spec_vocabulary(claim: dict[str, Any]) -> None:
    fields = {k: v for k, v in claim.items() if k not in ("doc", "evidence")}
    assert annotate.validate({**fields, "quote": claim["evidence"]["text"]}) == []


def test_holdout_size_matches_the_brief() -> None:
    gold = _gold()
    assert 150 <= len(gold) <= 250
    assert {c["doc"] for c in gold} == {p.stem for p in _documents()}
    assert len(_documents()) == 12


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_holdout_document_has_sidecar_and_long_form_length(path: Path) -> None:
    sidecar = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert set(sidecar) == {"title", "url", "publisher", "published"}
    assert sidecar["url"] is None
    assert PUBLISHED.match(sidecar["published"])
    assert 600 <= len(path.read_text(encoding="utf-8").split()) <= 1200


def test_holdout_gold_scores_one_against_itself(shared_dir: Path) -> None:
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
