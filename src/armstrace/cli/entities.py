"""`armstrace entities`: resolve a name to gazetteer candidates; merge, distinguish, split."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, choice, stdout, write_json
from armstrace.cli.curate import FormatOption, NoteOption, UserOption, acting_user
from armstrace.resolve import (
    KINDS,
    Judgement,
    distinguish,
    list_judgements,
    load_resolver,
    merge,
    resolve_name,
    split,
)
from armstrace.store import open_store

NAME = "entities"
HELP = (
    "Resolve names to actors, items, places and vessels; merge two ids into one entity "
    "or split a merge again. Merges change how `armstrace findings` groups claims."
)
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace entities resolve 'Hizbolla'`\n"
    "- `armstrace entities resolve 'M/V Francop' --kind vessel`\n"
    "- `armstrace entities merge 'MV Francop' 'imo:9203863' --kind vessel --reason 'same hull'`\n"
    "- `armstrace entities split 4`\n"
    "- `armstrace entities list --format json`\n"
)

KindOption = Annotated[
    str,
    typer.Option(
        "--kind", metavar="KIND", callback=choice(KINDS), help=f"One of {', '.join(KINDS)}."
    ),
]
ReasonOption = Annotated[
    str, typer.Option("--reason", metavar="TEXT", help="Why (required; kept with the judgement).")
]

app = typer.Typer(
    name=NAME, help=HELP, epilog=EXAMPLES, no_args_is_help=True, rich_markup_mode="markdown"
)


@app.command("resolve")
def resolve(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A name as a report writes it.")],
    kind: KindOption = "actor",
    limit: Annotated[int, typer.Option(metavar="N", min=1, help="At most N candidates.")] = 10,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Ranked gazetteer candidates for a name, each with its score and reasons; never a guess.

    With a store, each candidate also shows the canonical id analysts merged it into.
    """
    candidates = resolve_name(name, kind, limit=limit)
    with open_store(db) as store:
        resolver = load_resolver(store)
    records = [c.to_record() | {"canonical": resolver.canonical(c.id)} for c in candidates]
    if output == "json":
        write_json(records)
        return
    if not records:
        stdout.print(f"No {kind} candidates for {name!r}.", markup=False)
        return
    table = Table(title=f"{kind} candidates for {name!r}", show_lines=True, expand=True)
    for column in ("id", "label", "score", "canonical", "reasons"):
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(
            str(record["id"]), str(record["label"]), f"{record['score']:.2f}",
            str(record["canonical"]), "\n".join(record["reasons"]),  # type: ignore[arg-type]
        )  # fmt: skip
    stdout.print(table)


@app.command("merge")
def merge_command(
    left: Annotated[str, typer.Argument(metavar="A", help="An id or name.")],
    right: Annotated[str, typer.Argument(metavar="B", help="Another id or name.")],
    reason: ReasonOption,
    kind: KindOption = "actor",
    user: UserOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Record that A and B are the same entity (reversible with `entities split`)."""
    with open_store(db) as store:
        judgement = merge(store, left, right, acting_user(user), reason, kind)
        canonical = load_resolver(store).canonical(judgement.left_id)
    _show(judgement, output, f"merged as {canonical}")


@app.command("distinguish")
def distinguish_command(
    left: Annotated[str, typer.Argument(metavar="A", help="An id or name.")],
    right: Annotated[str, typer.Argument(metavar="B", help="Another id or name.")],
    reason: ReasonOption,
    kind: KindOption = "actor",
    user: UserOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Record that A and B are different entities: a later merge of the two is refused."""
    with open_store(db) as store:
        judgement = distinguish(store, left, right, acting_user(user), reason, kind)
    _show(judgement, output, "recorded as different")


@app.command("split")
def split_command(
    judgement_id: Annotated[int, typer.Argument(metavar="JUDGEMENT_ID", help="From `list`.")],
    user: UserOption = None,
    note: NoteOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Retract a judgement (undo a merge); it stays in the history, marked retracted."""
    with open_store(db) as store:
        judgement = split(store, judgement_id, acting_user(user), note)
    _show(judgement, output, f"retracted by {judgement.retracted_by}")


@app.command("list")
def list_command(
    active: Annotated[bool, typer.Option("--active", help="Only judgements in force.")] = False,
    entity: Annotated[
        str | None, typer.Option(metavar="ID", help="Only judgements naming this id.")
    ] = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """List the judgements, oldest first, retracted ones included unless --active."""
    with open_store(db) as store:
        judgements = list_judgements(store, active_only=active, entity_id=entity)
    if output == "json":
        write_json([j.to_record() for j in judgements])
        return
    if not judgements:
        stdout.print("No judgements yet: `armstrace entities merge A B --reason ...`.")
        return
    table = Table(title=f"{len(judgements)} judgements", show_lines=True, expand=True)
    for column in ("id", "kind", "pair", "user", "at (UTC)", "reason", "retracted"):
        table.add_column(column, overflow="fold")
    for j in judgements:
        pair = f"{j.left_id} {'=' if j.verdict == 'same' else '≠'} {j.right_id}"
        retracted = f"{j.retracted_at:%Y-%m-%d} by {j.retracted_by}" if j.retracted_at else ""
        table.add_row(
            str(j.id), j.kind, pair, j.user, f"{j.at:%Y-%m-%d %H:%M}", j.reason, retracted
        )
    stdout.print(table)


def _show(judgement: Judgement, output: str, message: str) -> None:
    if output == "json":
        write_json(judgement.to_record())
        return
    verdict = "=" if judgement.verdict == "same" else "≠"
    stdout.print(
        f"judgement {judgement.id}: {judgement.left_id} {verdict} {judgement.right_id} "
        f"({judgement.kind}), {message}",
        markup=False,
    )
