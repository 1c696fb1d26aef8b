"""Every command explains itself.

The console script is started once for the root help; each command's help is then rendered
in-process with Typer's runner (the same app object), since an interpreter start per command
would cost a second each.
"""

from __future__ import annotations

from collections.abc import Callable
from subprocess import CompletedProcess

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from armstrace.cli.app import app

CORE = ["ingest", "extract", "claims", "documents", "status", "evaluate"]


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return sorted(group.commands)


def test_help_lists_every_command(run_cli: Callable[..., CompletedProcess[str]]) -> None:
    result = run_cli("--help")
    assert result.returncode == 0, result.stderr
    for command in _commands():
        assert command in result.stdout


@pytest.mark.parametrize("command", _commands())
def test_help_of_every_command_works(command: str) -> None:
    result = CliRunner().invoke(
        app, [command, "--help"], prog_name="armstrace", env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert f"Usage: armstrace {command}" in result.output
    if command in CORE:  # the commands a newcomer meets first show examples
        assert f"armstrace {command}" in result.output.split("Examples", 1)[1]
