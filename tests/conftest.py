"""Shared pytest fixtures, each defined once for the whole test suite.

The first section (database URLs) belongs to the store. Every test that needs a database uses
`store_url`, which runs it on a fresh SQLite file and on a fresh PostgreSQL schema.

Other parts of armstrace: add your shared fixtures BELOW the store section.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from sqlalchemy import text

from armstrace.store.db import make_engine, normalise_url

# -- store: database URLs ------------------------------------------------------------------------

PG_ENV = "ARMSTRACE_TEST_PG"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file in a folder that does not exist yet (the store must create it)."""
    return f"sqlite:///{tmp_path / 'store' / 'armstrace.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The ARMSTRACE_TEST_PG server, with a schema of its own for this test only.

    Skips when ARMSTRACE_TEST_PG is unset, except under CI=true, where that is a failure.
    """
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set; under CI=true the PostgreSQL tests must run")
        pytest.skip(f"{PG_ENV} is not set (postgresql+psycopg://user:pw@host:port/db)")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = normalise_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text("SET LOCAL lock_timeout = '10s'"))
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """Run the test once on SQLite and once on PostgreSQL."""
    fixture = {"sqlite": "sqlite_url", "postgres": "pg_url"}[request.param]
    url: str = request.getfixturevalue(fixture)
    return url


# -- add shared fixtures for other parts below this line -----------------------------------------

# -- cli: the console script and the shared development corpus -----------------------------------

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder beside the checkout (../shared: spec, dev corpus, scorer).

    Skips when it is absent, except under CI=true, where that is a failure.
    """
    path = Path(os.environ.get("ARMSTRACE_SHARED_DIR") or REPO_ROOT.parent / "shared")
    if not (path / "corpus" / "dev" / "gold.jsonl").is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} has no corpus/dev/gold.jsonl; under CI=true these tests must run")
        pytest.skip(f"{path} (the shared dev corpus) is not available")
    return path


@pytest.fixture(scope="session")
def armstrace_cmd() -> list[str]:
    """The installed console script, as a user runs it (falls back to `python -m armstrace`)."""
    script = Path(sys.executable).with_name("armstrace")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "armstrace"]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """The environment for a CLI subprocess: no ARMSTRACE_* from outside, a private home.

    ARMSTRACE_HOME points into tmp_path, so nothing touches the user's default store.
    """
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ARMSTRACE_")}
    return environ | {"ARMSTRACE_HOME": str(tmp_path / "home"), "COLUMNS": "200"}


@pytest.fixture
def run_cli(
    armstrace_cmd: list[str], cli_env: dict[str, str]
) -> Callable[..., CompletedProcess[str]]:
    """Run `armstrace ARGS...` in a subprocess; keyword arguments are extra env variables."""

    def run(*args: str, timeout: float = 300, **env: str) -> CompletedProcess[str]:
        return subprocess.run(
            [*armstrace_cmd, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=cli_env | env,
            timeout=timeout,
            check=False,
        )

    return run
