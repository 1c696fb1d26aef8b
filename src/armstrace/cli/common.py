"""Pieces every command shares: the --db, --format, --user and --note options, opening the
store, stderr lines, choice checks, and printing a result as JSON or for people.

Why one module: the option names, help texts and error lines must read the same in every
command, and README/tests pin them. Nothing heavy is imported here at start-up: the store
(SQLAlchemy) and the extractor (spaCy) load when a command first needs them, so `--help` and
quick commands start fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from rich.console import Console

if TYPE_CHECKING:
    from rich.console import RenderableType

    from armstrace.extract import Extractor
    from armstrace.store import Store

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

FormatOption = Annotated[
    Literal["table", "json"], typer.Option("--format", help="table for reading; json for tools.")
]
UserOption = Annotated[
    str | None,
    typer.Option(
        "--user",
        metavar="NAME",
        help="Who is acting, for the audit log. Default: $ARMSTRACE_USER, else your login name.",
    ),
]
NoteOption = Annotated[
    str | None, typer.Option("--note", metavar="TEXT", help="Why, kept in the audit log.")
]

stdout = Console(highlight=False, soft_wrap=True)
"""Human-readable results (tables). Machine formats are written with `write_json*`."""
stderr = Console(stderr=True, highlight=False, soft_wrap=True)
"""Progress, logs and error lines."""


def open_store(db: str | None) -> Store:
    """The store at --db (else the default one), to use in a `with` block."""
    from armstrace.store import open_store as open_url

    return open_url(db)


def acting_user(user: str | None) -> str:
    """The --user value, else the default user."""
    from armstrace.curation.user import default_user

    return user if user is not None else default_user()


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


def write_result(output: str, data: Any, *for_people: str | RenderableType) -> None:
    """`data` as one JSON document for `--format json`; otherwise the lines and tables given.

    Lines are printed as written (no Rich markup); tables as Rich renders them.
    """
    if output == "json":
        write_json(data)
        return
    for part in for_people:
        if isinstance(part, str):
            stdout.print(part, markup=False)
        else:
            stdout.print(part)
