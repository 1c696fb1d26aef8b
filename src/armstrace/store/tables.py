"""The database schema as SQLAlchemy 2 declarative tables.

Why one module: the migrations in `migrations/versions/` must produce exactly this schema
(a test compares them), and every query in `repo.py` names columns from here. Constraint
names follow one convention so that later migrations can drop them by name on both SQLite
and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from armstrace.model.vocab import ENTITY_KINDS, ROLES

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DOCUMENT_STATUSES = ("ok", "off_topic")
CURATION_STATUSES = ("extracted", "confirmed", "rejected", "edited")
RELIABILITIES = ("A", "B", "C", "D", "E", "F")
"""Admiralty-code source reliability; claim credibility is its 1..6 counterpart."""


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is always timezone-aware UTC in Python.

    Why: SQLite keeps no offset and PostgreSQL returns the session's zone; callers should
    see the same value from both.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata


class DocumentTable(Base):
    """One ingested input; `content_hash` makes ingesting the same bytes twice a no-op."""

    __tablename__ = "documents"
    __table_args__ = (CheckConstraint(_one_of("status", DOCUMENT_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    stem: Mapped[str] = mapped_column(String, index=True)
    source: Mapped[str] = mapped_column(String)
    format: Mapped[str] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(String)
    publisher: Mapped[str | None] = mapped_column(String, index=True)
    published: Mapped[str | None] = mapped_column(String)
    url: Mapped[str | None] = mapped_column(String)
    encoding: Mapped[str | None] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    raw_sha256: Mapped[str | None] = mapped_column(String(64))
    retrieved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String, default="ok")
    extractor_version: Mapped[str | None] = mapped_column(String)


class IngestFailureTable(Base):
    """A failed input with its reason; kept even after the same source later succeeds."""

    __tablename__ = "ingest_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String, index=True)
    reason: Mapped[str] = mapped_column(Text)
    raw_sha256: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ClaimTable(Base):
    """One claim, flattened from `armstrace.model.Claim`; `id` is the deterministic Claim.id."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility"),
        CheckConstraint(_one_of("curation_status", CURATION_STATUSES), name="curation_status"),
        # Document order, complete: a page of a broad filter walks it and stops (0004).
        Index("ix_claims_document_order", "doc", "evidence_start", "id"),
        # A flow (supplier → recipient, of a category, in a period) counted in the index
        # alone; serves a supplier alone too. Dates are compared after the equalities.
        Index("ix_claims_flow", "supplier", "recipient", "item_category", "when_start", "when_end"),
        # A category in a period, likewise.
        Index("ix_claims_category_when", "item_category", "when_start", "when_end"),
        # A type with any of hedge, curation status and credibility, likewise.
        Index("ix_claims_type_hedge", "type", "hedge", "curation_status", "credibility"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    doc: Mapped[str] = mapped_column(String)
    type: Mapped[str] = mapped_column(String)
    supplier: Mapped[str | None] = mapped_column(String)
    recipient: Mapped[str | None] = mapped_column(String, index=True)
    via: Mapped[list[str]] = mapped_column(JSON)
    item_category: Mapped[str | None] = mapped_column(String)
    item_designation: Mapped[str | None] = mapped_column(String, index=True)
    caliber_mm: Mapped[float | None] = mapped_column(Double)
    quantity_value: Mapped[float | None] = mapped_column(Double)
    quantity_unit: Mapped[str | None] = mapped_column(String)
    quantity_qualifier: Mapped[str | None] = mapped_column(String)
    quantity_max: Mapped[float | None] = mapped_column(Double)
    when_json: Mapped[Any] = mapped_column(JSON(none_as_null=True), nullable=True)
    when_start: Mapped[str | None] = mapped_column(String(10))
    when_end: Mapped[str | None] = mapped_column(String(10))
    source: Mapped[str | None] = mapped_column(String, index=True)
    hedge: Mapped[str | None] = mapped_column(String)
    conveyance_kind: Mapped[str | None] = mapped_column(String)
    conveyance_name: Mapped[str | None] = mapped_column(String)
    seized_by: Mapped[str | None] = mapped_column(String)
    concealment: Mapped[str | None] = mapped_column(String)
    facility: Mapped[str | None] = mapped_column(String)
    evidence_text: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(String)
    extracted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    credibility: Mapped[int | None] = mapped_column(Integer)
    curation_status: Mapped[str] = mapped_column(String, default="extracted")


class PublisherTable(Base):
    """A publisher's reliability grade (A..F), set by an analyst."""

    __tablename__ = "publishers"
    __table_args__ = (CheckConstraint(_one_of("reliability", RELIABILITIES), name="reliability"),)

    name: Mapped[str] = mapped_column(String, primary_key=True)
    reliability: Mapped[str | None] = mapped_column(String(1))


class AuditLogTable(Base):
    """Append-only record of analyst actions: who changed what, with the value before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String)
    action: Mapped[str] = mapped_column(String)
    target_type: Mapped[str] = mapped_column(String)
    target_id: Mapped[str] = mapped_column(String, index=True)
    before: Mapped[Any] = mapped_column(JSON(none_as_null=True), nullable=True)
    after: Mapped[Any] = mapped_column(JSON(none_as_null=True), nullable=True)
    note: Mapped[str | None] = mapped_column(Text)
    """Why the analyst did it, in their words (migration 0002_curation)."""


# -- curation (migration 0002_curation) ------------------------------------------------------

VERDICTS = ("same", "different")


class JudgementTable(Base):
    """An analyst's decision that two entity ids are (or are not) the same thing.

    Append-only: a split retracts a judgement (retracted_at/by) and never deletes it, so the
    history of every merge stays readable.
    """

    __tablename__ = "judgements"
    __table_args__ = (
        CheckConstraint(_one_of("kind", ENTITY_KINDS), name="kind"),
        CheckConstraint(_one_of("verdict", VERDICTS), name="verdict"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String)
    left_id: Mapped[str] = mapped_column(String, index=True)
    right_id: Mapped[str] = mapped_column(String, index=True)
    kind: Mapped[str] = mapped_column(String)
    verdict: Mapped[str] = mapped_column(String)
    reason: Mapped[str] = mapped_column(Text)
    retracted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retracted_by: Mapped[str | None] = mapped_column(String)


class FindingAssessmentTable(Base):
    """An analyst's credibility (1..6) for a finding, overruling the suggested value."""

    __tablename__ = "finding_assessments"
    __table_args__ = (CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility"),)

    finding_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    credibility: Mapped[int] = mapped_column(Integer)
    user: Mapped[str] = mapped_column(String)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# -- web workbench: users, sessions, API tokens, query indexes (migration 0003_users) --------

"""Team-mode roles, weakest first: viewers read, analysts curate and upload, admins manage users."""


class UserTable(Base):
    """A person who may sign in to the workbench in team mode; passwords are argon2 hashes."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_one_of("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SessionTable(Base):
    """A signed-in browser; only the SHA-256 of the cookie value is kept."""

    __tablename__ = "sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ApiTokenTable(Base):
    """A bearer token for scripts; only its SHA-256 is kept, the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# Indexes the workbench's claim filters need at 100,000 claims (bench/api_latency.py); the
# ones for a million (document order, flows, distinct designations, sources and publishers
# read by `armstrace.web.claim_filters`) are declared above, from migration 0004.
Index("ix_claims_hedge", ClaimTable.hedge)
Index("ix_claims_when_start", ClaimTable.when_start)
Index("ix_claims_credibility", ClaimTable.credibility)
Index("ix_claims_curation_status", ClaimTable.curation_status)

VIA_INDEX = "ix_claims_via"
"""Intermediaries as JSON text, so their few distinct lists can be read one index seek each.

Made by migration 0004 per dialect (SQLite: on the column, which holds the text; PostgreSQL:
on via::text), so not declared here: schema comparisons leave it out (`is_undeclared`).
"""


def is_undeclared(name: str | None) -> bool:
    """Whether a schema object is made by a migration but not declared in this metadata."""
    return name == VIA_INDEX
