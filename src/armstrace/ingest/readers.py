"""The reader registry: which reader gets a file, decided by magic bytes, extension and MIME.

Why rules rather than trust in the extension: hostile input is the normal case (ingest-file).
A ZIP renamed `.html` or a PDF saved as `.dat` must be told apart before parsing. Order:

1. a PDF signature wins over any name (PDFs are often misnamed by downloads);
2. a known non-document signature (ZIP, tar, image, gzip, ...) is refused; archives are
   never opened, whatever their name (unpack them and ingest the files);
3. an unknown extension is refused, unless the bytes look like HTML (`.php`, `.aspx` pages);
4. the MIME type (for URLs), then the extension picks the reader;
5. failing that, the bytes may still look like HTML.

Built-in readers are registered with `register_reader`, the way an outside one would be.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from armstrace.errors import UnsupportedFormat
from armstrace.ingest import html, pdf, text
from armstrace.ingest.origin import Origin
from armstrace.model import Document

HEAD_BYTES = 4096
"""How many leading bytes `choose` looks at."""

_NOT_DOCUMENTS: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office file"),
    (b"{\\rtf", "RTF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x7fELF", "program (ELF)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
)
_TAR_MAGIC = (257, b"ustar")
"""POSIX and GNU tar headers carry "ustar" at byte 257, not at the start."""
ARCHIVE_SUFFIXES = frozenset(
    {".zip", ".tar", ".gz", ".tgz", ".bz2", ".tbz2", ".xz", ".txz", ".7z", ".rar", ".zst"}
)
"""Names that say "archive": the archive's kind, not the name, is then given as the reason."""
_PDF_MAGIC = b"%PDF-"
_HTML_MARK = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])")


@dataclass(frozen=True)
class Reader:
    """One document format: how to recognise it and how to turn its bytes into a Document."""

    format: str
    suffixes: tuple[str, ...]
    mime_types: tuple[str, ...]
    parse: Callable[[bytes, Origin], Document]
    sniff: Callable[[bytes], bool] = lambda head: False


READERS: list[Reader] = []
"""Every known reader, in order of preference when several fit."""


def register_reader(reader: Reader) -> None:
    """Add a reader; a later registration of the same format replaces the earlier one."""
    READERS[:] = [known for known in READERS if known.format != reader.format]
    READERS.append(reader)


def supported_suffixes() -> frozenset[str]:
    """Extensions some registered reader accepts (lower case, with the dot)."""
    return frozenset(suffix for reader in READERS for suffix in reader.suffixes)


def looks_like_pdf(head: bytes) -> bool:
    """The PDF signature, allowed anywhere in the first KB as readers tolerate junk before it."""
    return _PDF_MAGIC in head[:1024]


def looks_like_html(head: bytes) -> bool:
    """An HTML tag near the start (byte-order mark, XML declaration or comments may precede)."""
    return _HTML_MARK.search(head[:1024].lower()) is not None


def not_document(head: bytes) -> str | None:
    """What a known non-document signature says the bytes are, e.g. "ZIP archive"."""
    for magic, kind in _NOT_DOCUMENTS:
        if head.startswith(magic):
            return kind
    at, magic = _TAR_MAGIC
    if head[at : at + len(magic)] == magic:
        return "tar archive"
    return None


def suffix_of(path: str | Path) -> str:
    """Lower-case extension of a path or of a URL's path (`.html`), or "" when there is none."""
    name = str(path)
    if "://" in name:
        name = urlsplit(name).path
    return PurePosixPath(name).suffix.lower()


def choose(path: str | Path, head_bytes: bytes, *, mime: str | None = None) -> Reader:
    """Pick the reader for `path` whose first bytes are `head_bytes` (see module docstring)."""
    source = str(path)
    suffix = suffix_of(path)
    head = head_bytes[:HEAD_BYTES]
    for reader in READERS:
        if reader.format == pdf.FORMAT and reader.sniff(head):
            return reader
    kind = not_document(head)
    # A server's Content-Type says more than the URL's path, so MIME matches come first.
    by_mime = [r for r in READERS if mime and mime in r.mime_types]
    by_name = by_mime + [r for r in READERS if suffix and suffix in r.suffixes]
    by_bytes = [r for r in READERS if r.sniff(head)]
    if kind is not None:
        if suffix and not by_name and suffix not in ARCHIVE_SUFFIXES:
            raise UnsupportedFormat(source, f"unsupported format {suffix}")
        raise UnsupportedFormat(source, f"{kind}, not a document")
    if by_name:
        return by_name[0]
    if by_bytes:
        return by_bytes[0]
    if suffix:
        raise UnsupportedFormat(source, f"unsupported format {suffix}")
    if mime:
        raise UnsupportedFormat(source, f"unsupported content type {mime}")
    raise UnsupportedFormat(source, "unsupported format (no file extension)")


for _builtin in (
    Reader(text.FORMAT, text.SUFFIXES, text.MIME_TYPES, text.parse),
    Reader(html.FORMAT, html.SUFFIXES, html.MIME_TYPES, html.parse, looks_like_html),
    Reader(pdf.FORMAT, pdf.SUFFIXES, pdf.MIME_TYPES, pdf.parse, looks_like_pdf),
):
    register_reader(_builtin)

SUPPORTED_SUFFIXES: frozenset[str] = supported_suffixes()
"""Extensions of the built-in readers: .htm, .html, .md, .pdf, .txt."""
