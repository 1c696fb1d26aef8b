"""What the store hands back: plain frozen records, detached from any database session.

Why not ORM objects: callers (CLI, web, exporters) must not trigger lazy loads or keep a
session open; a frozen dataclass can cross threads and be compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from armstrace.model.claim import Claim, Conveyance, Evidence, Item, Quantity, When


@dataclass(frozen=True)
class SaveResult:
    """Outcome of `Store.save_document`: "duplicate" means the bytes were stored before."""

    status: Literal["stored", "duplicate"]
    document_id: int
    claims: int


@dataclass(frozen=True)
class DocumentRow:
    """A stored document without its text and bytes, for listings."""

    id: int
    stem: str
    source: str
    title: str | None
    publisher: str | None
    published: str | None
    status: str
    content_hash: str
    claims: int


@dataclass(frozen=True)
class FailureRow:
    """An input that could not be ingested, and why."""

    id: int
    source: str
    reason: str
    raw_sha256: str | None
    at: datetime


@dataclass(frozen=True)
class StoredClaim:
    """A claim as stored: the spec's fields flattened, plus provenance and curation state."""

    id: str
    document_id: int
    doc: str
    type: str
    evidence_text: str
    evidence_start: int
    evidence_end: int
    extractor_version: str
    extracted_at: datetime
    curation_status: str
    supplier: str | None = None
    recipient: str | None = None
    via: tuple[str, ...] = ()
    item_category: str | None = None
    item_designation: str | None = None
    caliber_mm: float | None = None
    quantity_value: float | None = None
    quantity_unit: str | None = None
    quantity_qualifier: str | None = None
    quantity_max: float | None = None
    when_json: When | None = field(default=None, hash=False)
    when_start: str | None = None
    when_end: str | None = None
    source: str | None = None
    hedge: str | None = None
    conveyance_kind: str | None = None
    conveyance_name: str | None = None
    seized_by: str | None = None
    concealment: str | None = None
    facility: str | None = None
    credibility: int | None = None

    @property
    def when(self) -> When | None:
        """The claim's `when` exactly as extracted (the when_json column)."""
        return dict(self.when_json) if isinstance(self.when_json, dict) else self.when_json

    def to_claim(self) -> Claim:
        """The model record again, with its original provenance."""
        item = None
        if self.item_category is not None:
            item = Item(self.item_category, self.item_designation, self.caliber_mm)
        quantity = None
        if self.quantity_value is not None and self.quantity_unit is not None:
            quantity = Quantity(
                self.quantity_value,
                self.quantity_unit,
                self.quantity_qualifier or "exact",
                self.quantity_max,
            )
        conveyance = None
        if self.conveyance_kind is not None:
            conveyance = Conveyance(self.conveyance_kind, self.conveyance_name)
        return Claim(
            doc=self.doc,
            type=self.type,
            evidence=Evidence(self.evidence_text, self.evidence_start, self.evidence_end),
            supplier=self.supplier,
            recipient=self.recipient,
            via=list(self.via),
            item=item,
            quantity=quantity,
            when=self.when,
            source=self.source,
            hedge=self.hedge,
            conveyance=conveyance,
            seized_by=self.seized_by,
            concealment=self.concealment,
            facility=self.facility,
            extractor_version=self.extractor_version,
            extracted_at=self.extracted_at,
        )

    def to_record(self) -> dict[str, Any]:
        """The spec's JSON record (Claim.to_record) plus "id" and "curation_status"."""
        return {
            "id": self.id,
            **self.to_claim().to_record(),
            "curation_status": self.curation_status,
        }
