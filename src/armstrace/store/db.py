"""Engines for SQLite and PostgreSQL, with every dialect quirk in this one module.

Why here: the repository, the migrations and the tests must all talk to the database the same
way. SQLite needs WAL, foreign keys, a busy timeout and write transactions that take the
write lock up front (``BEGIN IMMEDIATE``), or two writers that both read first deadlock and
one gets "database is locked". PostgreSQL needs the psycopg 3 driver, and text without NUL:
every string parameter of every statement, on both databases, goes through `storable`.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, overload

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from armstrace.errors import StoreError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 30.0
"""How long a SQLite writer waits for another writer's lock before giving up."""
PG_CONNECT_TIMEOUT_S = 10
"""Fail fast on an unreachable PostgreSQL host instead of the OS default (minutes)."""
READ_ONLY = "armstrace_read_only"
"""Execution option: a SQLite transaction that only reads begins DEFERRED, not IMMEDIATE."""

_PG_SCHEMES = ("postgresql", "postgres")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


@overload
def storable(value: str) -> str: ...
@overload
def storable(value: None) -> None: ...
@overload
def storable(value: str | None) -> str | None: ...
def storable(value: str | None) -> str | None:
    """`value` with what no database can hold replaced by U+FFFD, one character for one.

    Why: PostgreSQL text cannot contain NUL (PDF text layers often do, for unmapped glyphs)
    and a lone surrogate has no UTF-8 form; either would fail a whole batch, or a web request
    with a NUL in a filter. Replacing one for one keeps evidence offsets true, and both
    databases store the same text.
    """
    if value is None or not _UNSTORABLE.search(value):
        return value
    return _UNSTORABLE.sub(REPLACEMENT, value)


def mask_url(url: str) -> str:
    """The URL as it may appear in a message or log line: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def url_password(url: str) -> str | None:
    """The password in `url`, so messages can scrub it from driver errors."""
    try:
        return make_url(url).password
    except (ArgumentError, ValueError):
        return None


def describe_error(exc: BaseException, url: str | URL) -> str:
    """The driver's own message on one line, without SQLAlchemy's boilerplate or the password."""
    message = str(exc.orig) if isinstance(exc, DBAPIError) else str(exc)
    message = " ".join(message.split())
    password = url.password if isinstance(url, URL) else url_password(url)
    return message.replace(password, "***") if password else message


def normalise_url(url: str) -> URL:
    """Parse `url`; bare `postgresql://` and `postgres://` URLs get the psycopg 3 driver."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"{mask_url(url)}: not a database URL") from exc
    if parsed.drivername in _PG_SCHEMES:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str) -> Engine:
    """An Engine for `url` with the project's SQLite or PostgreSQL settings applied."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed)
    elif parsed.get_backend_name() == "postgresql":
        connect_args = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
        engine = create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
    else:
        raise StoreError(f"{mask_url(url)}: only sqlite and postgresql databases are supported")
    event.listen(engine, "before_cursor_execute", _storable_parameters, retval=True)
    return engine


def _storable_parameters(
    _connection: Connection,
    _cursor: Any,
    statement: str,
    parameters: Any,
    _context: Any,
    _executemany: bool,
) -> tuple[str, Any]:
    """Pass every string parameter through `storable`, however the sets are nested."""
    return statement, _storable_value(parameters)


def _storable_value(value: Any) -> Any:
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {key: _storable_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_storable_value(item) for item in value)
    return value


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        parent = Path(database).parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = f"cannot create folder {parent}: {exc.strerror or exc}"
            raise StoreError(f"{url.render_as_string(hide_password=True)}: {reason}") from exc
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy's pysqlite recipe: stop the driver from issuing its own (deferred) BEGIN,
    # so _on_sqlite_begin decides how each transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
