"""Run the extractor over the documents a gold file names, for scoring.

Why not just `extract` + the official scorer: evaluation should read documents exactly as
`ingest` does (HTML and PDF too, sidecars applied), and keep each document's extracted text so
grounding is measured against what the extractor actually saw.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from armstrace.batch import extract_claims, read_document
from armstrace.errors import InputError
from armstrace.evaluate.score import Record, group_by_doc
from armstrace.settings import Settings

if TYPE_CHECKING:
    from armstrace.extract import Extractor

DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
"""Looked for in this order when a gold file names a document stem."""


@dataclass
class Predictions:
    """Predicted claims and extracted texts by document stem, plus documents that failed."""

    claims: dict[str, list[Record]] = field(default_factory=dict)
    texts: dict[str, str | None] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)


def find_document(docs_dir: Path, stem: str) -> Path | None:
    """The file in `docs_dir` holding document `stem`, or None."""
    for suffix in DOCUMENT_SUFFIXES:
        path = docs_dir / f"{stem}{suffix}"
        if path.is_file():
            return path
    return None


def predict(
    stems: Iterable[str], docs_dir: Path, extractor: Extractor, settings: Settings
) -> Predictions:
    """Extract claims from each named document; a missing or unreadable one is a failure."""
    predictions = Predictions()
    records: list[Record] = []
    for stem in stems:
        path = find_document(docs_dir, stem)
        if path is None:
            looked_for = "/".join(DOCUMENT_SUFFIXES)
            predictions.failures.append(
                (stem, f"not found in {docs_dir} (looked for {looked_for})")
            )
            predictions.texts[stem] = None
            continue
        try:
            document = read_document(str(path), settings)
            claims = extract_claims(document, extractor)
        except InputError as exc:
            predictions.failures.append((exc.source, exc.reason))
            predictions.texts[stem] = None
            continue
        predictions.texts[stem] = document.text
        records.extend(claim.to_record() for claim in claims)
    predictions.claims = group_by_doc(records)
    return predictions
