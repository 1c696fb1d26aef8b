"""Claims and documents as the store returns them, written here for the findings tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

from armstrace.store import DocumentRow, StoredClaim
from armstrace.store.mapping import when_bounds

_ids = itertools.count(1)


def document(doc_id: int, stem: str, publisher: str | None) -> DocumentRow:
    return DocumentRow(doc_id, stem, f"/in/{stem}.txt", None, publisher, None, "ok", stem, 1)


def claim(document_id: int, doc: str, **fields: Any) -> StoredClaim:
    """A stored claim; `when` sets when_json and its bounds as the store would."""
    when = fields.pop("when", None)
    start, end = when_bounds(when)
    n = next(_ids)
    values: dict[str, Any] = {
        "id": f"c{n:04d}", "document_id": document_id, "doc": doc, "type": "transfer",
        "evidence_text": "…", "evidence_start": n, "evidence_end": n + 1,
        "extractor_version": "test", "extracted_at": datetime(2025, 1, 1, tzinfo=UTC),
        "curation_status": "extracted", "supplier": "KP", "recipient": "RU",
        "item_category": "artillery_ammunition", "when_json": when, "when_start": start,
        "when_end": end,
    }  # fmt: skip
    return StoredClaim(**(values | fields))
