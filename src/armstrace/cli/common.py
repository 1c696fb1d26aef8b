"""Pieces every command shares: the --db option, stderr lines, choice checks, JSON output.

Why one module: the option names, help texts and error lines must read the same in every
command, and README/tests pin them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from armstrace.extract import Extractor

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="ARMSTRACE_DB",
        show_envvar=True,
        metavar="URL",
        help=(
            "Database URL, e.g. sqlite:///claims.db or postgresql://user:pw@host/db. "
            "Default: armstrace.db in ARMSTRACE_HOME, else in ~/.local/share/armstrace."
        ),
    ),
]

stdout = Console(highlight=False, soft_wrap=True)
"""Human-readable results (tables). Machine formats are written with `write_json*`."""
stderr = Console(stderr=True, highlight=False, soft_wrap=True)
"""Progress, logs and error lines."""


def load_extractor() -> Extractor:
    """Build the extractor; imported here so `claims`, `status` and --help skip the NLP stack."""
    from armstrace.extract import load_extractor as build

    return build()


def error_line(message: str) -> None:
    """One error line on stderr, in the shape every command uses: `armstrace: <message>`."""
    stderr.print(f"armstrace: {message}", markup=False, highlight=False, soft_wrap=True)


def choice(values: Sequence[str]) -> Callable[[str | None], str | None]:
    """An option callback accepting one of `values`, else a usage error listing them."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in values:
            raise typer.BadParameter(f"{value!r} is not one of: {', '.join(values)}")
        return value

    return check


def write_json(data: Any) -> None:
    """One JSON document on stdout (UTF-8 kept as is)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def write_jsonl(records: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line on stdout, nothing else."""
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
