"""Filters for `Store.query_claims`, including date-range overlap at mixed precision.

Why a module of its own: dates in claims are as precise as the source ("2009", "2009-03",
"2009-03-14"), and a filter must treat "2009" as the whole year. Padding a start with "-00-00"
and an end with "-99-99" makes plain string comparison do that on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_

from armstrace.errors import UsageError
from armstrace.store.mapping import clean_date
from armstrace.store.tables import ClaimTable

_LOW, _HIGH = "-00-00", "-99-99"


def padded(date: str, pad: str) -> str:
    """ "2009" → "2009-00-00" (pad=_LOW) or "2009-99-99" (pad=_HIGH): sortable as text."""
    return (date + pad)[:10]


def date_arg(name: str, value: str | None) -> str | None:
    """A since/until argument checked for shape; a bad one is a usage error naming it."""
    if value is None:
        return None
    if clean_date(value) is None:
        raise UsageError(f"{name}: {value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def claim_filters(
    *,
    type: str | None = None,
    supplier: str | None = None,
    recipient: str | None = None,
    category: str | None = None,
    since: str | None = None,
    until: str | None = None,
    hedge: str | None = None,
    doc: str | None = None,
) -> list[ColumnElement[bool]]:
    """WHERE clauses for the given filters; None means "any"."""
    since, until = date_arg("since", since), date_arg("until", until)
    if since and until and padded(since, _LOW) > padded(until, _HIGH):
        raise UsageError(f"since {since} is after until {until}")
    equal = {
        ClaimTable.type: type,
        ClaimTable.supplier: supplier,
        ClaimTable.recipient: recipient,
        ClaimTable.item_category: category,
        ClaimTable.hedge: hedge,
        ClaimTable.doc: doc,
    }
    clauses: list[ColumnElement[bool]] = [
        column == value for column, value in equal.items() if value is not None
    ]
    start, end = ClaimTable.when_start, ClaimTable.when_end
    if since or until:
        clauses.append(or_(start.is_not(None), end.is_not(None)))
    if since:
        # overlaps [since, ∞): the claim ends on or after since, or is open-ended
        clauses.append(or_(end.is_(None), func.substr(end + _HIGH, 1, 10) >= padded(since, _LOW)))
    if until:
        # overlaps (-∞, until]: the claim starts on or before until, or has no start
        clauses.append(
            or_(start.is_(None), func.substr(start + _LOW, 1, 10) <= padded(until, _HIGH))
        )
    return clauses
