"""Many small documents and claims written in bulk, to pass the count caps in tests.

Why not `Store.save_document`: ten thousand claims through the ORM take long; the listing
and search code under test reads rows, whoever wrote them (the search index follows inserts
by itself: SQLite triggers, a PostgreSQL generated column).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select

from armstrace.store import make_engine, open_store
from armstrace.store.tables import ClaimTable, DocumentTable

WORD = "needle"
"""Every bulk document contains it once."""


def bulk_text(number: int) -> str:
    return f"Report {number}: a {WORD} was found in container {number} at the port of Nampo."


def fill(url: str, documents: int, claims_per_document: int) -> None:
    """Add `documents` documents of `claims_per_document` KP → RU munitions claims each."""
    open_store(url).close()
    engine = make_engine(url)
    now = datetime(2024, 6, 1, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            insert(DocumentTable),
            [
                {
                    "content_hash": f"{n:064x}", "stem": f"bulk_{n:05d}", "source": f"/bulk/{n}",
                    "format": "text", "text": bulk_text(n), "ingested_at": now, "status": "ok",
                }
                for n in range(documents)
            ],
        )  # fmt: skip
        ids = {
            stem: id_
            for stem, id_ in connection.execute(select(DocumentTable.stem, DocumentTable.id))
        }
        rows = [
            {
                "id": f"bulk{n:05d}{i:04d}", "document_id": ids[f"bulk_{n:05d}"],
                "doc": f"bulk_{n:05d}", "type": "transfer", "supplier": "KP", "recipient": "RU",
                "via": [], "item_category": "munitions", "evidence_text": "Report",
                "evidence_start": 0, "evidence_end": 6, "extractor_version": "bulk",
                "extracted_at": now, "curation_status": "extracted",
            }
            for n in range(documents)
            for i in range(claims_per_document)
        ]  # fmt: skip
        connection.execute(insert(ClaimTable), rows)
    engine.dispose()
