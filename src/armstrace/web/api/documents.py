"""/api/documents and /api/search: the document list, one document for the reader, text search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import HTTPException, Query, Request

from armstrace.store import Store
from armstrace.store.search import search_documents
from armstrace.web.access import Routes
from armstrace.web.claim_filters import ClaimFilter
from armstrace.web.highlight import runs
from armstrace.web.params import Offset, RowId
from armstrace.web.queries import (
    DocumentView,
    documents_by_id,
    find_claims,
    get_document,
    list_documents,
)
from armstrace.web.serialize import claim_json, document_json, page_json

routes = Routes("/api", tags=["documents"])
MAX_CLAIMS_PER_DOCUMENT = 500


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@routes.get("/documents", "viewer")
def documents(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored documents, newest first, with their claim counts."""
    rows, total = list_documents(_store(request), limit=limit, offset=offset)
    return page_json([document_json(r) for r in rows], total, limit, offset)


def document_or_404(store: Store, document_id: RowId) -> DocumentView:
    document = get_document(store, document_id)
    if document is None:
        raise HTTPException(404, f"no document with id {document_id}")
    return document


def reader_data(store: Store, document: DocumentView) -> dict[str, Any]:
    """A document for the reader: metadata, text runs (with the claims covering each), claims."""
    found = find_claims(
        store, ClaimFilter(document_id=document.id), limit=MAX_CLAIMS_PER_DOCUMENT, count_cap=None
    )
    claims = found.claims
    listing = documents_by_id(store, [document.id]).get(document.id)
    return {
        "id": document.id,
        "stem": document.stem,
        "title": document.title,
        "publisher": document.publisher,
        "published": document.published,
        "url": document.url,
        "source": document.source,
        "format": document.format,
        "status": document.status,
        "ingested_at": document.ingested_at.isoformat(),
        "length": len(document.text),
        "runs": [
            {
                "start": r.start,
                "end": r.end,
                "text": r.text,
                "claims": list(r.claim_ids),
                "anchors": list(r.first_of),
            }
            for r in runs(document.text, claims)
        ],
        "claims": [claim_json(c, listing) for c in claims],
        "claims_total": found.total,
    }


@routes.get("/documents/{document_id}", "viewer")
def document(request: Request, document_id: RowId) -> dict[str, Any]:
    """One document: its text cut into runs marked with the claims whose evidence they are."""
    store = _store(request)
    return reader_data(store, document_or_404(store, document_id))


@routes.get("/search", "viewer")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Text to find")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents whose text contains `q` (any case, any script), each with a snippet.

    `highlights` are [start, end) offsets of the matches inside `snippet`. The total is exact
    up to 1,000 documents; beyond, it is a lower bound and `total_is_lower_bound` is true.
    """
    found = search_documents(_store(request), q, limit=limit, offset=offset)
    items = [
        {
            "id": hit.id,
            "stem": hit.stem,
            "title": hit.title,
            "publisher": hit.publisher,
            "published": hit.published,
            "snippet": hit.snippet,
            "highlights": [list(h) for h in hit.highlights],
            "link": f"/documents/{hit.id}",
        }
        for hit in found.hits
    ]
    return page_json(
        items,
        found.total,
        limit,
        offset,
        total_is_lower_bound=found.total_is_lower_bound,
        query=found.query,
    )
