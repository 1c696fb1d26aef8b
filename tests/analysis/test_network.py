"""The supply network: claim hops as edges, routes ranked by evidence, chokepoints, flows."""

from __future__ import annotations

import random
from collections import Counter

import networkx as nx
import pytest

from armstrace.analysis import build_network, chokepoints, find_paths, summarise_flows
from armstrace.analysis.network import HOP_CLAIMS_SHOWN, MAX_ROUTES, flow_graph
from armstrace.model import Claim
from armstrace.store import open_store

from .builders import claim, document


def _middle_east() -> list[Claim]:
    """North Korean arms reaching Hezbollah through Iran and Syria, and Iran's other clients."""
    return [
        claim("d1", supplier="KP", recipient="IR", type="interdiction", category="fuzes"),
        claim("d2", supplier="KP", recipient="IR", category="rockets", hedge="reported"),
        claim(
            "d1",
            supplier="IR",
            recipient="SY",
            type="interdiction",
            category="rockets",
            value=500,
            unit="tons",
        ),
        claim("d3", supplier="SY", recipient="hezbollah", category="rockets"),
        claim("d2", supplier="KP", recipient="hezbollah", via=["IR"], category="rockets"),
        claim("d4", supplier="IR", recipient="houthis", category="ballistic_missiles"),
        claim("d4", supplier="IR", recipient="houthis", category="technology"),
        claim("d5", supplier="IR", recipient="hezbollah", type="support", category="training"),
        claim("d5", supplier="KP", recipient="SY", hedge="denied", category="rockets"),
        claim("d5", supplier="KP", recipient=None, type="production", category="rockets"),
    ]


def test_network_has_one_edge_per_claim_hop_with_its_claim() -> None:
    claims = _middle_east()
    graph = build_network(claims)
    via = claims[4]
    hops = [(a, b, d) for a, b, d in graph.edges(data=True) if d["claim"] == via.id]
    assert [(a, b) for a, b, _ in hops] == [("KP", "IR"), ("IR", "hezbollah")]
    assert hops[0][2]["category"] == "rockets" and hops[0][2]["flow"] is True
    tons = next(d for _a, _b, d in graph.edges(data=True) if d["claim"] == claims[2].id)
    assert tons["quantity"] == {"value": 500, "unit": "tons", "qualifier": "exact", "max": None}
    assert graph.nodes["KP"] == {"name": "North Korea", "kind": "state"}
    assert graph.nodes["hezbollah"]["kind"] == "group"
    assert graph.number_of_edges() == 10  # production has no recipient; the via claim is 2


def test_network_keeps_support_and_denials_but_not_as_flows() -> None:
    claims = _middle_east()
    marks = {
        d["claim"]: (d["support"], d["flow"])
        for _a, _b, d in build_network(claims).edges(data=True)
    }
    assert marks[claims[7].id] == (True, False)  # support: kept, marked
    assert marks[claims[8].id] == (False, False)  # a denial is not a flow
    assert marks[claims[3].id] == (False, True)


def test_paths_go_through_iran_and_syria_with_the_claims_for_each_hop() -> None:
    claims = _middle_east()
    routes = find_paths(build_network(claims), "kp", "Hezbollah")
    assert [r.nodes for r in routes] == [
        ("KP", "IR", "hezbollah"),  # weakest hop: 1 document, 1 claim; 2 hops
        ("KP", "IR", "SY", "hezbollah"),
    ]
    via_syria = routes[1]
    assert [(h.source, h.target, [c.claim_id for c in h.claims]) for h in via_syria.hops] == [
        ("KP", "IR", [claims[0].id, claims[1].id, claims[4].id]),
        ("IR", "SY", [claims[2].id]),
        ("SY", "hezbollah", [claims[3].id]),
    ]
    assert via_syria.hops[0].documents == ("d1", "d2")
    assert via_syria.hops[1].claims[0].quantity == "500 tons"
    assert "weakest hop IR → SY" in via_syria.reason


def test_paths_respect_max_hops_support_and_unknown_actors() -> None:
    graph = build_network(_middle_east())
    assert [r.nodes for r in find_paths(graph, "KP", "hezbollah", max_hops=2)] == [
        ("KP", "IR", "hezbollah")
    ]
    assert find_paths(graph, "KP", "SY", max_hops=1) == []  # the only direct hop is a denial
    assert find_paths(graph, "KP", "nobody") == []
    direct_support = find_paths(graph, "IR", "hezbollah", max_hops=1, include_support=True)
    assert [c.type for r in direct_support for h in r.hops for c in h.claims] == [
        "transfer",
        "support",
    ]


def test_paths_rank_the_better_evidenced_route_first() -> None:
    claims = [
        claim("a", supplier="KP", recipient="CN"),
        claim("a", supplier="CN", recipient="BD"),
        claim("b", supplier="KP", recipient="TH"),
        claim("c", supplier="KP", recipient="TH"),
        claim("b", supplier="TH", recipient="BD"),
        claim("c", supplier="TH", recipient="BD"),
    ]
    routes = find_paths(build_network(claims), "KP", "BD")
    assert [r.nodes for r in routes] == [("KP", "TH", "BD"), ("KP", "CN", "BD")]
    assert [r.strength for r in routes] == [(2, 2), (1, 1)]


def test_places_named_in_evidence_join_the_chain() -> None:
    text = "The cargo left Nampo for Bandar Abbas, where it was seized."
    seized = claim("d1", supplier="KP", recipient="IR", type="interdiction", text=text)
    graph = build_network([seized], places=True)
    route = find_paths(graph, "KP", "IR")[0]
    assert route.nodes == ("KP", "place:Nampo", "place:Bandar Abbas", "IR")
    assert graph.nodes["place:Nampo"]["kind"] == "port"
    assert graph.nodes["place:Bandar Abbas"]["country"] == "IR"
    assert build_network([seized]).number_of_nodes() == 2  # places only when asked


def test_chokepoints_rank_the_transit_state_whose_loss_cuts_stated_flows() -> None:
    claims = _middle_east()
    points = chokepoints(build_network(claims))
    top = points[0]
    assert top.node == "IR"
    # KP → hezbollah is stated (via IR), and every route of it runs through Iran
    assert top.flows_cut == (("KP", "hezbollah", 1),)
    assert top.claims_cut == 1
    assert "removing IR leaves no route for KP → hezbollah (1 claims)" in top.reason
    assert top.to_record()["flows_cut"] == [
        {"supplier": "KP", "recipient": "hezbollah", "claims": 1}
    ]
    # Syria cuts nothing (Iran reaches Hezbollah directly) and lies on no shortest path
    assert "SY" not in [p.node for p in points]


def test_summarise_flows_counts_claims_categories_and_largest_figures() -> None:
    claims = [
        *_middle_east(),
        claim("d6", supplier="IR", recipient="SY", value=3000, unit="items", category="rockets"),
        claim("d7", supplier="IR", recipient="SY", value=200, unit="tons", qualifier="approx"),
    ]
    flows = summarise_flows(build_network(claims))
    first = flows[0]
    assert (first.supplier, first.recipient, first.claims, first.documents) == ("IR", "SY", 3, 3)
    assert dict(first.categories) == {"rockets": 2, "munitions": 1}
    assert dict(first.largest) == {"items": "3,000", "tons": "500"}
    via = next(f for f in flows if (f.supplier, f.recipient) == ("KP", "hezbollah"))
    assert via.via == ("IR",)
    assert {(f.supplier, f.recipient) for f in flows} >= {("KP", "IR"), ("IR", "houthis")}
    assert ("IR", "hezbollah") not in {(f.supplier, f.recipient) for f in flows}  # support only
    assert len(summarise_flows(build_network(claims), top=2)) == 2


def test_network_reads_stored_claims(store_url: str) -> None:
    claims = _middle_east()
    with open_store(store_url) as store:
        for stem in sorted({c.doc for c in claims}):
            store.save_document(document(stem), [c for c in claims if c.doc == stem])
        stored = store.query_claims()
    routes = find_paths(build_network(stored), "KP", "hezbollah")
    assert [r.nodes for r in routes] == [("KP", "IR", "hezbollah"), ("KP", "IR", "SY", "hezbollah")]
    assert {c.claim_id for h in routes[1].hops for c in h.claims} <= {c.id for c in claims}


def test_chokepoints_agree_with_removing_each_node() -> None:
    """The dominator-tree shortcut gives what deleting each node and searching again gives."""
    rng = random.Random(7)
    actors = ["KP", "IR", "SY", "RU", "CN", "hezbollah", "hamas", "houthis", "BY", "SD"]
    claims = []
    for n in range(40):
        supplier, recipient, *via = rng.sample(actors, rng.choice([2, 2, 3, 4]))
        claims.append(claim(f"d{n % 7}", supplier=supplier, recipient=recipient, via=via))
    graph = build_network(claims)
    simple = flow_graph(graph)
    stated = Counter((c.supplier, c.recipient) for c in claims)
    for point in chokepoints(graph):
        rest = simple.subgraph(n for n in simple if n != point.node)
        lost = {
            (s, t)
            for s in simple
            if s != point.node
            for t in nx.descendants(simple, s) - {point.node}
            if s not in rest or t not in nx.descendants(rest, s)
        }
        assert point.reachable_pairs_cut == len(lost), point.node
        assert {(s, t) for s, t, _n in point.flows_cut} == {p for p in lost if p in stated}
        assert all(n == stated[(s, t)] for s, t, n in point.flows_cut)


def test_paths_capped_on_a_dense_network_keep_the_shortest(
    caplog: pytest.LogCaptureFixture,
) -> None:
    actors = ["KP", "IR", "SY", "RU", "CN", "BY", "SD", "LY", "YE", "IQ", "LB", "PK"]
    claims = [claim("d", supplier=a, recipient=b) for a in actors for b in actors if a != b]
    routes = find_paths(build_network(claims), "KP", "PK")  # 1 + 10 + 90 + 720 routes
    assert len(routes) == MAX_ROUTES
    assert routes[0].nodes == ("KP", "PK")
    assert sum(len(r.hops) == 2 for r in routes) == 10
    assert "more than 500 routes" in caplog.text


def test_a_route_record_counts_every_claim_of_a_hop_and_lists_the_first_few() -> None:
    """A hop between busy actors rests on thousands of claims; the record stays small."""
    claims = [
        claim(f"d{i % 7}", supplier="KP", recipient="RU") for i in range(HOP_CLAIMS_SHOWN + 15)
    ]
    (route,) = find_paths(build_network(claims), "KP", "RU")
    (hop,) = route.to_record()["hops"]
    assert hop["claim_count"] == HOP_CLAIMS_SHOWN + 15
    assert hop["document_count"] == 7
    assert len(hop["claims"]) == HOP_CLAIMS_SHOWN
    assert route.to_record()["weakest_hop_claims"] == HOP_CLAIMS_SHOWN + 15
