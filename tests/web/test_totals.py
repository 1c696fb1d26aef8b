"""Totals counted up to a cap ("10,000+"), and pages that stay exact on either side of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import Session

from armstrace.store import open_store
from armstrace.store.counting import CLAIM_COUNT_CAP, DOCUMENT_COUNT_CAP, Total
from armstrace.store.search import search_documents
from armstrace.store.tables import ClaimTable, DocumentTable
from armstrace.web import WebSettings, create_app
from armstrace.web.claim_filters import ClaimFilter, distinct_values, like_pattern
from armstrace.web.pages.views import pages
from armstrace.web.queries import find_claims

from .bulk import WORD, bulk_text, fill
from .conftest import REPO

BULK_DOCUMENTS = DOCUMENT_COUNT_CAP + 5
PER_DOCUMENT = CLAIM_COUNT_CAP // DOCUMENT_COUNT_CAP
BULK_CLAIMS = BULK_DOCUMENTS * PER_DOCUMENT


@pytest.fixture
def bulk_url(store_url: str) -> str:
    """The store_url database with more documents and claims than either cap."""
    fill(store_url, BULK_DOCUMENTS, PER_DOCUMENT)
    assert BULK_CLAIMS > CLAIM_COUNT_CAP
    return store_url


@pytest.fixture
def bulk_client(bulk_url: str, tmp_path: Path) -> Iterator[TestClient]:
    settings = WebSettings(
        db_url=bulk_url, upload_dir=tmp_path / "uploads", vendor_dir=REPO / "node_modules"
    )
    client = TestClient(create_app(settings))
    yield client
    client.app.state.store.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "filt",
    [
        ClaimFilter(),
        ClaimFilter(type="transfer"),
        ClaimFilter(supplier="KP", recipient="RU"),
        ClaimFilter(category="munitions", since="2023"),
        ClaimFilter(actor="SY"),
        ClaimFilter(item="rockets"),
        ClaimFilter(source="nis"),
        ClaimFilter(source="harbour"),
        ClaimFilter(q="북한"),
        ClaimFilter(q="Северная"),
    ],
)
def test_capped_pages_are_the_exact_pages(seeded_url: str, filt: ClaimFilter) -> None:
    """A cap of one sends every filter down the path for plentiful matches (reading the
    document order); row by row it must give what the exact count's path gives."""
    with open_store(seeded_url) as store:
        exact = find_claims(store, filt, limit=500, count_cap=None)
        assert not exact.total_is_lower_bound and exact.total == len(exact.claims)
        walked = []
        for offset in range(exact.total + 1):
            page = find_claims(store, filt, limit=1, offset=offset, count_cap=1)
            walked += [c.id for c in page.claims]
            if exact.total > 1:
                assert page.total_is_lower_bound
                assert page.total >= offset + len(page.claims)
                assert (offset + 1 < page.total) == (offset + 1 < exact.total)
    assert walked == [c.id for c in exact.claims]


def test_api_claims_total_stops_at_the_cap_and_says_so(bulk_client: TestClient) -> None:
    first = bulk_client.get("/api/claims?supplier=KP").json()
    assert (first["total"], first["total_is_lower_bound"]) == (CLAIM_COUNT_CAP, True)
    assert len(first["items"]) == 50
    last = bulk_client.get(f"/api/claims?supplier=KP&offset={CLAIM_COUNT_CAP}&limit=500").json()
    assert len(last["items"]) == BULK_CLAIMS - CLAIM_COUNT_CAP
    assert last["total"] == BULK_CLAIMS and last["total_is_lower_bound"]
    few = bulk_client.get("/api/claims?q=bulk_00007").json()  # no document says that
    assert (few["total"], few["total_is_lower_bound"]) == (0, False)
    one_document = bulk_client.get("/api/claims?q=container 1004 at").json()
    assert (one_document["total"], one_document["total_is_lower_bound"]) == (PER_DOCUMENT, False)


def test_claims_page_shows_the_capped_total(bulk_client: TestClient) -> None:
    html = bulk_client.get("/claims").text
    assert "1–50 of 10,000+" in html
    assert 'rel="next"' in html


def test_search_total_stops_at_the_cap_and_pages_stay_newest_first(bulk_url: str) -> None:
    with open_store(bulk_url) as store:
        first = search_documents(store, WORD, limit=10)
        tail = search_documents(store, WORD, limit=10, offset=BULK_DOCUMENTS - 3)
        rare = search_documents(store, "container 1004 at")
    assert (first.total, first.total_is_lower_bound) == (DOCUMENT_COUNT_CAP, True)
    assert [h.stem for h in first.hits] == [f"bulk_{n:05d}" for n in range(1004, 994, -1)]
    assert [h.stem for h in tail.hits] == ["bulk_00002", "bulk_00001", "bulk_00000"]
    assert (tail.total, tail.total_is_lower_bound) == (BULK_DOCUMENTS, True)
    assert (rare.total, rare.total_is_lower_bound, [h.stem for h in rare.hits]) == (
        1,
        False,
        ["bulk_01004"],
    )
    assert first.hits[0].snippet == bulk_text(1004)


def test_two_character_searches_find_common_and_rare_pairs(bulk_url: str) -> None:
    """A pair in every document is counted to the cap, newest first; a rare one is found whole."""
    with open_store(bulk_url) as store:
        common = search_documents(store, "mp", limit=5)
        rare = search_documents(store, "04", limit=100)
    assert (common.total, common.total_is_lower_bound) == (DOCUMENT_COUNT_CAP, True)
    assert [h.stem for h in common.hits] == [f"bulk_{n:05d}" for n in range(1004, 999, -1)]
    expected = [n for n in range(BULK_DOCUMENTS - 1, -1, -1) if "04" in bulk_text(n)]
    assert (rare.total, rare.total_is_lower_bound) == (len(expected), False)
    assert [h.stem for h in rare.hits] == [f"bulk_{n:05d}" for n in expected]


def test_api_search_says_when_its_total_is_a_lower_bound(bulk_client: TestClient) -> None:
    body = bulk_client.get(f"/api/search?q={WORD}").json()
    assert (body["total"], body["total_is_lower_bound"]) == (DOCUMENT_COUNT_CAP, True)
    assert "1,000+ documents contain" in bulk_client.get(f"/documents?q={WORD}").text


def test_distinct_values_lists_matches_or_gives_up_past_the_limit(seeded_url: str) -> None:
    def has_n(value: ColumnElement[Any]) -> ColumnElement[bool]:
        return func.lower(value).like(like_pattern("N"))

    with open_store(seeded_url) as store, Session(store.engine) as session:
        sources = distinct_values(session, ClaimTable.source.expression, has_n)
        publishers = distinct_values(session, DocumentTable.publisher.expression, has_n)
        too_many = distinct_values(session, ClaimTable.source.expression, has_n, limit=1)
    assert sources == ["NIS"]
    assert publishers == ["Yonhap"]
    assert too_many is None


@pytest.mark.parametrize(
    ("total", "offset", "shown", "more", "expected"),
    [
        (Total(812), 50, 50, True, Total(812)),
        (Total(10_000, lower_bound=True), 0, 50, True, Total(10_000, lower_bound=True)),
        (Total(10_000, lower_bound=True), 9_990, 50, True, Total(10_041, lower_bound=True)),
        (Total(10_000, lower_bound=True), 10_000, 7, False, Total(10_007, lower_bound=True)),
    ],
)
def test_a_capped_total_grows_to_what_a_page_proves(
    total: Total, offset: int, shown: int, more: bool, expected: Total
) -> None:
    assert total.after_page(offset, shown, more) == expected


def test_pager_labels_a_capped_total_and_still_links_onwards() -> None:
    capped = pages(10_041, 50, 9_990, {}, lower_bound=True)
    assert (capped["total_label"], capped["last"]) == ("10,041+", 10_040)
    assert capped["next"] == "?offset=10040"
    assert pages(812, 50, 800, {})["total_label"] == "812"
