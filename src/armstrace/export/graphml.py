"""`graphml`: the actor network for Gephi, one edge per actor pair with its evidence.

Built on `armstrace.analysis.build_network` (one edge per claim hop) and collapsed to a
directed graph: an edge carries `weight` (its number of claims, which Gephi uses for
thickness), the claim ids, documents, sources (the asserting bodies as findings count them:
a named body, else the publisher, else the document), types, categories and hedges. Nodes
carry `label` (the actor's name), `kind` and their number of claims. GraphML holds only
scalars, so lists are joined with "; ". Rejected claims are left out.
"""

from __future__ import annotations

from collections import defaultdict
from typing import IO, Any

import networkx as nx

from armstrace.analysis import build_network
from armstrace.analysis.corroboration import attribute
from armstrace.export.dataset import ExportSet

SEPARATOR = "; "


def build_graph(export: ExportSet) -> nx.DiGraph:
    """The collapsed actor graph, nodes and edges in sorted order."""
    claims = {claim.id: claim for claim in export.accepted}
    network = build_network(list(claims.values()))
    edges: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for a, b, data in network.edges(data=True):
        edges[(a, b)].append(data)
    node_claims: dict[str, set[str]] = defaultdict(set)
    for (a, b), hops in edges.items():
        for hop in hops:
            node_claims[a].add(hop["claim"])
            node_claims[b].add(hop["claim"])
    graph = nx.DiGraph()
    for node in sorted(network.nodes):
        data = network.nodes[node]
        graph.add_node(
            node, label=data.get("name") or node, kind=data.get("kind") or "unknown",
            claims=len(node_claims[node]),
        )  # fmt: skip
    for (a, b), hops in sorted(edges.items()):
        ids = sorted({hop["claim"] for hop in hops})
        stored = [claims[claim_id] for claim_id in ids]
        documents = [export.document(claim) for claim in stored]
        sources = {
            found.label
            for claim, document in zip(stored, documents, strict=True)
            for found in attribute(claim.source, document.publisher, document.stem)
        }
        graph.add_edge(
            a,
            b,
            weight=len(ids),
            claims=len(ids),
            claim_ids=SEPARATOR.join(ids),
            documents=SEPARATOR.join(sorted({document.stem for document in documents})),
            document_count=len({document.stem for document in documents}),
            sources=SEPARATOR.join(sorted(sources)),
            source_count=len(sources),
            types=_joined(hop["type"] for hop in hops),
            categories=_joined(hop["category"] for hop in hops),
            hedges=_joined(hop["hedge"] for hop in hops),
            support_only=all(hop["support"] for hop in hops),
        )
    return graph


def write(export: ExportSet, fh: IO[str]) -> None:
    """GraphML text (networkx's writer), UTF-8."""
    for line in nx.generate_graphml(build_graph(export), prettyprint=True):
        fh.write(line + "\n")


def _joined(values: Any) -> str:
    return SEPARATOR.join(sorted({value for value in values if value}))
