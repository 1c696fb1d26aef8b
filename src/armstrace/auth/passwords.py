"""Password hashing with argon2id (argon2-cffi), and the minimum a password must be.

Why argon2: it is memory-hard, so a stolen users table is slow to crack; the parameters live
in the hash string, so raising them later still verifies old hashes (and rehashes them).
Passwords are never logged or put in an exception message.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from armstrace.errors import UsageError

MIN_PASSWORD_CHARS = 10
_hasher = PasswordHasher()


def check_password(password: str) -> None:
    """Refuse passwords too short to resist guessing (the message never repeats the password)."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise UsageError(f"the password must have at least {MIN_PASSWORD_CHARS} characters")


def hash_password(password: str) -> str:
    """An argon2id hash of `password`, with its own salt and parameters."""
    check_password(password)
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches; a malformed hash is simply no match."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


DUMMY_HASH = _hasher.hash("armstrace-timing-equaliser")
"""Verified against when the user does not exist, so a login takes as long either way."""
