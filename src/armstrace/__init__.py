"""armstrace: turn open-source reporting on the arms trade into claims an analyst can cite.

The public API, for notebooks and scripts:

    import armstrace
    document = armstrace.read("report.html")          # text, metadata, content hash
    claims = armstrace.extract_claims(document)       # list[Claim], each with verbatim evidence
    with armstrace.open_store("sqlite:///my.db") as store:
        store.save_document(document, claims)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from armstrace.errors import ArmstraceError, DataFileError, InputError, StoreError, UsageError
from armstrace.model import Claim, Conveyance, Document, Evidence, Item, Quantity
from armstrace.version import EXTRACTOR_VERSION, __version__

if TYPE_CHECKING:
    from armstrace.store import Store

__all__ = [
    "EXTRACTOR_VERSION",
    "ArmstraceError",
    "Claim",
    "Conveyance",
    "DataFileError",
    "Document",
    "Evidence",
    "InputError",
    "Item",
    "Quantity",
    "StoreError",
    "UsageError",
    "__version__",
    "extract_claims",
    "open_store",
    "read",
]


def read(source: str) -> Document:
    """Read one file or URL into a Document (raises InputError with the reason)."""
    from armstrace.ingest import read as _read

    return _read(source)


def extract_claims(document: Document) -> list[Claim]:
    """Claims in one document. For many documents build the pipeline once with
    `armstrace.extract.load_extractor()` and call its `extract(document)`."""
    from armstrace.extract import extract_document

    return extract_document(document)


def open_store(url: str | None = None) -> Store:
    """Open (and migrate) the store at `url`, or the default SQLite file."""
    from armstrace.store import open_store as _open_store

    return _open_store(url)
