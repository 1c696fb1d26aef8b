"""Engine settings: URL rewriting and the SQLite quirks kept in store/db.py."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import URL, make_url

from armstrace.errors import StoreError
from armstrace.store.db import READ_ONLY, describe_error, make_engine, mask_url, normalise_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u:p@db:5432/arms", "postgresql+psycopg://u:p@db:5432/arms"),
        ("postgres://u:p@db/arms", "postgresql+psycopg://u:p@db/arms"),
        ("postgresql+psycopg://u@db/arms", "postgresql+psycopg://u@db/arms"),
        ("sqlite:///var/a.db", "sqlite:///var/a.db"),
    ],
)
def test_normalise_url_uses_psycopg_for_postgres(url: str, expected: str) -> None:
    assert normalise_url(url).render_as_string(hide_password=False) == expected


def test_make_engine_postgres_scheme_gets_psycopg_driver() -> None:
    engine = make_engine("postgres://u:p@localhost:1/arms")
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


@pytest.mark.parametrize(
    ("url", "reason"),
    [("mysql://u:p@db/arms", "only sqlite and postgresql"), ("not a url", "not a database URL")],
)
def test_make_engine_rejects_unsupported_url(url: str, reason: str) -> None:
    with pytest.raises(StoreError, match=reason):
        make_engine(url)


@pytest.mark.parametrize(
    "url",
    ["postgresql://arms:s3cret@db:5432/x", "postgresql://arms:s3cret@db:notaport/x"],
)
def test_mask_url_hides_password(url: str) -> None:
    masked = mask_url(url)
    assert "s3cret" not in masked
    assert "arms:***@db" in masked


def test_make_engine_sqlite_creates_folder_and_sets_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "a.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout")
        }
    engine.dispose()
    assert path.parent.is_dir()
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 30000}


def _begins(engine: Engine) -> list[str]:
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("BEGIN"):
            seen.append(statement)

    return seen


def test_make_engine_sqlite_write_transaction_begins_immediate(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    seen = _begins(engine)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    with engine.execution_options(**{READ_ONLY: True}).begin() as connection:
        connection.execute(text("SELECT count(*) FROM t"))
    engine.dispose()
    assert seen == ["BEGIN IMMEDIATE", "BEGIN"]


def test_make_engine_sqlite_concurrent_read_then_write_is_serialised(tmp_path: Path) -> None:
    """Two read-then-write transactions at once: no 'database is locked', no lost update."""
    url = f"sqlite:///{tmp_path / 'a.db'}"
    engines = [make_engine(url), make_engine(url)]
    with engines[0].begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    start = threading.Barrier(2)

    def count_then_insert(engine: Engine) -> None:
        start.wait()
        with engine.begin() as connection:
            n = connection.execute(text("SELECT count(*) FROM t")).scalar_one()
            time.sleep(0.2)
            connection.execute(text("INSERT INTO t VALUES (:x)"), {"x": n + 1})

    with ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(count_then_insert, engine) for engine in engines]:
            future.result()
    with engines[0].connect() as connection:
        assert connection.execute(text("SELECT x FROM t ORDER BY x")).scalars().all() == [1, 2]
    for engine in engines:
        engine.dispose()


@pytest.mark.parametrize(
    "url",
    ["postgresql://arms:s3cret@db/x", make_url("postgresql+psycopg://arms:s3cret@db/x")],
    ids=["text", "URL"],
)
def test_describe_error_is_one_line_without_password(url: str | URL) -> None:
    error = RuntimeError('password authentication failed: "s3cret"\n\tHINT: check it')
    assert describe_error(error, url) == 'password authentication failed: "***" HINT: check it'
