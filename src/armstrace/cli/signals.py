"""`armstrace signals`: what should lower trust in each stored document."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, FormatOption, open_store, stdout, write_json
from armstrace.errors import UsageError

NAME = "signals"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace signals`\n"
    "- `armstrace signals --doc 004_54fb07c07905d520 --format json`\n"
)


def command(
    doc: Annotated[
        str | None, typer.Option(metavar="STEM", help="Only this document (its stem).")
    ] = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """List, per stored document, the signals found: AI-content notices, anonymous sources,
    opinion labels, and statements published by a party to the conflict or its state media.
    """
    from armstrace.signals import detect_signals

    with open_store(db) as store:
        rows = [row for row in store.documents() if doc is None or row.stem == doc]
        if doc is not None and not rows:
            raise UsageError(f"--doc {doc}: no stored document with this stem")
        results: list[dict[str, Any]] = [
            {
                "document_id": row.id,
                "doc": row.stem,
                "title": row.title,
                "signals": [
                    s.to_record() for s in detect_signals(row, text=store.get_document_text(row.id))
                ],
            }
            for row in rows
        ]
    if output == "json":
        write_json(results)
        return
    flagged = [r for r in results if r["signals"]]
    if not flagged:
        stdout.print(f"No signals in {len(results)} document(s).")
        return
    table = Table(title=f"Signals in {len(flagged)} of {len(results)} documents", show_lines=True)
    for name in ("document", "signal", "evidence", "reason"):
        table.add_column(name, overflow="fold")
    for result in flagged:
        for i, signal in enumerate(result["signals"]):
            table.add_row(
                result["doc"] if i == 0 else "",
                signal["kind"],
                f"{signal['where']}: {signal['evidence']}",
                signal["reason"],
            )
    stdout.print(table)
