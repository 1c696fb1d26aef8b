"""Publication dates as the spec wants them: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or None.

Why care: `published` anchors relative dates ("last July") in extraction, so a date must be
either right or absent, and never more precise than its source.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# 2014 · 2014-07 · 2014-07-23 · 2014/07/23 · 2014.07.23 · 20140723, optionally followed by a
# time part ("T10:00:00Z", " 10:00") which is dropped.
_DATE = re.compile(
    r"^(?P<y>\d{4})(?:(?P<sep>[-/.]?)(?P<m>\d{2})(?:(?P=sep)(?P<d>\d{2}))?)?(?:[T ].*)?$"
)
_EARLIEST_YEAR = 1800


def clean_published(value: object) -> str | None:
    """Normalise a date-like value or return None; never raises (FtM `clean()` style)."""
    if isinstance(value, datetime | date):
        return _format(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        return _format(value, None, None)
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    if match is None:
        return None
    year = int(match["y"])
    month = int(match["m"]) if match["m"] else None
    day = int(match["d"]) if match["d"] else None
    return _format(year, month, day)


def _format(year: int, month: int | None, day: int | None) -> str | None:
    if not _EARLIEST_YEAR <= year <= date.today().year + 1:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
