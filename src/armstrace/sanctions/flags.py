"""Which sanctions instruments a claim falls under, and how its date relates to them.

A claim is checked hop by hop (supplier → via… → recipient): an instrument applies when a
hop's giver is in its scope as supplier or its receiver as recipient, the claim's category
is covered, and (for an EU or national measure) the other side of the hop is bound by it.
Only transfers and interdictions are checked: support and production move no goods.

Timing uses the claim's `when` (as precise as the text): in force, predates (by N months),
after the end, during a suspension, straddles a boundary, or undated. An undated claim whose
document was published before the instrument predates it too, since the event cannot be
later than its report.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from armstrace.analysis.dates import Span, claim_window, months_between, parse_date
from armstrace.analysis.records import ClaimLike, DocumentLike, claim_refs
from armstrace.sanctions.instruments import Instrument, Scope, load_instruments

Timing = Literal["in_force", "predates", "after_end", "suspended", "straddles", "undated"]
Coverage = Literal["covered", "may apply"]

FLAGGED_TYPES = ("transfer", "interdiction")


@dataclass(frozen=True)
class SanctionFlag:
    """One instrument a claim falls under, why, and when the claim is relative to it."""

    instrument: str
    title: str
    body: str
    roles: tuple[str, ...]
    coverage: Coverage
    timing: Timing
    months: int | None
    reason: str
    source: str

    def to_record(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument, "title": self.title, "body": self.body,
            "roles": list(self.roles), "coverage": self.coverage, "timing": self.timing,
            "months": self.months, "reason": self.reason, "source": self.source,
        }  # fmt: skip


def flag_claim(
    claim: ClaimLike,
    document: DocumentLike | None = None,
    instruments: tuple[Instrument, ...] | None = None,
) -> list[SanctionFlag]:
    """Every instrument that applies to the claim, in data order, with its timing."""
    ref = claim_refs([claim])[0]
    model = ref.claim
    if model.type not in FLAGGED_TYPES or not model.supplier or not model.recipient:
        return []
    chain = [model.supplier, *model.via, model.recipient]
    hops = list(itertools.pairwise(chain))
    category = model.item.category if model.item else None
    window = claim_window(model.when)
    bounds = _bounds(window.start, window.end, window.kind, document)
    flags = []
    for instrument in instruments if instruments is not None else load_instruments():
        roles: list[str] = []
        coverage: Coverage | None = None
        partly_reason = None
        for scope in instrument.scope:
            matched = _roles(scope, hops, instrument.binds)
            covered = _coverage(scope, category)
            if not matched or covered is None:
                continue
            roles.extend(r for r in matched if r not in roles)
            if covered == "covered" or coverage is None:
                coverage = covered
                partly_reason = scope.partly_reason if covered == "may apply" else None
        if coverage is None:
            continue
        timing, months, when_text = _timing(instrument, bounds, model.when, document)
        reason = f"{', '.join(roles)}; {category or 'unspecified category'} {coverage}"
        if partly_reason:
            reason += f" ({partly_reason})"
        flags.append(
            SanctionFlag(
                instrument=instrument.id,
                title=instrument.title,
                body=instrument.body,
                roles=tuple(roles),
                coverage=coverage,
                timing=timing,
                months=months,
                reason=f"{reason}; {when_text}",
                source=instrument.source,
            )
        )
    return flags


def _roles(scope: Scope, hops: list[tuple[str, str]], binds: frozenset[str] | None) -> list[str]:
    roles = []
    for giver, receiver in hops:
        if "supplier" in scope.roles and giver in scope.actors and _bound(binds, receiver):
            roles.append(f"{giver} as supplier")
        if "recipient" in scope.roles and receiver in scope.actors and _bound(binds, giver):
            roles.append(f"{receiver} as recipient")
    return roles


def _bound(binds: frozenset[str] | None, counterparty: str) -> bool:
    return binds is None or counterparty in binds


def _coverage(scope: Scope, category: str | None) -> Coverage | None:
    if category in scope.categories:
        return "covered"
    if category in scope.partly:
        return "may apply"
    return None


def _bounds(
    start: Span | None, end: Span | None, kind: str, document: DocumentLike | None
) -> tuple[date, date] | None:
    """The first and last day the event can fall on; None when the claim is undated."""
    reported = parse_date(document.published) if document is not None else None
    if kind in ("date", "as_of") and end is not None:
        return end.first, end.last
    if kind == "period" and start is not None and end is not None:
        return start.first, end.last
    if kind == "since" and start is not None:
        return start.first, max(start.last, reported.last) if reported else start.last
    return None


def _timing(
    instrument: Instrument,
    bounds: tuple[date, date] | None,
    when: object,
    document: DocumentLike | None,
) -> tuple[Timing, int | None, str]:
    periods = instrument.periods
    first_start = periods[0].start
    if bounds is None:
        reported = parse_date(document.published) if document is not None else None
        if reported is not None and reported.last < first_start:
            months = months_between(reported.last, first_start)
            return (
                "predates",
                months,
                (f"undated, but reported {reported.text}, {months} month(s) before it took effect"),
            )
        return "undated", None, "the claim gives no date"
    first, last = bounds
    shown = _shown(when)
    if any(p.start <= first and (p.end is None or last < p.end) for p in periods):
        return "in_force", None, f"{shown} falls while it was in force"
    if last < first_start:
        months = months_between(last, first_start)
        return "predates", months, f"{shown} predates it by {months} month(s)"
    final_end = periods[-1].end
    if final_end is not None and first >= final_end:
        months = months_between(final_end, first)
        return "after_end", months, f"{shown} is {months} month(s) after it ended ({final_end})"
    for earlier, later in itertools.pairwise(periods):
        if earlier.end is not None and earlier.end <= first and last < later.start:
            return (
                "suspended",
                None,
                (f"{shown} falls while it was lifted ({earlier.end} to {later.start})"),
            )
    return "straddles", None, f"{shown} spans a date it took effect or ended"


def _shown(when: object) -> str:
    if isinstance(when, dict):
        return " to ".join(f"{k} {v}" for k, v in when.items())
    return str(when)
