"""Claims and documents built by hand for the analysis tests.

Each claim gets its own evidence offsets, so two claims with the same fields still have
different ids (as two sentences in a real document would).
"""

from __future__ import annotations

import itertools
from typing import Any

from armstrace.model import Claim, Document, Evidence, Item, Quantity

_offsets = itertools.count(0, 100)


def claim(
    doc: str = "report_a",
    *,
    supplier: str | None = "KP",
    recipient: str | None = "RU",
    type: str = "transfer",
    value: float | None = None,
    unit: str = "containers",
    qualifier: str = "exact",
    maximum: float | None = None,
    category: str | None = "munitions",
    **fields: Any,
) -> Claim:
    """A claim; `value` adds a quantity, `fields` set any other Claim field."""
    start = next(_offsets)
    text = fields.pop("text", None) or (
        f"{supplier} sent {value or 'some'} {unit} of {category} to {recipient}."
    )
    return Claim(
        doc=doc,
        type=type,
        supplier=supplier,
        recipient=recipient,
        item=Item(category) if category else None,
        quantity=Quantity(value, unit, qualifier, maximum) if value is not None else None,
        evidence=Evidence(text, start, start + len(text)),
        **fields,
    )


def document(stem: str = "report_a", **meta: Any) -> Document:
    """A document with distinct bytes per stem; `meta` sets title, publisher, published."""
    text = meta.pop("text", f"Report {stem}.")
    return Document(
        source=f"/data/{stem}.txt",
        stem=stem,
        text=text,
        format="text",
        raw=f"{stem}\n{text}".encode(),
        **meta,
    )
