"""What two estimates of one flow say about each other: contradictions and conversions.

A contradiction: two figures for the same window (same type, unit and category, the same
as-of date at the same precision, the same start) whose qualifiers leave no value both
could be true of: "exactly 10,000" and "at most 7,000" as of the same month. Each qualifier
gives a range of values: exact is the value itself, approx allows ±APPROX_TOLERANCE,
at_least and at_most are open on one side, range is value..max. Denials and plans are not
estimates of what happened and are never compared.

A conversion: where one source gives a count of containers and a count of items for the
same flow and window, in one document or (a named source) in several, items ÷ containers is
what that source implies a container holds. Only ammunition counts are divided (220 guns in
33,000 containers says nothing about a container). The spread over all pairs is reported
with every pair named.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from armstrace.analysis.dates import Window
from armstrace.analysis.records import quantity_label

if TYPE_CHECKING:
    from armstrace.analysis.estimates import EstimatePoint

APPROX_TOLERANCE = 0.10
"""How far "about N" may stray from N before it contradicts another figure (±10 %)."""

_NOT_ESTIMATES = frozenset({"denied", "planned"})

PACKED_CATEGORIES = frozenset(
    {
        "artillery_ammunition", "rockets", "mortar_ammunition", "small_arms_ammunition",
        "grenades", "rpg", "fuzes", "mines", "explosives",
    }
)  # fmt: skip
"""Item counts that can be divided by containers: ammunition, not guns or vehicles."""


@dataclass(frozen=True)
class Contradiction:
    """Two points that cannot both be true, and why."""

    first: str
    second: str
    reason: str

    def to_record(self) -> dict[str, Any]:
        return {"claims": [self.first, self.second], "reason": self.reason}


@dataclass(frozen=True)
class ConversionPair:
    """A container count and an item count from one source for one window, and their ratio."""

    containers_claim: str
    items_claim: str
    containers: float
    items: float
    per_container: float
    basis: str
    """ "same document STEM" or "same source NAME"."""

    def to_record(self) -> dict[str, Any]:
        return {
            "containers_claim": self.containers_claim,
            "items_claim": self.items_claim,
            "containers": self.containers,
            "items": self.items,
            "per_container": round(self.per_container, 1),
            "basis": self.basis,
        }


@dataclass(frozen=True)
class Conversion:
    """Items of one category per container, as implied by the sources: min..max over pairs."""

    category: str | None
    minimum: float
    maximum: float
    pairs: tuple[ConversionPair, ...]

    def to_record(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "min_per_container": round(self.minimum, 1),
            "max_per_container": round(self.maximum, 1),
            "pairs": [pair.to_record() for pair in self.pairs],
        }


def value_range(value: float, qualifier: str, maximum: float | None) -> tuple[float, float]:
    """The values a figure with this qualifier allows."""
    if qualifier == "approx":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    if qualifier == "at_least":
        return value, math.inf
    if qualifier == "at_most":
        return 0.0, value
    if qualifier == "range" and maximum is not None:
        return min(value, maximum), max(value, maximum)
    return value, value


def same_window(a: Window, b: Window) -> bool:
    """Whether two windows are stated the same: equal as-of date and start, same precision.

    A plain date and an as-of date count as the same kind: extractors give a cumulative
    total reported "in June 2024" either way.
    """
    if a.kind == "none" or b.kind == "none":
        return False
    point_like = {"date", "as_of"}
    if a.kind != b.kind and not (a.kind in point_like and b.kind in point_like):
        return False
    end_a, end_b = a.end.text if a.end else None, b.end.text if b.end else None
    start_a = a.start.text if a.start and a.kind in ("since", "period") else None
    start_b = b.start.text if b.start and b.kind in ("since", "period") else None
    return end_a == end_b and start_a == start_b


def contradictions(points: Sequence[EstimatePoint]) -> list[Contradiction]:
    """Every pair of points for the same window whose value ranges do not meet."""
    found = []
    usable = [p for p in points if p.hedge not in _NOT_ESTIMATES]
    for i, a in enumerate(usable):
        for b in usable[i + 1 :]:
            if (a.type, a.unit, a.category) != (b.type, b.unit, b.category):
                continue
            if not same_window(a.window, b.window):
                continue
            low_a, high_a = value_range(a.value, a.qualifier, a.max)
            low_b, high_b = value_range(b.value, b.qualifier, b.max)
            if low_a <= high_b and low_b <= high_a:
                continue
            found.append(Contradiction(a.claim_id, b.claim_id, _why(a, b)))
    return found


def _why(a: EstimatePoint, b: EstimatePoint) -> str:
    def side(p: EstimatePoint) -> str:
        who = p.asserted_by or "unattributed"
        return f"{_words(p)} {p.unit} ({who}, {p.doc}, claim {p.claim_id})"

    return f"{a.window.describe()}: {side(a)} cannot be reconciled with {side(b)}"


def _words(p: EstimatePoint) -> str:
    value = quantity_label(p.value, "exact")
    words = {"approx": "about", "at_least": "at least", "at_most": "at most"}
    if p.qualifier == "range" and p.max is not None:
        return f"between {value} and {quantity_label(p.max, 'exact')}"
    if p.qualifier in words:
        return f"{words[p.qualifier]} {value}"
    return f"exactly {value}"


def conversions(points: Iterable[EstimatePoint]) -> list[Conversion]:
    """Items per container implied by container and item counts from one source and window."""
    containers = [p for p in points if p.unit == "containers" and p.hedge not in _NOT_ESTIMATES]
    items = [
        p
        for p in points
        if p.unit == "items" and p.category in PACKED_CATEGORIES and p.hedge not in _NOT_ESTIMATES
    ]
    by_category: dict[str | None, list[ConversionPair]] = {}
    for box in containers:
        for item in items:
            if box.type != item.type or box.value <= 0:
                continue
            basis = _basis(box, item)
            if basis is None:
                continue
            pair = ConversionPair(
                containers_claim=box.claim_id,
                items_claim=item.claim_id,
                containers=box.value,
                items=item.value,
                per_container=item.value / box.value,
                basis=basis,
            )
            by_category.setdefault(item.category, []).append(pair)
    return [
        Conversion(
            category=category,
            minimum=min(p.per_container for p in pairs),
            maximum=max(p.per_container for p in pairs),
            pairs=tuple(pairs),
        )
        for category, pairs in by_category.items()
    ]


def _basis(box: EstimatePoint, item: EstimatePoint) -> str | None:
    """Why two counts may be divided: one source for one window, in one document or across.

    In one document both must be undated or dated the same, and their claim sources must
    agree (both unnamed is the author); across documents the same named source must give
    both for the same window.
    """
    box_source = box.asserted_by if box.asserted_by_origin == "claim source" else None
    item_source = item.asserted_by if item.asserted_by_origin == "claim source" else None
    if box_source != item_source:
        return None
    both_undated = box.window.kind == "none" and item.window.kind == "none"
    if box.doc == item.doc and (both_undated or same_window(box.window, item.window)):
        return f"same document {box.doc}"
    if box_source and same_window(box.window, item.window):
        return f"same source {box_source}"
    return None
