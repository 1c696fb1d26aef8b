"""Sidecars: their values override the reader's, nulls do not, malformed ones are named."""

from __future__ import annotations

import json
import logging
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from armstrace.errors import InputError, UnsupportedFormat
from armstrace.ingest import read
from armstrace.ingest.published import clean_published
from armstrace.ingest.sidecar import is_sidecar, sidecar_path

from .files import FIXTURES


def test_sidecar_sets_text_document_metadata() -> None:
    document = read(FIXTURES / "plain_utf8.txt")
    assert document.title == "Shells by rail"
    assert document.url == "https://example.org/shells-by-rail"
    assert document.publisher == "Example Monitor"
    assert document.published == "2023-10-13"


def test_sidecar_overrides_html_metadata_and_null_keeps_it() -> None:
    # The page says 2023-03-05 and Harbour Watch; the sidecar says 2024-01 and url null.
    document = read(FIXTURES / "table_script.html")
    assert document.published == "2024-01"
    assert document.publisher == "Harbour Watch"
    assert document.title == "Inspectors list the cargo found on a freighter"


def test_sidecar_does_not_change_text() -> None:
    with_sidecar = read(FIXTURES / "plain_utf8.txt")
    assert with_sidecar.text == (FIXTURES / "plain_utf8.txt").read_text().replace("\r\n", "\n")


def test_sidecar_malformed_json_names_the_sidecar() -> None:
    with pytest.raises(InputError) as caught:
        read(FIXTURES / "bad_sidecar.txt")
    assert caught.value.source == str(FIXTURES / "bad_sidecar.meta.json")
    assert caught.value.reason.startswith("malformed sidecar: invalid JSON (")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[1, 2]", "malformed sidecar: expected a JSON object, found a list"),
        ('{"title": 5}', "malformed sidecar: 'title' must be a string or null, not a number"),
        ('{"url": ["a"]}', "malformed sidecar: 'url' must be a string or null, not a list"),
        (
            '{"published": true}',
            "malformed sidecar: 'published' must be a date string or null, not true/false",
        ),
        (
            '{"published": {"y": 1}}',
            "malformed sidecar: 'published' must be a date string or null, not an object",
        ),
    ],
)
def test_sidecar_wrong_shapes_are_refused(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "doc.txt").write_text("Some text.")
    (tmp_path / "doc.meta.json").write_text(content)
    with pytest.raises(InputError) as caught:
        read(tmp_path / "doc.txt")
    assert str(caught.value) == f"{tmp_path / 'doc.meta.json'}: {reason}"


def test_sidecar_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Some text.")
    (tmp_path / "doc.meta.json").write_bytes('{"title": "Café"}'.encode("latin-1"))
    with pytest.raises(InputError, match=r"doc\.meta\.json: malformed sidecar: not UTF-8"):
        read(tmp_path / "doc.txt")


def test_sidecar_unparseable_date_is_dropped_with_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "doc.txt").write_text("Some text.")
    sidecar = {"published": "last spring", "title": "  Padded  ", "extra": 1}
    (tmp_path / "doc.meta.json").write_text(json.dumps(sidecar))
    with caplog.at_level(logging.WARNING, logger="armstrace.ingest.sidecar"):
        document = read(tmp_path / "doc.txt")
    assert (document.published, document.title) == (None, "Padded")
    assert "'published' 'last spring' is not YYYY" in caplog.text
    assert "ignoring unknown sidecar keys extra" in caplog.text


def test_sidecar_is_not_a_document(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "plain_utf8.meta.json", tmp_path)
    with pytest.raises(UnsupportedFormat) as caught:
        read(tmp_path / "plain_utf8.meta.json")
    assert caught.value.reason == "a sidecar (metadata for a document), not a document"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.meta.json", True), ("A.META.JSON", True), ("a.json", False), ("meta.json.txt", False)],
)
def test_is_sidecar_by_name(name: str, expected: bool) -> None:
    assert is_sidecar(name) is expected


def test_sidecar_path_sits_beside_the_document() -> None:
    assert sidecar_path(Path("x/000_abc.txt")) == Path("x/000_abc.meta.json")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014", "2014"),
        ("2014-07", "2014-07"),
        ("2014-07-23", "2014-07-23"),
        ("2014/07/23", "2014-07-23"),
        ("2014.07", "2014-07"),
        ("20140723", "2014-07-23"),
        ("2014-07-23T10:00:00Z", "2014-07-23"),
        ("2014-07-23 10:00", "2014-07-23"),
        (" 2014-07 ", "2014-07"),
        (2014, "2014"),
        (date(2014, 7, 23), "2014-07-23"),
        (datetime(2014, 7, 23, 9, 30), "2014-07-23"),
        ("2014-13", None),
        ("2014-02-30", None),
        ("2014-07/23", None),
        ("July 2014", None),
        ("", None),
        ("1066", None),
        ("9999-01-01", None),
        (None, None),
        (True, None),
        (20.14, None),
    ],
)
def test_clean_published_normalises_or_gives_none(value: object, expected: str | None) -> None:
    assert clean_published(value) == expected
