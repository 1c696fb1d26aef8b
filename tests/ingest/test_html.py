"""The HTML reader: main text, tables, no scripts, metadata, encodings, broken pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml.html import document_fromstring

from armstrace.errors import EmptyText, Unreadable, UnsupportedFormat
from armstrace.ingest import read
from armstrace.ingest.html import SMALL_PAGE_CHARS, _fallback_text, meta_charset


def test_html_keeps_article_and_table_text(alone: Callable[[str], Path]) -> None:
    document = read(alone("table_script.html"))
    assert document.format == "html"
    assert "Customs officers opened a container declared as machine parts" in document.text
    for cell in ("107mm rockets", "2,800", "Mortar bombs", "3,000"):
        assert cell in document.text
    assert "investigation was continuing" in document.text


def test_html_never_shows_scripts_or_styles(alone: Callable[[str], Path]) -> None:
    text = read(alone("table_script.html")).text
    assert "MARKER" not in text
    assert "tracker" not in text and "display: none" not in text


def test_html_reads_title_date_and_site(alone: Callable[[str], Path]) -> None:
    document = read(alone("table_script.html"))
    assert document.title == "Inspectors list the cargo found on a freighter"
    assert document.published == "2023-03-05"
    assert document.publisher == "Harbour Watch"


def test_html_truncated_page_still_yields_text(alone: Callable[[str], Path]) -> None:
    document = read(alone("truncated.html"))
    assert "freight wagons loaded with ammunition crates" in document.text
    assert document.title == "Rail shipments"


def test_html_follows_meta_charset(alone: Callable[[str], Path]) -> None:
    document = read(alone("euc_kr_meta.html"))
    assert "북한이 러시아에 포탄을 보냈다고 국가정보원이 밝혔다." in document.text
    assert document.title == "포탄 수송"
    assert document.encoding == "cp949"


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<html><head><meta charset="euc-kr">', "euc-kr"),
        (
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>",
            "windows-1251",
        ),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><html>', "ISO-8859-1"),
        (b"<html><head><title>none</title>", None),
    ],
)
def test_meta_charset_finds_declaration(head: bytes, charset: str | None) -> None:
    assert meta_charset(head) == charset


def test_html_with_no_text_is_empty(alone: Callable[[str], Path]) -> None:
    with pytest.raises(EmptyText) as caught:
        read(alone("script_only.html"))
    assert caught.value.reason == "no text found"


def test_html_zip_in_disguise_is_refused(alone: Callable[[str], Path]) -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        read(alone("archive.html"))
    assert caught.value.reason == "ZIP archive, not a document"


def test_html_small_page_falls_back_to_plain_text(tmp_path: Path) -> None:
    # trafilatura skips comment sections, so here it finds nothing and the dump takes over.
    path = tmp_path / "note.html"
    path.write_text(
        '<html><body><div class="comments"><p>Crates seen at the pier.</p>'
        "<p>Second line.</p><script>track()</script></div></body></html>"
    )
    assert read(path).text == "Crates seen at the pier.\nSecond line."


def test_html_xml_declaration_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.html"
    body = "<p>Shells were moved by rail to the front, officials said on Monday.</p>" * 5
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><html><body>{body}</body></html>')
    assert "Shells were moved by rail" in read(path).text


def test_html_fallback_refuses_a_large_page() -> None:
    # trafilatura (favor_recall) keeps nearly any text, so the guard is tested directly.
    paragraphs = "".join(f"<p>Menu entry number {n}</p>" for n in range(400))
    tree = document_fromstring(f"<html><body>{paragraphs}</body></html>")
    assert len(tree.text_content()) > SMALL_PAGE_CHARS
    with pytest.raises(EmptyText) as caught:
        _fallback_text(tree, "big.html")
    assert caught.value.reason == "no main text found (the page looks like navigation only)"


def test_html_fallback_dump_has_one_block_per_line() -> None:
    tree = document_fromstring(
        "<html><head><style>p{}</style></head><body><p>One</p><script>x()</script>"
        "<!-- note --><div>Two  words</div><table><tr><td>Cell</td></tr></table></body></html>"
    )
    assert _fallback_text(tree, "small.html") == "One\nTwo words\nCell"


def test_html_too_deep_to_parse_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "buried")
    with pytest.raises(Unreadable) as caught:
        read(path)
    assert caught.value.reason == "HTML could not be parsed: Excessive depth in document: 2048"


def test_html_keeps_text_before_parser_gave_up(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body><p>Rockets reached the port.</p>" + "<div>" * 5000 + "buried")
    assert read(path).text == "Rockets reached the port."
    assert "HTML parsing stopped early (Excessive depth in document: 2048)" in caplog.text


def test_html_keeps_a_text_node_over_10_mb(tmp_path: Path) -> None:
    # libxml2's default limit would drop it silently and leave an empty document.
    path = tmp_path / "long.html"
    path.write_text("<html><body><p>Start. " + "word " * 2_200_000 + "End.</p></body></html>")
    text = read(path).text
    assert text.startswith("Start. word") and text.endswith("word End.")
