"""The supply network: actors (and, optionally, ports and crossings) joined by claim hops.

Why a multigraph with one edge per claim hop: a route is only as good as the evidence for
each of its hops, so every edge keeps the claim it came from (id, document, type, category,
hedge, quantity). A claim "KP → hezbollah via IR" gives two hops, KP → IR and IR → hezbollah.

Which edges are flows: transfers and interdictions, unless the claim is a denial. Support
claims (training, troops) are kept in the graph, marked `support=True`, and left out of
paths, chokepoints and flow summaries unless asked for.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from armstrace.analysis.places import PlaceFinder
from armstrace.analysis.records import ClaimLike, ClaimRef, claim_refs, quantity_label
from armstrace.evaluate.score import normalise_actor
from armstrace.gazetteer import Gazetteer, load_gazetteer

log = logging.getLogger(__name__)

FLOW_TYPES = ("transfer", "interdiction")
MAX_ROUTES = 500
"""Routes collected per query at most, shortest first; a dense graph is cut off here (logged)."""


def build_network(
    claims: Iterable[ClaimLike],
    *,
    places: bool = False,
    gazetteer: Gazetteer | None = None,
) -> nx.MultiDiGraph:
    """One edge per hop of every claim with a supplier and a recipient.

    Nodes are actor ids with `name` and `kind` from the gazetteer (an unknown id keeps the
    id as name and kind None). With `places=True`, ports, crossings and airfields named in a
    claim's evidence become nodes on its chain, next to the actor whose country they are in
    (node id "place:NAME", kind the place kind, with country, lat and lon).
    """
    gaz = gazetteer or load_gazetteer()
    finder = PlaceFinder(gaz) if places else None
    graph = nx.MultiDiGraph()
    for ref in claim_refs(claims):
        chain = _chain(ref)
        if chain is None:
            continue
        if finder is not None:
            chain = finder.insert(chain, ref.claim.evidence.text)
        for node in chain:
            _add_node(graph, node, gaz, finder)
        attrs = _edge_attrs(ref)
        for hop, (a, b) in enumerate(itertools.pairwise(chain)):
            graph.add_edge(a, b, key=f"{ref.id}:{hop}", hop=hop, hops=len(chain) - 1, **attrs)
    log.debug("network: %d nodes, %d hops", graph.number_of_nodes(), graph.number_of_edges())
    return graph


def _chain(ref: ClaimRef) -> list[str] | None:
    claim = ref.claim
    if not claim.supplier or not claim.recipient:
        return None
    chain: list[str] = []
    for actor in (claim.supplier, *claim.via, claim.recipient):
        if not chain or chain[-1] != actor:
            chain.append(actor)
    return chain if len(chain) > 1 else None


def _add_node(graph: Any, node: str, gaz: Gazetteer, finder: PlaceFinder | None) -> None:
    if node in graph:
        return
    if finder is not None and node.startswith("place:"):
        place = finder.place(node)
        graph.add_node(
            node, name=place.name, kind=place.kind, country=place.country,
            lat=place.lat, lon=place.lon,
        )  # fmt: skip
        return
    actor = gaz.actors.get(node)
    graph.add_node(node, name=actor.name if actor else node, kind=actor.kind if actor else None)


def _edge_attrs(ref: ClaimRef) -> dict[str, Any]:
    claim = ref.claim
    quantity = None
    if claim.quantity is not None:
        q = claim.quantity
        quantity = {"value": q.value, "unit": q.unit, "qualifier": q.qualifier, "max": q.max}
    return {
        "claim": ref.id,
        "doc": claim.doc,
        "type": claim.type,
        "supplier": claim.supplier,
        "recipient": claim.recipient,
        "category": claim.item.category if claim.item else None,
        "designation": claim.item.designation if claim.item else None,
        "hedge": claim.hedge,
        "quantity": quantity,
        "when": claim.when,
        "evidence": claim.evidence.text,
        "support": claim.type == "support",
        "flow": claim.type in FLOW_TYPES and claim.hedge != "denied",
    }


def counts(data: dict[str, Any], include_support: bool = False) -> bool:
    """Whether an edge counts as a flow for paths, chokepoints and summaries."""
    return bool(data.get("flow")) or (include_support and bool(data.get("support")))


def flow_graph(graph: Any, include_support: bool = False) -> nx.DiGraph:
    """The counting edges collapsed to one edge per node pair, with their claims listed."""
    simple = nx.DiGraph()
    simple.add_nodes_from(graph.nodes(data=True))
    for a, b, data in graph.edges(data=True):
        if not counts(data, include_support):
            continue
        if not simple.has_edge(a, b):
            simple.add_edge(a, b, claims=[])
        simple[a][b]["claims"].append(data)
    return simple


# -- routes ----------------------------------------------------------------------------------

HOP_CLAIMS_SHOWN = 20
"""Claims (and documents) a route's record lists per hop; the counts are always whole."""


@dataclass(frozen=True)
class HopClaim:
    """One claim supporting a hop."""

    claim_id: str
    doc: str
    type: str
    category: str | None
    hedge: str | None
    quantity: str | None
    evidence: str

    def to_record(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id, "doc": self.doc, "type": self.type,
            "category": self.category, "hedge": self.hedge, "quantity": self.quantity,
            "evidence": self.evidence,
        }  # fmt: skip


@dataclass(frozen=True)
class Hop:
    """One step of a route and the claims that support it."""

    source: str
    target: str
    claims: tuple[HopClaim, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({c.doc for c in self.claims}))

    def to_record(self) -> dict[str, Any]:
        """Counts, and the first `HOP_CLAIMS_SHOWN` claims and documents: a hop between two
        busy actors rests on thousands of claims, which `/api/network/hop` pages through."""
        documents = self.documents
        return {
            "from": self.source,
            "to": self.target,
            "claim_count": len(self.claims),
            "document_count": len(documents),
            "documents": list(documents[:HOP_CLAIMS_SHOWN]),
            "claims": [c.to_record() for c in self.claims[:HOP_CLAIMS_SHOWN]],
        }


@dataclass(frozen=True)
class Route:
    """A simple path from source to target; ranked by its weakest hop's evidence."""

    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    @property
    def strength(self) -> tuple[int, int]:
        """(documents, claims) of the weakest hop: a chain is as good as its worst link."""
        return min((len(h.documents), len(h.claims)) for h in self.hops)

    @property
    def reason(self) -> str:
        weakest = min(self.hops, key=lambda h: (len(h.documents), len(h.claims)))
        docs, claims = len(weakest.documents), len(weakest.claims)
        return (
            f"{len(self.hops)} hop(s); weakest hop {weakest.source} → {weakest.target} rests on "
            f"{claims} claim(s) in {docs} document(s)"
        )

    def to_record(self) -> dict[str, Any]:
        docs, claims = self.strength
        return {
            "nodes": list(self.nodes),
            "weakest_hop_documents": docs,
            "weakest_hop_claims": claims,
            "reason": self.reason,
            "hops": [hop.to_record() for hop in self.hops],
        }


def resolve_node(graph: Any, actor: str) -> str | None:
    """The graph's node for an actor id typed any case ("kp" → "KP"), or None."""
    for candidate in (actor, normalise_actor(actor), f"place:{actor}"):
        if candidate is not None and candidate in graph:
            return candidate
    return None


def find_paths(
    graph: Any,
    source: str,
    target: str,
    max_hops: int = 4,
    *,
    include_support: bool = False,
) -> list[Route]:
    """Simple paths source → target of at most `max_hops` hops, best evidenced first.

    Ranking: the weakest hop's number of documents, then of claims (more is better), then
    fewer hops, then more claims in all. Unknown source or target: no routes.
    """
    start, end = resolve_node(graph, source), resolve_node(graph, target)
    if start is None or end is None or start == end or max_hops < 1:
        return []
    simple = flow_graph(graph, include_support)
    paths = list(itertools.islice(_paths_by_length(simple, start, end, max_hops), MAX_ROUTES + 1))
    if len(paths) > MAX_ROUTES:
        log.warning("%s → %s: more than %d routes; longer ones left out", start, end, MAX_ROUTES)
    routes = [_route(simple, path) for path in paths[:MAX_ROUTES]]
    routes.sort(
        key=lambda r: (
            -r.strength[0], -r.strength[1], len(r.hops), -sum(len(h.claims) for h in r.hops),
            r.nodes,
        )
    )  # fmt: skip
    return routes


def _paths_by_length(simple: Any, start: str, end: str, max_hops: int) -> Iterator[list[str]]:
    """Simple paths, all of one hop first, then of two, ...: a cap keeps the shortest."""
    for hops in range(1, max_hops + 1):
        for path in nx.all_simple_paths(simple, start, end, cutoff=hops):
            if len(path) == hops + 1:
                yield path


def _route(simple: Any, path: list[str]) -> Route:
    hops = tuple(
        Hop(a, b, tuple(_hop_claim(d) for d in simple[a][b]["claims"]))
        for a, b in itertools.pairwise(path)
    )
    return Route(tuple(path), hops)


def _hop_claim(data: dict[str, Any]) -> HopClaim:
    quantity = data.get("quantity")
    label = None
    if quantity:
        value = quantity_label(quantity["value"], quantity["qualifier"], quantity["max"])
        label = f"{value} {quantity['unit']}"
    return HopClaim(
        claim_id=data["claim"],
        doc=data["doc"],
        type=data["type"],
        category=data.get("category"),
        hedge=data.get("hedge"),
        quantity=label,
        evidence=data["evidence"],
    )
