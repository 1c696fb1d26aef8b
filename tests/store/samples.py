"""Documents and claims to store in tests: written here, not copied from the corpus."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from armstrace.model import Claim, Conveyance, Document, Evidence, Item, Quantity

TEXT = (
    "Inspectors said the freighter carried 120 crates of 122 mm rockets from Iran to Syria. "
    "A later report alleged that North Korea supplied about 1 million artillery shells to "
    "Russia between March 2023 and June 2024. Hezbollah fighters were trained by Iran."
)


def make_document(stem: str = "report_a", text: str = TEXT, **meta: Any) -> Document:
    """A document whose raw bytes (and so content hash) follow from stem and text."""
    return Document(
        source=f"/data/in/{stem}.txt",
        stem=stem,
        text=text,
        format="text",
        raw=f"{stem}\n{text}".encode(),
        **meta,
    )


def span(text: str, phrase: str) -> Evidence:
    """Evidence for `phrase` at its real offsets in `text`."""
    start = text.index(phrase)
    return Evidence(phrase, start, start + len(phrase))


def make_claim(doc: str = "report_a", phrase: str = "trained by Iran", **fields: Any) -> Claim:
    """A claim with evidence `phrase` in TEXT; `fields` set any other Claim field."""
    fields.setdefault("type", "support")
    fields.setdefault("extracted_at", datetime(2024, 5, 1, 12, 30, tzinfo=UTC))
    return Claim(doc=doc, evidence=span(TEXT, phrase), **fields)


def full_interdiction(doc: str = "report_a") -> Claim:
    """A claim with every optional field set."""
    return make_claim(
        doc,
        "120 crates of 122 mm rockets",
        type="interdiction",
        supplier="IR",
        recipient="SY",
        via=["CY", "EG"],
        item=Item("rockets", "122 mm Grad", 122.0),
        quantity=Quantity(120, "containers", "at_least"),
        when={"start": "2009-11", "end": "2009-11-04"},
        source="inspectors",
        hedge="confirmed",
        conveyance=Conveyance("ship", "Francop"),
        seized_by="IL",
        concealment="hidden_in_cargo",
        facility=None,
    )


def shells_transfer(doc: str = "report_a") -> Claim:
    return make_claim(
        doc,
        "North Korea supplied about 1 million artillery shells",
        type="transfer",
        supplier="KP",
        recipient="RU",
        item=Item("artillery_ammunition", caliber_mm=152.4),
        quantity=Quantity(1_000_000.0, "items", "approx"),
        when={"start": "2023-03", "end": "2024-06"},
        hedge="alleged",
    )


def support_claim(doc: str = "report_a") -> Claim:
    return make_claim(doc, "trained by Iran", supplier="IR", recipient="hezbollah", hedge=None)
