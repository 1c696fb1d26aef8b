"""Bounds for the integers a request carries.

Without an upper bound, an id or offset past the database's integer range reaches the driver
and comes back as a server error (SQLite: OverflowError; PostgreSQL: "integer out of range").
Declared here, such a request is refused with 422 before any query, and the OpenAPI schema
says what is accepted.
"""

from typing import Annotated

from fastapi import Path, Query

MAX_ROW_ID = 2**31 - 1  # PostgreSQL INTEGER, the type of every primary key
MAX_OFFSET = 2**31 - 1

RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
RowIdFilter = Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)]
