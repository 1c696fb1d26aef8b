"""The store: documents, claims and ingest failures in SQLite or PostgreSQL.

Open it with `open_store(url)`; the schema is created or migrated on open.
"""

from armstrace.store.db import make_engine
from armstrace.store.records import DocumentRow, FailureRow, SaveResult, StoredClaim
from armstrace.store.repo import Store, open_store

__all__ = [
    "DocumentRow",
    "FailureRow",
    "SaveResult",
    "Store",
    "StoredClaim",
    "make_engine",
    "open_store",
]
