"""The text reader: exact text, newlines, encodings, and every refusal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from armstrace.errors import EmptyText, InputError, Unreadable
from armstrace.ingest import read


def test_text_reads_utf8_exactly(alone: Callable[[str], Path]) -> None:
    path = alone("plain_utf8.txt")
    document = read(path)
    expected = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert document.text == expected
    assert (document.format, document.stem, document.encoding) == ("text", "plain_utf8", "utf-8")
    assert document.raw == path.read_bytes()
    assert document.source == str(path)
    assert document.title is None and document.published is None


def test_text_strips_bom_and_normalises_only_newlines(alone: Callable[[str], Path]) -> None:
    document = read(alone("bom_crlf.txt"))
    assert document.text == "First line.\nSecond line.\nThird line.\n"


def test_text_reads_markdown_as_text(alone: Callable[[str], Path]) -> None:
    document = read(alone("notes.md"))
    assert (document.format, document.text) == (
        "text",
        "# Notes\n\nRockets were seen at the port.\n",
    )


@pytest.mark.parametrize(
    ("name", "start", "encoding"),
    [
        ("euc_kr.txt", "국가정보원은 북한이 러시아에 포탄 수백만 발을", "cp949"),
        ("cp1251.txt", "Разведка сообщила, что Северная Корея передала России", "cp1251"),
        ("utf16_arabic.txt", "أفادت التقارير بأن إيران أرسلت صواريخ", "utf-16-le"),
        ("latin1.txt", "Le cargo a été arraisonné au large de Chypre", "cp1252"),
    ],
)
def test_text_decodes_legacy_encodings(
    alone: Callable[[str], Path], name: str, start: str, encoding: str
) -> None:
    document = read(alone(name))
    assert document.text.startswith(start)
    assert document.encoding == encoding
    assert "\ufffd" not in document.text


def test_text_latin1_keeps_every_accent(alone: Callable[[str], Path]) -> None:
    assert "pièces détachées" in read(alone("latin1.txt")).text


@pytest.mark.parametrize(
    ("name", "error", "reason"),
    [
        ("empty.txt", EmptyText, "no text found"),
        ("whitespace.txt", EmptyText, "no text found"),
        ("random.txt", Unreadable, "not valid UTF-8 and no encoding detected"),
        ("nuls.txt", Unreadable, "looks like binary data (100% control characters)"),
    ],
)
def test_text_refuses_with_reason(
    alone: Callable[[str], Path], name: str, error: type[InputError], reason: str
) -> None:
    path = alone(name)
    with pytest.raises(error) as caught:
        read(path)
    assert caught.value.reason == reason
    assert caught.value.source == str(path)
    assert str(caught.value) == f"{path}: {reason}"
