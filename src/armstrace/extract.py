"""Extraction entry points: Document (or text) in, spec claims out."""

from __future__ import annotations

from spacy.language import Language

from armstrace.model import Claim, Document
from armstrace.nlp.mentions import build_matchers
from armstrace.nlp.pipeline import build_nlp


class Extractor:
    """Holds the loaded pipeline; build once with `load_extractor()`, call for many documents."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def extract(self, document: Document) -> list[Claim]:
        return self.extract_text(document.text, document.stem, document.published)

    def extract_text(self, text: str, doc_id: str, published: str | None = None) -> list[Claim]:
        doc = self.nlp.make_doc(text)
        doc.user_data["armstrace"] = {"doc_id": doc_id, "published": published, "text": text}
        for _name, component in self.nlp.pipeline:
            doc = component(doc)
        claims: list[Claim] = doc._.claims or []
        return claims


def load_extractor() -> Extractor:
    """Build the pipeline and compile the gazetteer's patterns once; reuse for every document."""
    build_matchers()
    return Extractor(build_nlp())


def extract_document(document: Document) -> list[Claim]:
    """Convenience for one-off use; batch code should reuse `load_extractor()`."""
    return load_extractor().extract(document)
