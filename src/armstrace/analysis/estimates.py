"""Estimates of one flow over time: every quantified claim of supplier → recipient as a point.

Why points are never merged: two bodies that both say "10,000 containers" are two pieces of
evidence, and an analyst must see both, with who said it and when. The series is ordered by
the date the figure stands at; contradictions and implied conversions are computed beside it
(`reconcile.py`) and never change a point.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from armstrace.analysis.dates import Span, Window, claim_window, parse_date
from armstrace.analysis.reconcile import Contradiction, Conversion, contradictions, conversions
from armstrace.analysis.records import (
    ClaimLike,
    ClaimRef,
    DocumentIndex,
    DocumentLike,
    claim_refs,
    quantity_label,
)
from armstrace.evaluate.score import normalise_actor
from armstrace.model.claim import When

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EstimatePoint:
    """One figure one source gave for the flow, with where and when it was asserted."""

    claim_id: str
    type: str
    value: float
    qualifier: str
    max: float | None
    unit: str
    category: str | None
    designation: str | None
    when: When | None
    window: Window = field(repr=False)
    reported: str | None
    asserted_by: str | None
    asserted_by_origin: str | None
    """"claim source" or "document publisher": where `asserted_by` came from."""
    hedge: str | None
    doc: str
    title: str | None
    evidence: str
    evidence_start: int
    doc_position: int = field(default=0, repr=False)

    @property
    def label(self) -> str:
        """The value with its qualifier, e.g. "≥ 7,000"."""
        return quantity_label(self.value, self.qualifier, self.max)

    @property
    def as_of(self) -> str | None:
        """The date the figure stands at (end of a range, or a plain date)."""
        return self.window.end.text if self.window.end else None

    @property
    def since(self) -> str | None:
        """The start of a cumulative or period figure ("since D")."""
        start = self.window.start
        return start.text if start is not None and self.window.kind in ("since", "period") else None

    def to_record(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "type": self.type,
            "value": self.value,
            "qualifier": self.qualifier,
            "max": self.max,
            "label": self.label,
            "unit": self.unit,
            "category": self.category,
            "designation": self.designation,
            "when": self.when,
            "as_of": self.as_of,
            "since": self.since,
            "reported": self.reported,
            "asserted_by": self.asserted_by,
            "asserted_by_origin": self.asserted_by_origin,
            "hedge": self.hedge,
            "doc": self.doc,
            "title": self.title,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class EstimateSeries:
    """The points of one flow in date order, with the contradictions and conversions found."""

    supplier: str
    recipient: str
    unit: str | None
    category: str | None
    points: tuple[EstimatePoint, ...]
    contradictions: tuple[Contradiction, ...]
    conversions: tuple[Conversion, ...]

    def to_record(self) -> dict[str, Any]:
        return {
            "supplier": self.supplier,
            "recipient": self.recipient,
            "unit": self.unit,
            "category": self.category,
            "points": [point.to_record() for point in self.points],
            "contradictions": [c.to_record() for c in self.contradictions],
            "conversions": [c.to_record() for c in self.conversions],
        }


def estimate_series(
    claims: Iterable[ClaimLike],
    documents: Iterable[DocumentLike],
    supplier: str,
    recipient: str,
    *,
    unit: str | None = None,
    category: str | None = None,
) -> EstimateSeries:
    """Every quantified claim of supplier → recipient as a point, ordered by date.

    Order: by the date the figure stands at, else the report date, else the start of a
    "since" figure; undated points last; ties by document order, then position in it.
    `unit` and `category` narrow the points and contradictions; conversions (items per
    container) always use every quantified claim of the flow.
    """
    supplier_id, recipient_id = normalise_actor(supplier), normalise_actor(recipient)
    index = DocumentIndex(documents)
    flow: list[EstimatePoint] = []
    for ref in claim_refs(claims):
        if ref.claim.supplier == supplier_id and ref.claim.recipient == recipient_id:
            point = _point(ref, index)
            if point is not None:
                flow.append(point)
    shown = [
        point
        for point in flow
        if (unit is None or point.unit == unit) and (category is None or point.category == category)
    ]
    shown.sort(key=_order)
    log.debug(
        "%s → %s: %d quantified claims, %d shown", supplier_id, recipient_id, len(flow), len(shown)
    )
    return EstimateSeries(
        supplier=supplier_id or supplier,
        recipient=recipient_id or recipient,
        unit=unit,
        category=category,
        points=tuple(shown),
        contradictions=tuple(contradictions(shown)),
        conversions=tuple(conversions(sorted(flow, key=_order))),
    )


def _point(ref: ClaimRef, index: DocumentIndex) -> EstimatePoint | None:
    claim = ref.claim
    if claim.quantity is None:
        return None
    document = index.of(ref)
    asserted_by, origin = claim.source, "claim source" if claim.source else None
    if not asserted_by and document is not None and document.publisher:
        asserted_by, origin = document.publisher, "document publisher"
    return EstimatePoint(
        claim_id=ref.id,
        type=claim.type,
        value=float(claim.quantity.value),
        qualifier=claim.quantity.qualifier or "exact",
        max=claim.quantity.max,
        unit=claim.quantity.unit,
        category=claim.item.category if claim.item else None,
        designation=claim.item.designation if claim.item else None,
        when=claim.when,
        window=claim_window(claim.when),
        reported=document.published if document else None,
        asserted_by=asserted_by,
        asserted_by_origin=origin,
        hedge=claim.hedge,
        doc=claim.doc,
        title=document.title if document else None,
        evidence=claim.evidence.text,
        evidence_start=claim.evidence.start,
        doc_position=document.position if document else len(index) + ref.position,
    )


def _order(point: EstimatePoint) -> tuple[int, Any, Any, int, str, int]:
    span = _sort_span(point)
    if span is None:
        return (1, None, None, point.doc_position, point.doc, point.evidence_start)
    return (0, span.first, span.last, point.doc_position, point.doc, point.evidence_start)


def _sort_span(point: EstimatePoint) -> Span | None:
    window = point.window
    return window.end or parse_date(point.reported) or window.start
