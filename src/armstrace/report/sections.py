"""The brief's sentences: key points, findings and their claims, each with its citations.

Why one module for wording: every sentence that states something about the world must cite
the claims it rests on; keeping the sentence makers together keeps that rule in one place.
Notes are numbered in order of first citation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from armstrace.analysis import EstimatePoint
from armstrace.analysis.findings import Finding
from armstrace.export.dataset import ExportDocument, ExportSet
from armstrace.export.wording import (
    CREDIBILITY_WORDS,
    actor_name,
    item_text,
    quantity_text,
    when_text,
)
from armstrace.report.charts import asserted_by
from armstrace.report.model import Chart, Citation, FindingView, Statement
from armstrace.report.topic import Topic
from armstrace.store import StoredClaim

TYPE_NOUNS = {
    "transfer": "Transfer",
    "interdiction": "Interdicted shipment",
    "support": "Support",
    "production": "Production",
}
_TYPE_ORDER = {"transfer": 0, "interdiction": 1, "production": 2, "support": 3}


class Citations:
    """Numbers notes in order of first use; claims read from one sentence share a note."""

    def __init__(self, export: ExportSet) -> None:
        self.export = export
        self._numbers: dict[tuple[int, int, int], int] = {}
        self._notes: list[Citation] = []

    def number(self, claim: StoredClaim) -> int:
        span = (claim.document_id, claim.evidence_start, claim.evidence_end)
        if span not in self._numbers:
            document = self.export.document(claim)
            self._numbers[span] = len(self._notes) + 1
            self._notes.append(
                Citation(
                    number=len(self._notes) + 1,
                    claim_ids=(),
                    doc=document.stem,
                    document=document.label,
                    publisher=document.publisher,
                    published=document.published,
                    url=document.url,
                    evidence=claim.evidence_text,
                    start=claim.evidence_start,
                    end=claim.evidence_end,
                    placeholder=document.placeholder,
                )
            )
        number = self._numbers[span]
        note = self._notes[number - 1]
        if claim.id not in note.claim_ids:
            self._notes[number - 1] = replace(note, claim_ids=(*note.claim_ids, claim.id))
        return number

    def all(self) -> tuple[Citation, ...]:
        return tuple(self._notes)


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Best supported first: credibility (1 best), independent sources, type, date, id."""
    return sorted(
        findings,
        key=lambda f: (
            f.credibility, -f.independent_sources, _TYPE_ORDER.get(f.type, 9),
            f.period_start or "", f.id,
        ),
    )  # fmt: skip


def finding_heading(finding: Finding, claims: Sequence[StoredClaim] = ()) -> str:
    """A finding in one line: "Transfer of munitions: North Korea → Russia, 2023-09 to 2025".

    A vessel is named as its claims spell it (the finding holds a normalised key).
    """
    noun = TYPE_NOUNS.get(finding.type, finding.type.capitalize())
    what = f"{noun} of {finding.item_category.replace('_', ' ')}" if finding.item_category else noun
    parties = actor_name(finding.supplier)
    if finding.recipient:
        parties += f" → {actor_name(finding.recipient)}"
    heading = f"{what}: {parties}"
    period = _period(finding)
    if period:
        heading += f", {period}"
    if finding.vessel:
        names = [c.conveyance_name for c in claims if c.conveyance_name]
        heading += f" ({names[0] if names else finding.vessel.removeprefix('vessel:')})"
    return heading


def finding_views(
    findings: Sequence[Finding], export: ExportSet, cite: Citations
) -> list[FindingView]:
    claims = {claim.id: claim for claim in export.claims}
    views = []
    for finding in ordered(findings):
        members = [claims[claim_id] for claim_id in finding.claim_ids if claim_id in claims]
        statements = tuple(
            Statement(claim_sentence(claim, export.document(claim)), (cite.number(claim),))
            for claim in members
        )
        views.append(
            FindingView(
                id=finding.id,
                heading=finding_heading(finding, members),
                sourcing=_sourcing(finding),
                credibility=finding.credibility,
                credibility_meaning=CREDIBILITY_WORDS.get(finding.credibility, ""),
                credibility_reason=finding.credibility_reason,
                credibility_set_by=finding.credibility_set_by,
                independent_sources=finding.independent_sources,
                single_source=finding.single_source,
                statements=statements,
            )
        )
    return views


def claim_sentence(claim: StoredClaim, document: ExportDocument) -> str:
    """One claim as a sentence: "About 6,700 containers of munitions, by 2023-09 (reported,
    according to X)."."""
    figure, item = quantity_text(claim), item_text(claim)
    what = f"{figure} of {item}" if figure and item else figure or item or claim.type
    details = [when_text(claim.when)]
    if claim.via:
        details.append("via " + ", ".join(actor_name(a) for a in claim.via))
    if claim.conveyance_kind:
        details.append(f"by {claim.conveyance_kind} {claim.conveyance_name or ''}".rstrip())
    if claim.seized_by:
        details.append(f"seized by {actor_name(claim.seized_by)}")
    if claim.facility:
        details.append(f"made at {claim.facility}")
    who = claim.source or document.publisher or document.label
    sentence = ", ".join([what[:1].upper() + what[1:], *(d for d in details if d)])
    return f"{sentence} ({claim.hedge or 'stated'}, according to {who})."


def point_statement(point: EstimatePoint, claim: StoredClaim, cite: Citations) -> Statement:
    """A figure the chart could not place (no date it stands at)."""
    who = asserted_by(point)
    return Statement(
        f"{point.label} {point.unit} ({point.window.describe()}), asserted by {who}.",
        (cite.number(claim),),
    )


def key_points(
    topic: Topic,
    claims: Sequence[StoredClaim],
    findings: Sequence[Finding],
    charts: Sequence[Chart],
    contradictions: Sequence[Statement],
    cite: Citations,
) -> tuple[Statement, ...]:
    """The bottom line: what there is, what is best supported, the largest figure, doubts."""
    if not claims:
        return (Statement(f"The store holds no claims about {topic.title}."),)
    by_id = {claim.id: claim for claim in claims}
    documents = len({claim.document_id for claim in claims})
    corroborated = sum(1 for f in findings if not f.single_source)
    points = [
        Statement(
            f"{len(claims)} claims from {documents} document{'s' if documents != 1 else ''} "
            f"form {len(findings)} finding{'s' if len(findings) != 1 else ''}; "
            + (
                "none is corroborated by a second independent source."
                if corroborated == 0
                else f"{corroborated} {'is' if corroborated == 1 else 'are'} corroborated by "
                "two or more independent sources."
            )
        )
    ]
    best = ordered(findings)[0] if findings else None
    if best is not None:
        sources = best.independent_sources
        members = [by_id[i] for i in best.claim_ids if i in by_id]
        points.append(
            Statement(
                f"Best supported: {finding_heading(best, members)}, from {sources} independent "
                f"source{'s' if sources != 1 else ''}, credibility {best.credibility} "
                f"({CREDIBILITY_WORDS.get(best.credibility, '')}).",
                tuple(cite.number(claim) for claim in members),
            )
        )
    largest = _largest(claims, charts[0].unit if charts else None)
    if largest is not None:
        document = cite.export.document(largest)
        who = largest.source or document.publisher or document.label
        when = when_text(largest.when)
        points.append(
            Statement(
                f"The largest figure in {largest.quantity_unit} is {quantity_text(largest)}"
                f"{f' ({when})' if when else ''}, asserted by {who}.",
                (cite.number(largest),),
            )
        )
    if contradictions:
        numbers = tuple(sorted({n for s in contradictions for n in s.citations}))
        count = len(contradictions)
        points.append(
            Statement(
                f"{count} pair{'s' if count != 1 else ''} of figures cannot both be true; "
                "see the estimates below.",
                numbers,
            )
        )
    single = sum(1 for f in findings if f.single_source)
    if single:
        if len(findings) == 1:
            text = "The only finding rests on a single independent source"
        elif single == 1:
            text = f"1 of {len(findings)} findings rests on a single independent source"
        elif single == len(findings):
            text = f"All {single} findings rest on a single independent source"
        else:
            text = f"{single} of {len(findings)} findings rest on a single independent source"
        pronoun = "it" if single == 1 else "them"
        points.append(Statement(f"{text}; corroborate before relying on {pronoun}."))
    return tuple(points)


def _largest(claims: Sequence[StoredClaim], unit: str | None) -> StoredClaim | None:
    quantified = [
        c for c in claims
        if c.quantity_value is not None and (unit is None or c.quantity_unit == unit)
        and c.hedge not in ("denied", "planned")
    ]  # fmt: skip
    return max(quantified, key=lambda c: (c.quantity_value or 0, c.id), default=None)


def _sourcing(finding: Finding) -> str:
    claims, documents = len(finding.claim_ids), len(finding.documents)
    supporting = [s for s in finding.sources if s.supporting]
    named = ", ".join(
        f"{s.label} ({s.reliability})" if s.reliability else s.label for s in supporting
    )
    count = finding.independent_sources
    return (
        f"{claims} claim{'s' if claims != 1 else ''} in {documents} "
        f"document{'s' if documents != 1 else ''}; {count} independent "
        f"source{'s' if count != 1 else ''}" + (f": {named}" if named else "")
    )


def _period(finding: Finding) -> str:
    start, end = finding.period_start, finding.period_end
    if not finding.dated or (not start and not end):
        return ""
    if start and end:
        return start if start == end else f"{start} to {end}"
    return f"since {start}" if start else f"by {end}"
