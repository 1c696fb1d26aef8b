"""The network picture: actors and the claimed flows between them, as inline SVG.

Why a fixed seed: the spring layout is random; seeding it makes the same claims give the
same picture in the HTML, the PDF and the tests. Arrows point from supplier to recipient,
their width grows with the number of claims (the number is printed on the arrow), support
(training, troops) is dashed, and the topic's own actors are outlined.
"""

from __future__ import annotations

import math
from collections import defaultdict
from html import escape
from typing import Any

import networkx as nx

from armstrace.report.charts import FONT

WIDTH, HEIGHT, MARGIN = 680, 380, 60
SEED = 7
MAX_NODES = 30
KIND_COLOURS = {
    "state": "#1f5a96",
    "group": "#c2571a",
    "company": "#3a8a3a",
    "body": "#8a3a8a",
    "agency": "#8a3a8a",
}


def collapse(network: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per actor pair with its claim count; `support` when every hop is support."""
    graph = nx.DiGraph()
    for node in sorted(network.nodes):
        graph.add_node(node, **network.nodes[node])
    claims: dict[tuple[str, str], set[str]] = defaultdict(set)
    support: dict[tuple[str, str], bool] = defaultdict(lambda: True)
    for a, b, data in network.edges(data=True):
        claims[(a, b)].add(data["claim"])
        support[(a, b)] = support[(a, b)] and bool(data.get("support"))
    for (a, b), ids in sorted(claims.items()):
        graph.add_edge(a, b, claims=len(ids), support=support[(a, b)])
    return graph


def network_svg(graph: nx.DiGraph, highlight: tuple[str, ...] = ()) -> tuple[str, int]:
    """(the SVG, how many actors were left out to keep it readable)."""
    weight = dict.fromkeys(graph.nodes, 0)
    for a, b, data in graph.edges(data=True):
        weight[a] += data["claims"]
        weight[b] += data["claims"]
    kept = sorted(graph.nodes, key=lambda n: (n not in highlight, -weight[n], n))[:MAX_NODES]
    shown = graph.subgraph(sorted(kept)).copy()
    if shown.number_of_nodes() < 2:
        return "", 0
    spread = 1.6 / math.sqrt(shown.number_of_nodes())
    layout = nx.spring_layout(shown.to_undirected(), seed=SEED, k=spread, iterations=200)
    pos = _fit(layout)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="{FONT}" font-size="10" '
        'role="img" aria-label="Network of actors and claimed flows">',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    radius = {n: 6 + 2.2 * math.sqrt(weight[n]) for n in shown}
    for a, b, data in sorted(shown.edges(data=True)):
        parts.append(_arrow(pos[a], pos[b], radius[a], radius[b], data, shown.has_edge(b, a)))
    for node in sorted(shown):
        parts.append(_node(node, shown.nodes[node], pos[node], radius[node], node in highlight))
    parts.append("</svg>")
    return "\n".join(parts), graph.number_of_nodes() - shown.number_of_nodes()


def _fit(layout: dict[Any, Any]) -> dict[str, tuple[float, float]]:
    xs = [float(p[0]) for p in layout.values()]
    ys = [float(p[1]) for p in layout.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    fitted = {}
    for node, (px, py) in layout.items():
        fx = MARGIN + (float(px) - min(xs)) / span_x * (WIDTH - 2 * MARGIN)
        fy = MARGIN * 0.6 + (float(py) - min(ys)) / span_y * (HEIGHT - 1.4 * MARGIN)
        fitted[str(node)] = (fx, fy)
    return fitted


def _arrow(
    start: tuple[float, float],
    end: tuple[float, float],
    r_start: float,
    r_end: float,
    data: dict[str, Any],
    both_ways: bool,
) -> str:
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    shift = 4.0 if both_ways else 0.0  # two opposite arrows side by side, not on top
    ox, oy = -uy * shift, ux * shift
    x1, y1 = start[0] + ux * r_start + ox, start[1] + uy * r_start + oy
    x2, y2 = end[0] - ux * (r_end + 2) + ox, end[1] - uy * (r_end + 2) + oy
    width = 1.0 + 1.4 * math.log2(1 + data["claims"])
    head = 6 + width
    bx, by = x2 - ux * head, y2 - uy * head
    wing = head * 0.45
    dash = ' stroke-dasharray="4 3"' if data.get("support") else ""
    colour = "#888888" if data.get("support") else "#555555"
    side = 1.0 if ux >= 0 else -1.0  # put the count above the arrow, whichever way it runs
    mx, my = (x1 + bx) / 2 + uy * 8 * side + ox, (y1 + by) / 2 - ux * 8 * side + oy
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{bx:.1f}" y2="{by:.1f}" stroke="{colour}" '
        f'stroke-width="{width:.1f}"{dash}/>'
        f'<polygon points="{x2:.1f},{y2:.1f} {bx - uy * wing:.1f},{by + ux * wing:.1f} '
        f'{bx + uy * wing:.1f},{by - ux * wing:.1f}" fill="{colour}"/>'
        f'<text x="{mx:.1f}" y="{my + 3:.1f}" text-anchor="middle" font-size="8.5" '
        f'fill="#333">{data["claims"]}</text>'
    )


def _node(
    node: str, data: dict[str, Any], at: tuple[float, float], radius: float, highlight: bool
) -> str:
    colour = KIND_COLOURS.get(str(data.get("kind")), "#6a6a6a")
    ring = (
        ' stroke="#111111" stroke-width="2.5"'
        if highlight
        else ' stroke="#ffffff" stroke-width="1"'
    )
    name = escape(str(data.get("name") or node))
    weight = "bold" if highlight else "normal"
    return (
        f'<circle cx="{at[0]:.1f}" cy="{at[1]:.1f}" r="{radius:.1f}" fill="{colour}"{ring}/>'
        f'<text x="{at[0]:.1f}" y="{at[1] + radius + 11:.1f}" text-anchor="middle" '
        f'font-weight="{weight}" fill="#111">{name}</text>'
    )
