"""The sanctions instruments: present, dated, scoped with known actors, and validated."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from armstrace.errors import DataFileError
from armstrace.gazetteer import load_gazetteer
from armstrace.sanctions import load_instruments
from armstrace.sanctions.instruments import DATA_DIR


@pytest.mark.parametrize(
    ("ident", "adopted", "end"),
    [
        ("unscr-1718", "2006-10-14", None),
        ("unscr-1874", "2009-06-12", None),
        ("unscr-2270", "2016-03-02", None),
        ("unscr-2321", "2016-11-30", None),
        ("unscr-2371", "2017-08-05", None),
        ("unscr-2375", "2017-09-11", None),
        ("unscr-2397", "2017-12-22", None),
        ("unscr-1747", "2007-03-24", None),  # re-applied in 2025 after ending in 2016
        ("unscr-2231-annex-b-arms", "2015-07-20", "2020-10-18"),
        ("unscr-2216", "2015-04-14", None),
        ("unscr-1701", "2006-08-11", None),
        ("eu-2006-795-cfsp", "2006-11-20", None),
        ("eu-2014-512-cfsp", "2014-07-31", None),
        ("us-eo-13949", "2020-09-21", None),
    ],
)
def test_sanctions_instruments_are_dated(ident: str, adopted: str, end: str | None) -> None:
    instrument = {i.id: i for i in load_instruments()}[ident]
    assert instrument.adopted == date.fromisoformat(adopted)
    assert instrument.end == (date.fromisoformat(end) if end else None)
    assert instrument.source.startswith("http") and instrument.summary


def test_sanctions_1747_ended_with_2231_and_came_back() -> None:
    periods = {i.id: i for i in load_instruments()}["unscr-1747"].periods
    assert [(p.start.isoformat(), p.end.isoformat() if p.end else None) for p in periods] == [
        ("2007-03-24", "2016-01-16"),
        ("2025-09-28", None),
    ]


def test_sanctions_scopes_name_gazetteer_actors() -> None:
    actors = load_gazetteer().actors
    for instrument in load_instruments():
        for scope in instrument.scope:
            assert scope.actors <= set(actors), instrument.id
        assert instrument.binds is None or instrument.binds <= set(actors), instrument.id


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('adopted: "2006-10-14"', 'adopted: "14 Oct 2006"',
         "sanctions/un.yml: unscr-1718: adopted: expected a date YYYY-MM-DD"),
        ("categories: all\n", "categories: [everything]\n",
         "sanctions/un.yml: unscr-1874: scope.categories: unknown categories ['everything']"),
        ("as: [supplier, recipient]", "as: [buyer]", "unscr-1718: scope.as: roles are"),
        ("    source: https://undocs.org/S/RES/1718(2006)\n", "", "unscr-1718: source: missing"),
        ("  - id: unscr-1874", "  - id: unscr-1718", "unscr-1718: id used twice"),
        ('        end: "2016-01-16"', '        end: "2030-01-16"',
         "unscr-1747: periods: must be in order and not overlap"),
        ("        partly_reason: small arms", "        note: small arms",
         "unscr-1874: scope.partly_reason: missing"),
    ],
)  # fmt: skip
def test_sanctions_bad_data_names_file_instrument_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    data = tmp_path / "sanctions"
    shutil.copytree(DATA_DIR, data)
    path = data / "un.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_instruments(data)
    assert message in str(caught.value)
