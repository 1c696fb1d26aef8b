"""Quantities: numbers, scales and qualifiers as analysts read them."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from armstrace.parse.quantity import find_numbers


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "upper"),
    [
        ("more than a million shells", 1_000_000, "at_least", None),
        ("some 35 tons of arms", 35, "approx", None),
        ("valued at over US$ 16 million", 16_000_000, "at_least", None),
        ("roughly 6,700 containers", 6_700, "approx", None),
        ("upwards of 7,000 since", 7_000, "at_least", None),
        ("as many as 6 million shells", 6_000_000, "at_most", None),
        ("between 5,000 and 7,000 containers", 5_000, "range", 7_000),
        ("5 to 7 million shells", 5_000_000, "range", 7_000_000),
        ("$2.5 billion in aid", 2_500_000_000, "exact", None),
        ("Ten containers of goods", 10, "exact", None),
        ("about 400,000 rounds", 400_000, "approx", None),
    ],
)
def test_quantity_parses_value_and_qualifier(
    text: str, value: float, qualifier: str, upper: float | None
) -> None:
    found = find_numbers(text)
    assert found, text
    assert (found[0].value, found[0].qualifier, found[0].max) == (value, qualifier, upper)


@pytest.mark.parametrize(
    "text",
    [
        "122mm rockets",
        "the 152-millimeter shells",
        "in the 1970s",
        "in 2009",
        "Kanggye Plant No. 26",
        "AK-47s and RPG-7s",
        "the 9K111 Fagot",
        "7.62mm ammunition",
        "about 3 million per year",
        "an increase of 5,000",
        "a range of 120 kilometres",
    ],
)
def test_quantity_skips_calibers_years_ids_rates_and_changes(text: str) -> None:
    assert find_numbers(text) == []


@given(st.text(max_size=200))
def test_quantity_never_raises_and_spans_stay_in_range(text: str) -> None:
    for number in find_numbers(text):
        assert 0 <= number.start <= number.number_start < number.end <= len(text)
        assert number.value >= 0


@given(st.integers(min_value=1, max_value=999_999_999))
def test_quantity_reads_back_any_grouped_number(value: int) -> None:
    text = f"some {value:,} rockets"
    found = find_numbers(text)
    assert [(n.value, n.qualifier) for n in found] == [(float(value), "approx")]


_NUMBERISH = st.lists(
    st.sampled_from(
        [" ", "-", ".", ",", "/", "$", "€", "£", "_", "é", "İ", "1", "40", "2,400", "US$", "USD ",
         "a", "an", "one", "Two", "hundred", "million", "between", "inbetween", "and", "to",
         "more than", "up to", "Some", "approx.", "nearly", "some", "rockets", "x"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@given(_NUMBERISH)
@example("between 5 and 10 rockets, inbetween 3 and 4 shells")
@example("US$16 million, USD 5 bn and approx. 40 or up to a hundred, _US$a")
def test_quantity_start_scan_finds_what_the_full_pattern_finds(text: str) -> None:
    """The fast path matches the full pattern only where a number can start: same matches."""
    from armstrace.parse.quantity import _matches, _patterns

    expected = [m.span() for m in _patterns()[0].finditer(text)]
    assert [m.span() for m in _matches(text)] == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Iran sent one-way attack drones.", []),
        ("It signed a three-year deal for rifles.", []),
        ("Iran sent twenty-five drones.", [25.0]),
        ("Russia has been one of the main suppliers.", []),
        ("Iran sent one of its frigates.", [1.0]),
    ],
)
def test_number_words_inside_compounds_and_sets(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == values
