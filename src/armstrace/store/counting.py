"""Totals of long listings counted only up to a cap, so a page never costs a full count.

Why: at a million claims, COUNT(*) over a broad filter reads every matching row to show
fifty of them. Mature search interfaces show "10,000+" instead, and so do we: the count
stops at the cap and says so (`Total.lower_bound`), while the rows of the page are still
exact. A pager needs no exact total to know whether there is a next page; it asks for one
row more than it shows (`Total.after_page`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

CLAIM_COUNT_CAP = 10_000
"""Claims matching a filter are counted up to this many."""
DOCUMENT_COUNT_CAP = 1_000
"""Documents matching a text search are counted up to this many (each check reads a text)."""


@dataclass(frozen=True)
class Total:
    """How many rows match: exactly `value`, or at least `value` when `lower_bound`."""

    value: int
    lower_bound: bool = False

    def after_page(self, offset: int, shown: int, more: bool) -> Total:
        """This total, raised to what a page proves: `offset + shown` rows, plus one if `more`.

        Paging past the cap then still shows a true lower bound, and `offset + limit < value`
        still tells whether a next page exists.
        """
        if not self.lower_bound:
            return self
        return Total(max(self.value, offset + shown + (1 if more else 0)), lower_bound=True)


def capped_count(session: Session, query: Select[Any], cap: int | None) -> Total:
    """How many rows `query` returns, counting no further than `cap` (None: count them all)."""
    if cap is None:
        counted = select(func.count()).select_from(query.order_by(None).subquery())
        return Total(session.scalar(counted) or 0)
    limited = query.order_by(None).limit(cap + 1).subquery()
    found = session.scalar(select(func.count()).select_from(limited)) or 0
    return Total(min(found, cap), lower_bound=found > cap)
