"""`armstrace claims`: list stored claims, filtered."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from armstrace.cli import filters
from armstrace.cli.common import DbOption, open_store, write_jsonl, write_result
from armstrace.cli.render import claims_table

NAME = "claims"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace claims --supplier KP --recipient RU`\n"
    "- `armstrace claims --category artillery_ammunition --since 2023 --format jsonl`\n"
    "- `armstrace claims --type interdiction --hedge confirmed --limit 20`\n"
)


def command(
    db: DbOption = None,
    type_: filters.Type = None,
    supplier: filters.Supplier = None,
    recipient: filters.Recipient = None,
    category: filters.Category = None,
    since: filters.Since = None,
    until: filters.Until = None,
    hedge: filters.Hedge = None,
    doc: filters.Doc = None,
    limit: Annotated[
        int | None, typer.Option(metavar="N", min=0, help="At most this many claims.")
    ] = None,
    offset: Annotated[
        int, typer.Option(metavar="N", min=0, help="Skip this many claims first.")
    ] = 0,
    output: Annotated[
        Literal["table", "jsonl", "json"],
        typer.Option(
            "--format", help="table for reading; jsonl or json (records with id) for tools."
        ),
    ] = "table",
) -> None:
    """List stored claims, ordered by document and position, narrowed by any of the filters.

    Filters combine (all must hold). Dates keep claims whose date range overlaps the one
    asked for; claims without a date are left out only when --since or --until is given.
    """
    with open_store(db) as store:
        found = store.query_claims(
            type=type_, supplier=supplier, recipient=recipient, category=category,
            since=since, until=until, hedge=hedge, doc=doc, limit=limit, offset=offset,
        )  # fmt: skip
    records = [claim.to_record() for claim in found]
    if output == "jsonl":
        write_jsonl(records)
    else:
        write_result(output, records, claims_table(records) if records else "No claims match.")
