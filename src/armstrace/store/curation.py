"""Transactions and the audit log for analyst actions (curation, judgements, assessments).

Why a module of its own: every analyst change must be written together with its audit row in
ONE transaction, so curation code needs a session it controls, not one `Store` method per
change. The sessions here behave like the Store's own: SQLite writes take the lock up front,
reads do not, and driver failures become a StoreError naming the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from armstrace.errors import StoreError, UsageError
from armstrace.model.vocab import CURATION_TARGETS
from armstrace.store.db import READ_ONLY, describe_error
from armstrace.store.repo import Store
from armstrace.store.tables import AuditLogTable, utcnow

TARGET_TYPES = CURATION_TARGETS
"""What an audit entry can be about."""


@dataclass(frozen=True)
class AuditEntry:
    """One analyst action: who, when (UTC), what, on which target, the value before and after."""

    id: int
    at: datetime
    user: str
    action: str
    target_type: str
    target_id: str
    before: Any
    after: Any
    note: str | None

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict (time as ISO 8601)."""
        return asdict(self) | {"at": self.at.isoformat()}


@contextmanager
def write_session(store: Store) -> Iterator[Session]:
    """One write transaction on the store's database, committed when the block ends."""
    with _errors(store), Session(store.engine) as session, session.begin():
        yield session


@contextmanager
def read_session(store: Store) -> Iterator[Session]:
    """One read-only transaction (SQLite: a deferred BEGIN that takes no write lock)."""
    engine = store.engine.execution_options(**{READ_ONLY: True})
    with _errors(store), Session(engine) as session, session.begin():
        yield session


def check_user(user: str) -> str:
    """The user name trimmed; an empty one is refused, since the audit log must say who."""
    name = (user or "").strip()
    if not name:
        raise UsageError("user: a user name is required for the audit log (set ARMSTRACE_USER)")
    return name


def add_audit(
    session: Session,
    *,
    user: str,
    action: str,
    target_type: str,
    target_id: str,
    before: Any,
    after: Any,
    note: str | None = None,
) -> AuditLogTable:
    """Add the audit row for a change made in the same session (so both commit together)."""
    if target_type not in TARGET_TYPES:
        raise UsageError(f"audit target type must be one of {TARGET_TYPES}, not {target_type!r}")
    row = AuditLogTable(
        at=utcnow(),
        user=check_user(user),
        action=action,
        target_type=target_type,
        target_id=target_id,
        before=before,
        after=after,
        note=note or None,
    )
    session.add(row)
    return row


def audit_entries(
    session: Session, target_type: str | None = None, target_id: str | None = None
) -> list[AuditEntry]:
    """Audit entries, oldest first, narrowed to a target type and/or id."""
    query = select(AuditLogTable).order_by(AuditLogTable.id)
    if target_type is not None:
        query = query.where(AuditLogTable.target_type == target_type)
    if target_id is not None:
        query = query.where(AuditLogTable.target_id == target_id)
    return [audit_entry(row) for row in session.scalars(query)]


def audit_entry(row: AuditLogTable) -> AuditEntry:
    """The frozen record for an audit_log row."""
    return AuditEntry(
        id=row.id,
        at=row.at,
        user=row.user,
        action=row.action,
        target_type=row.target_type,
        target_id=row.target_id,
        before=row.before,
        after=row.after,
        note=row.note,
    )


@contextmanager
def _errors(store: Store) -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"{store.url}: {describe_error(exc, store.engine.url)}") from exc
