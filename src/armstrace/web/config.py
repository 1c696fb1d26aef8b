"""Settings of the web workbench, read from ARMSTRACE_* variables or given in code.

Why separate from `armstrace.settings`: only `armstrace serve` needs them, and tests build
apps with explicit values (`WebSettings(team=True, ...)`) instead of changing the environment.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from armstrace.errors import UsageError
from armstrace.settings import default_db_url

REPO_ROOT = Path(__file__).resolve().parents[3]


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise UsageError(f"{name}: {raw!r} is not a whole number") from None


def _local_user() -> str:
    try:
        return os.environ.get("ARMSTRACE_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "local"


def _default_upload_dir() -> Path:
    home = os.environ.get("ARMSTRACE_HOME")
    base = Path(home) if home else Path(default_db_url().removeprefix("sqlite:///")).parent
    return base / "uploads"


def _default_vendor_dir() -> Path:
    configured = os.environ.get("ARMSTRACE_NODE_MODULES")
    if configured:
        return Path(configured)
    for candidate in (Path.cwd() / "node_modules", REPO_ROOT / "node_modules"):
        if candidate.is_dir():
            return candidate
    return REPO_ROOT / "node_modules"


@dataclass(frozen=True)
class WebSettings:
    """How the workbench runs: which store, local or team mode, cookie and upload limits."""

    db_url: str = field(default_factory=lambda: os.environ.get("ARMSTRACE_DB") or default_db_url())
    team: bool = field(default_factory=lambda: _flag("ARMSTRACE_TEAM"))
    secure_cookies: bool = field(default_factory=lambda: _flag("ARMSTRACE_SECURE_COOKIES"))
    trusted_proxies: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            p.strip()
            for p in os.environ.get("ARMSTRACE_TRUSTED_PROXIES", "").split(",")
            if p.strip()
        )
    )
    upload_max_bytes: int = field(
        default_factory=lambda: _int("ARMSTRACE_UPLOAD_MAX_BYTES", 50 * 2**20)
    )
    upload_dir: Path = field(default_factory=_default_upload_dir)
    vendor_dir: Path = field(default_factory=_default_vendor_dir)
    local_user: str = field(default_factory=_local_user)
    session_hours: float = 12.0
    login_attempts: int = 5
    login_window_s: float = 300.0

    def but(self, **changes: Any) -> WebSettings:
        """A copy with some fields changed (`settings.but(team=True)`)."""
        return replace(self, **changes)
