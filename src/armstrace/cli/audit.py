"""`armstrace audit`: who changed what, when, with the value before and after."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from armstrace.cli.common import DbOption, FormatOption, choice, open_store, write_result
from armstrace.cli.render import ruled_table
from armstrace.model.vocab import CURATION_TARGETS as TARGET_TYPES

NAME = "audit"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace audit`\n"
    "- `armstrace audit --target 3f9c0a1b2c3d4e5f60718293 --format json`\n"
    "- `armstrace audit --type judgement`\n"
)


def command(
    target: Annotated[
        str | None,
        typer.Option(metavar="ID", help="Only entries about this claim, publisher, finding, ..."),
    ] = None,
    target_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            callback=choice(TARGET_TYPES),
            help=f"Only entries about one kind of target: {', '.join(TARGET_TYPES)}.",
        ),
    ] = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """List the audit log, oldest first: every analyst action with its before and after."""
    from armstrace.curation import audit_trail

    with open_store(db) as store:
        entries = audit_trail(store, target_type, target)
    rows = [
        (str(entry.id), f"{entry.at:%Y-%m-%d %H:%M:%S}", entry.user, entry.action,
         f"{entry.target_type} {entry.target_id}", _short(entry.before), _short(entry.after),
         entry.note or "")
        for entry in entries
    ]  # fmt: skip
    columns = ("id", "at (UTC)", "user", "action", "target", "before", "after", "note")
    table = ruled_table(f"{len(entries)} audit entries", columns, rows)
    records = [entry.to_record() for entry in entries]
    write_result(output, records, table if entries else "No audit entries match.")


def _short(value: Any) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, default=str)
