"""Read-only pages: overview, claims, documents and reader, actors, network, estimates, map, audit.

Each page is rendered on the server from the same functions the API uses, so it works with
no JavaScript; its script module (static/js/) then fetches /api/... for the interactive parts
(filters without reloads, the graph, the charts, the map).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from armstrace import curation
from armstrace.model.claim import CATEGORIES, CLAIM_TYPES, HEDGES, UNITS
from armstrace.store import Store
from armstrace.store.search import search_documents
from armstrace.store.tables import CURATION_STATUSES, RELIABILITIES
from armstrace.web.access import Routes
from armstrace.web.api.actors import actor_data, actor_list
from armstrace.web.api.analysis import insights_of, newest_findings
from armstrace.web.api.claims import claim_detail, claim_filter, claims_page
from armstrace.web.api.documents import document_or_404, reader_data
from armstrace.web.claim_filters import ClaimFilter
from armstrace.web.pages.render import render
from armstrace.web.params import Offset, RowId
from armstrace.web.queries import get_claim, list_documents, publishers
from armstrace.web.serialize import CREDIBILITY_LABELS

routes = Routes(tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
PAGE = 50


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def pages(
    total: int, limit: int, offset: int, params: dict[str, Any], *, lower_bound: bool = False
) -> dict[str, Any]:
    """Previous/next links of a paginated listing, keeping the other query parameters.

    A capped total (`lower_bound`) reads "10,000+"; it always exceeds the last row shown
    when more follow, so the next link needs no exact count.
    """
    keep = {k: v for k, v in params.items() if v not in (None, "") and k != "offset"}

    def link(at: int) -> str:
        return "?" + urlencode({**keep, "offset": at}) if at else "?" + urlencode(keep)

    return {
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "total": total,
        "total_label": total_label(total, lower_bound),
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


def total_label(total: int, lower_bound: bool) -> str:
    """ "812", or "10,000+" for a total counted only up to a cap."""
    return f"{total:,}+" if lower_bound else str(total)


CHOICES: dict[str, Any] = {
    "types": CLAIM_TYPES,
    "categories": CATEGORIES,
    "hedges": HEDGES,
    "statuses": CURATION_STATUSES,
    "units": UNITS,
    "credibility_labels": CREDIBILITY_LABELS,
    "reliabilities": RELIABILITIES,
}


@routes.get("/", "viewer")
def overview(request: Request) -> HTMLResponse:
    store, insights = _store(request), insights_of(request)
    flows = insights.quantified_flows(limit=1)
    return render(
        request,
        "overview.html",
        title="Overview",
        counts=store.counts(),
        flows=insights.flows(top=8),
        findings=newest_findings(request, limit=6),
        findings_total=len(newest_findings(request, limit=10**9)),
        chart_flow=flows[0] if flows else None,
    )


@routes.get("/claims", "viewer")
def claims(
    request: Request,
    filt: Annotated[ClaimFilter, Depends(claim_filter)],
    offset: Offset = 0,
) -> HTMLResponse:
    store = _store(request)
    data = claims_page(store, filt, PAGE, offset)
    hits = search_documents(store, filt.q, limit=10) if filt.q else None
    return render(
        request,
        "claims.html",
        title="Claims",
        data=data,
        filters=filt,
        hits=hits,
        pager=pages(
            data["total"],
            PAGE,
            offset,
            dict(request.query_params),
            lower_bound=data["total_is_lower_bound"],
        ),
        **CHOICES,
    )


@routes.get("/claims/{claim_id}", "viewer")
def claim(request: Request, claim_id: str) -> HTMLResponse:
    store = _store(request)
    found = get_claim(store, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim with id {claim_id!r}")
    detail = claim_detail(store, found)
    publisher = (detail.get("document") or {}).get("publisher")
    grade = next((p["reliability"] for p in publishers(store) if p["name"] == publisher), None)
    return render(
        request,
        "claim.html",
        title=f"Claim {detail['summary']}",
        claim=detail,
        publisher=publisher,
        reliability=grade,
        editable=curation.EDITABLE_FIELDS,
        **CHOICES,
    )


@routes.get("/documents", "viewer")
def documents(
    request: Request,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    store = _store(request)
    query = (q or "").strip()
    hits = search_documents(store, query, limit=PAGE, offset=offset) if query else None
    rows, total = list_documents(store, limit=PAGE, offset=0 if query else offset)
    shown_total = hits.total if hits else total
    lower_bound = hits.total_is_lower_bound if hits else False
    return render(
        request,
        "documents.html",
        title="Documents",
        rows=rows,
        hits=hits,
        q=query,
        pager=pages(shown_total, PAGE, offset, dict(request.query_params), lower_bound=lower_bound),
    )


@routes.get("/documents/{document_id}", "viewer")
def reader(request: Request, document_id: RowId, claim: str | None = None) -> HTMLResponse:
    store = _store(request)
    data = reader_data(store, document_or_404(store, document_id))
    url = data.get("url") or ""
    return render(
        request,
        "reader.html",
        title=data.get("title") or data["stem"],
        doc=data,
        current=claim,
        safe_url=url if url.startswith(("https://", "http://")) else None,
    )


@routes.get("/actors", "viewer")
def actors(request: Request) -> HTMLResponse:
    return render(request, "actors.html", title="Actors", actors=actor_list(_store(request)))


@routes.get("/actors/{actor_id}", "viewer")
def actor(request: Request, actor_id: str) -> HTMLResponse:
    data = actor_data(request, actor_id)
    return render(request, "actor.html", title=data["name"], actor=data)


@routes.get("/network", "viewer")
def network(request: Request) -> HTMLResponse:
    insights = insights_of(request)
    graph = insights.network(None, top=150, support=False)
    return render(
        request,
        "network.html",
        title="Network",
        graph=graph,
        chokepoints=insights.chokepoints(top=8),
        **CHOICES,
    )


@routes.get("/estimates", "viewer")
def estimates(
    request: Request,
    supplier: str | None = None,
    recipient: str | None = None,
    unit: str | None = None,
) -> HTMLResponse:
    insights = insights_of(request)
    flows = insights.quantified_flows(limit=100)
    if not supplier and flows:
        supplier, recipient, unit = flows[0]["supplier"], flows[0]["recipient"], flows[0]["unit"]
    series = None
    if supplier and recipient:
        series = insights.estimates(supplier, recipient, unit or None, None)
    return render(
        request,
        "estimates.html",
        title="Estimates",
        flows=flows,
        series=series,
        chosen={"supplier": supplier, "recipient": recipient, "unit": unit},
        **CHOICES,
    )


@routes.get("/map", "viewer")
def map_page(request: Request) -> HTMLResponse:
    return render(request, "map.html", title="Map", flows=insights_of(request).flows(top=30))


@routes.get("/audit", "viewer")
def audit(
    request: Request,
    offset: Offset = 0,
    target_type: str | None = None,
    target_id: str | None = None,
) -> HTMLResponse:
    entries = curation.audit_trail(_store(request), target_type or None, target_id or None)
    entries.reverse()
    return render(
        request,
        "audit.html",
        title="Audit log",
        entries=[e.to_record() for e in entries[offset : offset + PAGE]],
        target_type=target_type or "",
        target_id=target_id or "",
        pager=pages(len(entries), PAGE, offset, dict(request.query_params)),
    )
