"""Roles in team mode and how they compare.

Why a rank and not permissions: the workbench has three kinds of people — viewers read,
analysts also curate and upload, admins also manage users — so "at least role R" says all.
`anonymous` is the rank of a route anyone may open (the login page, static files).
"""

from __future__ import annotations

from typing import Literal

from armstrace.errors import UsageError
from armstrace.model.vocab import ROLES

Role = Literal["viewer", "analyst", "admin"]
Access = Literal["anonymous", "viewer", "analyst", "admin"]

ACCESS_LEVELS: tuple[Access, ...] = ("anonymous", "viewer", "analyst", "admin")


def rank(level: str) -> int:
    """0 for anonymous, then 1.. for viewer, analyst, admin."""
    try:
        return ACCESS_LEVELS.index(level)  # type: ignore[arg-type,unused-ignore]
    except ValueError:
        raise UsageError(f"{level!r} is not a role; use one of {', '.join(ROLES)}") from None


def allows(role: str | None, needed: str) -> bool:
    """Whether someone with `role` (None: not signed in) may use a route that needs `needed`."""
    return rank(role or "anonymous") >= rank(needed)


def check_role(role: str) -> Role:
    """`role` if it is a real role (not anonymous), else a UsageError listing the roles."""
    if role not in ROLES:
        raise UsageError(f"{role!r} is not a role; use one of {', '.join(ROLES)}")
    return role  # type: ignore[return-value]


def below(needed: str) -> Role | None:
    """The strongest role that is still refused a route needing `needed` (None if none is)."""
    weaker = [r for r in ROLES if rank(r) < rank(needed)]
    return weaker[-1] if weaker else None  # type: ignore[return-value]
