"""/api/actors: who appears in claims, and one actor's flows in and out over time."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import HTTPException, Query, Request

from armstrace.gazetteer import load_gazetteer
from armstrace.store import Store
from armstrace.web.access import Routes
from armstrace.web.claim_filters import ClaimFilter
from armstrace.web.insights import Insights
from armstrace.web.queries import actor_counts, documents_by_id, find_claims
from armstrace.web.serialize import claim_json

routes = Routes("/api", tags=["actors"])
TIMELINE_CLAIMS = 2000


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def actor_list(store: Store) -> list[dict[str, Any]]:
    """Every actor named as supplier or recipient, most claims first."""
    gazetteer = load_gazetteer()
    items: list[dict[str, Any]] = []
    for actor_id, count in actor_counts(store).items():
        actor = gazetteer.actors.get(actor_id)
        items.append(
            {
                "id": actor_id,
                "name": actor.name if actor else actor_id,
                "kind": actor.kind if actor else None,
                "out": count["out"],
                "in": count["in"],
                "link": f"/actors/{actor_id}",
            }
        )
    items.sort(key=lambda a: (-(int(a["out"]) + int(a["in"])), str(a["id"])))
    return items


@routes.get("/actors", "viewer")
def actors(request: Request) -> dict[str, Any]:
    """Actors in claims with their claim counts as supplier (out) and recipient (in)."""
    items = actor_list(_store(request))
    return {"items": items, "total": len(items)}


def actor_data(request: Request, actor_id: str, limit: int = 50) -> dict[str, Any]:
    """One actor: who it supplies, who supplies it, a yearly timeline and its latest claims."""
    store = _store(request)
    gazetteer = load_gazetteer()
    actor = gazetteer.actors.get(actor_id)
    found = find_claims(store, ClaimFilter(actor=actor_id), limit=TIMELINE_CLAIMS)
    claims = found.claims
    if actor is None and found.total == 0:
        raise HTTPException(404, f"no actor {actor_id!r} in the gazetteer or in any claim")
    insights: Insights = request.app.state.insights
    flows = insights.flows(top=10**6)
    documents = documents_by_id(store, [c.document_id for c in claims])
    timeline: dict[str, Counter[str]] = {}
    for claim in claims:
        published = (
            documents[claim.document_id].published if claim.document_id in documents else None
        )
        year = (claim.when_start or claim.when_end or published or "")[:4] or "undated"
        direction = (
            "out" if claim.supplier == actor_id else "in" if claim.recipient == actor_id else "via"
        )
        timeline.setdefault(year, Counter())[direction] += 1
    newest = sorted(claims, key=lambda c: (c.when_start or c.when_end or "", c.id), reverse=True)
    return {
        "id": actor_id,
        "name": actor.name if actor else actor_id,
        "kind": actor.kind if actor else None,
        "country": actor.country if actor else None,
        "claims_total": found.total,
        "claims_total_is_lower_bound": found.total_is_lower_bound,
        "outgoing": [f for f in flows if f["supplier"] == actor_id],
        "incoming": [f for f in flows if f["recipient"] == actor_id],
        "through": [f for f in flows if actor_id in f.get("via", [])],
        "timeline": [
            {"year": year, "out": c["out"], "in": c["in"], "via": c["via"]}
            for year, c in sorted(timeline.items())
        ],
        "claims": [claim_json(c, documents.get(c.document_id)) for c in newest[:limit]],
    }


@routes.get("/actors/{actor_id}", "viewer")
def actor(
    request: Request, actor_id: str, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> dict[str, Any]:
    """One actor's flows in and out, its timeline by year and its most recent claims."""
    return actor_data(request, actor_id, limit)
