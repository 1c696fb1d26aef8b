"""Properties of the quantity, date and marking parsers and of evidence spans on hostile text:
mixed scripts, foreign digits, direction marks and NULs never raise; spans stay verbatim;
repeated patterns (ReDoS bait) stay fast; evidence read through a file in any encoding and
newline style is a verbatim slice of the document's text. (Tests of ordinary phrasing live in
tests/parse, tests/markings and tests/nlp.)"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armstrace.extract import Extractor, load_extractor
from armstrace.ingest import read
from armstrace.markings import decode_marking, find_markings
from armstrace.parse.date import DateResolver
from armstrace.parse.quantity import find_numbers

HOSTILE_ALPHABET = st.sampled_from(
    list("0123456789,.-–/ ()%$\n\t")
    + list("٠١٢٣٤٥٦٧٨٩")  # Arabic-Indic digits
    + list("０１２３４５６７８９")  # full-width digits
    + list("方포탄북한스커드мнлнрдшеАК")
    + ["\u200f", "\u202e", "\u2066", "\x00", "\ufeff", "\u00a0", "\u0301"]
    + ["million", "billion", "tons", "rounds", "March", "2009", "1990s", "between", "and"]
    + ["about", "some", "at least", "up to", "last", "week", "since", "mm", "방-", "9K", "M-"]
)
HOSTILE_TEXT = st.lists(HOSTILE_ALPHABET, max_size=80).map("".join)
PUBLISHED = st.sampled_from([None, "2024", "2024-02", "2024-02-29", "1999-12-31"])
PARSE_SECONDS = 2.0
"""A parser may take this long on 20,000 characters of one repeated pattern."""


@settings(max_examples=300, deadline=None, database=None)
@given(HOSTILE_TEXT, PUBLISHED)
def test_parsers_never_raise_and_keep_spans_on_hostile_text(
    text: str, published: str | None
) -> None:
    for number in find_numbers(text):
        assert 0 <= number.start <= number.number_start < number.end <= len(text)
        assert number.value >= 0
    for date in DateResolver(published=published).find(text):
        assert 0 <= date.start < date.end <= len(text)
    for found in find_markings(text):
        assert 0 <= found.start < found.end <= len(text)
        assert decode_marking(text[found.start : found.end]) is not None
    reading = decode_marking(text)
    assert reading is None or reading.rule


@pytest.mark.parametrize(
    "pattern",
    [
        "1,000,", "9", "between 5 and ", "5 to ", "-", "1-", "about some nearly ", "million ",
        "March 2009, ", "1990s and ", "방-1", "1.", "12/", "٣٤٥,", "１２３,", "2009-2010-",
        "since ", "  \t", "9K1", "M-1-",
    ],
)  # fmt: skip
def test_parsers_stay_fast_on_repeated_patterns(pattern: str) -> None:
    text = (pattern * (20_000 // len(pattern) + 1))[:20_000]
    for parse in (
        find_numbers,
        DateResolver(published="2024-05-01").find,
        find_markings,
        decode_marking,
    ):
        started = time.perf_counter()
        parse(text)
        assert time.perf_counter() - started < PARSE_SECONDS, parse


FRAGMENTS = [
    "North Korea shipped 2,000 artillery shells to Russia.",
    "In March 2009, Israel intercepted the MV Francop carrying rockets from Iran to Syria.",
    "Iran supplied some 35 tons of arms to the Houthis, the U.S. Navy said.",
    "Северная Корея передала России снаряды.",
    "북한이 러시아에 포탄을 보냈다.",
    "\u200fأرسلت إيران صواريخ إلى حزب الله.",
    "Markings read 방-122 and 17-88-1234 on the crates.",
]
_EXTRACTOR: list[Extractor] = []


def _extractor() -> Extractor:
    if not _EXTRACTOR:
        _EXTRACTOR.append(load_extractor())
    return _EXTRACTOR[0]


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6),
    newline=st.sampled_from(["\n", "\r\n", "\r", " "]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
)
def test_evidence_read_from_any_file_is_a_verbatim_slice(
    tmp_path: Path, parts: list[str], newline: str, encoding: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(newline.join(parts).encode(encoding))
    document = read(path)
    assert "\r" not in document.text
    for claim in _extractor().extract(document):
        evidence = claim.evidence
        assert document.text[evidence.start : evidence.end] == evidence.text
