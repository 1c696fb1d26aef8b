"""Settings read once from ARMSTRACE_* environment variables.

Why one place: every command, test and worker must agree on where the store lives and
which limits apply, and an analyst should find every knob in one file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _default_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "armstrace"


def default_db_url() -> str:
    """The SQLite file used when neither --db nor ARMSTRACE_DB is given."""
    home = Path(os.environ.get("ARMSTRACE_HOME") or _default_home())
    return f"sqlite:///{home / 'armstrace.db'}"


@dataclass(frozen=True)
class Settings:
    """Limits and locations; every field has an ARMSTRACE_<NAME> variable."""

    db_url: str = field(default_factory=lambda: os.environ.get("ARMSTRACE_DB") or default_db_url())
    max_file_bytes: int = field(
        default_factory=lambda: int(os.environ.get("ARMSTRACE_MAX_FILE_BYTES", str(200 * 2**20)))
    )
    max_text_chars: int = field(
        default_factory=lambda: int(os.environ.get("ARMSTRACE_MAX_TEXT_CHARS", str(10_000_000)))
    )
    url_timeout_s: float = field(
        default_factory=lambda: float(os.environ.get("ARMSTRACE_URL_TIMEOUT", "20"))
    )
    extract_timeout_s: float = field(
        default_factory=lambda: float(os.environ.get("ARMSTRACE_EXTRACT_TIMEOUT", "300"))
    )


def load_settings() -> Settings:
    """Read the environment now (tests change it between calls)."""
    return Settings()
