"""Short transactions on the store's engine for the auth tables.

Why not the Store's own helpers: they are private to `armstrace.store.repo`; this module gives
auth the same promise (one transaction per operation, SQLite reads without the write lock,
driver failures as StoreError naming the database) without reaching into them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from armstrace.errors import StoreError
from armstrace.store import Store
from armstrace.store.db import READ_ONLY, describe_error


@contextmanager
def reading(store: Store) -> Iterator[Session]:
    """A read-only transaction (SQLite: a deferred BEGIN, so readers never wait for writers)."""
    engine = store.engine.execution_options(**{READ_ONLY: True})
    with _errors(store), Session(engine) as session, session.begin():
        yield session


@contextmanager
def writing(store: Store) -> Iterator[Session]:
    """A write transaction, committed when the block ends without an exception."""
    with _errors(store), Session(store.engine) as session, session.begin():
        yield session


def now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def _errors(store: Store) -> Iterator[None]:
    try:
        yield
    except IntegrityError:
        raise  # the caller decides what a unique-key clash means
    except SQLAlchemyError as exc:
        raise StoreError(f"{store.url}: {describe_error(exc, store.engine.url)}") from exc
