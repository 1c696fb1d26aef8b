"""One view of a claim and of a document, whichever shape the caller holds.

Why: a notebook has `Claim`s from `extract` or `StoredClaim`s from `store.query_claims()`,
and `Document`s from `read` or `DocumentRow`s from `store.documents()`. Every analysis takes
either, and works on the model `Claim` plus the stored id and document id when known.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from armstrace.model.claim import Claim
from armstrace.model.document import Document
from armstrace.store.records import DocumentRow, StoredClaim

ClaimLike = Claim | StoredClaim
"""A claim as extracted (`Claim`) or as stored (`StoredClaim`)."""

DocumentLike = Document | DocumentRow
"""A document as read (`Document`) or as listed by the store (`DocumentRow`)."""


@dataclass(frozen=True)
class ClaimRef:
    """A claim with the id the store knows it by, its document id, and its input position."""

    id: str
    claim: Claim
    document_id: int | None
    position: int


def claim_refs(claims: Iterable[ClaimLike]) -> list[ClaimRef]:
    """Every claim as a ClaimRef, in input order."""
    refs = []
    for position, claim in enumerate(claims):
        if isinstance(claim, StoredClaim):
            refs.append(ClaimRef(claim.id, claim.to_claim(), claim.document_id, position))
        else:
            refs.append(ClaimRef(claim.id, claim, None, position))
    return refs


@dataclass(frozen=True)
class DocumentInfo:
    """What analyses need of a document: names, publisher, date, and where it came from."""

    stem: str
    title: str | None
    publisher: str | None
    published: str | None
    source: str | None
    id: int | None
    position: int


class DocumentIndex:
    """Documents by store id and by stem, keeping their input order."""

    def __init__(self, documents: Iterable[DocumentLike] = ()) -> None:
        self._by_id: dict[int, DocumentInfo] = {}
        self._by_stem: dict[str, DocumentInfo] = {}
        for position, document in enumerate(documents):
            info = DocumentInfo(
                stem=document.stem,
                title=document.title,
                publisher=document.publisher,
                published=document.published,
                source=document.source,
                id=document.id if isinstance(document, DocumentRow) else None,
                position=position,
            )
            if info.id is not None:
                self._by_id[info.id] = info
            self._by_stem.setdefault(info.stem, info)

    def __len__(self) -> int:
        return len(self._by_stem)

    def of(self, ref: ClaimRef) -> DocumentInfo | None:
        """The claim's document: by store id when both sides have one, else by stem."""
        if ref.document_id is not None and ref.document_id in self._by_id:
            return self._by_id[ref.document_id]
        return self._by_stem.get(ref.claim.doc)


def quantity_label(value: float, qualifier: str | None, maximum: float | None = None) -> str:
    """A figure as people write it: "≥ 7,000", "≈ 6,700", "≤ 7,000", "3,000–5,000"."""
    text = _number(value)
    if qualifier == "range" and maximum is not None:
        return f"{text}–{_number(maximum)}"
    prefix = {"approx": "≈ ", "at_least": "≥ ", "at_most": "≤ "}.get(qualifier or "exact", "")
    return prefix + text


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
