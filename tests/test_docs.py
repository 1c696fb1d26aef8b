"""The README documents every command and every setting, and its set-up is the Makefile's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup

from armstrace.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return sorted(group.commands)


def test_docs_cli_has_the_core_commands() -> None:
    core = {"claims", "documents", "evaluate", "extract", "ingest", "status"}
    assert core <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_docs_readme_lists_every_command(command: str) -> None:
    commands = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    assert f"- `armstrace {command}" in commands


def _settings_in_source() -> list[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "armstrace").rglob("*.py"):
        found |= set(re.findall(r"ARMSTRACE_[A-Z_]+[A-Z]", path.read_text(encoding="utf-8")))
    return sorted(found)


@pytest.mark.parametrize("variable", _settings_in_source())
def test_docs_readme_lists_every_setting(variable: str) -> None:
    assert f"`{variable}`" in README


def test_docs_readme_set_up_is_make_run_and_make_test() -> None:
    set_up = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^make \S+", set_up, flags=re.MULTILINE)
    assert commands == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test", "test-fast", "lint", "check-data", "eval"):
        assert re.search(rf"^{target}:", makefile, flags=re.MULTILINE), target
