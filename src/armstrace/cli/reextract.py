"""`armstrace reextract`: run the current extractor over every stored document again."""

from __future__ import annotations

from dataclasses import asdict

import typer
from rich.table import Table

from armstrace.cli.common import (
    DbOption,
    FormatOption,
    UserOption,
    acting_user,
    error_line,
    load_extractor,
    open_store,
    stdout,
    write_json,
)

NAME = "reextract"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace reextract`\n"
    "- `armstrace reextract --db postgresql://analyst@localhost/armstrace --format json`\n"
)


def command(user: UserOption = None, db: DbOption = None, output: FormatOption = "table") -> None:
    """Re-extract every stored document from its stored text with the current extractor.

    Only claims nobody curated are replaced: confirmed, edited and rejected claims stay as
    the analyst left them, and a rejected claim never comes back. Exit code 1 when some
    document failed.
    """
    from armstrace.curation import reextract

    with open_store(db) as store:
        summary = reextract(store, load_extractor(), acting_user(user))
    for source, reason in summary.failed:
        error_line(f"{source}: {reason}")
    if output == "json":
        write_json(
            {
                "documents": [asdict(d) for d in summary.documents],
                "failed": [{"source": s, "reason": r} for s, r in summary.failed],
            }
        )
    else:
        table = Table(title="Re-extraction")
        for column in ("document", "claims before", "written", "curated kept"):
            table.add_column(column, justify="left" if column == "document" else "right")
        for d in summary.documents:
            table.add_row(d.stem, str(d.before), str(d.written), str(d.curated_kept))
        stdout.print(table)
    if not summary.ok:
        raise typer.Exit(1)
