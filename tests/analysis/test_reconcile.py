"""Contradictions between estimates, and items per container implied by the sources."""

from __future__ import annotations

from typing import Any

import pytest

from armstrace.analysis import estimate_series

from .builders import claim


def _series(*claims: Any) -> Any:
    return estimate_series(list(claims), [], "KP", "RU")


@pytest.mark.parametrize(
    ("first", "second", "contradicts"),
    [
        # exactly 10,000 and at most 7,000 as of the same month: cannot both hold
        ((10000, "exact", "2024-03"), (7000, "at_most", "2024-03"), True),
        ((10000, "exact", {"end": "2024-03"}), (7000, "at_most", {"end": "2024-03"}), True),
        # a plain date and an as-of date of the same month are compared
        ((10000, "exact", "2024-03"), (7000, "at_most", {"end": "2024-03"}), True),
        ((6000, "exact", "2024-03"), ((3000, 5000), "range", "2024-03"), True),
        ((6700, "approx", {"end": "2024-02"}), (7000, "at_least", {"end": "2024-02"}), False),
        ((10000, "approx", "2024-03"), (7000, "at_least", "2024-03"), False),
        ((10000, "exact", "2024-03"), (10000, "exact", "2024-03"), False),
        ((10000, "exact", "2024-03"), (10500, "approx", "2024-03"), False),
        # different dates, or the same date at different precision: not the same window
        ((10000, "exact", "2024-03"), (7000, "at_most", "2024-04"), False),
        ((10000, "exact", "2024"), (7000, "at_most", "2024-03"), False),
        ((10000, "exact", {"start": "2023-01"}), (7000, "at_most", "2024-03"), False),
        ((10000, "exact", None), (7000, "at_most", None), False),
    ],
)
def test_contradictions_need_the_same_window_and_disjoint_values(
    first: tuple[Any, str, Any], second: tuple[Any, str, Any], contradicts: bool
) -> None:
    claims = []
    for value, qualifier, when in (first, second):
        low, high = value if isinstance(value, tuple) else (value, None)
        claims.append(claim(value=low, maximum=high, qualifier=qualifier, when=when))
    assert bool(_series(*claims).contradictions) is contradicts


def test_contradiction_names_both_claims_and_why() -> None:
    a = claim("doc_x", value=10000, when="2024-03", source="U.S. State Department")
    b = claim("doc_y", value=7000, qualifier="at_most", when="2024-03", source="Seoul")
    (found,) = _series(a, b).contradictions
    assert (found.first, found.second) == (a.id, b.id)
    assert found.reason == (
        f"2024-03: exactly 10,000 containers (U.S. State Department, doc_x, claim {a.id}) "
        f"cannot be reconciled with at most 7,000 containers (Seoul, doc_y, claim {b.id})"
    )
    assert found.to_record() == {"claims": [a.id, b.id], "reason": found.reason}


@pytest.mark.parametrize(
    "change",
    [
        {"hedge": "denied"},
        {"hedge": "planned"},
        {"type": "interdiction"},
        {"category": "artillery_ammunition"},
        {"unit": "tons"},
    ],
)
def test_contradictions_skip_denials_plans_and_other_measures(change: dict[str, Any]) -> None:
    a = claim(value=10000, when="2024-03")
    fields: dict[str, Any] = {"value": 7000, "qualifier": "at_most", "when": "2024-03"}
    b = claim(**(fields | change))
    assert _series(a, b).contradictions == ()


def test_conversions_divide_items_by_containers_from_one_source() -> None:
    claims = [
        claim("june", value=10000, qualifier="approx", when="2024-06"),
        claim("june", value=4_800_000, unit="items", category="artillery_ammunition",
              qualifier="approx", when="2024-06"),
        claim("march", value=33000, when={"end": "2025-03"}, source="NIS"),
        claim("later", value=15_000_000, unit="items", category="artillery_ammunition",
              when={"end": "2025-03"}, source="NIS"),
    ]  # fmt: skip
    (conversion,) = _series(*claims).conversions
    assert conversion.category == "artillery_ammunition"
    assert (round(conversion.minimum, 1), conversion.maximum) == (454.5, 480.0)
    assert [(p.containers_claim, p.items_claim, p.basis) for p in conversion.pairs] == [
        (claims[0].id, claims[1].id, "same document june"),
        (claims[2].id, claims[3].id, "same source NIS"),
    ]
    record = conversion.to_record()
    assert (record["min_per_container"], record["max_per_container"]) == (454.5, 480.0)


@pytest.mark.parametrize(
    "items",
    [
        {"category": "artillery"},  # guns are not counted by the container
        {"when": "2024-07"},  # another month
        {"source": "someone else"},  # another source in the same document
        {"doc": "other", "source": None},  # another document, no named source
        {"hedge": "planned"},
    ],
)
def test_conversions_need_ammunition_one_source_and_one_window(items: dict[str, Any]) -> None:
    fields: dict[str, Any] = {"value": 1_000_000, "unit": "items", "when": "2024-06"}
    fields |= {"category": "artillery_ammunition"} | items
    doc = fields.pop("doc", "june")
    claims = [claim("june", value=10000, when="2024-06"), claim(doc, **fields)]
    assert _series(*claims).conversions == ()


def test_conversions_use_every_figure_even_when_units_are_narrowed() -> None:
    claims = [
        claim("d", value=100),
        claim("d", value=50_000, unit="items", category="rockets"),
    ]
    series = estimate_series(claims, [], "KP", "RU", unit="containers")
    assert [p.value for p in series.points] == [100]
    assert [c.minimum for c in series.conversions] == [500]
