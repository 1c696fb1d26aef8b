"""Curation: entity judgements, finding assessments and a note on every audit entry.

Revision ID: 0002_curation
Revises: 0001
Create Date: 2025-01-06

Hand-written and portable like 0001: names follow `tables.NAMING_CONVENTION`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_curation"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("note", sa.Text(), nullable=True))

    op.create_table(
        "judgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("left_id", sa.String(), nullable=False),
        sa.Column("right_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("verdict", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("retracted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retracted_by", sa.String(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('actor', 'vessel', 'item', 'place')", name="ck_judgements_kind"
        ),
        sa.CheckConstraint("verdict IN ('same', 'different')", name="ck_judgements_verdict"),
        sa.PrimaryKeyConstraint("id", name="pk_judgements"),
    )
    op.create_index("ix_judgements_left_id", "judgements", ["left_id"])
    op.create_index("ix_judgements_right_id", "judgements", ["right_id"])

    op.create_table(
        "finding_assessments",
        sa.Column("finding_id", sa.String(64), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "credibility BETWEEN 1 AND 6", name="ck_finding_assessments_credibility"
        ),
        sa.PrimaryKeyConstraint("finding_id", name="pk_finding_assessments"),
    )


def downgrade() -> None:
    op.drop_table("finding_assessments")
    op.drop_table("judgements")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("note")
