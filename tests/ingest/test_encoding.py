"""decode(): byte-order marks, declared charsets, UTF-8, guesses, and refusing binary."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from armstrace.errors import EmptyText, Unreadable
from armstrace.ingest.encoding import bad_share, check_text, decode, normalise_newlines

KOREAN = "북한이 러시아에 포탄 수백만 발을 보냈다고 국가정보원이 밝혔다. 포탄은 나진항에서 실렸다."
RUSSIAN = "Северная Корея передала России артиллерийские снаряды, сообщила разведка."
ARABIC = "أفادت التقارير بأن إيران أرسلت صواريخ إلى حزب الله عبر سوريا."
FRENCH = "Le cargo a été arraisonné ; la société a nié. Les pièces détachées étaient là."


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (KOREAN, "euc-kr"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (FRENCH, "latin-1"),
        (FRENCH, "cp1252"),
        (KOREAN, "utf-8"),
    ],
)
def test_decode_guesses_legacy_encodings(text: str, codec: str) -> None:
    decoded, _ = decode(text.encode(codec), None)
    assert decoded == text


@pytest.mark.parametrize("text", [KOREAN, RUSSIAN, ARABIC])
@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-16", "utf-16-le"),  # Python writes the little-endian mark
        ("utf-32", "utf-32-le"),
        ("utf-8-sig", "utf-8"),
    ],
)
def test_decode_follows_byte_order_mark(text: str, codec: str, expected: str) -> None:
    assert decode(text.encode(codec), None) == (text, expected)


def test_decode_reads_big_endian_utf16() -> None:
    raw = codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be")
    assert decode(raw, None) == (ARABIC, "utf-16-be")


def test_decode_uses_declared_charset() -> None:
    raw = KOREAN.encode("euc-kr")
    assert decode(raw, "EUC-KR") == (KOREAN, "cp949")  # EUC-KR read as its superset


def test_decode_uses_declared_utf16_with_byte_order_but_no_mark() -> None:
    raw = "Shells moved by rail.".encode("utf-16-le")  # valid UTF-8 too, full of NULs
    assert decode(raw, "UTF-16LE") == ("Shells moved by rail.", "utf-16-le")


def test_decode_ignores_declared_utf16_without_mark() -> None:
    assert decode(b"plain", "utf-16") == ("plain", "utf-8")


def test_decode_ignores_declared_charset_that_does_not_fit() -> None:
    raw = KOREAN.encode("utf-8")
    assert decode(raw, "shift_jis")[0] == KOREAN


def test_decode_prefers_utf8_over_a_wrong_latin1_label() -> None:
    raw = FRENCH.encode("utf-8")
    assert decode(raw, "iso-8859-1") == (FRENCH, "utf-8")


@pytest.mark.parametrize("label", ["no-such-charset", "", None])
def test_decode_ignores_unknown_declared_charset(label: str | None) -> None:
    assert decode(RUSSIAN.encode("utf-8"), label) == (RUSSIAN, "utf-8")


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("size", [256, 2048, 65536])
def test_decode_refuses_random_binary(seed: int, size: int) -> None:
    raw = random.Random(seed).randbytes(size)
    with pytest.raises(Unreadable) as caught:
        decode(raw, None, source="noise.txt")
    assert str(caught.value) == "noise.txt: not valid UTF-8 and no encoding detected"


def test_decode_refuses_a_lying_byte_order_mark() -> None:
    raw = codecs.BOM_UTF8 + b"\xff\xfe\xfa"
    with pytest.raises(Unreadable, match=r"byte-order mark says utf-8 but invalid start byte"):
        decode(raw, None, source="x.txt")


@given(st.text(), st.booleans())
def test_decode_returns_any_utf8_text_unchanged(text: str, with_bom: bool) -> None:
    # Without a mark, a leading U+FEFF cannot be told from one; that is the one exception.
    assume(with_bom or not text.startswith("\ufeff"))
    raw = (codecs.BOM_UTF8 if with_bom else b"") + text.encode("utf-8")
    assert decode(raw, None) == (text, "utf-8")


@pytest.mark.parametrize(
    ("text", "share"),
    [("", 0.0), ("plain text\twith\nbreaks\r\n", 0.0), ("\x00\x00ab", 0.5), ("a\ufffd", 0.5)],
)
def test_bad_share_counts_junk_characters(text: str, share: float) -> None:
    assert bad_share(text) == share


@pytest.mark.parametrize(
    ("text", "error", "reason"),
    [
        ("", EmptyText, "no text found"),
        (" \n\t ", EmptyText, "no text found"),
        ("\x00" * 10 + "abc", Unreadable, "looks like binary data (77% control characters)"),
    ],
)
def test_check_text_refuses(text: str, error: type[Exception], reason: str) -> None:
    with pytest.raises(error) as caught:
        check_text(text, "doc.txt")
    assert str(caught.value) == f"doc.txt: {reason}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("a\nb  ", "a\nb  ")],
)
def test_normalise_newlines_changes_only_newlines(text: str, expected: str) -> None:
    assert normalise_newlines(text) == expected
