"""The spaCy pipeline: a tokenizer (blank English, or a trained pipeline when one is installed)
followed by armstrace's components.

Why spaCy when the rules read raw text: components declare what they write, spans in
`doc.spans` let any spaCy tool (displaCy, a trained NER, a later ML component) see and reuse what
the rules found, and a trained pipeline, when installed, slots in without code changes.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from armstrace.nlp.assemble import Assembler

log = logging.getLogger(__name__)

MENTIONS = "armstrace_mentions"
CLAIMS = "armstrace_claims"
_SPAN_KEYS = ("actor", "item", "vessel", "quantity")

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


@Language.factory("armstrace_claims_v1", assigns=["doc._.claims", "doc.spans"])
def make_claims_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent()


class ClaimsComponent:
    """Reads `doc.user_data["armstrace"]` (doc id, publication date, optionally the text the doc
    was made from and a time.monotonic() deadline), writes the claims to `doc._.claims` and the mentions it used to `doc.spans`
    ("actor", "item", "vessel", "quantity")."""

    def __call__(self, doc: Doc) -> Doc:
        meta: dict[str, Any] = doc.user_data.get("armstrace", {})
        # doc.text rebuilds the string token by token; the caller's own copy is the same text
        text = meta.get("text") or doc.text
        assembler = Assembler(
            text, meta.get("doc_id", "doc"), meta.get("published"), meta.get("deadline")
        )
        doc._.claims = assembler.run()
        if meta.get("spans", False):
            self._write_spans(doc, assembler)
        return doc

    @staticmethod
    def _write_spans(doc: Doc, assembler: Assembler) -> None:
        found = assembler.mentions
        layers: dict[str, list[tuple[int, int, str]]] = {
            "actor": [(a.start, a.end, a.actor_id) for a in found.actors],
            "item": [(i.start, i.end, i.category) for i in found.items],
            "vessel": [(v.start, v.end, v.kind) for v in found.vessels],
            "quantity": [(n.start, n.end, n.qualifier) for n in found.numbers],
        }
        for key in _SPAN_KEYS:
            spans = []
            for start, end, label in layers[key]:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
            doc.spans[key] = spans


def _base_pipeline() -> Language:
    """A trained English pipeline when one is installed (never required), else blank English."""
    wanted = os.environ.get("ARMSTRACE_SPACY_MODEL", "")
    for name in [wanted] if wanted else ["en_core_web_sm"]:
        if name and spacy.util.is_package(name):
            log.info("using the installed spaCy pipeline %s", name)
            return spacy.load(name, exclude=["ner", "lemmatizer", "textcat"])
    return spacy.blank("en")


def build_nlp() -> Language:
    nlp = _base_pipeline()
    nlp.add_pipe("armstrace_claims_v1", name=CLAIMS, last=True)
    return nlp
