"""Decoding munition markings: whole markings, markings in text, and never a guess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrace.ingest import read
from armstrace.markings import decode_marking, expand_year, find_markings, markings_for_claim
from armstrace.model import Claim, Evidence

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("방-122", {"item": "122 mm rocket for a multiple rocket launcher", "category": "rockets",
                    "caliber_mm": 122.0, "rule": "hangul/방.v1"}),
        ("방 - 240", {"caliber_mm": 240.0, "category": "rockets"}),
        ("박-82", {"item": "82 mm mortar bomb", "category": "mortar_ammunition"}),
        ("17-88-1234", {"factory": "17", "year": 1988, "batch": "1234",
                        "rule": "lot-code/factory-year-batch.v1"}),
        ("3-85-12", {"factory": "3", "year": 1985, "batch": "12"}),
        ("17-86-21", {"factory": "17", "year": 1986, "batch": "21"}),
        ("112-23-4", {"factory": "112", "year": 2023, "batch": "4"}),
        ("52–123–85", {"factory": "52", "batch": "123", "year": 1985,
                       "rule": "lot-code/factory-batch-year.v1"}),
        ("122-мм", {"caliber_mm": 122.0, "item": None, "rule": "calibre/cyrillic.v1"}),
        ("7,62-мм", {"caliber_mm": 7.62}),
        ("152 mm", {"caliber_mm": 152.0, "rule": "calibre/latin.v1"}),
        ("ОФ-462", {"item": "122 mm high-explosive fragmentation projectile (D-30 and M-30 "
                    "howitzers)", "category": "artillery_ammunition", "caliber_mm": 122.0}),
        ("OF-462", {"category": "artillery_ammunition", "caliber_mm": 122.0}),
        ("OФ 462", {"caliber_mm": 122.0}),  # Latin O, Cyrillic Ф: typed as seen
        ("9М22У", {"item": "122 mm high-explosive fragmentation rocket round for the BM-21 Grad",
                   "category": "rockets", "caliber_mm": 122.0}),
        ("9m22u", {"category": "rockets"}),
        ("  ВОГ-17 ", {"category": "grenades", "caliber_mm": 30.0, "text": "ВОГ-17"}),
    ],
)  # fmt: skip
def test_marking_decodes(text: str, expected: dict[str, Any]) -> None:
    reading = decode_marking(text)
    assert reading is not None
    record = reading.to_record()
    assert {key: record[key] for key in expected} == expected
    assert reading.explanation and reading.rule


@pytest.mark.parametrize(
    "text",
    ["", "   ", "hello", "방-999", "박-122", "9M22", "ОФ-999", "12345", "1-2-3", "17-8-1234",
     "152 cm", "153 mm", "1234-88-12", "17-88-12345", "방-122 and more text around it" * 5],
)  # fmt: skip
def test_marking_unknown_text_is_none(text: str) -> None:
    assert decode_marking(text) is None


@pytest.mark.parametrize(
    ("digits", "year"), [("00", 2000), ("29", 2029), ("30", 1930), ("88", 1988), ("1986", 1986)]
)
def test_marking_year_pivot(digits: str, year: int) -> None:
    assert expand_year(digits, 29) == year


def test_marking_found_in_the_sample_report() -> None:
    text = read(EXAMPLES / "lot_markings_1980s.pdf").text
    found = find_markings(text)
    assert [(text[f.start : f.end], f.reading.rule) for f in found] == [
        ("방-122", "hangul/방.v1"),
        ("17-86-21", "lot-code/factory-year-batch.v1"),
    ]
    assert found[1].reading.year == 1986


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The crate was stencilled 17-86-21.", ["17-86-21"]),
        ("Lot code 3-85-12 on the fuze.", ["3-85-12"]),
        ("It sailed on 12-05-24 from Nampo.", []),  # a date, no marking cue
        ("The stencil was clear. It sailed on 12-05-24.", []),  # the cue is in another sentence
        ("Shells of 152 mm were sent.", []),  # prose calibre: no cue
        ("The marking read 152 mm and ОФ-540.", ["152 mm", "ОФ-540"]),
        ("Korean lettering: 방-122; Russian: 122-мм.", ["방-122", "122-мм"]),
        ("Phone 12-34-5678-90 for lot details.", []),  # part of a longer number
        ("Rockets 9М22У and 9M22U, fuze РГМ-2.", ["9М22У", "9M22U", "РГМ-2"]),
    ],
)
def test_marking_find_in_text_needs_cues_for_numbers(text: str, found: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_markings(text)] == found


def test_marking_find_without_cues_when_asked() -> None:
    text = "ОФ-462 17-88-1234 152 mm"
    assert [f.reading.rule for f in find_markings(text)] == ["item-code/ОФ-462.v1"]
    assert [text[f.start : f.end] for f in find_markings(text, require_cues=False)] == [
        "ОФ-462", "17-88-1234", "152 mm",
    ]  # fmt: skip


def test_marking_for_claim_reads_its_evidence() -> None:
    sentence = "Pictures showed the marking 방-122 on the rocket bodies."
    claim = Claim(doc="d", type="transfer", evidence=Evidence(sentence, 40, 40 + len(sentence)))
    (found,) = markings_for_claim(claim)
    assert sentence[found.start : found.end] == "방-122"
    assert markings_for_claim(sentence) == [found]
    assert markings_for_claim("No markings here.") == []


@settings(database=None, deadline=None)
@given(st.text())
def test_marking_never_raises_on_any_text(text: str) -> None:
    reading = decode_marking(text)
    assert reading is None or reading.rule
    for found in find_markings(text):
        assert 0 <= found.start < found.end <= len(text)


@settings(database=None, deadline=None)
@given(
    factory=st.integers(1, 999),
    year=st.integers(1930, 2029),
    batch=st.integers(1, 9999),
    dash=st.sampled_from(["-", "–"]),
)
def test_marking_lot_codes_round_trip_their_year(
    factory: int, year: int, batch: int, dash: str
) -> None:
    reading = decode_marking(f"{factory}{dash}{year % 100:02d}{dash}{batch}")
    assert reading is not None
    assert (reading.factory, reading.year, reading.batch) == (str(factory), year, str(batch))


@settings(database=None, deadline=None)
@given(factory=st.integers(1, 999), year=st.integers(1930, 2029), batch=st.integers(100, 9999))
def test_marking_factory_batch_year_codes_round_trip_their_year(
    factory: int, year: int, batch: int
) -> None:
    reading = decode_marking(f"{factory}-{batch}-{year % 100:02d}")
    assert reading is not None
    assert (reading.factory, reading.year, reading.batch) == (str(factory), year, str(batch))
