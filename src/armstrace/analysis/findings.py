"""Findings: claims about the same event or flow, across documents, grouped and counted.

Why: an analyst cites a finding ("North Korea shipped artillery shells to Russia in 2023,
three independent sources"), not one article. Claims are grouped by type, canonical
supplier and recipient (after analyst merges), item category and overlapping time;
interdictions also by vessel. Rejected claims are left out, edited ones count as edited.
Undated claims join their key's only dated group, or form an undated group when the key has
none or several (it cannot be told which event they belong to).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from armstrace.analysis.corroboration import (
    Attribution,
    Source,
    attribute,
    count_sources,
    source_reliability,
    suggest_credibility,
)
from armstrace.gazetteer import Gazetteer, load_gazetteer
from armstrace.resolve.judgements import list_judgements
from armstrace.resolve.resolver import Judgement, Resolver, canonical_claims
from armstrace.resolve.vessels import vessel_key
from armstrace.store import DocumentRow, Store, StoredClaim
from armstrace.store.curation import read_session
from armstrace.store.query import padded
from armstrace.store.tables import FindingAssessmentTable, PublisherTable

_OPEN_START, _OPEN_END = "0000-00-00", "9999-99-99"
_LOW, _HIGH = "-00-00", "-99-99"
"""Padding that makes "2009" sort as the whole year (see `store.query.padded`)."""


@dataclass(frozen=True)
class Finding:
    """Claims from one or more documents about one event or flow, and how well sourced it is."""

    id: str
    type: str
    supplier: str | None
    recipient: str | None
    item_category: str | None
    vessel: str | None
    period_start: str | None
    period_end: str | None
    dated: bool
    claim_ids: tuple[str, ...]
    documents: tuple[str, ...]
    quantities: tuple[dict[str, Any], ...]
    hedges: tuple[str, ...]
    sources: tuple[Source, ...]
    independent_sources: int
    single_source: bool
    suggested_credibility: int
    credibility_reason: str
    credibility: int
    credibility_set_by: str
    """"analyst" when an analyst's value overrules the suggestion, else "suggested"."""

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def build_findings(
    claims: Iterable[StoredClaim],
    documents: Iterable[DocumentRow],
    *,
    judgements: Iterable[Judgement] | Resolver | None = None,
    reliability: Mapping[str, str | None] | None = None,
    overrides: Mapping[str, int] | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Finding]:
    """Group claims into findings (see the module docstring), sorted by key and date.

    `reliability` maps publisher names or gazetteer ids to grades A..F; `overrides` maps
    finding ids to the analyst's credibility.
    """
    gaz = gazetteer or load_gazetteer()
    resolver = judgements if isinstance(judgements, Resolver) else Resolver(judgements or ())
    by_id = {document.id: document for document in documents}
    grades = source_reliability(reliability or {}, gaz)
    kept = canonical_claims((c for c in claims if c.curation_status != "rejected"), resolver)
    findings = [
        _finding(group, by_id, resolver, grades, overrides or {}, gaz)
        for group in _groups(kept, resolver)
    ]
    return sorted(findings, key=_order)


def load_findings(
    store: Store,
    *,
    type: str | None = None,
    supplier: str | None = None,
    recipient: str | None = None,
    single_source: bool | None = None,
) -> list[Finding]:
    """Findings over every stored claim, with the store's merges, grades and overrides.

    Supplier and recipient filters compare canonical ids, so a merged alias finds its group.
    """
    with read_session(store) as session:
        publishers = select(PublisherTable.name, PublisherTable.reliability)
        grades = {name: grade for name, grade in session.execute(publishers)}
        assessments = select(FindingAssessmentTable.finding_id, FindingAssessmentTable.credibility)
        overrides = {finding_id: value for finding_id, value in session.execute(assessments)}
    resolver = Resolver(list_judgements(store))
    findings = build_findings(
        store.query_claims(), store.documents(), judgements=resolver, reliability=grades,
        overrides=overrides,
    )  # fmt: skip
    wanted_supplier = resolver.canonical_or_none(supplier)
    wanted_recipient = resolver.canonical_or_none(recipient)
    return [
        finding
        for finding in findings
        if (type is None or finding.type == type)
        and (wanted_supplier is None or finding.supplier == wanted_supplier)
        and (wanted_recipient is None or finding.recipient == wanted_recipient)
        and (single_source is None or finding.single_source == single_source)
    ]


# -- grouping -----------------------------------------------------------------------------------


@dataclass
class _Group:
    key: tuple[str | None, ...]
    vessel: str | None
    claims: list[StoredClaim]
    start: str = _OPEN_START
    end: str = _OPEN_END
    dated: bool = True

    def add(self, claim: StoredClaim) -> None:
        self.claims.append(claim)
        if _is_dated(claim):
            start, end = _bounds(claim)
            if len(self.claims) == 1 or not self.dated:
                self.start, self.end, self.dated = start, end, True
            else:
                self.start, self.end = min(self.start, start), max(self.end, end)

    def overlaps(self, claim: StoredClaim) -> bool:
        start, end = _bounds(claim)
        return self.dated and start <= self.end and self.start <= end


def _groups(claims: list[StoredClaim], resolver: Resolver) -> list[_Group]:
    by_key: dict[tuple[str | None, ...], list[StoredClaim]] = {}
    for claim in claims:
        key: tuple[str | None, ...] = (
            claim.type, claim.supplier, claim.recipient, claim.item_category,
        )  # fmt: skip
        by_key.setdefault(key, []).append(claim)
    groups: list[_Group] = []
    for key, members in by_key.items():
        groups.extend(_split_key(key, members, resolver))
    return groups


def _split_key(
    key: tuple[str | None, ...], claims: list[StoredClaim], resolver: Resolver
) -> list[_Group]:
    """Dated claims cluster by overlapping periods (per vessel for interdictions); then claims
    without a vessel or a date join the one group they can belong to, or group on their own.
    """
    vessels = {claim.id: _vessel(claim, resolver) for claim in claims}
    dated = sorted((c for c in claims if _is_dated(c)), key=lambda c: (*_bounds(c), c.id))
    named: list[_Group] = []
    for name in sorted({v for c in dated if (v := vessels[c.id]) is not None}):
        named.extend(_sweep(key, name, [c for c in dated if vessels[c.id] == name]))
    leftovers: list[StoredClaim] = []
    for claim in (c for c in dated if vessels[c.id] is None):
        fits = [group for group in named if group.overlaps(claim)]
        if len(fits) == 1:
            fits[0].add(claim)
        else:
            leftovers.append(claim)
    groups = named + _sweep(key, None, leftovers)
    undated: dict[str | None, _Group] = {}
    for claim in sorted((c for c in claims if not _is_dated(c)), key=lambda c: c.id):
        vessel = vessels[claim.id]
        fits = [g for g in groups if vessel is None or g.vessel in (vessel, None)]
        if vessel is not None:
            fits = [g for g in fits if g.vessel == vessel] or fits
        if len(fits) == 1:
            fits[0].add(claim)
        else:
            group = undated.setdefault(vessel, _Group(key, vessel, [], dated=False))
            group.claims.append(claim)
    return groups + list(undated.values())


def _sweep(
    key: tuple[str | None, ...], vessel: str | None, dated: list[StoredClaim]
) -> list[_Group]:
    """Dated claims (sorted by start) into groups of transitively overlapping periods."""
    groups: list[_Group] = []
    for claim in dated:
        if groups and groups[-1].overlaps(claim):
            groups[-1].add(claim)
        else:
            group = _Group(key, vessel, [])
            group.add(claim)
            groups.append(group)
    return groups


def _is_dated(claim: StoredClaim) -> bool:
    return claim.when_start is not None or claim.when_end is not None


def _bounds(claim: StoredClaim) -> tuple[str, str]:
    """The claim's period as sortable text; an open side is the beginning or end of time."""
    start = padded(claim.when_start, _LOW) if claim.when_start else _OPEN_START
    end = padded(claim.when_end, _HIGH) if claim.when_end else _OPEN_END
    return start, end


def _vessel(claim: StoredClaim, resolver: Resolver) -> str | None:
    if claim.type != "interdiction" or not claim.conveyance_name:
        return None
    key = vessel_key(claim.conveyance_name)
    return resolver.canonical(key) if key else None


# -- one finding --------------------------------------------------------------------------------


def _finding(
    group: _Group,
    documents: Mapping[int, DocumentRow],
    resolver: Resolver,
    grades: Mapping[str, str],
    overrides: Mapping[str, int],
    gaz: Gazetteer,
) -> Finding:
    claims = sorted(group.claims, key=lambda c: (c.doc, c.evidence_start, c.id))
    traced: list[tuple[StoredClaim, Attribution]] = []
    for claim in claims:
        document = documents.get(claim.document_id)
        publisher = document.publisher if document else None
        for found in attribute(
            claim.source, publisher, claim.doc, resolver=resolver, gazetteer=gaz
        ):
            traced.append((claim, found))
    sources = count_sources(traced, grades)
    denials = sum(1 for claim in claims if claim.hedge == "denied")
    suggested, reason = suggest_credibility(sources, denials)
    type_, supplier, recipient, category = group.key
    start = min((c.when_start for c in claims if c.when_start), default=None, key=_low)
    end = max((c.when_end for c in claims if c.when_end), default=None, key=_high)
    if any(_is_dated(c) and c.when_start is None for c in claims):
        start = None  # a claim open at the start ("until 2023") leaves the period open too
    if any(_is_dated(c) and c.when_end is None for c in claims):
        end = None
    anchor = start if group.dated else "undated"
    finding_id = _finding_id(group.key, group.vessel, anchor)
    override = overrides.get(finding_id)
    independent = sum(1 for source in sources if source.supporting)
    return Finding(
        id=finding_id,
        type=str(type_),
        supplier=supplier,
        recipient=recipient,
        item_category=category,
        vessel=group.vessel,
        period_start=start if group.dated else None,
        period_end=end if group.dated else None,
        dated=group.dated,
        claim_ids=tuple(c.id for c in claims),
        documents=tuple(sorted({c.doc for c in claims})),
        quantities=tuple(_quantity(c) for c in claims if c.quantity_value is not None),
        hedges=tuple(sorted({c.hedge for c in claims if c.hedge})),
        sources=tuple(sources),
        independent_sources=independent,
        single_source=independent <= 1,
        suggested_credibility=suggested,
        credibility_reason=reason,
        credibility=override if override is not None else suggested,
        credibility_set_by="analyst" if override is not None else "suggested",
    )


def _quantity(claim: StoredClaim) -> dict[str, Any]:
    quantity = {
        "value": claim.quantity_value, "unit": claim.quantity_unit,
        "qualifier": claim.quantity_qualifier or "exact", "claim": claim.id, "doc": claim.doc,
    }  # fmt: skip
    if claim.quantity_max is not None:
        quantity["max"] = claim.quantity_max
    return quantity


def _finding_id(key: tuple[str | None, ...], vessel: str | None, anchor: str | None) -> str:
    """A hash of the grouping key, the vessel and where the period starts: stable while they
    are (an analyst's override is kept by this id).
    """
    material = json.dumps([*key, vessel, anchor], ensure_ascii=False)
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def _low(date: str) -> str:
    return padded(date, _LOW)


def _high(date: str) -> str:
    return padded(date, _HIGH)


def _order(finding: Finding) -> tuple[str, ...]:
    return (
        finding.type, finding.supplier or "", finding.recipient or "",
        finding.item_category or "", finding.period_start or "", finding.id,
    )  # fmt: skip
