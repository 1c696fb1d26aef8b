"""Extraction entry points: Document (or text) in, spec claims out.

FIRST STUB: the real pipeline lives in armstrace.nlp and replaces this body; the signatures stay.
"""

from __future__ import annotations

from armstrace.model import Claim, Document


class Extractor:
    """Holds the loaded NLP pipeline; build once, call for many documents."""

    def extract(self, document: Document) -> list[Claim]:
        return []


def load_extractor() -> Extractor:
    """Build the pipeline once (gazetteer, patterns); reuse it for every document."""
    return Extractor()


def extract_document(document: Document) -> list[Claim]:
    """Convenience for one-off use; batch code should reuse `load_extractor()`."""
    return load_extractor().extract(document)
