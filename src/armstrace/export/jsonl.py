"""`jsonl`: one claim per line, the spec's record plus its id, provenance and curation.

Why these extra keys: `armstrace import` must rebuild the same claims in another store, with
the analyst's decisions (status, credibility, audit entries) and enough about the document
(title, publisher, date, URL) to cite it there even without its text. Keys are sorted, so two
exports of the same store are byte-identical and diff line by line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import IO, Any

from armstrace.export.dataset import ExportDocument, ExportSet
from armstrace.store import StoredClaim
from armstrace.store.curation import AuditEntry

EXTRA_KEYS = ("id", "curation_status", "credibility", "provenance", "document", "audit")
"""Keys an exported line has beside the spec's record (import strips them to validate)."""


def claim_record(
    claim: StoredClaim, document: ExportDocument, audit: Sequence[AuditEntry]
) -> dict[str, Any]:
    """The exported object for one claim."""
    record = claim.to_record()
    if claim.credibility is not None:
        record["credibility"] = claim.credibility
    record["provenance"] = {
        "extractor_version": claim.extractor_version,
        "extracted_at": _time(claim.extracted_at),
    }
    cited = _document(document)
    if cited:
        record["document"] = cited
    if audit:
        record["audit"] = [_audit(entry) for entry in sorted(audit, key=lambda e: (e.at, e.id))]
    return record


def claim_records(export: ExportSet) -> list[dict[str, Any]]:
    """Every claim of the export as its exported object, in store order."""
    return [
        claim_record(claim, export.document(claim), export.audit.get(claim.id, ()))
        for claim in export.claims
    ]


def write(export: ExportSet, fh: IO[str]) -> None:
    """One JSON object per claim and line, keys sorted, UTF-8 kept as is."""
    for record in claim_records(export):
        fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def write_array(export: ExportSet, fh: IO[str]) -> None:
    """The same records as one indented JSON array (`--format json`)."""
    json.dump(claim_records(export), fh, ensure_ascii=False, sort_keys=True, indent=2)
    fh.write("\n")


def _document(document: ExportDocument) -> dict[str, str]:
    fields = {
        "title": document.title,
        "publisher": document.publisher,
        "published": document.published,
        "url": document.url,
        "reliability": document.reliability,
    }
    return {key: value for key, value in fields.items() if value}


def _audit(entry: AuditEntry) -> dict[str, Any]:
    record = {
        "at": _time(entry.at),
        "user": entry.user,
        "action": entry.action,
        "before": entry.before,
        "after": entry.after,
    }
    if entry.note:
        record["note"] = entry.note
    return record


def _time(value: datetime) -> str:
    """UTC, ISO 8601 with microseconds, so the value survives a round trip exactly."""
    return value.isoformat(timespec="microseconds")
