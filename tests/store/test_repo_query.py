"""query_claims: each filter narrows, dates overlap at the precision the claim gives."""

from __future__ import annotations

from typing import Any

import pytest

from armstrace.errors import UsageError
from armstrace.model import Claim, Item
from armstrace.store import Store

from .samples import make_claim, make_document

CLAIMS = {
    "c1": make_claim(
        "alpha", "120 crates of 122 mm rockets", type="interdiction", supplier="IR",
        recipient="SY", item=Item("rockets"), when={"start": "2009-11", "end": "2009-11-04"},
        hedge="confirmed",
    ),
    "c2": make_claim(
        "alpha", "North Korea supplied about 1 million artillery shells", type="transfer",
        supplier="KP", recipient="RU", item=Item("artillery_ammunition"),
        when={"start": "2023-03", "end": "2024-06"}, hedge="alleged",
    ),
    "c3": make_claim("alpha", "trained by Iran", supplier="IR", recipient="hezbollah"),
    "c4": make_claim(
        "beta", "artillery shells to Russia", type="transfer", supplier="KP", recipient="RU",
        item=Item("rockets"), when="2024", hedge="reported",
    ),
    "c5": make_claim(
        "beta", "Inspectors said", type="production", supplier="KP", item=Item("rockets"),
        when={"start": "2015"},
    ),
    "c6": make_claim(
        "beta", "Hezbollah fighters", type="transfer", supplier="IR", recipient="hezbollah",
        item=Item("rockets"), when={"end": "2006-08"},
    ),
}  # fmt: skip
LABELS = {claim.id: label for label, claim in CLAIMS.items()}


@pytest.fixture
def seeded(store: Store) -> Store:
    for stem in ("beta", "alpha"):
        claims = [claim for claim in CLAIMS.values() if claim.doc == stem]
        store.save_document(make_document(stem), claims)
    return store


def labels(store: Store, **filters: Any) -> list[str]:
    return [LABELS[claim.id] for claim in store.query_claims(**filters)]


def test_query_claims_no_filter_orders_by_doc_and_position(seeded: Store) -> None:
    assert labels(seeded) == ["c1", "c2", "c3", "c5", "c4", "c6"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"type": "transfer"}, ["c2", "c4", "c6"]),
        ({"supplier": "KP"}, ["c2", "c5", "c4"]),
        ({"recipient": "hezbollah"}, ["c3", "c6"]),
        ({"category": "rockets"}, ["c1", "c5", "c4", "c6"]),
        ({"hedge": "alleged"}, ["c2"]),
        ({"doc": "beta"}, ["c5", "c4", "c6"]),
        ({"type": "transfer", "supplier": "KP", "category": "rockets"}, ["c4"]),
        ({"supplier": "CN"}, []),
    ],
)
def test_query_claims_filter_narrows(
    seeded: Store, filters: dict[str, str], expected: list[str]
) -> None:
    assert labels(seeded, **filters) == expected


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024", None, ["c2", "c5", "c4"]),
        ("2024-07", None, ["c5", "c4"]),
        (None, "2009", ["c1", "c6"]),
        (None, "2009-10", ["c6"]),
        ("2009-11-04", "2009-11-04", ["c1"]),
        ("2009-11-05", "2010", []),
        ("2015-06", "2016", ["c5"]),
        (None, "2023-03-01", ["c1", "c2", "c5", "c6"]),
        ("2006-08-31", "2006-09", ["c6"]),
        ("2006-09", "2006-10", []),
    ],
)
def test_query_claims_date_range_overlaps(
    seeded: Store, since: str | None, until: str | None, expected: list[str]
) -> None:
    assert labels(seeded, since=since, until=until) == expected


def test_query_claims_undated_claim_only_without_date_filter(seeded: Store) -> None:
    assert "c3" in labels(seeded, recipient="hezbollah")
    assert "c3" not in labels(seeded, recipient="hezbollah", since="1900")


def test_query_claims_limit_and_offset_page_in_order(seeded: Store) -> None:
    assert labels(seeded, limit=2, offset=1) == ["c2", "c3"]
    assert labels(seeded, offset=5) == ["c6"]
    assert labels(seeded, limit=0) == []


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"since": "2024-13"}, "since: '2024-13' is not a date"),
        ({"until": "last July"}, "until: 'last July' is not a date"),
        ({"since": "2024", "until": "2023-12"}, "since 2024 is after until 2023-12"),
        ({"limit": -1}, "must not be negative"),
    ],
)
def test_query_claims_bad_filter_is_usage_error(
    seeded: Store, filters: dict[str, Any], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        seeded.query_claims(**filters)


def test_query_claims_date_that_is_not_a_date_never_matches_filters(store: Store) -> None:
    odd: Claim = make_claim("gamma", when="early 2009")
    store.save_document(make_document("gamma"), [odd])
    [stored] = store.query_claims()
    assert (stored.when, stored.when_start, stored.when_end) == ("early 2009", None, None)
    assert store.query_claims(since="2000") == []
