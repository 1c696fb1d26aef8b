"""Team-mode users: add, list, change role or password, disable, and check a password.

Every change is written with an `audit_log` row (target_type "user") in the same transaction,
so the history of who gave whom which role is as readable as the history of claims.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from armstrace.auth.db import now, reading, writing
from armstrace.auth.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from armstrace.auth.roles import Role, check_role
from armstrace.errors import UsageError
from armstrace.store import Store
from armstrace.store.tables import AuditLogTable, UserTable

log = logging.getLogger(__name__)

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


@dataclass(frozen=True)
class User:
    """A user as the app sees one: never carries the password hash."""

    id: int
    name: str
    role: Role
    created_at: datetime
    disabled: bool = False


def check_name(name: str) -> str:
    """A user name: letters, digits and . _ @ -, at most 64 characters."""
    if not _NAME.fullmatch(name):
        raise UsageError(
            f"{name!r} is not a valid user name (letters, digits and . _ @ -, at most 64)"
        )
    return name


def add_user(store: Store, name: str, role: str, password: str, *, by: str = "system") -> User:
    """Create a user; the name must be new."""
    check_name(name)
    role = check_role(role)
    row = UserTable(name=name, role=role, password_hash=hash_password(password))
    try:
        with writing(store) as session:
            session.add(row)
            session.flush()
            _audit(session, by, "user.add", name, None, {"role": role})
            user = _user(row)
    except IntegrityError:
        raise UsageError(f"user {name!r} already exists") from None
    log.info("added user %s (%s)", name, role)
    return user


def list_users(store: Store) -> list[User]:
    """Every user, by name."""
    with reading(store) as session:
        return [_user(row) for row in session.scalars(select(UserTable).order_by(UserTable.name))]


def get_user(store: Store, name: str) -> User:
    """The user called `name`; UsageError when there is none."""
    with reading(store) as session:
        return _user(_row(session, name))


def set_role(store: Store, name: str, role: str, *, by: str) -> User:
    """Give `name` another role."""
    role = check_role(role)
    with writing(store) as session:
        row = _row(session, name)
        before = row.role
        row.role = role
        _audit(session, by, "user.role", name, {"role": before}, {"role": role})
        return _user(row)


def set_password(store: Store, name: str, password: str, *, by: str) -> None:
    """Replace the password of `name` and end all of that user's sessions."""
    from armstrace.store.tables import SessionTable

    password_hash = hash_password(password)
    with writing(store) as session:
        row = _row(session, name)
        row.password_hash = password_hash
        for open_session in session.scalars(
            select(SessionTable).where(SessionTable.user_id == row.id)
        ):
            session.delete(open_session)
        _audit(session, by, "user.password", name, None, None)


def set_disabled(store: Store, name: str, disabled: bool, *, by: str) -> User:
    """Disable (no sign-in, no tokens) or re-enable `name`."""
    with writing(store) as session:
        row = _row(session, name)
        before = row.disabled_at is not None
        row.disabled_at = now() if disabled else None
        action = "user.disable" if disabled else "user.enable"
        _audit(session, by, action, name, {"disabled": before}, {"disabled": disabled})
        return _user(row)


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user if `password` is theirs and they are enabled, else None.

    An unknown name costs the same argon2 verification as a wrong password, so response
    time does not tell which names exist.
    """
    with reading(store) as session:
        row = session.scalar(select(UserTable).where(UserTable.name == name))
        found = (row.id, row.password_hash, _user(row)) if row is not None else None
    if found is None:
        verify_password(DUMMY_HASH, password)
        return None
    user_id, password_hash, user = found
    if not verify_password(password_hash, password) or user.disabled:
        return None
    if needs_rehash(password_hash):
        with writing(store) as session:
            stored = session.get(UserTable, user_id)
            if stored is not None:
                stored.password_hash = hash_password(password)
    return user


def _row(session: Session, name: str) -> UserTable:
    row = session.scalar(select(UserTable).where(UserTable.name == name))
    if row is None:
        raise UsageError(f"no user called {name!r}")
    return row


def _user(row: UserTable) -> User:
    return User(
        id=row.id,
        name=row.name,
        role=check_role(row.role),
        created_at=row.created_at,
        disabled=row.disabled_at is not None,
    )


def _audit(
    session: Session,
    user: str,
    action: str,
    target: str,
    before: dict[str, object] | None,
    after: dict[str, object] | None,
) -> None:
    session.add(
        AuditLogTable(
            user=user,
            action=action,
            target_type="user",
            target_id=target,
            before=before,
            after=after,
        )
    )
