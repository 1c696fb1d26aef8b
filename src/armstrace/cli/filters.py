"""The claim filters `claims`, `findings` and `export` share, each defined once: a command
declares `supplier: filters.Supplier = None`.

Why one module: a filter must be spelled, checked and explained the same in every command that
offers it, so `--supplier kp` means the same everywhere. Actor ids are normalised as the scorer
does ("kp" → "KP", "Hezbollah" → "hezbollah").
"""

from __future__ import annotations

from typing import Annotated

import typer

from armstrace.cli.common import choice
from armstrace.evaluate.score import normalise_actor
from armstrace.model.claim import CATEGORIES, CLAIM_TYPES, HEDGES


def _actor(value: str | None) -> str | None:
    return normalise_actor(value) if value is not None else None


Type = Annotated[
    str | None,
    typer.Option(
        "--type",
        metavar="TYPE",
        callback=choice(CLAIM_TYPES),
        help=f"One of {', '.join(CLAIM_TYPES)}.",
    ),
]
Supplier = Annotated[
    str | None,
    typer.Option(
        "--supplier",
        metavar="ACTOR",
        callback=_actor,
        help="Actor id of the giver: a state code (KP) or a group (hezbollah).",
    ),
]
Recipient = Annotated[
    str | None,
    typer.Option("--recipient", metavar="ACTOR", callback=_actor, help="Actor id of the receiver."),
]
Category = Annotated[
    str | None,
    typer.Option(
        "--category",
        metavar="CATEGORY",
        callback=choice(CATEGORIES),
        help="Item category, e.g. artillery_ammunition, rockets, atgm.",
    ),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since", metavar="DATE", help="Only claims dated on or after YYYY[-MM[-DD]] (overlap)."
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Only claims dated on or before YYYY[-MM[-DD]] (overlap)."
    ),
]
Hedge = Annotated[
    str | None,
    typer.Option(
        "--hedge", metavar="HEDGE", callback=choice(HEDGES), help=f"One of {', '.join(HEDGES)}."
    ),
]
Doc = Annotated[
    str | None,
    typer.Option("--doc", metavar="STEM", help="Only claims of this document (its stem)."),
]
