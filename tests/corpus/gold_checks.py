"""The checks every annotated test set must pass, written once for tests/corpus and
tests/corpus_holdout: gold.jsonl is current with annotations.yml, grounded, in the spec's
vocabulary, every document has its sidecar and length, and the official scorer gives the gold
1.0 against itself.

A set's test module subclasses `GoldSetChecks`, names its folder and document length, and adds
the checks only it has (sizes). None of this runs the extractor.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from armstrace.ingest import read

from . import _annotate as annotate

PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load_gold(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def documents(folder: Path) -> list[Path]:
    """The documents: every .html page, and every .txt that is not an HTML page's rendition."""
    docs = folder / "docs"
    html = {p.stem for p in docs.glob("*.html")}
    return sorted([*docs.glob("*.html"), *(p for p in docs.glob("*.txt") if p.stem not in html)])


@functools.cache
def armstrace_text(docs: Path, stem: str) -> str:
    """The document's text as armstrace reads it, which is what evidence offsets index."""
    html = docs / f"{stem}.html"
    return read(html if html.exists() else docs / f"{stem}.txt").text


class GoldSetChecks:
    """Subclass as `Test...` with `folder` and `words`; each check then runs on that set."""

    folder: ClassVar[Path]
    words: ClassVar[tuple[int, int]]
    """Fewest and most words a document may have."""

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """Give `claim` every gold claim and `document` every document of this set."""
        if "claim" in metafunc.fixturenames:
            metafunc.parametrize("claim", load_gold(self.folder), ids=lambda c: c["doc"])
        if "document" in metafunc.fixturenames:
            metafunc.parametrize("document", documents(self.folder), ids=lambda p: p.name)

    def test_gold_is_current_with_annotations(self) -> None:
        hint = f"run: python tests/corpus/_annotate.py {self.folder}"
        assert annotate.main([str(self.folder), "--check"]) == 0, hint

    def test_gold_evidence_is_a_verbatim_span(self, claim: dict[str, Any]) -> None:
        """In the text armstrace reads and in docs/STEM.txt, the file the scorer reads."""
        docs, evidence = self.folder / "docs", claim["evidence"]
        scored = (docs / f"{claim['doc']}.txt").read_text(encoding="utf-8")
        for text in (armstrace_text(docs, claim["doc"]), scored):
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]

    def test_gold_claim_uses_spec_vocabulary(self, claim: dict[str, Any]) -> None:
        fields = {k: v for k, v in claim.items() if k not in ("doc", "evidence")}
        assert annotate.validate({**fields, "quote": claim["evidence"]["text"]}) == []

    def test_document_has_sidecar_and_length(self, document: Path) -> None:
        sidecar = json.loads(document.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert set(sidecar) == {"title", "url", "publisher", "published"}
        assert sidecar["url"] is None
        assert PUBLISHED.match(sidecar["published"])
        fewest, most = self.words
        assert fewest <= len(armstrace_text(document.parent, document.stem).split()) <= most

    def test_gold_scores_one_against_itself(self, shared_dir: Path) -> None:
        scorer = shared_dir / "eval" / "score.py"
        gold, docs = self.folder / "gold.jsonl", self.folder / "docs"
        done = subprocess.run(
            [sys.executable, str(scorer), str(gold), str(gold), "--docs", str(docs), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
        scores = json.loads(done.stdout)
        assert scores["grounded"] == 1.0
        for level in ("relations", "items", "quantities", "interdictions"):
            assert scores[level]["f1"] == 1.0, level


class FullyAnnotatedSetChecks(GoldSetChecks):
    """A set whose every document has gold claims (the blind sets): `document_count` of them."""

    document_count: ClassVar[int]

    def test_every_document_is_annotated(self) -> None:
        gold, docs = load_gold(self.folder), documents(self.folder)
        assert {c["doc"] for c in gold} == {p.stem for p in docs}
        assert len(docs) == self.document_count
