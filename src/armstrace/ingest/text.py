"""Plain-text reader (.txt, .md).

The text is kept exactly as decoded, apart from newlines (`\\r\\n`, `\\r` → `\\n`) and a
byte-order mark: claims point into it by character offset, so any other cleaning would move
their evidence.
"""

from __future__ import annotations

from armstrace.ingest.encoding import check_text, decode, normalise_newlines
from armstrace.ingest.origin import Origin
from armstrace.model import Document

FORMAT = "text"
SUFFIXES = (".txt", ".md")
MIME_TYPES = ("text/plain", "text/markdown")


def parse(raw: bytes, origin: Origin) -> Document:
    """Decode `raw` into a text Document; EmptyText or Unreadable when there is no text."""
    text, encoding = decode(raw, origin.declared_charset, source=origin.source)
    text = normalise_newlines(text)
    check_text(text, origin.source)
    return Document(
        source=origin.source,
        stem=origin.stem,
        text=text,
        format=FORMAT,
        raw=raw,
        url=origin.url,
        encoding=encoding,
    )
