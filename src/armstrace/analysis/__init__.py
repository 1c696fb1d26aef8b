"""Analyses over claims: estimates of a flow over time, supply routes and chokepoints.

Every function takes plain records — `Claim`s from `extract` or `StoredClaim`s from
`store.query_claims()`, `Document`s or `DocumentRow`s — so a notebook can call them directly:

    from armstrace.analysis import estimate_series, build_network, find_paths
    from armstrace.store import open_store
    store = open_store("sqlite:///claims.db")
    series = estimate_series(store.query_claims(), store.documents(), "KP", "RU",
                             unit="containers")
    routes = find_paths(build_network(store.query_claims()), "KP", "hezbollah")
"""

from armstrace.analysis.dates import Span, Window, claim_window, parse_date
from armstrace.analysis.estimates import EstimatePoint, EstimateSeries, estimate_series
from armstrace.analysis.flows import Chokepoint, Flow, chokepoints, summarise_flows
from armstrace.analysis.network import Hop, HopClaim, Route, build_network, find_paths
from armstrace.analysis.reconcile import Contradiction, Conversion, ConversionPair
from armstrace.analysis.records import ClaimLike, DocumentLike

__all__ = [
    "Chokepoint",
    "ClaimLike",
    "Contradiction",
    "Conversion",
    "ConversionPair",
    "DocumentLike",
    "EstimatePoint",
    "EstimateSeries",
    "Flow",
    "Hop",
    "HopClaim",
    "Route",
    "Span",
    "Window",
    "build_network",
    "chokepoints",
    "claim_window",
    "estimate_series",
    "find_paths",
    "parse_date",
    "summarise_flows",
]
