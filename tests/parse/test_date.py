"""Dates: explicit, relative to the publication date, and anchored on the text's last year."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armstrace.parse.date import DateResolver


@pytest.mark.parametrize(
    ("published", "text", "when"),
    [
        (None, "On July 23, 2014, a court ruled", "2014-07-23"),
        (None, "In March 2009, Israel intercepted", "2009-03"),
        (None, "as early as the 1960s", {"start": "1960", "end": "1969"}),
        (None, "in the 1980s and 1990s", {"start": "1980", "end": "1999"}),
        (None, "prior to July 12, 2006", {"end": "2006-07-12"}),
        (None, "in the mid- and late-1980s", {"start": "1980", "end": "1989"}),
        ("2023-11", "sent to Russia since August", {"start": "2023-08"}),
        ("2025-03", "28,000 containers reported last July", "2024-07"),
        ("2024-01-16", "boarded a dhow last Thursday", "2024-01-11"),
        ("2014-03-10", "seized on Wednesday", "2014-03-05"),
        ("2013-02-04", "stopped the dhow last month", "2013-01"),
        ("2009-08-31", "stopped earlier this month", "2009-08"),
        ("2023-05-18", "arrived in March last year", "2022-03"),
        (None, "On May 12th, 2024 the agency", "2024-05-12"),
    ],
)
def test_date_resolves_expression(published: str | None, text: str, when: object) -> None:
    found = DateResolver(published=published).find(text)
    assert found and found[0].when == when


def test_date_anchors_relative_dates_on_the_last_year_read() -> None:
    resolver = DateResolver(published=None)
    resolver.find("In July 2009, the UAE detained the ship.")
    assert [
        d.when for d in resolver.find("Then, in December that same year, Thai authorities")
    ] == ["2009-12"]
    assert [d.when for d in resolver.find("In March, the minister said")] == ["2010-03"]


@pytest.mark.parametrize("text", ["It may be so.", "last week", "a few days later", "No. 26"])
def test_date_leaves_vague_or_non_dates_alone(text: str) -> None:
    assert DateResolver(published="2024-05-01").find(text) == []


@given(st.text(max_size=160), st.sampled_from([None, "2024", "2024-02", "2024-02-29"]))
def test_date_never_raises_and_offsets_stay_in_range(text: str, published: str | None) -> None:
    for found in DateResolver(published=published).find(text, offset=5):
        assert 5 <= found.start < found.end <= len(text) + 5


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A month earlier, the ship was searched.", "2009-11"),
        ("Two years later, the ship was searched.", "2011"),
        ("Eighteen months later the ship was searched.", None),
        ("The ship was searched three months after.", "2010-03"),
    ],
)
def test_an_offset_counts_from_the_date_last_read(sentence: str, expected: str | None) -> None:
    resolver = DateResolver(published="2024-11-18")
    resolver.find("The plane was grounded in December 2009.")
    found = [d.when for d in resolver.find(sentence)]
    assert found == ([expected] if expected else [])


def test_a_month_after_the_dateline_in_past_reporting_is_the_last_such_month() -> None:
    resolver = DateResolver(published="2024-02-20")
    resolver.find("SEOUL, Feb 20 (Wire) - Officials spoke on Tuesday.")
    assert [d.when for d in resolver.find("Kim visited Russia in September.")] == ["2023-09"]
    assert [d.when for d in resolver.find("It has sent shells since August.")] == [
        {"start": "2023-08"}
    ]
    assert [d.when for d in resolver.find("Deliveries will resume in June.")] == ["2024-06"]


def test_a_day_named_after_the_publication_date_is_last_years() -> None:
    resolver = DateResolver(published="2024-01-10")
    assert [d.when for d in resolver.find("Arms were found after the October 7 attack.")] == [
        "2023-10-07"
    ]
