"""Hostile PDFs written by hand (objects, xref, trailer), so a test controls exactly which
structure it feeds the parser: a page tree that claims ten billion pages, arrays nested fifty
thousand deep, ten thousand pages of heavy drawing, a stream that inflates to 70 MB.
"""

from __future__ import annotations

import io
import zlib

from pypdf import PdfReader, PdfWriter


def pdf_file(objects: list[bytes], info: int | None = None) -> bytes:
    """A PDF whose object n (from 1) is objects[n-1]; object 1 must be the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    out += trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(contents: int, font: int) -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (contents, font)
    )


def text_pdf(text: str = "Rockets were shipped from Iran to Yemen by dhow.") -> bytes:
    """One page with one line of text (Helvetica, so any reader extracts it)."""
    content = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1")
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(4, 5),
            _stream(content),
            _FONT,
        ]
    )


def truncated_pdf() -> bytes:
    """A text PDF cut in the middle of its page object: no xref, no trailer, no text."""
    whole = text_pdf()
    return whole[: whole.index(b"/MediaBox")]


def encrypted_pdf() -> bytes:
    """A text PDF that needs a user password (RC4, which pypdf reads without extra packages)."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def page_bomb_pdf(levels: int = 10, fan_out: int = 10) -> bytes:
    """A page tree in which every node lists the next one `fan_out` times: 10**10 pages."""
    return _page_tree_pdf(levels, fan_out, b"BT /F1 12 Tf 72 720 Td (Page) Tj ET")


def time_bomb_pdf(levels: int = 4, fan_out: int = 10, operators: int = 100_000) -> bytes:
    """10**4 pages (under pypdf's own page-tree cap), each drawing 100,000 words: about a
    second of parsing per page, so only a time limit ends it."""
    content = b"BT /F1 12 Tf 72 720 Td " + b"(Shells) Tj " * operators + b"ET"
    return _page_tree_pdf(levels, fan_out, content)


def _page_tree_pdf(levels: int, fan_out: int, content: bytes) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        number = 2 + level
        kids = b" ".join([b"%d 0 R" % (number + 1)] * fan_out)
        parent = b"" if level == 0 else b" /Parent %d 0 R" % (number - 1)
        count = fan_out ** (levels - level)
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d%s >>" % (kids, count, parent))
    leaf = 2 + levels
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (leaf - 1, leaf + 1, leaf + 2)
    )
    deflated = zlib.compress(content, 9)
    objects += [_stream(deflated, b" /Filter /FlateDecode"), _FONT]
    return pdf_file(objects)


def nesting_bomb_pdf(depth: int = 50_000) -> bytes:
    """Arrays nested `depth` deep in the document info and in a page's resources."""
    nested = b"[" * depth + b"]" * depth
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /Deep " + nested + b" >> >>",
            _stream(b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET"),
            _FONT,
            b"<< /Title " + nested + b" >>",
        ],
        info=6,
    )


def inflate_bomb_pdf(inflated: int = 70 * 2**20) -> bytes:
    """A page whose content stream is ~70 KB deflated and `inflated` bytes of spaces inflated
    (under pypdf's own 75 MB cap, so only a memory limit stops it)."""
    squeeze = zlib.compressobj(9)
    chunk = b" " * 2**20
    parts = [squeeze.compress(chunk) for _ in range(inflated // len(chunk))]
    parts.append(squeeze.flush())
    data = b"".join(parts)
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(4, 5),
            _stream(data, b" /Filter /FlateDecode"),
            _FONT,
        ]
    )
