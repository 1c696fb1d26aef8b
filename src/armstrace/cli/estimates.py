"""`armstrace estimates`: every figure the sources give for one flow, in date order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, FormatOption, choice, open_store, stdout, write_json
from armstrace.errors import UsageError
from armstrace.evaluate.score import normalise_actor
from armstrace.model.claim import CATEGORIES, UNITS

if TYPE_CHECKING:
    from armstrace.analysis import EstimateSeries

NAME = "estimates"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace estimates KP RU --unit containers`\n"
    "- `armstrace estimates KP RU --category artillery_ammunition --format json`\n"
)


def actor_id(value: str) -> str:
    """An actor argument as an id ("kp" → "KP", "Hezbollah" → "hezbollah")."""
    actor = normalise_actor(value)
    if not actor:
        raise UsageError(f"{value!r} is not an actor id")
    return actor


def command(
    supplier: Annotated[
        str, typer.Argument(metavar="SUPPLIER", help="Actor id of the giver, e.g. KP.")
    ],
    recipient: Annotated[
        str, typer.Argument(metavar="RECIPIENT", help="Actor id of the receiver, e.g. RU.")
    ],
    unit: Annotated[
        str | None,
        typer.Option(metavar="UNIT", callback=choice(UNITS), help=f"One of {', '.join(UNITS)}."),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            metavar="CATEGORY", callback=choice(CATEGORIES), help="Item category, e.g. munitions."
        ),
    ] = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """List every quantified claim of SUPPLIER → RECIPIENT: one point per claim, never merged.

    Points are ordered by the date each figure stands at (else the report date); undated
    ones come last. Below the table: contradictions (figures for the same date that cannot
    both be true) and the items per container that sources imply.
    """
    from armstrace.analysis import estimate_series

    supplier, recipient = actor_id(supplier), actor_id(recipient)
    with open_store(db) as store:
        claims = store.query_claims(supplier=supplier, recipient=recipient)
        documents = store.documents()
    series = estimate_series(claims, documents, supplier, recipient, unit=unit, category=category)
    if output == "json":
        write_json(series.to_record())
        return
    _print(series)


def _print(series: EstimateSeries) -> None:
    what = f" ({series.unit})" if series.unit else ""
    if not series.points:
        stdout.print(f"No quantified claims of {series.supplier} → {series.recipient}{what}.")
    else:
        table = Table(
            title=f"{series.supplier} → {series.recipient}: {len(series.points)} estimates{what}"
        )
        for name in ("as of", "value", "unit", "category", "asserted by", "reported", "document"):
            table.add_column(name, overflow="fold", justify="right" if name == "value" else "left")
        for p in series.points:
            table.add_row(
                p.window.describe(), p.label, p.unit, p.category or "", p.asserted_by or "—",
                p.reported or "", p.title or p.doc,
            )  # fmt: skip
        stdout.print(table)
    for contradiction in series.contradictions:
        stdout.print(f"contradiction: {contradiction.reason}", markup=False)
    for conversion in series.conversions:
        pairs = "; ".join(
            f"{p.items:,.0f} / {p.containers:,.0f} = {p.per_container:,.0f} ({p.basis})"
            for p in conversion.pairs
        )
        stdout.print(
            f"items per container ({conversion.category or 'unspecified'}): "
            f"{conversion.minimum:,.0f} to {conversion.maximum:,.0f} from {pairs}",
            markup=False,
        )
