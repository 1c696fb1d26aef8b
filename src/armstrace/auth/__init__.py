"""Team-mode accounts: users with roles, argon2 passwords, sessions, API tokens, sign-in limits.

    from armstrace.auth import add_user, authenticate
    add_user(store, "ana", "analyst", password)
    authenticate(store, "ana", password)        # User or None

Local mode (one person on their own machine) needs none of this: the web app then treats
every request as the local admin.
"""

from armstrace.auth.passwords import MIN_PASSWORD_CHARS, hash_password, verify_password
from armstrace.auth.ratelimit import LoginLimiter
from armstrace.auth.roles import ACCESS_LEVELS, Access, Role, allows, below, check_role, rank
from armstrace.auth.sessions import SignedIn, end_session, session_user, start_session
from armstrace.auth.tokens import TokenInfo, create_token, list_tokens, revoke_token, token_user
from armstrace.auth.users import (
    User,
    add_user,
    authenticate,
    get_user,
    list_users,
    set_disabled,
    set_password,
    set_role,
)

__all__ = [
    "ACCESS_LEVELS",
    "MIN_PASSWORD_CHARS",
    "Access",
    "LoginLimiter",
    "Role",
    "SignedIn",
    "TokenInfo",
    "User",
    "add_user",
    "allows",
    "authenticate",
    "below",
    "check_role",
    "create_token",
    "end_session",
    "get_user",
    "hash_password",
    "list_tokens",
    "list_users",
    "rank",
    "revoke_token",
    "session_user",
    "set_disabled",
    "set_password",
    "set_role",
    "start_session",
    "token_user",
    "verify_password",
]
