"""/api/overview, /api/network, /api/estimates, /api/findings, /api/map: the analyses as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request

from armstrace.evaluate.score import normalise_actor
from armstrace.gazetteer import POINT_KINDS, load_gazetteer
from armstrace.model.claim import CATEGORIES, UNITS
from armstrace.store import Store
from armstrace.web.access import Routes
from armstrace.web.api.claims import claim_filter
from armstrace.web.claim_filters import ClaimFilter
from armstrace.web.geo import actor_location
from armstrace.web.insights import Insights
from armstrace.web.params import Offset
from armstrace.web.queries import claims_by_ids, documents_by_id
from armstrace.web.serialize import claim_json

routes = Routes("/api", tags=["analysis"])


def insights_of(request: Request) -> Insights:
    insights: Insights = request.app.state.insights
    return insights


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _actor(value: str) -> str:
    return normalise_actor(value) or value


def _filter_or_none(filt: ClaimFilter) -> ClaimFilter | None:
    return filt if filt.active() else None


def overview_data(request: Request) -> dict[str, Any]:
    """Counts, the largest flows, the newest findings and the best-documented estimate series."""
    store, insights = _store(request), insights_of(request)
    flows = insights.quantified_flows(limit=1)
    chart = None
    if flows:
        top = flows[0]
        chart = insights.estimates(top["supplier"], top["recipient"], top["unit"], None)
    return {
        "counts": store.counts(),
        "largest_flows": insights.flows(top=8),
        "newest_findings": newest_findings(request, limit=6),
        "estimates": chart,
    }


def newest_findings(request: Request, limit: int) -> list[dict[str, Any]]:
    """Findings (`analysis.findings`), newest period first."""
    from armstrace.analysis.findings import load_findings

    insights = insights_of(request)

    def build() -> list[dict[str, Any]]:
        records = [f.to_record() for f in load_findings(insights.store)]
        records.sort(key=_finding_order, reverse=True)
        return records

    return insights.cached("findings", build)[:limit]


def _finding_order(record: dict[str, Any]) -> tuple[str, int]:
    latest = record.get("period_end") or record.get("period_start") or ""
    return (str(latest), len(record.get("claim_ids") or []))


@routes.get("/overview", "viewer")
def overview(request: Request) -> dict[str, Any]:
    """What the overview page shows."""
    return overview_data(request)


@routes.get("/findings", "viewer")
def findings(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Corroborated findings (groups of claims about one flow or event), newest first."""
    everything = newest_findings(request, limit=10**9)
    return {
        "items": everything[offset : offset + limit],
        "total": len(everything),
        "limit": limit,
        "offset": offset,
    }


@routes.get("/network", "viewer")
def network(
    request: Request,
    filt: Annotated[ClaimFilter, Depends(claim_filter)],
    top: Annotated[int, Query(ge=1, le=2000, description="Edges shown, most claims first")] = 150,
    support: Annotated[bool, Query(description="Show support (non-materiel) edges too")] = False,
) -> dict[str, Any]:
    """Actors and intermediaries as nodes, one edge per pair with its number of claims."""
    return insights_of(request).network(_filter_or_none(filt), top=top, support=support)


@routes.get("/network/hop", "viewer")
def hop(
    request: Request,
    filt: Annotated[ClaimFilter, Depends(claim_filter)],
    source: Annotated[str, Query(alias="from", min_length=1, description="Node the hop leaves")],
    target: Annotated[str, Query(alias="to", min_length=1, description="Node the hop reaches")],
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """The claims behind one edge of the network (a hop from → to); filters as /api/network."""
    store = _store(request)
    ids = insights_of(request).hop_claims(source, target, _filter_or_none(filt))
    if not ids:
        raise HTTPException(404, f"no claims for the hop {source} → {target}")
    claims = claims_by_ids(store, ids[:limit])
    documents = documents_by_id(store, [c.document_id for c in claims])
    return {
        "source": source,
        "target": target,
        "total": len(ids),
        "claims": [claim_json(c, documents.get(c.document_id)) for c in claims],
    }


@routes.get("/network/paths", "viewer")
def paths(
    request: Request,
    source: Annotated[str, Query(min_length=1)],
    target: Annotated[str, Query(min_length=1)],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """Routes from source to target, best evidenced first (`find_paths`)."""
    found = insights_of(request).paths(source, target, max_hops)
    return {"source": source, "target": target, "total": len(found), "routes": found[:limit]}


@routes.get("/network/chokepoints", "viewer")
def network_chokepoints(
    request: Request, top: Annotated[int, Query(ge=1, le=100)] = 10
) -> dict[str, Any]:
    """Actors and places whose removal cuts the most stated flows, with the reason."""
    return {"items": insights_of(request).chokepoints(top=top)}


@routes.get("/estimates", "viewer")
def estimates(
    request: Request,
    supplier: Annotated[str, Query(min_length=1)],
    recipient: Annotated[str, Query(min_length=1)],
    unit: Annotated[str | None, Query(description=f"One of {', '.join(UNITS)}")] = None,
    category: str | None = None,
) -> dict[str, Any]:
    """Every figure given for one flow, by date, with who asserted it; contradictions too."""
    if unit and unit not in UNITS:
        raise HTTPException(422, f"unit: {unit!r} is not one of {', '.join(UNITS)}")
    if category and category not in CATEGORIES:
        raise HTTPException(422, f"category: {category!r} is not a category")
    return insights_of(request).estimates(
        _actor(supplier), _actor(recipient), unit or None, category or None
    )


@routes.get("/estimates/flows", "viewer")
def estimate_flows(
    request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> dict[str, Any]:
    """Flows that have figures, with how many per unit: what the estimates page offers."""
    return {"items": insights_of(request).quantified_flows(limit=limit)}


@routes.get("/map", "viewer")
def map_data(request: Request) -> dict[str, Any]:
    """Places (ports, crossings, airfields, factories) and flows between states' capitals."""
    gazetteer = load_gazetteer()
    places = [
        {"name": p.name, "kind": p.kind, "country": p.country, "lat": p.lat, "lon": p.lon}
        for p in gazetteer.places
        if p.kind in POINT_KINDS and p.lat is not None and p.lon is not None
    ]
    flows = []
    unplaced = []
    for flow in insights_of(request).flows(top=200):
        start, end = (actor_location(flow[k], gazetteer) for k in ("supplier", "recipient"))
        if start is None or end is None or start == end:
            unplaced.append(f"{flow['supplier']} → {flow['recipient']}")
            continue
        flows.append({**flow, "from": [start.lat, start.lon], "to": [end.lat, end.lon]})
    return {"places": places, "flows": flows, "unplaced": unplaced}
