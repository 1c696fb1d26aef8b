"""`armstrace reliability`: grade a publisher or asserting body A..F, or list the grades."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from armstrace.cli.common import (
    DbOption,
    FormatOption,
    NoteOption,
    UserOption,
    acting_user,
    open_store,
    stdout,
    write_json,
)

NAME = "reliability"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace reliability`  (list the grades)\n"
    "- `armstrace reliability 'Northeast Ledger' B`\n"
    "- `armstrace reliability NIS B --note 'track record 2016-2024'`\n"
    "- `armstrace reliability Reuters clear`\n"
)


def command(
    publisher: Annotated[
        str | None,
        typer.Argument(metavar="PUBLISHER", help="A document's publisher, or an agency or outlet."),
    ] = None,
    grade: Annotated[
        str | None,
        typer.Argument(metavar="GRADE", help="A (reliable) .. F (cannot be judged), or clear."),
    ] = None,
    user: UserOption = None,
    note: NoteOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Set a publisher's reliability (Admiralty A..F); without arguments, list every grade.

    Findings use the grades to suggest a credibility for each finding.
    """
    from armstrace.curation import publisher_grades, set_reliability

    with open_store(db) as store:
        if publisher is not None:
            if grade is None:
                raise typer.BadParameter("give a GRADE (A..F, or clear)", param_hint="GRADE")
            value = None if grade.strip().lower() == "clear" else grade
            name = set_reliability(store, publisher, value, acting_user(user), note)
            rows = [(name, value.upper() if value else None)]
        else:
            rows = list(publisher_grades(store).items())
    if output == "json":
        write_json([{"publisher": name, "reliability": value} for name, value in rows])
        return
    if not rows:
        stdout.print("No publisher is graded yet: `armstrace reliability PUBLISHER GRADE`.")
        return
    table = Table(title="Publisher reliability")
    table.add_column("publisher")
    table.add_column("reliability")
    for name, value in rows:
        table.add_row(name, value or "(cleared)")
    stdout.print(table)
