"""estimate_series: one point per quantified claim of a flow, in date order, never merged."""

from __future__ import annotations

import pytest

from armstrace.analysis import estimate_series
from armstrace.model import Claim
from armstrace.store import open_store

from .builders import claim, document

DOCS = [
    document("a_feb", title="Minister's figures", published="2024-03"),
    document("b_state", title="State Department estimate", publisher="Desk A", published="2024-07"),
    document("c_nopub", title="Undated analysis"),
]


def _flow() -> list[Claim]:
    """Container totals from three documents, including two equal figures."""
    return [
        claim("a_feb", value=6700, qualifier="approx", when={"end": "2024-02"}, source="Shin"),
        claim("a_feb", value=7000, qualifier="at_least", when={"end": "2024-03"}, source="Shin"),
        claim(
            "b_state",
            value=10000,
            qualifier="approx",
            when={"end": "2024-03"},
            source="U.S. State Department",
        ),
        claim("b_state", value=10000, qualifier="approx", when="2024-06", source="Shin"),
        claim("c_nopub", value=13000, qualifier="approx"),
        claim("b_state", value=33000),  # undated, but its document has a date
    ]


def test_estimates_keep_equal_figures_from_two_sources_as_two_points() -> None:
    series = estimate_series(_flow(), DOCS, "KP", "RU", unit="containers")
    tens = [p for p in series.points if p.value == 10000]
    assert [p.asserted_by for p in tens] == ["U.S. State Department", "Shin"]
    assert len({p.claim_id for p in tens}) == 2


def test_estimates_order_by_as_of_then_report_date_undated_last() -> None:
    series = estimate_series(list(reversed(_flow())), DOCS, "KP", "RU")
    assert [p.value for p in series.points] == [6700, 7000, 10000, 10000, 33000, 13000]
    assert [p.as_of for p in series.points] == [
        "2024-02", "2024-03", "2024-03", "2024-06", None, None,
    ]  # fmt: skip
    assert series.points[4].reported == "2024-07"  # placed by its report date
    assert series.points[5].reported is None  # nothing to place it by: last


@pytest.mark.parametrize(
    ("qualifier", "value", "maximum", "label"),
    [
        ("exact", 10000, None, "10,000"),
        ("approx", 6700, None, "≈ 6,700"),
        ("at_least", 7000, None, "≥ 7,000"),
        ("at_most", 7000, None, "≤ 7,000"),
        ("range", 3000, 5000, "3,000–5,000"),
        ("exact", 2.5, None, "2.5"),
    ],
)
def test_estimates_label_shows_qualifier(
    qualifier: str, value: float, maximum: float | None, label: str
) -> None:
    points = estimate_series(
        [claim(value=value, qualifier=qualifier, maximum=maximum)], [], "KP", "RU"
    ).points
    assert points[0].label == label


def test_estimates_asserted_by_falls_back_to_publisher() -> None:
    series = estimate_series(
        [
            claim("b_state", value=5),
            claim("c_nopub", value=6),
            claim("b_state", value=7, source="X"),
        ],
        DOCS,
        "KP",
        "RU",
    )
    by_value = {p.value: (p.asserted_by, p.asserted_by_origin) for p in series.points}
    assert by_value == {
        5: ("Desk A", "document publisher"),
        6: (None, None),
        7: ("X", "claim source"),
    }


def test_estimates_narrow_by_unit_and_category_and_leave_out_other_flows() -> None:
    claims = [
        claim(value=100, unit="containers"),
        claim(value=1_000_000, unit="items", category="artillery_ammunition"),
        claim(value=50, unit="items", category="rockets"),
        claim(supplier="IR", value=20),  # another flow
        claim(),  # no quantity
        claim(recipient="RU", supplier="KP", via=["CN"], value=9),  # same flow, via a transit
    ]
    assert [p.value for p in estimate_series(claims, [], "kp", "ru").points] == [
        100, 1_000_000, 50, 9,
    ]  # fmt: skip
    items = estimate_series(claims, [], "KP", "RU", unit="items")
    assert [p.value for p in items.points] == [1_000_000, 50]
    shells = estimate_series(claims, [], "KP", "RU", unit="items", category="rockets")
    assert [p.value for p in shells.points] == [50]
    assert shells.to_record()["points"][0]["label"] == "50"


def test_estimates_read_stored_claims_and_documents(store_url: str) -> None:
    """The same series from StoredClaims and DocumentRows as from Claims and Documents."""
    flow = _flow()
    with open_store(store_url) as store:
        for doc in DOCS:
            store.save_document(doc, [c for c in flow if c.doc == doc.stem])
        stored = estimate_series(store.query_claims(), store.documents(), "KP", "RU")
    direct = estimate_series(flow, DOCS, "KP", "RU")
    assert [p.to_record() for p in stored.points] == [p.to_record() for p in direct.points]
    assert [p.claim_id for p in stored.points] == [p.claim_id for p in direct.points]
