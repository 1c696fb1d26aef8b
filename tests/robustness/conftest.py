"""Fixtures of the robustness tests: a server that never answers, and a measured CLI run."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from armstrace.store.db import make_engine, normalise_url

PG_ENV = "ARMSTRACE_TEST_PG"


@contextmanager
def pg_schema(base: str) -> Iterator[str]:
    """A URL for a fresh schema on the PostgreSQL at `base`, dropped afterwards (like the
    function-scoped `pg_url` fixture, for module-scoped fixtures)."""
    schema = f"robust_{uuid.uuid4().hex[:16]}"
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = normalise_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def silent_url() -> Iterator[str]:
    """An http URL on 127.0.0.1 whose server takes the connection and never says a word."""
    with socket.create_server(("127.0.0.1", 0), backlog=16) as server:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/report.html"


@dataclass(frozen=True)
class Measured:
    """How a command ended, what it printed, and what it cost."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    """Largest resident set of the process or any child it waited for (PDF workers)."""


@pytest.fixture
def measured_cli(
    armstrace_cmd: list[str], cli_env: dict[str, str], tmp_path: Path
) -> Callable[..., Measured]:
    """Run `armstrace ARGS...` and measure wall time and peak memory (keyword args: env)."""

    def run(*args: str, timeout: float = 300, **env: str) -> Measured:
        out, err = tmp_path / "cli.stdout", tmp_path / "cli.stderr"
        started = time.monotonic()
        with out.open("wb") as stdout, err.open("wb") as stderr:
            process = subprocess.Popen(
                [*armstrace_cmd, *args], stdout=stdout, stderr=stderr, env=cli_env | env
            )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                pytest.fail(f"armstrace {' '.join(args)} ran over {timeout} s")
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        return Measured(
            returncode=process.returncode,
            stdout=out.read_text(encoding="utf-8"),
            stderr=err.read_text(encoding="utf-8"),
            seconds=time.monotonic() - started,
            peak_rss_mb=usage.ru_maxrss / 1024,
        )

    return run
