"""`armstrace users` and `armstrace serve` from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from subprocess import CompletedProcess

import pytest

RunCli = Callable[..., CompletedProcess[str]]
pytestmark = pytest.mark.slow  # each test starts the console script


def test_cli_users_add_and_list(run_cli: RunCli, sqlite_url: str) -> None:
    added = run_cli("users", "add", "ana", "--role", "analyst", "--db", sqlite_url,
                    ARMSTRACE_PASSWORD="a long password here")  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = run_cli("users", "list", "--db", sqlite_url, "--format", "json")
    assert [(u["name"], u["role"], u["disabled"]) for u in json.loads(listed.stdout)] == [
        ("ana", "analyst", False)
    ]
    assert "a long password here" not in added.stdout + added.stderr


def test_cli_users_errors_are_one_line(run_cli: RunCli, sqlite_url: str) -> None:
    bad = run_cli("users", "add", "bob", "--role", "owner", "--db", sqlite_url,
                  ARMSTRACE_PASSWORD="a long password here")  # fmt: skip
    assert bad.returncode == 2
    assert (
        bad.stderr.strip() == "armstrace: 'owner' is not a role; use one of viewer, analyst, admin"
    )
    short = run_cli("users", "add", "bob", "--role", "viewer", "--db", sqlite_url,
                    ARMSTRACE_PASSWORD="short")  # fmt: skip
    assert short.returncode == 2 and "at least 10 characters" in short.stderr


def test_cli_serve_refuses_remote_hosts_in_local_mode(run_cli: RunCli, sqlite_url: str) -> None:
    result = run_cli("serve", "--host", "0.0.0.0", "--db", sqlite_url)
    assert result.returncode == 2
    assert "use --team to serve others" in result.stderr
