"""Map model records (`Claim`, `Document`) to table rows and rows back to stored records.

Why one module: the flattening of a claim (item → item_category, when → when_start/when_end)
happens in exactly one place, so a round trip through the database gives back the same
`Claim.to_record()`.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from armstrace.model.claim import Claim, When
from armstrace.model.document import Document, sha256_hex
from armstrace.store.records import FailureRow, StoredClaim
from armstrace.store.tables import ClaimTable, DocumentTable, IngestFailureTable

log = logging.getLogger(__name__)

_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")


def clean_date(value: object) -> str | None:
    """`value` if it is a "YYYY", "YYYY-MM" or "YYYY-MM-DD" string, else None."""
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value
    return None


def when_bounds(when: When | None) -> tuple[str | None, str | None]:
    """The first and last date a claim's `when` covers, at the precision the text gave.

    A plain date is both bounds ("2009-03" → ("2009-03", "2009-03")); an open range leaves
    one bound None. A value that is not a date is kept in when_json but gets no bounds.
    """
    if when is None:
        return None, None
    if isinstance(when, str):
        start = end = clean_date(when)
        raw: list[object] = [when]
    else:
        start, end = clean_date(when.get("start")), clean_date(when.get("end"))
        raw = [v for v in (when.get("start"), when.get("end")) if v is not None]
    if any(clean_date(v) is None for v in raw):
        log.warning("claim date %r is not YYYY[-MM[-DD]]; it will not match date filters", when)
    return start, end


def claim_row(claim: Claim, document_id: int) -> ClaimTable:
    """A new `claims` row for `claim`, curation status "extracted"."""
    item, quantity, conveyance = claim.item, claim.quantity, claim.conveyance
    when_start, when_end = when_bounds(claim.when)
    return ClaimTable(
        id=claim.id,
        document_id=document_id,
        doc=claim.doc,
        type=claim.type,
        supplier=claim.supplier,
        recipient=claim.recipient,
        via=list(claim.via),
        item_category=item.category if item else None,
        item_designation=item.designation if item else None,
        caliber_mm=item.caliber_mm if item else None,
        quantity_value=quantity.value if quantity else None,
        quantity_unit=quantity.unit if quantity else None,
        quantity_qualifier=quantity.qualifier if quantity else None,
        quantity_max=quantity.max if quantity else None,
        when_json=claim.when,
        when_start=when_start,
        when_end=when_end,
        source=claim.source,
        hedge=claim.hedge,
        conveyance_kind=conveyance.kind if conveyance else None,
        conveyance_name=conveyance.name if conveyance else None,
        seized_by=claim.seized_by,
        concealment=claim.concealment,
        facility=claim.facility,
        evidence_text=claim.evidence.text,
        evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end,
        extractor_version=claim.extractor_version,
        extracted_at=claim.extracted_at,
        curation_status="extracted",
    )


def stored_claim(row: ClaimTable) -> StoredClaim:
    """The frozen record for a `claims` row."""
    return StoredClaim(
        id=row.id,
        document_id=row.document_id,
        doc=row.doc,
        type=row.type,
        evidence_text=row.evidence_text,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        extractor_version=row.extractor_version,
        extracted_at=row.extracted_at,
        curation_status=row.curation_status,
        supplier=row.supplier,
        recipient=row.recipient,
        via=tuple(row.via or ()),
        item_category=row.item_category,
        item_designation=row.item_designation,
        caliber_mm=_number(row.caliber_mm),
        quantity_value=_number(row.quantity_value),
        quantity_unit=row.quantity_unit,
        quantity_qualifier=row.quantity_qualifier,
        quantity_max=_number(row.quantity_max),
        when_json=row.when_json,
        when_start=row.when_start,
        when_end=row.when_end,
        source=row.source,
        hedge=row.hedge,
        conveyance_kind=row.conveyance_kind,
        conveyance_name=row.conveyance_name,
        seized_by=row.seized_by,
        concealment=row.concealment,
        facility=row.facility,
        credibility=row.credibility,
    )


def document_row(document: Document, status: str, extractor_version: str) -> DocumentTable:
    """A new `documents` row; `raw` and its hash are NULL when the reader kept no bytes."""
    raw = document.raw or None
    return DocumentTable(
        content_hash=document.content_hash,
        stem=document.stem,
        source=document.source,
        format=document.format,
        title=document.title,
        publisher=document.publisher,
        published=document.published,
        url=document.url,
        encoding=document.encoding,
        text=document.text,
        raw=raw,
        raw_sha256=sha256_hex(raw) if raw else None,
        retrieved_at=document.retrieved_at,
        status=status,
        extractor_version=extractor_version,
    )


def failure_listing(row: IngestFailureTable) -> FailureRow:
    return FailureRow(
        id=row.id, source=row.source, reason=row.reason, raw_sha256=row.raw_sha256, at=row.at
    )


def _number(value: Any) -> float | None:
    """Whole numbers come back as int, so JSON prints "200", as the source text wrote it."""
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number
