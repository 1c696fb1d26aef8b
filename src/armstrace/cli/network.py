"""`armstrace network`: the largest flows and the chokepoints of the supply network."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, FormatOption, open_store, stdout, write_json
from armstrace.cli.path import PlacesOption

if TYPE_CHECKING:
    from armstrace.analysis import Chokepoint, Flow

NAME = "network"
EXAMPLES = (
    "**Examples**\n\n- `armstrace network`\n- `armstrace network --top 5 --places --format json`\n"
)


def command(
    top: Annotated[int, typer.Option(metavar="N", min=1, help="Show the N largest of each.")] = 10,
    places: PlacesOption = False,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Summarise the network the claims draw: largest flows, then chokepoints.

    A flow is a supplier → recipient pair named by transfer or interdiction claims. A
    chokepoint is an actor (or, with --places, a port or crossing) whose removal leaves
    stated flows without any route; ties are broken by reachable pairs cut and betweenness.
    """
    from armstrace.analysis import build_network, chokepoints, summarise_flows

    with open_store(db) as store:
        claims = store.query_claims()
    graph = build_network(claims, places=places)
    flows = summarise_flows(graph, top=top)
    points = chokepoints(graph, top=top)
    if output == "json":
        write_json(
            {
                "nodes": graph.number_of_nodes(),
                "hops": graph.number_of_edges(),
                "flows": [flow.to_record() for flow in flows],
                "chokepoints": [point.to_record() for point in points],
            }
        )
        return
    if not flows:
        stdout.print("No transfer or interdiction claims with both parties stored yet.")
        return
    stdout.print(_flows_table(flows))
    stdout.print(_chokepoints_table(points))


def _flows_table(flows: list[Flow]) -> Table:
    table = Table(title="Largest flows")
    for name in ("flow", "claims", "documents", "categories", "largest figures", "via"):
        table.add_column(
            name, overflow="fold", justify="right" if name in ("claims", "documents") else "left"
        )
    for flow in flows:
        table.add_row(
            f"{flow.supplier} → {flow.recipient}",
            str(flow.claims),
            str(flow.documents),
            ", ".join(f"{c} ({n})" for c, n in flow.categories[:4]),
            ", ".join(f"{label} {unit}" for unit, label in flow.largest),
            ", ".join(flow.via),
        )
    return table


def _chokepoints_table(points: list[Chokepoint]) -> Table:
    table = Table(title="Chokepoints")
    for name in ("node", "kind", "claims cut", "pairs cut", "betweenness", "reason"):
        table.add_column(name, overflow="fold")
    for point in points:
        table.add_row(
            f"{point.node} ({point.name})" if point.name != point.node else point.node,
            point.kind or "",
            str(point.claims_cut),
            str(point.reachable_pairs_cut),
            f"{point.betweenness:.3f}",
            point.reason,
        )
    return table
