"""`armstrace entities`: resolve a name to gazetteer candidates; merge, distinguish, split."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from armstrace.cli.common import (
    DbOption,
    FormatOption,
    NoteOption,
    UserOption,
    acting_user,
    choice,
    open_store,
    write_result,
)
from armstrace.cli.render import ruled_table
from armstrace.model.vocab import ENTITY_KINDS as KINDS

if TYPE_CHECKING:
    from armstrace.resolve import Judgement

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
    from armstrace.resolve import load_resolver, resolve_name

    candidates = resolve_name(name, kind, limit=limit)
    with open_store(db) as store:
        resolver = load_resolver(store)
    records = [c.to_record() | {"canonical": resolver.canonical(c.id)} for c in candidates]
    rows = [
        (str(r["id"]), str(r["label"]), f"{r['score']:.2f}", str(r["canonical"]),
         "\n".join(r["reasons"]))  # type: ignore[arg-type]
        for r in records
    ]  # fmt: skip
    columns = ("id", "label", "score", "canonical", "reasons")
    table = ruled_table(f"{kind} candidates for {name!r}", columns, rows)
    write_result(output, records, table if records else f"No {kind} candidates for {name!r}.")


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
    from armstrace.resolve import load_resolver, merge

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
    from armstrace.resolve import distinguish

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
    from armstrace.resolve import split

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
    from armstrace.resolve import list_judgements

    with open_store(db) as store:
        judgements = list_judgements(store, active_only=active, entity_id=entity)
    rows = [
        (str(j.id), j.kind, _pair(j), j.user, f"{j.at:%Y-%m-%d %H:%M}", j.reason,
         f"{j.retracted_at:%Y-%m-%d} by {j.retracted_by}" if j.retracted_at else "")
        for j in judgements
    ]  # fmt: skip
    columns = ("id", "kind", "pair", "user", "at (UTC)", "reason", "retracted")
    table = ruled_table(f"{len(judgements)} judgements", columns, rows)
    empty = "No judgements yet: `armstrace entities merge A B --reason ...`."
    write_result(output, [j.to_record() for j in judgements], table if judgements else empty)


def _pair(judgement: Judgement) -> str:
    verdict = "=" if judgement.verdict == "same" else "≠"
    return f"{judgement.left_id} {verdict} {judgement.right_id}"


def _show(judgement: Judgement, output: str, message: str) -> None:
    line = f"judgement {judgement.id}: {_pair(judgement)} ({judgement.kind}), {message}"
    write_result(output, judgement.to_record(), line)
