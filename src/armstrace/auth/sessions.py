"""Browser sessions for team mode: a random cookie value, stored only as its SHA-256.

Why server-side sessions: signing out or disabling a user must end their access at once,
and each session carries its own CSRF token (checked on every state-changing request).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select

from armstrace.auth.db import now, reading, writing
from armstrace.auth.users import User, _user
from armstrace.store import Store
from armstrace.store.tables import SessionTable, UserTable

SESSION_HOURS = 12


@dataclass(frozen=True)
class SignedIn:
    """Who a session cookie belongs to, and the CSRF token of that session."""

    user: User
    csrf_token: str


def digest(secret: str) -> str:
    """SHA-256 hex of a cookie or token value: what the database keeps."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def start_session(store: Store, user: User, hours: float = SESSION_HOURS) -> tuple[str, str]:
    """A new session for `user`: (cookie value, CSRF token). Expired sessions are swept."""
    cookie = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    started = now()
    with writing(store) as session:
        session.execute(delete(SessionTable).where(SessionTable.expires_at < started))
        session.add(
            SessionTable(
                id_hash=digest(cookie),
                user_id=user.id,
                csrf_token=csrf,
                created_at=started,
                expires_at=started + timedelta(hours=hours),
            )
        )
    return cookie, csrf


def session_user(store: Store, cookie: str) -> SignedIn | None:
    """The signed-in user for a cookie value; None when unknown, expired or disabled."""
    query = (
        select(SessionTable, UserTable)
        .join(UserTable, UserTable.id == SessionTable.user_id)
        .where(SessionTable.id_hash == digest(cookie))
    )
    with reading(store) as session:
        found = session.execute(query).first()
        if found is None:
            return None
        stored, row = found
        if stored.expires_at <= now() or row.disabled_at is not None:
            return None
        return SignedIn(user=_user(row), csrf_token=stored.csrf_token)


def end_session(store: Store, cookie: str) -> None:
    """Sign out: the cookie value stops working."""
    with writing(store) as session:
        session.execute(delete(SessionTable).where(SessionTable.id_hash == digest(cookie)))
