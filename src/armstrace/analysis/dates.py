"""Dates as precise as the source gave them, and the time window a claim's `when` describes.

Why not `datetime.date`: "2009" and "2009-03" are periods, not days. A `Span` keeps the first
and last day a partial date covers, so comparisons never make a date more precise than it
is: "2009" overlaps "2009-03", and "2009-03" ends on the 31st.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from armstrace.model.claim import When

_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")

WindowKind = Literal["date", "as_of", "since", "period", "none"]


@dataclass(frozen=True)
class Span:
    """The days a partial date covers: "2024-02" is 2024-02-01 .. 2024-02-29."""

    first: date
    last: date
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.first <= other.last and other.first <= self.last


def parse_date(text: object) -> Span | None:
    """A "YYYY", "YYYY-MM" or "YYYY-MM-DD" string as a Span; anything else is None."""
    if isinstance(text, date):
        text = text.isoformat()
    if not isinstance(text, str):
        return None
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    year = int(match.group(1))
    if match.group(3):
        try:
            day = date(year, int(match.group(2)), int(match.group(3)))
        except ValueError:  # 2023-02-30: the shape is right, the day does not exist
            return None
        return Span(day, day, match.group(0))
    if match.group(2):
        month = int(match.group(2))
        last = calendar.monthrange(year, month)[1]
        return Span(date(year, month, 1), date(year, month, last), match.group(0))
    return Span(date(year, 1, 1), date(year, 12, 31), match.group(0))


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from `earlier` to `later` (0 within the same month)."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month


@dataclass(frozen=True)
class Window:
    """What a claim's `when` says about time.

    - `date`: a plain date, the time of the event ("2024-02");
    - `as_of`: a cumulative figure up to `end` ({"end": D});
    - `since`: from `start` on, open-ended ({"start": D}, "since D");
    - `period`: from `start` to `end`;
    - `none`: no usable date.
    """

    kind: WindowKind
    start: Span | None = None
    end: Span | None = None

    @property
    def as_of(self) -> Span | None:
        """The date a figure stands at: the end of a range, or the plain date."""
        return self.end

    def describe(self) -> str:
        if self.kind == "date" and self.end is not None:
            return self.end.text
        if self.kind == "as_of" and self.end is not None:
            return f"as of {self.end.text}"
        if self.kind == "since" and self.start is not None:
            return f"since {self.start.text}"
        if self.kind == "period" and self.start is not None and self.end is not None:
            return f"{self.start.text} to {self.end.text}"
        return "undated"


def claim_window(when: When | None) -> Window:
    """The Window of a claim's `when`; a value that is not a date gives kind "none"."""
    if isinstance(when, str):
        span = parse_date(when)
        return Window("date", span, span) if span else Window("none")
    if isinstance(when, dict):
        start, end = parse_date(when.get("start")), parse_date(when.get("end"))
        if start and end:
            return Window("period", start, end)
        if end:
            return Window("as_of", None, end)
        if start:
            return Window("since", start, None)
    return Window("none")
