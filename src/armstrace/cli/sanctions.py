"""`armstrace sanctions`: stored claims with the sanctions instruments they fall under."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, FormatOption, open_store, stdout, write_json
from armstrace.cli.estimates import actor_id

if TYPE_CHECKING:
    from armstrace.sanctions import SanctionFlag
    from armstrace.store import StoredClaim

NAME = "sanctions"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace sanctions --supplier KP`\n"
    "- `armstrace sanctions --recipient hezbollah --flagged-only --format json`\n"
    "- `armstrace sanctions --instruments`\n"
)


def _actor(value: str | None) -> str | None:
    return actor_id(value) if value is not None else None


def command(
    supplier: Annotated[
        str | None, typer.Option(metavar="ACTOR", callback=_actor, help="Actor id of the giver.")
    ] = None,
    recipient: Annotated[
        str | None, typer.Option(metavar="ACTOR", callback=_actor, help="Actor id of the receiver.")
    ] = None,
    flagged_only: Annotated[
        bool, typer.Option("--flagged-only", help="Leave out claims no instrument covers.")
    ] = False,
    instruments: Annotated[
        bool, typer.Option("--instruments", help="List the instruments known, not claims.")
    ] = False,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """List stored claims with the UN, EU and US instruments they fall under.

    For each instrument: which party matched (e.g. "KP as supplier"), whether the claim's
    category is covered or the instrument may apply, and whether the claim's date is while
    it was in force, before it ("predates by N months"), after it ended, or undated.
    """
    from armstrace.sanctions import flag_claim, load_instruments

    if instruments:
        known = load_instruments()
        if output == "json":
            write_json([i.to_record() for i in known])
        else:
            stdout.print(_instruments_table())
        return
    with open_store(db) as store:
        claims = store.query_claims(supplier=supplier, recipient=recipient)
        documents = {row.id: row for row in store.documents()}
    rows = [(c, flag_claim(c, documents.get(c.document_id))) for c in claims]
    if flagged_only:
        rows = [(c, flags) for c, flags in rows if flags]
    if output == "json":
        write_json(
            [{"claim": c.to_record(), "flags": [f.to_record() for f in fl]} for c, fl in rows]
        )
    elif rows:
        stdout.print(_claims_table(rows))
    else:
        stdout.print("No claims match.")


def _claims_table(rows: list[tuple[StoredClaim, list[SanctionFlag]]]) -> Table:
    table = Table(title=f"{len(rows)} claims", show_lines=True, expand=True)
    table.add_column("claim", ratio=2, overflow="fold")
    table.add_column("instruments", ratio=3, overflow="fold")
    for claim, flags in rows:
        parties = f"{claim.supplier or '?'} → {claim.recipient or '?'}"
        if claim.via:
            parties += f" (via {', '.join(claim.via)})"
        when = _when(claim.when)
        head = f"{claim.type} {parties}\n{claim.item_category or ''} {when}\n{claim.doc}"
        lines = [
            f"{f.instrument}: {f.timing.replace('_', ' ')}"
            + (f" by {f.months} months" if f.timing == "predates" and f.months is not None else "")
            + ("" if f.coverage == "covered" else " (may apply)")
            for f in flags
        ]
        table.add_row(head, "\n".join(lines) or "none")
    return table


def _when(when: Any) -> str:
    if isinstance(when, dict):
        return f"{when.get('start', '…')} – {when.get('end', '…')}"
    return str(when or "")


def _instruments_table() -> Table:
    from armstrace.sanctions import load_instruments

    table = Table(title="Sanctions instruments", show_lines=True)
    for name in ("id", "body", "in force", "summary"):
        table.add_column(name, overflow="fold")
    for i in load_instruments():
        spans = ", ".join(f"{p.start} – {p.end or 'now'}" for p in i.periods)
        table.add_row(i.id, i.body, spans, i.summary)
    return table
