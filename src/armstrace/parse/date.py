"""Find dates in a sentence and normalise them to the spec's `when` values.

Relative dates resolve against an anchor: the last explicit year the text gave ("in December
that same year" after 2009), else the document's publication date ("last July" in a March 2025
piece is 2024-07). A date is never made more precise than the text gives it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}  # fmt: skip

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})\b")),
    ("dmy", re.compile(rf"\b(?P<day>{_DAY})\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b")),
    ("iso", re.compile(rf"\b(?P<year>{_YEAR})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("decades", re.compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+(?:and\s+(?:early|mid|late)[-\s]*)?)?(?P<d1>(?:1[89]|20)\d0)s(?:\s+and\s+(?:the\s+)?(?P<d2>(?:1[89]|20)\d0)s)?", re.I)),
    ("my", re.compile(rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?(?P<year>{_YEAR})\b")),
    ("year", re.compile(rf"(?<![\w\-/.,])(?P<year>{_YEAR})(?![\w\-/]|,\d)")),
    ("rel_month", re.compile(rf"\b(?P<rel>(?i:last|this|next|in|since|by|until|from|early|late|mid|on|during))[-\s]+(?P<month>{_MONTH})(?!\s+\d)(?P<same>\s+(?:that|the)\s+same\s+year|\s+of\s+that\s+year|\s+last\s+year|\s+this\s+year)?\b")),
    ("md", re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})(?!\s*(?:mm|km|%))")),
    ("weekday", re.compile(r"\b(?:(?P<last>last|this\s+past|on|this)\s+)(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)),
    ("rel_day", re.compile(r"\b(?P<rel>yesterday|today|last\s+night|earlier\s+today)\b", re.I)),
    ("rel_period", re.compile(r"\b(?P<rel>last\s+month|this\s+month|earlier\s+this\s+month|later\s+this\s+month|the\s+previous\s+month|last\s+autumn|last\s+fall|last\s+spring|last\s+summer|last\s+winter|earlier\s+this\s+year|this\s+year)\b", re.I)),
    ("rel_anchor", re.compile(r"\b(?:at\s+that\s+time|at\s+the\s+time|by\s+then|by\s+that\s+time|at\s+that\s+point)\b", re.I)),
    ("rel_year", re.compile(r"\b(?P<rel>last|this|next|previous|the\s+following|the\s+same|that\s+same|earlier\s+this|later\s+that|the\s+previous|the\s+next)\s+year\b", re.I)),
    ("rel_offset", re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?P<unit>months?|years?)\s+(?P<dir>earlier|later|(?:before|after)(?=\s*[,.;]))", re.I)),
]  # fmt: skip
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip

_MAYBE_DATE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|yesterday|today|"
    r"tonight|year|month|time|then)",
    re.I,
)
_MONTH_NAME = re.compile(_MONTH)
_DIGIT = re.compile(r"\d")
# What each pattern cannot match without: a digit, a (capitalised) month name, or a word
_NEEDS: dict[str, frozenset[str]] = {
    "mdy": frozenset({"digit", "month"}), "dmy": frozenset({"digit", "month"}),
    "iso": frozenset({"digit"}), "decades": frozenset({"digit"}),
    "my": frozenset({"digit", "month"}), "year": frozenset({"digit"}),
    "rel_month": frozenset({"month"}), "md": frozenset({"digit", "month"}),
    "weekday": frozenset({"day"}), "rel_day": frozenset({"day_word"}),
    "rel_period": frozenset({"period"}), "rel_anchor": frozenset({"anchor"}),
    "rel_year": frozenset({"year_word"}), "rel_offset": frozenset({"period"}),
}  # fmt: skip
_PERIOD_WORDS = ("month", "autumn", "fall", "spring", "summer", "winter", "year")


def _present(text: str) -> set[str]:
    """Which of the patterns' requirements the sentence meets, by cheap tests."""
    lowered = text.lower()
    present = set()
    if _DIGIT.search(text):  # what every digit pattern needs (\d), found in one C scan
        present.add("digit")
    if _MONTH_NAME.search(text):
        present.add("month")
    if "day" in lowered:
        present.add("day")
    if "yesterday" in lowered or "today" in lowered or "night" in lowered:
        present.add("day_word")
    if any(word in lowered for word in _PERIOD_WORDS):
        present.add("period")
    if "time" in lowered or "then" in lowered or "point" in lowered:
        present.add("anchor")
    if "year" in lowered:
        present.add("year_word")
    return present


_FUTURE = re.compile(
    r"\b(?:will|would|shall|expected|expects|plans?|planned|planning|due|scheduled|set\s+to|aims?\s+to|"
    r"intends?|next|upcoming|by\s+the\s+end\s+of)\b",
    re.I,
)
_SINCE = re.compile(
    r"\b(?:since|from|starting\s+in|beginning\s+in|as\s+of)\s+(?:early\s+|late\s+|mid-?\s*)?$", re.I
)
_UNTIL = re.compile(
    r"\b(?:prior\s+to|before|until|till|by|up\s+to|as\s+of|through)\s+(?:early\s+|late\s+|mid-?\s*)?$",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    when: str | dict[str, str]
    year: int


@dataclass
class DateResolver:
    """Walks a document's sentences in order, keeping the anchor for relative dates."""

    published: str | None = None
    anchor_year: int | None = None
    anchor_month: int | None = None
    _pub: tuple[int, int | None] | None = field(default=None, init=False)
    _calls: int = field(default=0, init=False)
    _anchored_at: int = field(default=-100, init=False)

    def __post_init__(self) -> None:
        if self.published:
            m = re.match(r"(\d{4})(?:-(\d{2}))?", self.published)
            if m:
                self._pub = (int(m.group(1)), int(m.group(2)) if m.group(2) else None)

    def find(
        self, text: str, offset: int = 0, names: Sequence[tuple[int, int]] = ()
    ) -> list[DateMention]:
        """Dates in one sentence (offsets shifted by `offset`); updates the anchor. `names` are
        spans (document offsets) of names that hold numbers: "Mirage 2000" is no year."""
        self._calls += 1
        if not _MAYBE_DATE.search(text):
            return []
        taken: list[tuple[int, int]] = [(s - offset, e - offset) for s, e in names]
        found: list[DateMention] = []
        present = _present(text)
        for kind, pattern in _PATTERNS:
            if not _NEEDS[kind] <= present:
                continue  # a word or digit this pattern needs is not in the sentence
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                value = self._value(kind, m)
                if value is None:
                    continue
                when, year = value
                before = text[max(0, m.start() - 24) : m.start()]
                if isinstance(when, str):
                    if _SINCE.search(before) or (
                        kind == "rel_month" and m.group("rel").lower() == "since"
                    ):
                        when = {"start": when}
                    elif _UNTIL.search(before) or (
                        kind == "rel_month" and m.group("rel").lower() in ("by", "until")
                    ):
                        when = {"end": when}
                taken.append((m.start(), m.end()))
                found.append(DateMention(m.start() + offset, m.end() + offset, when, year))
        found.sort(key=lambda d: d.start)
        for d in found:
            if not (isinstance(d.when, dict) and "start" in d.when and "end" in d.when):
                self.anchor_year = d.year  # decades are too coarse to anchor "that year"
                self._anchored_at = self._calls
        return found

    def _value(self, kind: str, m: re.Match[str]) -> tuple[str | dict[str, str], int] | None:
        if kind in ("mdy", "dmy"):
            year, month, day = (
                int(m.group("year")),
                MONTHS[_month_key(m.group("month"))],
                int(re.sub(r"\D", "", m.group("day"))),
            )
            if not 1 <= day <= 31:
                return None
            self.anchor_month = month
            return f"{year:04d}-{month:02d}-{day:02d}", year
        if kind == "iso":
            year = int(m.group("year"))
            return f"{year:04d}-{m.group('mnum')}-{m.group('day')}", year
        if kind == "my":
            year, month = int(m.group("year")), MONTHS[_month_key(m.group("month"))]
            self.anchor_month = month
            return f"{year:04d}-{month:02d}", year
        if kind == "decades":
            d1 = int(m.group("d1"))
            d2 = int(m.group("d2")) if m.group("d2") else d1
            return {"start": f"{d1:04d}", "end": f"{d2 + 9:04d}"}, d1
        if kind == "year":
            year = int(m.group("year"))
            return f"{year:04d}", year
        if kind == "rel_month":
            return self._relative_month(m)
        if kind == "rel_anchor":
            if self.anchor_year is None:
                return None
            if self.anchor_month:
                return f"{self.anchor_year:04d}-{self.anchor_month:02d}", self.anchor_year
            return f"{self.anchor_year:04d}", self.anchor_year
        if kind == "md":
            return self._month_day(m)
        if kind == "weekday":
            return self._weekday(m)
        if kind == "rel_day":
            return self._relative_day(m.group("rel").lower())
        if kind == "rel_period":
            return self._relative_period(re.sub(r"\s+", " ", m.group("rel").lower()))
        if kind == "rel_year":
            return self._relative_year(m.group("rel").lower())
        if kind == "rel_offset":
            return self._offset(m)
        return None

    def _offset(self, m: re.Match[str]) -> tuple[str, int] | None:
        """ "A month earlier", "two years later": counted from the date last read."""
        if self.anchor_year is None:
            return None
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _COUNT_WORDS[raw]
        sign = -1 if m.group("dir").lower() in ("earlier", "before") else 1
        if m.group("unit").lower().startswith("year"):
            year = self.anchor_year + sign * n
            return f"{year:04d}", year
        if self.anchor_month is None:
            return None
        months = self.anchor_year * 12 + self.anchor_month - 1 + sign * n
        year, month = divmod(months, 12)
        return f"{year:04d}-{month + 1:02d}", year

    def _relative_month(self, m: re.Match[str]) -> tuple[str, int] | None:
        month = MONTHS[_month_key(m.group("month"))]
        rel = m.group("rel").lower()
        same = (m.group("same") or "").lower()
        if m.group("month") == "May" and rel in ("in", "on", "by", "from", "this", "next"):
            pass  # "may" as a month after a preposition; the modal verb never follows these
        if "last year" in same and self._pub:
            year = self._pub[0] - 1
        elif same and self.anchor_year:
            year = self.anchor_year
        elif rel == "last" and self._pub:
            pub_year, pub_month = self._pub
            year = pub_year if (pub_month and month < pub_month) else pub_year - 1
        elif rel == "next" and self._pub:
            pub_year, pub_month = self._pub
            year = pub_year if (pub_month and month > pub_month) else pub_year + 1
        elif (
            self.anchor_year is not None and self.anchor_month is not None and self._recent_anchor()
        ):
            year = self.anchor_year if month >= self.anchor_month else self.anchor_year + 1
        elif self._pub:
            pub_year, pub_month = self._pub
            year = pub_year if (pub_month is None or month <= pub_month) else pub_year - 1
        elif self.anchor_year is not None:
            year = self.anchor_year
        else:
            return None
        pub = self._pub
        if (
            pub
            and pub[1]
            and (year, month) > (pub[0], pub[1])
            and rel != "next"
            and not _FUTURE.search(m.string)  # the sentence speaks of what is to come
        ):
            while (year, month) > (pub[0], pub[1]):
                year -= 1  # a month past the publication date in past-tense reporting: the last one
        self.anchor_month = month
        return f"{year:04d}-{month:02d}", year

    def _recent_anchor(self) -> bool:
        """An anchor read a few sentences ago still frames "in March"; an old one does not."""
        return self._calls - self._anchored_at <= 4

    def _pub_date(self) -> date | None:
        if not self.published:
            return None
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", self.published)
        if not m:
            return None
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None

    def _month_day(self, m: re.Match[str]) -> tuple[str, int] | None:
        """ "on March 19": the year is the anchor's, else the publication's."""
        month = MONTHS[_month_key(m.group("month"))]
        day = int(m.group("day"))
        if m.group("month") == "May" and not re.search(r"\d", m.group(0)):
            return None
        year = self.anchor_year or (self._pub[0] if self._pub else None)
        if year is None or not 1 <= day <= 31:
            return None
        published = self._pub_date()
        if (
            published is not None
            and (year, month, day) > (published.year, published.month, published.day)
            and not _FUTURE.search(m.string)  # the sentence speaks of what is to come
        ):
            while (year, month, day) > (published.year, published.month, published.day):
                year -= 1  # "after the October 7 attack" in a January story: last October
        self.anchor_month = month
        return f"{year:04d}-{month:02d}-{day:02d}", year

    def _weekday(self, m: re.Match[str]) -> tuple[str, int] | None:
        """ "on Wednesday", "last Thursday": the latest such day before the publication date."""
        pub = self._pub_date()
        if pub is None:
            return None
        wanted = _WEEKDAYS.index(m.group("weekday").lower())
        back = (pub.weekday() - wanted) % 7
        if m.group("last") and m.group("last").lower() == "last" and back == 0:
            back = 7
        day = pub - timedelta(days=back)
        return day.isoformat(), day.year

    def _relative_day(self, rel: str) -> tuple[str, int] | None:
        pub = self._pub_date()
        if pub is None:
            return None
        day = pub - timedelta(days=1) if rel in ("yesterday", "last night") else pub
        return day.isoformat(), day.year

    def _relative_period(self, rel: str) -> tuple[str, int] | None:
        if not self._pub:
            return None
        year, month = self._pub
        if "year" in rel:
            return f"{year:04d}", year
        if month is None:
            return None
        if rel in ("last month", "the previous month"):
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        elif rel.startswith("last "):
            season = {"autumn": 10, "fall": 10, "summer": 7, "spring": 4, "winter": 1}[
                rel.split()[1]
            ]
            year = year if season < month else year - 1
            return f"{year:04d}", year  # a season gives the year, not a month
        return f"{year:04d}-{month:02d}", year

    def _relative_year(self, rel: str) -> tuple[str, int] | None:
        rel = re.sub(r"\s+", " ", rel)
        if rel in ("the following", "the next") and self.anchor_year:
            year = self.anchor_year + 1
        elif rel in ("the same", "that same", "later that") and self.anchor_year:
            year = self.anchor_year
        elif rel == "the previous" and self.anchor_year:
            year = self.anchor_year - 1
        elif self._pub and rel in ("last", "previous"):
            year = self._pub[0] - 1
        elif self._pub and rel in ("this", "earlier this"):
            year = self._pub[0]
        elif self._pub and rel == "next":
            year = self._pub[0] + 1
        else:
            return None
        return f"{year:04d}", year


def _month_key(raw: str) -> str:
    return raw.lower().rstrip(".")
