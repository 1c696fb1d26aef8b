"""Extraction entry points: Document (or text) in, spec claims out."""

from __future__ import annotations

import time

from spacy.language import Language

from armstrace.errors import Overtime, TooSlow
from armstrace.model import Claim, Document
from armstrace.nlp.mentions import build_matchers
from armstrace.nlp.pipeline import build_nlp
from armstrace.settings import load_settings

VOCABULARY_BUDGET = 40_000
"""Strings spaCy's vocabulary may gain (about 17 MiB with their lexemes and tokenizer cache)
before the extractor starts again with a freshly built pipeline (0.1 s). The tokenizer adds
every word type it meets and never lets one go, and news never runs out of new ones (names,
numbers, compounds), so a long batch grew with its corpus. spaCy's `memory_zone` is no cure:
its hash tables keep a tombstone per freed word and keep growing."""


class Extractor:
    """Holds the loaded pipeline; build once with `load_extractor()`, call for many documents.

    `time_limit_s` bounds the reading of one document (ARMSTRACE_EXTRACT_TIMEOUT): past it the
    document fails with TooSlow and the batch goes on. None or 0 means no limit.
    """

    def __init__(self, nlp: Language, time_limit_s: float | None = None) -> None:
        self.nlp = nlp
        self.time_limit_s = time_limit_s
        # a trained pipeline starts with a large vocabulary of its own: count only the growth
        self._vocabulary_floor = len(nlp.vocab.strings)

    def extract(self, document: Document) -> list[Claim]:
        return self.extract_text(
            document.text, document.stem, document.published, source=document.source
        )

    def extract_text(
        self, text: str, doc_id: str, published: str | None = None, *, source: str | None = None
    ) -> list[Claim]:
        deadline = time.monotonic() + self.time_limit_s if self.time_limit_s else None
        if len(self.nlp.vocab.strings) > self._vocabulary_floor + VOCABULARY_BUDGET:
            self.nlp = build_nlp()  # claims hold no spaCy objects: nothing refers to the old one
            self._vocabulary_floor = len(self.nlp.vocab.strings)
        nlp = self.nlp  # one pipeline for the whole document, whatever another thread does
        doc = nlp.make_doc(text)
        doc.user_data["armstrace"] = {
            "doc_id": doc_id, "published": published, "text": text, "deadline": deadline,
        }  # fmt: skip
        try:
            for _name, component in nlp.pipeline:
                doc = component(doc)
        except Overtime:
            raise TooSlow(
                source or doc_id,
                f"extraction ran over the {self.time_limit_s:g} s limit (ARMSTRACE_EXTRACT_TIMEOUT)",
            ) from None
        claims: list[Claim] = doc._.claims or []
        return claims


def load_extractor(time_limit_s: float | None = None) -> Extractor:
    """Build the pipeline and compile the gazetteer's patterns once; reuse for every document.
    The per-document time limit defaults to the ARMSTRACE_EXTRACT_TIMEOUT setting."""
    build_matchers()
    limit = load_settings().extract_timeout_s if time_limit_s is None else time_limit_s
    return Extractor(build_nlp(), limit)


def extract_document(document: Document) -> list[Claim]:
    """Convenience for one-off use; batch code should reuse `load_extractor()`."""
    return load_extractor().extract(document)
