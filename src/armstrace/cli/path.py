"""`armstrace path`: supply routes from one actor to another, with the claims for each hop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, FormatOption, open_store, stdout, write_json
from armstrace.cli.estimates import actor_id
from armstrace.errors import UsageError
from armstrace.gazetteer import load_gazetteer

if TYPE_CHECKING:
    from armstrace.analysis import Route

NAME = "path"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace path KP hezbollah`\n"
    "- `armstrace path IR houthis --max-hops 3 --places --format json`\n"
)
_EVIDENCE_CHARS = 160

PlacesOption = Annotated[
    bool,
    typer.Option(
        "--places",
        help="Put ports, crossings and airfields named in the evidence on the routes.",
    ),
]


def known_actor(graph: Any, value: str) -> str:
    """The actor's node in the graph, or its id when the gazetteer knows it; else usage error."""
    from armstrace.analysis.network import resolve_node

    node = resolve_node(graph, value)
    if node is not None:
        return node
    actor = actor_id(value)
    if actor not in load_gazetteer().actors:
        raise UsageError(f"{value!r} is not a known actor id (e.g. KP, IR, hezbollah)")
    return actor


def command(
    source: Annotated[str, typer.Argument(metavar="A", help="Actor id where routes start.")],
    target: Annotated[str, typer.Argument(metavar="B", help="Actor id where routes end.")],
    max_hops: Annotated[
        int, typer.Option("--max-hops", metavar="N", min=1, max=8, help="Longest route, in hops.")
    ] = 4,
    places: PlacesOption = False,
    include_support: Annotated[
        bool,
        typer.Option(
            "--include-support", help="Let support claims (troops, training) join routes."
        ),
    ] = False,
    limit: Annotated[int, typer.Option(metavar="N", min=1, help="Show at most N routes.")] = 10,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Find routes A → … → B through the claims, best evidenced first.

    Each hop is supported by transfer or interdiction claims (a claim "via" a transit state
    gives a hop to and from it); a route ranks by its weakest hop's documents and claims.
    """
    from armstrace.analysis import build_network, find_paths

    with open_store(db) as store:
        claims = store.query_claims()
    graph = build_network(claims, places=places)
    start, end = known_actor(graph, source), known_actor(graph, target)
    routes = find_paths(graph, start, end, max_hops, include_support=include_support)[:limit]
    if output == "json":
        write_json([route.to_record() for route in routes])
        return
    if not routes:
        stdout.print(f"No route from {start} to {end} within {max_hops} hops.", markup=False)
        return
    for number, route in enumerate(routes, start=1):
        stdout.print(_route_table(number, route))


def _route_table(number: int, route: Route) -> Table:
    table = Table(title=f"{number}. {' → '.join(route.nodes)}", caption=route.reason, expand=True)
    for name, ratio in (("hop", 1), ("claim", 2), ("evidence", 5)):
        table.add_column(name, ratio=ratio, overflow="fold")
    for hop in route.hops:
        for i, claim in enumerate(hop.claims):
            details = " · ".join(
                x for x in (claim.type, claim.category, claim.quantity, claim.hedge) if x
            )
            table.add_row(
                f"{hop.source} → {hop.target}" if i == 0 else "",
                f"{claim.doc}\n{details}",
                _shorten(claim.evidence),
            )
    return table


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EVIDENCE_CHARS else flat[: _EVIDENCE_CHARS - 1] + "…"
