"""Ingestion: one file path or http(s) URL in, one `Document` out.

    read(source, settings=None) -> Document     the only way bytes enter armstrace
    discover(paths) -> Iterator[str]            folders expanded, sidecars skipped

Every bad input raises an InputError subclass (errors.py) whose reason a person can act on:
UnsupportedFormat, Unreadable, EmptyText, TooLarge; never another exception for bad bytes.
"""

from __future__ import annotations

from pathlib import Path

from armstrace.errors import UnsupportedFormat
from armstrace.ingest.discover import discover
from armstrace.ingest.origin import Origin, file_stem, load_file
from armstrace.ingest.readers import HEAD_BYTES, READERS, SUPPORTED_SUFFIXES, choose
from armstrace.ingest.sidecar import apply_sidecar, is_sidecar, load_sidecar
from armstrace.ingest.url import is_url
from armstrace.ingest.url import read as read_url
from armstrace.model import Document
from armstrace.settings import Settings, load_settings

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "discover", "read"]


def read(source: str | Path, *, settings: Settings | None = None) -> Document:
    """Read one file or http(s) URL into a Document, with its sidecar's metadata applied.

    A `str` that looks like a URL (`scheme://...`) is fetched or refused; a `Path` is always
    a local file.
    """
    settings = settings or load_settings()
    if isinstance(source, str) and is_url(source):
        return read_url(source, settings)
    path = Path(source)
    name = str(source)
    if is_sidecar(path):
        raise UnsupportedFormat(name, "a sidecar (metadata for a document), not a document")
    raw = load_file(path, settings.max_file_bytes)
    reader = choose(path, raw[:HEAD_BYTES])
    sidecar = load_sidecar(path, settings.max_file_bytes)
    origin = Origin(source=name, stem=file_stem(path), url=sidecar.url if sidecar else None)
    document = reader.parse(raw, origin)
    return apply_sidecar(document, sidecar) if sidecar else document
