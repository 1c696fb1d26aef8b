"""Build a briefing from the store: figures, key points, estimates, findings, network, sources.

Why built from findings: a brief cites events that several sources agree on, says how many
independent sources stand behind each, and shows the analyst's credibility next to it. Every
sentence about the world carries citations to the document and the sentence it rests on;
sentences that only count things (how many claims, documents) carry none.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from armstrace.analysis import build_network, estimate_series
from armstrace.export.dataset import ExportSet, collect_export
from armstrace.export.wording import RELIABILITY_WORDS, actor_name
from armstrace.report.charts import drawable, estimates_svg
from armstrace.report.model import Brief, Chart, ReliabilityRow, Statement
from armstrace.report.network_svg import collapse, network_svg
from armstrace.report.sections import Citations, finding_views, key_points, point_statement
from armstrace.report.topic import Topic
from armstrace.store import Store, StoredClaim

MAX_CHARTS = 2
MIN_POINTS = 2
"""A unit is charted when at least this many of its figures have a date they stand at."""


def build_brief(store: Store, topic: Topic, *, prepared: date | None = None) -> Brief:
    """The brief on `topic` from every claim in the store (rejected ones left out)."""
    return brief_from(collect_export(store), topic, prepared=prepared)


def brief_from(export: ExportSet, topic: Topic, *, prepared: date | None = None) -> Brief:
    """The brief on `topic` from an export's claims (for notebooks and the web app)."""
    accepted = export.accepted
    claims = topic.select(accepted)
    scoped = ExportSet(
        claims=claims, documents=export.documents, audit=export.audit,
        reliability=export.reliability, finding_credibility=export.finding_credibility,
        judgements=export.judgements,
    )  # fmt: skip
    findings = scoped.findings
    cite = Citations(scoped)
    views = finding_views(findings, scoped, cite)
    charts, contradictions = _charts(topic, accepted, scoped, cite)
    context = [claim for claim in accepted if topic.touches(claim)]
    svg, left_out = (
        network_svg(collapse(build_network(context)), topic.actors) if context else ("", 0)
    )
    documents = {claim.document_id for claim in claims}
    corroborated = sum(1 for finding in findings if not finding.single_source)
    figures = (
        ("claims", f"{len(claims):,}"),
        ("documents", f"{len(documents):,}"),
        ("findings", f"{len(findings):,}"),
        ("corroborated", f"{corroborated:,}"),
        ("period", _period(claims) or "undated"),
    )
    caption = (
        f"Actors in claims that involve {topic.title}: {len(context)} claims. "
        "Arrows run from supplier to recipient; the number is the claims behind each arrow; "
        "dashed arrows are support (training, troops), not materiel."
    )
    if left_out:
        caption += f" {left_out} actors with the fewest claims are left out."
    return Brief(
        topic=topic,
        title=_title(topic),
        subtitle=_subtitle(topic, len(claims), len(documents)),
        prepared=prepared or date.today(),
        figures=figures,
        key_points=key_points(topic, claims, findings, charts, contradictions, cite),
        charts=tuple(charts),
        contradictions=tuple(contradictions),
        findings=tuple(views),
        network_svg=svg or None,
        network_caption=caption,
        reliability=tuple(_reliability(scoped)),
        citations=cite.all(),
    )


def _title(topic: Topic) -> str:
    if topic.kind == "flow":
        return f"Arms flows from {actor_name(topic.supplier)} to {actor_name(topic.recipient)}"
    if topic.kind == "actor":
        return f"{topic.title}: arms supplied, received and seized"
    return f"{topic.title}: who supplies whom"


def _subtitle(topic: Topic, claims: int, documents: int) -> str:
    return (
        f"What {documents} {'documents say' if documents != 1 else 'document says'} in the armstrace store "
        f"about {topic.title}, in {claims} claim{'s' if claims != 1 else ''}. Each statement is "
        "cited to the document and the sentence it rests on (notes at the end)."
    )


def _period(claims: list[StoredClaim]) -> str:
    starts = sorted(c.when_start for c in claims if c.when_start)
    ends = sorted(c.when_end for c in claims if c.when_end)
    if not starts and not ends:
        return ""
    first, last = (starts or ends)[0], (ends or starts)[-1]
    return first if first == last else f"{first} – {last}"


def _flow_for_estimates(topic: Topic, accepted: list[StoredClaim]) -> tuple[str, str] | None:
    """The flow whose figures the chart shows: the topic's own, else its most quantified."""
    if topic.kind == "flow" and topic.supplier and topic.recipient:
        return topic.supplier, topic.recipient
    counts = Counter(
        (c.supplier, c.recipient)
        for c in accepted
        if topic.matches(c) and c.quantity_value is not None and c.supplier and c.recipient
    )
    if not counts:
        return None
    (supplier, recipient), _ = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return str(supplier), str(recipient)


def _charts(
    topic: Topic, accepted: list[StoredClaim], scoped: ExportSet, cite: Citations
) -> tuple[list[Chart], list[Statement]]:
    flow = _flow_for_estimates(topic, accepted)
    if flow is None:
        return [], []
    supplier, recipient = flow
    category = topic.item if topic.kind == "item" else None
    series = estimate_series(
        [c for c in accepted if c.supplier == supplier and c.recipient == recipient],
        scoped.document_rows(), supplier, recipient, category=category,
    )  # fmt: skip
    by_claim = {claim.id: claim for claim in accepted}
    units = Counter(p.unit for p in series.points if p.window.end is not None)
    units = Counter({unit: count for unit, count in units.items() if count >= MIN_POINTS})
    charts = []
    for unit, _count in sorted(units.items(), key=lambda item: (-item[1], item[0]))[:MAX_CHARTS]:
        points = [p for p in series.points if p.unit == unit]
        dated, undated = drawable(points)
        undrawn = tuple(point_statement(p, by_claim[p.claim_id], cite) for p in undated)
        charts.append(
            Chart(
                title=f"Reported {unit}, {actor_name(supplier)} → {actor_name(recipient)}",
                unit=unit,
                svg=estimates_svg(dated, unit),
                caption=(
                    f"{len(dated)} figure{'s' if len(dated) != 1 else ''} in {unit}, each "
                    "placed at the date it stands at and coloured by who asserted it. "
                    "Figures are never merged: two sources giving the same number are two points."
                ),
                undrawn=undrawn,
            )
        )
    contradictions = [
        Statement(
            f"{c.reason}.",
            (cite.number(by_claim[c.first]), cite.number(by_claim[c.second])),
        )
        for c in series.contradictions
        if c.first in by_claim and c.second in by_claim
    ]
    return charts, contradictions


def _reliability(scoped: ExportSet) -> list[ReliabilityRow]:
    """Publishers of the documents cited, then the asserting sources findings counted."""
    rows: list[ReliabilityRow] = []
    by_publisher: dict[str, tuple[set[int], int, str | None]] = {}
    for claim in scoped.claims:
        document = scoped.document(claim)
        name = document.publisher or "(no publisher)"
        docs, count, grade = by_publisher.get(name, (set(), 0, document.reliability))
        docs.add(document.id)
        by_publisher[name] = (docs, count + 1, grade)
    for name, (docs, count, grade) in sorted(by_publisher.items()):
        meaning = RELIABILITY_WORDS.get(grade or "", "not graded")
        rows.append(ReliabilityRow(name, "publisher", grade, meaning, len(docs), count))
    publishers = set(by_publisher)
    bodies: dict[str, tuple[str, str | None, set[str], set[str]]] = {}
    for finding in scoped.findings:
        for source in finding.sources:
            if source.label in publishers:
                continue
            _label, _grade, stems, claim_ids = bodies.setdefault(
                source.key, (source.label, source.reliability, set(), set())
            )
            stems.update(source.documents)
            claim_ids.update(source.claims)
    for label, grade, stems, claim_ids in sorted(bodies.values(), key=lambda b: b[0].casefold()):
        meaning = RELIABILITY_WORDS.get(grade or "", "not graded")
        rows.append(
            ReliabilityRow(label, "asserting body", grade, meaning, len(stems), len(claim_ids))
        )
    return rows
