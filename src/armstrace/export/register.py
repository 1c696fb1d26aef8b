"""The transfers register: one row per finding, in the spirit of SIPRI's trade register.

Why per finding and not per claim: a register line is an event or flow an analyst would
cite, with how many independent sources stand behind it; the claims and documents it rests
on are listed in the row. Transfers and interdictions (attempted transfers) are registered;
support and production findings are not transfers and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from armstrace.analysis.findings import Finding
from armstrace.export.dataset import ExportSet
from armstrace.export.wording import CREDIBILITY_WORDS, actor_name, figure_text, when_text
from armstrace.model.claim import HEDGES
from armstrace.store import StoredClaim

REGISTER_TYPES = ("transfer", "interdiction")
SEPARATOR = "; "


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register; the field order is the column order."""

    finding_id: str
    type: str
    supplier: str
    supplier_id: str
    recipient: str
    recipient_id: str
    via: str
    item_category: str
    designations: str
    quantity: str
    quantity_value: float | None
    quantity_unit: str
    quantity_qualifier: str
    period: str
    period_start: str
    period_end: str
    status: str
    hedge: str
    vessel: str
    credibility: int
    credibility_meaning: str
    credibility_set_by: str
    sources: str
    source_count: int
    single_source: bool
    documents: str
    document_count: int
    claim_count: int
    claim_ids: str


COLUMNS = tuple(f.name for f in fields(RegisterRow))


def register_rows(export: ExportSet) -> list[RegisterRow]:
    """The register's rows, in the findings' order (type, supplier, recipient, item, date)."""
    claims = {claim.id: claim for claim in export.claims}
    return [
        _row(finding, [claims[claim_id] for claim_id in finding.claim_ids if claim_id in claims])
        for finding in export.findings
        if finding.type in REGISTER_TYPES
    ]


def row_values(row: RegisterRow) -> list[Any]:
    """The row as cell values in column order (booleans as "yes"/"no", None as "")."""
    values: list[Any] = []
    for name in COLUMNS:
        value = getattr(row, name)
        if isinstance(value, bool):
            value = "yes" if value else "no"
        values.append("" if value is None else value)
    return values


def status(finding: Finding) -> str:
    """What the sources say happened: transferred, planned, denied or interdicted."""
    if finding.type == "interdiction":
        return "interdicted"
    hedges = set(finding.hedges)
    if hedges == {"denied"}:
        return "denied"
    if hedges and hedges <= {"planned", "denied"}:
        return "planned"
    return "transferred"


def _row(finding: Finding, claims: list[StoredClaim]) -> RegisterRow:
    figures = _distinct(_figure(q) for q in finding.quantities)
    single = finding.quantities[0] if len(figures) == 1 else None
    period = when_text(_period(finding))
    supporting = [source for source in finding.sources if source.supporting]
    return RegisterRow(
        finding_id=finding.id,
        type=finding.type,
        supplier=actor_name(finding.supplier) if finding.supplier else "",
        supplier_id=finding.supplier or "",
        recipient=actor_name(finding.recipient) if finding.recipient else "",
        recipient_id=finding.recipient or "",
        via=SEPARATOR.join(_distinct(actor_name(a) for claim in claims for a in claim.via)),
        item_category=finding.item_category or "",
        designations=SEPARATOR.join(_distinct(c.item_designation for c in claims)),
        quantity=SEPARATOR.join(figures),
        quantity_value=single["value"] if single else None,
        quantity_unit=single["unit"] if single else "",
        quantity_qualifier=single["qualifier"] if single else "",
        period=period or "undated",
        period_start=finding.period_start or "",
        period_end=finding.period_end or "",
        status=status(finding),
        hedge=SEPARATOR.join(h for h in HEDGES if h in finding.hedges),
        vessel=finding.vessel or "",
        credibility=finding.credibility,
        credibility_meaning=CREDIBILITY_WORDS.get(finding.credibility, ""),
        credibility_set_by=finding.credibility_set_by,
        sources=SEPARATOR.join(
            f"{s.label} ({s.reliability})" if s.reliability else s.label for s in supporting
        ),
        source_count=finding.independent_sources,
        single_source=finding.single_source,
        documents=SEPARATOR.join(finding.documents),
        document_count=len(finding.documents),
        claim_count=len(finding.claim_ids),
        claim_ids=SEPARATOR.join(finding.claim_ids),
    )


def _period(finding: Finding) -> Any:
    if not finding.dated:
        return None
    start, end = finding.period_start, finding.period_end
    if start and start == end:
        return start
    return {key: value for key, value in (("start", start), ("end", end)) if value} or None


def _figure(quantity: dict[str, Any]) -> str:
    return figure_text(
        quantity["value"], quantity["unit"], quantity.get("qualifier"), quantity.get("max")
    )


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))
