"""An ingested document: its text, metadata and the raw bytes it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Document:
    """What a reader returns. `stem` names the document in claims (`claim.doc`).

    `content_hash` is the sha256 of the raw bytes: ingesting the same input twice is a no-op.
    """

    source: str
    stem: str
    text: str
    format: str  # "text" | "html" | "pdf"
    raw: bytes = b""
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    url: str | None = None
    encoding: str | None = None
    retrieved_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def content_hash(self) -> str:
        return sha256_hex(self.raw if self.raw else self.text.encode("utf-8"))
