"""Put checked claim records into a store: claims, curation, audit entries, documents.

Why claims are written here and not through `Store.save_document`: an imported claim keeps the
id, curation status, credibility and audit history it had in the store it came from (an edited
claim's id is not the hash of its edited fields), and its document may not be in this store at
all. Such a document becomes a placeholder: its stem and metadata, no text, `format` "imported".
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from armstrace.errors import InputError
from armstrace.export.dataset import PLACEHOLDER_FORMAT
from armstrace.imports.parse import ImportRecord, LineError, parse_line
from armstrace.store import Store
from armstrace.store.curation import add_audit, write_session
from armstrace.store.mapping import claim_row
from armstrace.store.tables import AuditLogTable, ClaimTable, DocumentTable, PublisherTable

log = logging.getLogger(__name__)

_CHUNK = 500
"""Ids per IN (...) query: far below SQLite's limit on bound parameters."""


@dataclass(frozen=True)
class ImportProblem:
    """A line that was not imported, and why."""

    line: int
    reason: str


@dataclass
class ImportSummary:
    """What an import did; `problems` lists every line left out with its reason."""

    source: str
    imported: int = 0
    already_stored: int = 0
    audit_entries: int = 0
    placeholders: list[str] = field(default_factory=list)
    publishers_graded: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def import_claims(store: Store, path: str | Path, *, user: str = "import") -> ImportSummary:
    """Import a claims file written by `armstrace export --format jsonl` (or `extract`)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as fh:
            return import_lines(store, fh, source=str(path), user=user)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(str(path), f"cannot read: {reason}") from exc


def import_lines(
    store: Store, lines: Iterable[str], *, source: str = "<lines>", user: str = "import"
) -> ImportSummary:
    """Import JSON lines; blank lines are skipped, bad ones reported, the rest written at once.

    `user` is who the audit log names for grades the import adds (publisher reliability); the
    claims' own audit entries keep their original user and time.
    """
    summary = ImportSummary(source=source)
    records: list[ImportRecord] = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            records.append(parse_line(number, text))
        except LineError as exc:
            summary.problems.append(ImportProblem(number, str(exc)))
    with write_session(store) as session:
        _write(session, records, summary, user)
    log.info(
        "%s: %d claims imported, %d already stored, %d lines refused",
        source, summary.imported, summary.already_stored, len(summary.problems),
    )  # fmt: skip
    summary.problems.sort(key=lambda problem: problem.line)
    return summary


def _write(
    session: Session, records: list[ImportRecord], summary: ImportSummary, user: str
) -> None:
    stored = _existing_ids(session, [record.claim_id for record in records])
    documents = _Documents(session, summary)
    for record in records:
        if record.claim_id in stored:
            summary.already_stored += 1
            continue
        document_id, reason = documents.resolve(record)
        if document_id is None:
            summary.problems.append(ImportProblem(record.line, reason))
            continue
        row = claim_row(record.claim, document_id)
        row.id = record.claim_id
        row.curation_status = record.curation_status
        row.credibility = record.credibility
        session.add(row)
        stored.add(record.claim_id)
        summary.imported += 1
        for entry in record.audit:
            session.add(
                AuditLogTable(
                    at=entry.at,
                    user=entry.user,
                    action=entry.action,
                    target_type="claim",
                    target_id=record.claim_id,
                    before=entry.before,
                    after=entry.after,
                    note=entry.note,
                )
            )
            summary.audit_entries += 1
        _grade_publisher(session, record, summary, user)


class _Documents:
    """Document ids by stem, creating a placeholder the first time a stem is missing."""

    def __init__(self, session: Session, summary: ImportSummary) -> None:
        self.session = session
        self.summary = summary
        self.found: dict[str, tuple[int, str | None]] = {}

    def resolve(self, record: ImportRecord) -> tuple[int | None, str]:
        """(document id, "") or (None, why the claim does not fit its document)."""
        stem = record.claim.doc
        if stem not in self.found:
            self.found[stem] = self._lookup(stem) or self._placeholder(record)
        document_id, text = self.found[stem]
        evidence = record.claim.evidence
        if text and text[evidence.start : evidence.end] != evidence.text:
            return None, (
                f"evidence {evidence.start}..{evidence.end} does not match the text of "
                f"document {stem!r} in this store"
            )
        return document_id, ""

    def _lookup(self, stem: str) -> tuple[int, str | None] | None:
        query = (
            select(DocumentTable.id, DocumentTable.text, DocumentTable.format)
            .where(DocumentTable.stem == stem)
            .order_by(DocumentTable.id)
            .limit(1)
        )
        row = self.session.execute(query).first()
        if row is None:
            return None
        return row.id, None if row.format == PLACEHOLDER_FORMAT else row.text

    def _placeholder(self, record: ImportRecord) -> tuple[int, str | None]:
        stem, meta = record.claim.doc, record.document
        key = f"armstrace placeholder\0{stem}".encode()
        row = DocumentTable(
            content_hash=hashlib.sha256(key).hexdigest(),
            stem=stem,
            source=f"imported from {Path(self.summary.source).name}",
            format=PLACEHOLDER_FORMAT,
            title=meta.get("title"),
            publisher=meta.get("publisher"),
            published=meta.get("published"),
            url=meta.get("url"),
            text="",
            status="ok",
            extractor_version=record.claim.extractor_version,
        )
        self.session.add(row)
        self.session.flush()
        self.summary.placeholders.append(stem)
        return row.id, None


def _grade_publisher(
    session: Session, record: ImportRecord, summary: ImportSummary, user: str
) -> None:
    """Bring a publisher's grade along when this store has none; never overwrite one."""
    publisher, grade = record.document.get("publisher"), record.document.get("reliability")
    if not publisher or not grade or publisher in summary.publishers_graded:
        return
    row = session.get(PublisherTable, publisher)
    if row is not None and row.reliability is not None:
        if row.reliability != grade:
            log.warning(
                "publisher %r keeps grade %s (file says %s)", publisher, row.reliability, grade
            )
        return
    before = None if row is None else row.reliability
    if row is None:
        session.add(PublisherTable(name=publisher, reliability=grade))
    else:
        row.reliability = grade
    add_audit(
        session, user=user, action="reliability", target_type="publisher",
        target_id=publisher, before={"reliability": before}, after={"reliability": grade}, note=f"imported from {summary.source}",
    )  # fmt: skip
    summary.publishers_graded.append(publisher)


def _existing_ids(session: Session, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(ids))):
        found.update(session.scalars(select(ClaimTable.id).where(ClaimTable.id.in_(chunk))))
    return found


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
