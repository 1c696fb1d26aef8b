"""/api/publishers, /api/entities, /api/audit: reliability, merges and the audit log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request
from pydantic import BaseModel, Field

from armstrace import curation, resolve
from armstrace.resolve.features import KINDS
from armstrace.store import Store
from armstrace.web.access import Routes
from armstrace.web.identity import identify
from armstrace.web.params import Offset, RowId
from armstrace.web.queries import publishers

routes = Routes("/api", tags=["curation"])


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@routes.get("/publishers", "viewer")
def list_publishers(request: Request) -> dict[str, Any]:
    """Publishers of stored documents (and graded bodies) with their reliability A..F."""
    items = publishers(_store(request))
    return {"items": items, "total": len(items)}


class Reliability(BaseModel):
    publisher: str = Field(min_length=1, max_length=300)
    reliability: str | None = Field(description="A (reliable) .. F (cannot be judged); null clears")
    note: str | None = Field(default=None, max_length=2000)


@routes.put("/publishers/reliability", "analyst")
def set_reliability(request: Request, body: Reliability) -> dict[str, Any]:
    """Grade a publisher or asserting body."""
    name = curation.set_reliability(
        _store(request), body.publisher, body.reliability, identify(request).name, body.note
    )
    return {"ok": True, "publisher": name, "reliability": body.reliability}


class Merge(BaseModel):
    left: str = Field(min_length=1, max_length=300)
    right: str = Field(min_length=1, max_length=300)
    reason: str = Field(min_length=1, max_length=2000)
    kind: str = Field(default="actor", description=f"One of {', '.join(KINDS)}")


@routes.get("/entities/judgements", "viewer")
def judgements(
    request: Request,
    active: Annotated[bool, Query(description="Only judgements not split")] = False,
    entity: str | None = None,
) -> dict[str, Any]:
    """Merges and distinctions analysts made, oldest first."""
    found = resolve.list_judgements(_store(request), active_only=active, entity_id=entity or None)
    return {"items": [j.to_record() for j in found], "total": len(found)}


@routes.get("/entities/resolve", "viewer")
def resolve_entity(
    request: Request,
    name: Annotated[str, Query(min_length=1, max_length=300)],
    kind: str = "actor",
) -> dict[str, Any]:
    """Ranked gazetteer candidates for a name, each with its score and reasons."""
    found = resolve.resolve_name(name, kind)
    return {"name": name, "kind": kind, "items": [c.to_record() for c in found]}


@routes.post("/entities/merge", "analyst")
def merge(request: Request, body: Merge) -> dict[str, Any]:
    """Record that two ids are the same entity (reversible with a split)."""
    judgement = resolve.merge(
        _store(request), body.left, body.right, identify(request).name, body.reason, body.kind
    )
    return judgement.to_record()


class Split(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


@routes.post("/entities/judgements/{judgement_id}/split", "analyst")
def split(request: Request, judgement_id: RowId, body: Split | None = None) -> dict[str, Any]:
    """Undo a merge (the judgement stays, marked retracted)."""
    judgement = resolve.split(
        _store(request), judgement_id, identify(request).name, body.note if body else None
    )
    return judgement.to_record()


@routes.get("/audit", "viewer")
def audit(
    request: Request,
    target_type: str | None = None,
    target_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The audit log, newest first: who changed what, when, the value before and after."""
    entries = curation.audit_trail(_store(request), target_type or None, target_id or None)
    entries.reverse()
    items = [e.to_record() for e in entries[offset : offset + limit]]
    return {"items": items, "total": len(entries), "limit": limit, "offset": offset}
