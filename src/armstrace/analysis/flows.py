"""Read the network as a whole: the largest flows, and the nodes whose loss cuts the most.

Chokepoint score, for a node N: every stated flow (a supplier → recipient pair named by
claims, weighted by its number of claims) that has no path left once N is removed, found
with dominator trees (N cuts source → target when every path passes through N). Ties
are broken by how many reachable pairs of any nodes lose all paths, then by betweenness
centrality. The reason lists the flows cut, so an analyst can check each against its claims.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx

from armstrace.analysis.network import counts, flow_graph
from armstrace.analysis.records import quantity_label


@dataclass(frozen=True)
class Chokepoint:
    """A node, the stated flows its removal cuts, and why it ranks where it does."""

    node: str
    name: str
    kind: str | None
    claims_cut: int
    flows_cut: tuple[tuple[str, str, int], ...]
    reachable_pairs_cut: int
    betweenness: float

    @property
    def reason(self) -> str:
        if self.flows_cut:
            shown = ", ".join(f"{s} → {t} ({n} claims)" for s, t, n in self.flows_cut[:5])
            more = f" and {len(self.flows_cut) - 5} more" if len(self.flows_cut) > 5 else ""
            head = f"removing {self.node} leaves no route for {shown}{more}"
        else:
            head = f"removing {self.node} cuts no stated flow"
        return (
            f"{head}; {self.reachable_pairs_cut} reachable pair(s) lose every path; "
            f"betweenness {self.betweenness:.3f}"
        )

    def to_record(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "name": self.name,
            "kind": self.kind,
            "claims_cut": self.claims_cut,
            "flows_cut": [
                {"supplier": s, "recipient": t, "claims": n} for s, t, n in self.flows_cut
            ],
            "reachable_pairs_cut": self.reachable_pairs_cut,
            "betweenness": round(self.betweenness, 4),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Flow:
    """One stated supplier → recipient flow: its claims, documents, categories and figures."""

    supplier: str
    recipient: str
    claims: int
    documents: int
    categories: tuple[tuple[str, int], ...]
    largest: tuple[tuple[str, str], ...]
    """Per unit, the largest figure any claim gives: (unit, label such as "≥ 1,000,000")."""
    via: tuple[str, ...]

    def to_record(self) -> dict[str, Any]:
        return {
            "supplier": self.supplier,
            "recipient": self.recipient,
            "claims": self.claims,
            "documents": self.documents,
            "categories": dict(self.categories),
            "largest": dict(self.largest),
            "via": list(self.via),
        }


def _stated_flows(graph: Any, include_support: bool) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Each claim once, grouped by its own supplier and recipient."""
    seen: set[str] = set()
    flows: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for _a, _b, data in graph.edges(data=True):
        if not counts(data, include_support) or data["claim"] in seen:
            continue
        seen.add(data["claim"])
        flows.setdefault((data["supplier"], data["recipient"]), []).append(data)
    return flows


def chokepoints(graph: Any, *, top: int | None = None) -> list[Chokepoint]:
    """Actors and places ranked by the stated flows (weighted by claims) their removal cuts.

    A node cuts the pair source → target exactly when it dominates target in the graph
    searched from source (every path passes through it), so one pass per source answers for
    every node at once.
    """
    simple = flow_graph(graph)
    stated = {pair: len(data) for pair, data in _stated_flows(graph, False).items()}
    cut: dict[str, list[tuple[str, str, int]]] = {}
    lost_reach: Counter[str] = Counter()
    for source in simple:
        for target, between in _strict_dominators(simple, source).items():
            for node in between:
                lost_reach[node] += 1
                if (source, target) in stated:
                    cut.setdefault(node, []).append((source, target, stated[(source, target)]))
    betweenness = _betweenness(simple)
    found = []
    for node in simple:
        flows = tuple(sorted(cut.get(node, []), key=lambda f: (-f[2], f[0], f[1])))
        score = betweenness.get(node, 0.0)
        if not flows and not lost_reach[node] and not score:
            continue
        attrs = simple.nodes[node]
        found.append(
            Chokepoint(
                node=node,
                name=attrs.get("name") or node,
                kind=attrs.get("kind"),
                claims_cut=sum(n for _s, _t, n in flows),
                flows_cut=flows,
                reachable_pairs_cut=lost_reach[node],
                betweenness=score,
            )
        )
    found.sort(key=lambda c: (-c.claims_cut, -c.reachable_pairs_cut, -c.betweenness, c.node))
    return found[:top] if top is not None else found


BETWEENNESS_SAMPLE = 200
"""Above this many nodes, betweenness (a tie-breaker only) is estimated from this many sources."""


def _betweenness(simple: Any) -> dict[str, float]:
    nodes = simple.number_of_nodes()
    if nodes <= 2:
        return {}
    sample = BETWEENNESS_SAMPLE if nodes > BETWEENNESS_SAMPLE else None
    return dict(nx.betweenness_centrality(simple, k=sample, seed=0))


def _strict_dominators(simple: Any, source: str) -> dict[str, set[str]]:
    """For each node reached from source, the nodes every path to it passes through.

    The iterative data-flow form (Cooper, Harvey and Kennedy): a node's dominators are
    itself plus those all its reached predecessors share. A node reached by a direct edge
    is dominated by nothing else, so only the nodes reached indirectly are iterated; on
    a dense network they are few. Only non-empty sets are returned (source and target
    themselves left out).
    """
    order = list(nx.bfs_tree(simple, source))
    direct = set(simple.successors(source))
    indirect = [n for n in order if n != source and n not in direct]
    if not indirect:
        return {}
    dom: dict[str, set[str] | None] = {source: {source}}
    dom.update({n: {source, n} for n in direct if n != source})
    dom.update({n: None for n in indirect})  # None: not yet known, i.e. every node
    changed = True
    while changed:
        changed = False
        for node in indirect:
            known = [d for p in simple.predecessors(node) if (d := dom.get(p)) is not None]
            if not known:
                continue
            new = set.intersection(*known) | {node}
            if new != dom[node]:
                dom[node] = new
                changed = True
    found = {}
    for node in indirect:
        between = (dom[node] or set()) - {source, node}
        if between:
            found[node] = between
    return found


def summarise_flows(
    graph: Any, *, top: int | None = None, include_support: bool = False
) -> list[Flow]:
    """Stated flows by number of claims, with categories and the largest figure per unit."""
    inner: dict[str, set[str]] = {}
    for a, _b, data in graph.edges(data=True):
        if data["hop"] > 0:
            inner.setdefault(data["claim"], set()).add(a)
    result = []
    for (supplier, recipient), claims in _stated_flows(graph, include_support).items():
        categories = Counter(c["category"] or "unspecified" for c in claims)
        largest: dict[str, dict[str, Any]] = {}
        for claim in claims:
            quantity = claim.get("quantity")
            if quantity and quantity["value"] > largest.get(quantity["unit"], {}).get("value", -1):
                largest[quantity["unit"]] = quantity
        via = sorted({n for c in claims for n in inner.get(c["claim"], ())})
        result.append(
            Flow(
                supplier=supplier,
                recipient=recipient,
                claims=len(claims),
                documents=len({c["doc"] for c in claims}),
                categories=tuple(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))),
                largest=tuple(
                    (unit, quantity_label(q["value"], q["qualifier"], q["max"]))
                    for unit, q in sorted(largest.items())
                ),
                via=tuple(via),
            )
        )
    result.sort(key=lambda f: (-f.claims, -f.documents, f.supplier, f.recipient))
    return result[:top] if top is not None else result
