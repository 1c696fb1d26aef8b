"""Who is acting: the name every audit entry and judgement records."""

from __future__ import annotations

import getpass
import os

USER_ENV = "ARMSTRACE_USER"


def default_user() -> str:
    """$ARMSTRACE_USER if set, else the login name of the process ("unknown" if there is none)."""
    name = os.environ.get(USER_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER (some containers)
        return "unknown"
