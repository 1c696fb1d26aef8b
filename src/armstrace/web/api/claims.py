"""/api/claims: the claims table (filters, pages), one claim with its audit trail, curation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from armstrace import curation
from armstrace.model.claim import CATEGORIES, CLAIM_TYPES, HEDGES
from armstrace.store import Store, StoredClaim
from armstrace.store.tables import CURATION_STATUSES
from armstrace.web.access import Routes
from armstrace.web.claim_filters import ClaimFilter
from armstrace.web.identity import identify
from armstrace.web.params import Offset, RowIdFilter
from armstrace.web.queries import (
    claims_by_ids,
    documents_by_id,
    find_claims,
    get_claim,
)
from armstrace.web.serialize import claim_json, page_json

routes = Routes("/api", tags=["claims"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def claim_filter(
    type: Annotated[str | None, Query(description=f"One of {', '.join(CLAIM_TYPES)}")] = None,
    actor: Annotated[str | None, Query(description="Supplier, recipient or intermediary")] = None,
    supplier: str | None = None,
    recipient: str | None = None,
    category: Annotated[str | None, Query(description="Item category")] = None,
    item: Annotated[str | None, Query(description="Category, or words of a designation")] = None,
    since: Annotated[str | None, Query(pattern=DATE)] = None,
    until: Annotated[str | None, Query(pattern=DATE)] = None,
    hedge: str | None = None,
    credibility_max: Annotated[int | None, Query(ge=1, le=6)] = None,
    source: Annotated[str | None, Query(description="Asserting body or publisher")] = None,
    status: Annotated[str | None, Query(description="Curation status")] = None,
    document_id: RowIdFilter = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the document")] = None,
) -> ClaimFilter:
    """The claims-table filters from the query string; empty values mean "any"."""
    checks = {"type": (type, CLAIM_TYPES), "category": (category, CATEGORIES),
              "hedge": (hedge, HEDGES), "status": (status, CURATION_STATUSES)}  # fmt: skip
    for name, (value, allowed) in checks.items():
        if value and value not in allowed:
            raise HTTPException(422, f"{name}: {value!r} is not one of {', '.join(allowed)}")
    values = dict(
        type=type, actor=actor, supplier=supplier, recipient=recipient, category=category,
        item=item, since=since, until=until, hedge=hedge, source=source, status=status, q=q,
    )  # fmt: skip
    cleaned = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in values.items()}
    return ClaimFilter(credibility_max=credibility_max, document_id=document_id, **cleaned)


def claims_page(store: Store, filt: ClaimFilter, limit: int, offset: int) -> dict[str, Any]:
    """One page of claims as JSON, each with its document's listing."""
    found = find_claims(store, filt, limit=limit, offset=offset)
    documents = documents_by_id(store, [c.document_id for c in found.claims])
    items = [claim_json(c, documents.get(c.document_id)) for c in found.claims]
    return page_json(
        items,
        found.total,
        limit,
        offset,
        total_is_lower_bound=found.total_is_lower_bound,
        filters=filt.active(),
    )


@routes.get("/claims", "viewer")
def list_claims(
    request: Request,
    filt: Annotated[ClaimFilter, Depends(claim_filter)],
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Offset = 0,
    ids: Annotated[str | None, Query(description="Comma-separated claim ids")] = None,
) -> dict[str, Any]:
    """Claims matching every filter, in document order, `limit` at a time (with the total).

    The total is exact up to 10,000; beyond, it is a lower bound and `total_is_lower_bound`
    is true (the workbench shows "10,000+").
    """
    store = store_of(request)
    if ids:
        wanted = [i for i in ids.split(",") if i][:500]
        found = claims_by_ids(store, wanted)
        documents = documents_by_id(store, [c.document_id for c in found])
        items = [claim_json(c, documents.get(c.document_id)) for c in found]
        return page_json(items, len(items), len(wanted), 0, filters={"ids": wanted})
    return claims_page(store, filt, limit, offset)


def _claim_or_404(store: Store, claim_id: str) -> StoredClaim:
    claim = get_claim(store, claim_id)
    if claim is None:
        raise HTTPException(404, f"no claim with id {claim_id!r}")
    return claim


def claim_detail(store: Store, claim: StoredClaim) -> dict[str, Any]:
    """A claim with its document listing and every audit entry about it."""
    documents = documents_by_id(store, [claim.document_id])
    record = claim_json(claim, documents.get(claim.document_id))
    record["audit"] = [e.to_record() for e in curation.audit_trail(store, "claim", claim.id)]
    return record


@routes.get("/claims/{claim_id}", "viewer")
def one_claim(request: Request, claim_id: str) -> dict[str, Any]:
    """One claim, its document and its audit trail."""
    store = store_of(request)
    return claim_detail(store, _claim_or_404(store, claim_id))


class Note(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


class Edit(BaseModel):
    changes: dict[str, Any] = Field(description="Spec fields to change, e.g. {'supplier': 'RU'}")
    note: str | None = Field(default=None, max_length=2000)


class Credibility(BaseModel):
    credibility: int | None = Field(ge=1, le=6, description="1 confirmed .. 6 cannot be judged")
    note: str | None = Field(default=None, max_length=2000)


@routes.post("/claims/{claim_id}/confirm", "analyst")
def confirm(request: Request, claim_id: str, body: Note | None = None) -> dict[str, Any]:
    """Mark the claim a faithful reading of its document."""
    store = store_of(request)
    _claim_or_404(store, claim_id)
    claim = curation.confirm_claim(
        store, claim_id, identify(request).name, body.note if body else None
    )
    return claim_detail(store, claim)


@routes.post("/claims/{claim_id}/reject", "analyst")
def reject(request: Request, claim_id: str, body: Note | None = None) -> dict[str, Any]:
    """Mark the claim wrongly extracted; findings leave it out."""
    store = store_of(request)
    _claim_or_404(store, claim_id)
    claim = curation.reject_claim(
        store, claim_id, identify(request).name, body.note if body else None
    )
    return claim_detail(store, claim)


@routes.patch("/claims/{claim_id}", "analyst")
def edit(request: Request, claim_id: str, body: Edit) -> dict[str, Any]:
    """Change spec fields of the claim (never its evidence); it becomes "edited"."""
    store = store_of(request)
    _claim_or_404(store, claim_id)
    claim = curation.edit_claim(store, claim_id, identify(request).name, body.changes, body.note)
    return claim_detail(store, claim)


@routes.put("/claims/{claim_id}/credibility", "analyst")
def credibility(request: Request, claim_id: str, body: Credibility) -> dict[str, Any]:
    """Grade the claim 1..6 (null clears the grade)."""
    store = store_of(request)
    _claim_or_404(store, claim_id)
    name = identify(request).name
    claim = curation.set_credibility(store, claim_id, body.credibility, name, body.note)
    return claim_detail(store, claim)
