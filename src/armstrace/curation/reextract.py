"""Re-extraction: run a (newer) extractor over every stored document, keeping curated claims.

Why it can be run at any time: `Store.replace_claims` swaps only claims still "extracted";
confirmed, rejected and edited claims stay as the analyst left them, and a fresh claim with
the id of a curated one (the same reading of the same span) is not written again, so a
rejected claim never comes back. Each document gets an audit entry saying what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import func, select

from armstrace.errors import InputError
from armstrace.model.claim import Claim
from armstrace.store import Store
from armstrace.store.curation import add_audit, check_user, read_session, write_session
from armstrace.store.tables import ClaimTable, DocumentTable
from armstrace.version import EXTRACTOR_VERSION

log = logging.getLogger(__name__)


class TextExtractor(Protocol):
    """What re-extraction needs of an extractor (`armstrace.extract.Extractor` is one)."""

    def extract_text(self, text: str, doc_id: str, published: str | None = None) -> list[Claim]:
        """Claims found in `text`, for the document whose stem is `doc_id`."""
        ...


@dataclass(frozen=True)
class DocumentReextraction:
    """What re-extraction did to one document."""

    document_id: int
    stem: str
    before: int
    written: int
    curated_kept: int
    extractor_version: str


@dataclass
class ReextractSummary:
    """Every document's outcome, and the documents that failed with their reasons."""

    documents: list[DocumentReextraction] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def reextract(
    store: Store,
    extractor: TextExtractor,
    user: str,
    *,
    on_document: Callable[[DocumentReextraction], None] | None = None,
) -> ReextractSummary:
    """Re-extract every stored document from its stored text; replace only un-curated claims.

    A document the extractor refuses (an InputError) is reported in the summary and the
    others go on; a database failure (StoreError) stops the run.
    """
    user = check_user(user)
    summary = ReextractSummary()
    for document in store.documents():
        try:
            outcome = _one(store, extractor, user, document.id, document.stem, document.published)
        except InputError as exc:
            log.warning("re-extraction of %s failed: %s", document.source, exc)
            summary.failed.append((document.source, str(exc)))
            continue
        summary.documents.append(outcome)
        if on_document is not None:
            on_document(outcome)
    return summary


def _one(
    store: Store,
    extractor: TextExtractor,
    user: str,
    document_id: int,
    stem: str,
    published: str | None,
) -> DocumentReextraction:
    with read_session(store) as session:
        old_version = session.scalar(
            select(DocumentTable.extractor_version).where(DocumentTable.id == document_id)
        )
        query = (
            select(ClaimTable.curation_status, func.count())
            .where(ClaimTable.document_id == document_id)
            .group_by(ClaimTable.curation_status)
        )
        counts = {status: count for status, count in session.execute(query)}
    before = counts.pop("extracted", 0)
    curated = sum(counts.values())
    claims = extractor.extract_text(store.get_document_text(document_id), stem, published)
    written = store.replace_claims(document_id, claims)
    version = claims[0].extractor_version if claims else EXTRACTOR_VERSION
    # replace_claims commits on its own; the audit entry follows in a second transaction.
    with write_session(store) as session:
        add_audit(
            session, user=user, action="reextract", target_type="document",
            target_id=str(document_id),
            before={"extractor_version": old_version, "extracted_claims": before},
            after={"extractor_version": version, "extracted_claims": written,
                   "curated_kept": curated},
        )  # fmt: skip
    log.info("%s: %d claims before, %d written, %d curated kept", stem, before, written, curated)
    return DocumentReextraction(document_id, stem, before, written, curated, version)
