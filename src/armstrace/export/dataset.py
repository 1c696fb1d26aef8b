"""What every export format reads: the chosen claims, their documents and their curation.

Why one record for all formats: the filters are applied once, every format sees the same
claims in the same order, and a notebook can build an `ExportSet` from claims it already has
(`ExportSet.of(claims, documents)`) without a store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from armstrace.curation import audit_trail
from armstrace.resolve.judgements import list_judgements
from armstrace.resolve.resolver import Judgement
from armstrace.store import DocumentRow, Store, StoredClaim
from armstrace.store.curation import AuditEntry, read_session
from armstrace.store.tables import DocumentTable, FindingAssessmentTable, PublisherTable

if TYPE_CHECKING:
    from armstrace.analysis.findings import Finding

PLACEHOLDER_FORMAT = "imported"
"""`documents.format` of a document created by `armstrace import` for a claim whose document
was not in the store: it has a stem and metadata, but no text."""


@dataclass(frozen=True)
class ExportDocument:
    """A document as exports cite it: metadata, no text. `reliability` is its publisher's."""

    id: int
    stem: str
    source: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    format: str = "text"
    status: str = "ok"
    content_hash: str = ""
    reliability: str | None = None

    @property
    def label(self) -> str:
        """How a citation names the document: its title, else its stem."""
        return self.title or self.stem

    @property
    def placeholder(self) -> bool:
        return self.format == PLACEHOLDER_FORMAT

    def to_row(self, claims: int = 0) -> DocumentRow:
        """The store's listing record, for the analysis functions that take DocumentRow."""
        return DocumentRow(
            id=self.id,
            stem=self.stem,
            source=self.source,
            title=self.title,
            publisher=self.publisher,
            published=self.published,
            status=self.status,
            content_hash=self.content_hash,
            claims=claims,
        )


@dataclass(eq=False)
class ExportSet:
    """Claims (in store order) with the documents they cite and their audit entries."""

    claims: Sequence[StoredClaim]
    documents: Mapping[int, ExportDocument]
    audit: Mapping[str, Sequence[AuditEntry]] = field(default_factory=dict)
    reliability: Mapping[str, str | None] = field(default_factory=dict)
    """Grades A..F by publisher name or gazetteer id (the `publishers` table)."""
    finding_credibility: Mapping[str, int] = field(default_factory=dict)
    """Analysts' overrides of findings' suggested credibility, by finding id."""
    judgements: Sequence[Judgement] = ()
    """Analysts' entity merges, applied when claims are grouped into findings."""

    @classmethod
    def of(
        cls, claims: Iterable[StoredClaim], documents: Iterable[DocumentRow | ExportDocument]
    ) -> ExportSet:
        """An export of claims a caller already holds (no audit entries)."""
        docs: dict[int, ExportDocument] = {}
        for document in documents:
            if isinstance(document, DocumentRow):
                document = _from_row(document)
            docs[document.id] = document
        return cls(claims=list(claims), documents=docs)

    @property
    def accepted(self) -> list[StoredClaim]:
        """The claims an analyst has not rejected: what the graph and map formats show."""
        return [claim for claim in self.claims if claim.curation_status != "rejected"]

    def document(self, claim: StoredClaim) -> ExportDocument:
        """The document a claim was read from (a bare stand-in if the caller left it out)."""
        found = self.documents.get(claim.document_id)
        return found or ExportDocument(id=claim.document_id, stem=claim.doc, source=claim.doc)

    def document_rows(self) -> list[DocumentRow]:
        """The cited documents as DocumentRow, with their claim counts in this export."""
        counts: dict[int, int] = defaultdict(int)
        for claim in self.claims:
            counts[claim.document_id] += 1
        return [doc.to_row(counts[doc.id]) for _, doc in sorted(self.documents.items())]

    @cached_property
    def findings(self) -> list[Finding]:
        """Corroborated groups of these claims (rejected ones left out), with the store's
        merges, grades and overrides, in `build_findings`' order (type, parties, item, date)."""
        from armstrace.analysis.findings import build_findings

        return build_findings(
            list(self.claims), self.document_rows(), judgements=list(self.judgements),
            reliability=self.reliability, overrides=self.finding_credibility,
        )  # fmt: skip


def collect_export(store: Store, **filters: Any) -> ExportSet:
    """The claims matching `filters` (those of `Store.query_claims`) with what cites them."""
    claims = store.query_claims(**filters)
    wanted = {claim.document_id for claim in claims}
    ids = {claim.id for claim in claims}
    with read_session(store) as session:
        grades = session.execute(select(PublisherTable.name, PublisherTable.reliability))
        reliability = {name: grade for name, grade in grades}
        rows = session.scalars(select(DocumentTable).where(DocumentTable.id.in_(wanted)))
        documents = {row.id: _from_table(row, reliability) for row in rows}
        query = select(FindingAssessmentTable.finding_id, FindingAssessmentTable.credibility)
        overrides = {finding_id: grade for finding_id, grade in session.execute(query)}
    audit: dict[str, list[AuditEntry]] = defaultdict(list)
    for entry in audit_trail(store, target_type="claim"):
        if entry.target_id in ids:
            audit[entry.target_id].append(entry)
    return ExportSet(
        claims=claims,
        documents=documents,
        audit={key: tuple(entries) for key, entries in audit.items()},
        reliability=reliability,
        finding_credibility=overrides,
        judgements=list_judgements(store),
    )


def _from_table(row: DocumentTable, reliability: Mapping[str, str | None]) -> ExportDocument:
    return ExportDocument(
        id=row.id,
        stem=row.stem,
        source=row.source,
        title=row.title,
        publisher=row.publisher,
        published=row.published,
        url=row.url,
        format=row.format,
        status=row.status,
        content_hash=row.content_hash,
        reliability=reliability.get(row.publisher) if row.publisher else None,
    )


def _from_row(row: DocumentRow) -> ExportDocument:
    return ExportDocument(
        id=row.id,
        stem=row.stem,
        source=row.source,
        title=row.title,
        publisher=row.publisher,
        published=row.published,
        status=row.status,
        content_hash=row.content_hash,
    )
