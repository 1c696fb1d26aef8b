"""choose(): magic bytes before names, names before sniffing, clear refusals."""

from __future__ import annotations

import pytest

from armstrace.errors import UnsupportedFormat
from armstrace.ingest import READERS, SUPPORTED_SUFFIXES
from armstrace.ingest.readers import Reader, choose, register_reader, supported_suffixes

HTML = b"<!DOCTYPE html><html><body><p>x</p></body></html>"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
ZIP = b"PK\x03\x04\x14\x00\x00\x00"


@pytest.mark.parametrize(
    ("path", "head", "mime", "expected"),
    [
        ("a.txt", b"plain words", None, "text"),
        ("a.TXT", b"plain words", None, "text"),
        ("notes.md", b"# Title", None, "text"),
        ("a.html", HTML, None, "html"),
        ("a.htm", b"<p>no doctype</p>", None, "html"),
        ("a.pdf", PDF, None, "pdf"),
        ("saved.html", PDF, None, "pdf"),  # a PDF is a PDF, whatever its name
        ("download.dat", PDF, None, "pdf"),
        ("page.php", HTML, None, "html"),  # saved pages keep odd extensions
        ("README", b"\xef\xbb\xbf<html><head>", None, "html"),
        ("a.txt", HTML, None, "text"),  # a .txt of markup stays text: offsets index into it
        ("https://example.org/report", HTML, "text/html", "html"),
        ("https://example.org/a.txt", b"<p>x</p>", "text/html", "html"),  # server beats path
        ("https://example.org/a", b"words", "text/plain", "text"),
        ("https://example.org/file.pdf", PDF, "application/octet-stream", "pdf"),
    ],
)
def test_choose_picks_reader(path: str, head: bytes, mime: str | None, expected: str) -> None:
    assert choose(path, head, mime=mime).format == expected


@pytest.mark.parametrize(
    ("path", "head", "mime", "reason"),
    [
        ("report.docx", ZIP, None, "unsupported format .docx"),
        ("archive.html", ZIP, None, "ZIP archive, not a document"),
        ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00", None, "PNG image, not a document"),
        ("photo.htm", b"\xff\xd8\xff\xe0\x00\x10JFIF", None, "JPEG image, not a document"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None, "unsupported format .doc"),
        ("README", ZIP, None, "ZIP archive, not a document"),
        ("data.csv", b"a,b\n1,2\n", None, "unsupported format .csv"),
        ("README", b"plain words", None, "unsupported format (no file extension)"),
        (
            "https://example.org/api",
            b"{}",
            "application/json",
            "unsupported content type application/json",
        ),
    ],
)
def test_choose_refuses_with_reason(path: str, head: bytes, mime: str | None, reason: str) -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        choose(path, head, mime=mime)
    assert str(caught.value) == f"{path}: {reason}"


def test_supported_suffixes_are_the_builtin_readers() -> None:
    assert {".txt", ".md", ".html", ".htm", ".pdf"} == SUPPORTED_SUFFIXES
    assert [reader.format for reader in READERS] == ["text", "html", "pdf"]


def test_register_reader_adds_a_format() -> None:
    saved = list(READERS)
    try:
        register_reader(Reader("csv", (".csv",), ("text/csv",), READERS[0].parse))
        assert ".csv" in supported_suffixes()
        assert choose("a.csv", b"a,b").format == "csv"
    finally:
        READERS[:] = saved
    assert ".csv" not in supported_suffixes()
