"""`armstrace claims`: list stored claims, filtered."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from armstrace.cli.common import DbOption, choice, stdout, write_json, write_jsonl
from armstrace.cli.render import claims_table
from armstrace.evaluate.score import normalise_actor
from armstrace.model.claim import CATEGORIES, CLAIM_TYPES, HEDGES
from armstrace.store import open_store

NAME = "claims"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace claims --supplier KP --recipient RU`\n"
    "- `armstrace claims --category artillery_ammunition --since 2023 --format jsonl`\n"
    "- `armstrace claims --type interdiction --hedge confirmed --limit 20`\n"
)


def _actor(value: str | None) -> str | None:
    return normalise_actor(value) if value is not None else None


def command(
    db: DbOption = None,
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            callback=choice(CLAIM_TYPES),
            help=f"One of {', '.join(CLAIM_TYPES)}.",
        ),
    ] = None,
    supplier: Annotated[
        str | None,
        typer.Option(
            metavar="ACTOR",
            callback=_actor,
            help="Actor id of the giver: a state code (KP) or a group (hezbollah).",
        ),
    ] = None,
    recipient: Annotated[
        str | None, typer.Option(metavar="ACTOR", callback=_actor, help="Actor id of the receiver.")
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            metavar="CATEGORY",
            callback=choice(CATEGORIES),
            help="Item category, e.g. artillery_ammunition, rockets, atgm.",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Only claims dated on or after YYYY[-MM[-DD]] (overlap)."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Only claims dated on or before YYYY[-MM[-DD]] (overlap)."
        ),
    ] = None,
    hedge: Annotated[
        str | None,
        typer.Option(metavar="HEDGE", callback=choice(HEDGES), help=f"One of {', '.join(HEDGES)}."),
    ] = None,
    doc: Annotated[
        str | None, typer.Option(metavar="STEM", help="Only claims of this document (its stem).")
    ] = None,
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
    elif output == "json":
        write_json(records)
    elif records:
        stdout.print(claims_table(records))
    else:
        stdout.print("No claims match.")
