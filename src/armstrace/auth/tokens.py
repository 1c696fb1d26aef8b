"""API tokens for scripts (`Authorization: Bearer ...`), stored as SHA-256 hashes.

Why hashes: the token is a password for a program; a copy of the database must not hand it
out. The plain token is returned once, when it is made.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from armstrace.auth.db import now, reading, writing
from armstrace.auth.sessions import digest
from armstrace.auth.users import User, _row, _user
from armstrace.errors import UsageError
from armstrace.store import Store
from armstrace.store.tables import ApiTokenTable, UserTable

TOKEN_PREFIX = "at_"


@dataclass(frozen=True)
class TokenInfo:
    """A token as listed: never the secret itself."""

    id: int
    label: str
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


def create_token(store: Store, user_name: str, label: str) -> tuple[TokenInfo, str]:
    """A new token for `user_name`: its listing and the secret (shown once)."""
    label = " ".join(label.split())[:100]
    if not label:
        raise UsageError("a token needs a label saying what it is for")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with writing(store) as session:
        user = _row(session, user_name)
        row = ApiTokenTable(user_id=user.id, label=label, token_hash=digest(secret))
        session.add(row)
        session.flush()
        return _info(row), secret


def list_tokens(store: Store, user_name: str) -> list[TokenInfo]:
    """The tokens of `user_name`, newest first, revoked ones included."""
    with reading(store) as session:
        user = _row(session, user_name)
        rows = session.scalars(
            select(ApiTokenTable)
            .where(ApiTokenTable.user_id == user.id)
            .order_by(ApiTokenTable.id.desc())
        )
        return [_info(row) for row in rows]


def revoke_token(store: Store, user_name: str, token_id: int) -> None:
    """Stop token `token_id` of `user_name` from working."""
    with writing(store) as session:
        user = _row(session, user_name)
        done = session.execute(
            update(ApiTokenTable)
            .where(ApiTokenTable.id == token_id, ApiTokenTable.user_id == user.id)
            .values(revoked_at=now())
        )
        if not getattr(done, "rowcount", 0):
            raise UsageError(f"user {user_name!r} has no token {token_id}")


def token_user(store: Store, secret: str) -> User | None:
    """The enabled user a live token belongs to; records when it was last used."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    query = (
        select(ApiTokenTable, UserTable)
        .join(UserTable, UserTable.id == ApiTokenTable.user_id)
        .where(ApiTokenTable.token_hash == digest(secret))
    )
    with reading(store) as session:
        found = session.execute(query).first()
        if found is None:
            return None
        token, row = found
        if token.revoked_at is not None or row.disabled_at is not None:
            return None
        user, token_id = _user(row), token.id
    with writing(store) as session:
        session.execute(
            update(ApiTokenTable).where(ApiTokenTable.id == token_id).values(last_used_at=now())
        )
    return user


def _info(row: ApiTokenTable) -> TokenInfo:
    return TokenInfo(
        id=row.id,
        label=row.label,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked=row.revoked_at is not None,
    )
