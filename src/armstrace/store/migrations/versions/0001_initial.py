"""The initial schema: documents, ingest failures, claims, publishers and the audit log.

Revision ID: 0001
Revises:
Create Date: 2024-11-24

Hand-written and portable: the same operations run on SQLite and PostgreSQL. Constraint and
index names follow `tables.NAMING_CONVENTION` so later migrations can refer to them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("stem", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("publisher", sa.String(), nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("encoding", sa.String(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=True),
        sa.Column("raw_sha256", sa.String(64), nullable=True),
        sa.Column("retrieved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=True),
        sa.CheckConstraint("status IN ('ok', 'off_topic')", name="ck_documents_status"),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_index("ix_documents_stem", "documents", ["stem"])

    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw_sha256", sa.String(64), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_failures"),
    )
    op.create_index("ix_ingest_failures_source", "ingest_failures", ["source"])

    op.create_table(
        "claims",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("doc", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("supplier", sa.String(), nullable=True),
        sa.Column("recipient", sa.String(), nullable=True),
        sa.Column("via", sa.JSON(), nullable=False),
        sa.Column("item_category", sa.String(), nullable=True),
        sa.Column("item_designation", sa.String(), nullable=True),
        sa.Column("caliber_mm", sa.Double(), nullable=True),
        sa.Column("quantity_value", sa.Double(), nullable=True),
        sa.Column("quantity_unit", sa.String(), nullable=True),
        sa.Column("quantity_qualifier", sa.String(), nullable=True),
        sa.Column("quantity_max", sa.Double(), nullable=True),
        sa.Column("when_json", sa.JSON(), nullable=True),
        sa.Column("when_start", sa.String(10), nullable=True),
        sa.Column("when_end", sa.String(10), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("hedge", sa.String(), nullable=True),
        sa.Column("conveyance_kind", sa.String(), nullable=True),
        sa.Column("conveyance_name", sa.String(), nullable=True),
        sa.Column("seized_by", sa.String(), nullable=True),
        sa.Column("concealment", sa.String(), nullable=True),
        sa.Column("facility", sa.String(), nullable=True),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=True),
        sa.Column("curation_status", sa.String(), nullable=False),
        sa.CheckConstraint("credibility BETWEEN 1 AND 6", name="ck_claims_credibility"),
        sa.CheckConstraint(
            "curation_status IN ('extracted', 'confirmed', 'rejected', 'edited')",
            name="ck_claims_curation_status",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_claims_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
    )
    for column in ("document_id", "type", "supplier", "recipient", "item_category"):
        op.create_index(f"ix_claims_{column}", "claims", [column])
    op.create_index("ix_claims_doc_evidence_start", "claims", ["doc", "evidence_start"])

    op.create_table(
        "publishers",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("reliability", sa.String(1), nullable=True),
        sa.CheckConstraint(
            "reliability IN ('A', 'B', 'C', 'D', 'E', 'F')", name="ck_publishers_reliability"
        ),
        sa.PrimaryKeyConstraint("name", name="pk_publishers"),
    )

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("target_type", sa.String(), nullable=False),
        sa.Column("target_id", sa.String(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_target_id", "audit_log", ["target_id"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("publishers")
    op.drop_table("claims")
    op.drop_table("ingest_failures")
    op.drop_table("documents")
