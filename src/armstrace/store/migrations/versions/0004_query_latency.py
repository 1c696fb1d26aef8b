"""Query latency at a million claims: indexes for ordered pages, flows and text filters.

Revision ID: 0004_query_latency
Revises: 0003_users
Create Date: 2026-11-24

Hand-written and portable. Claims get:

- their document order as one complete index (doc, evidence_start, id), so a page of a broad
  filter is read in order and stops after the rows it shows;
- composite indexes in place of the single-column supplier, category and type indexes, so a
  flow, a category in a period, or a type with hedge, status and credibility is counted in
  the index alone;
- indexes on designation, asserting body, publisher and the JSON text of `via` (per dialect:
  the column on SQLite, via::text on PostgreSQL), so `armstrace.web.claim_filters` reads
  their distinct values one index seek each.

The document search index is brought to the form `armstrace.store.search` describes: on
SQLite a contentless FTS5 table that indexes each text with a newline after it, and its
vocabulary, for two-character queries (rebuilt); on PostgreSQL a GIN index of character
pairs beside the trigram index (added). Downgrading keeps the new search index (the older
code reads it the same way) and restores the claims indexes.
"""

from __future__ import annotations

from alembic import op

from armstrace.store.search import update_search_index
from armstrace.store.tables import VIA_INDEX

revision = "0004_query_latency"
down_revision = "0003_users"
branch_labels = None
depends_on = None

_NEW_INDEXES = {
    "ix_claims_document_order": ("claims", ["doc", "evidence_start", "id"]),
    "ix_claims_flow": (
        "claims",
        ["supplier", "recipient", "item_category", "when_start", "when_end"],
    ),
    "ix_claims_category_when": ("claims", ["item_category", "when_start", "when_end"]),
    "ix_claims_type_hedge": ("claims", ["type", "hedge", "curation_status", "credibility"]),
    "ix_claims_item_designation": ("claims", ["item_designation"]),
    "ix_claims_source": ("claims", ["source"]),
    "ix_documents_publisher": ("documents", ["publisher"]),
}
_OLD_INDEXES = {
    "ix_claims_doc_evidence_start": ("claims", ["doc", "evidence_start"]),
    "ix_claims_supplier": ("claims", ["supplier"]),
    "ix_claims_item_category": ("claims", ["item_category"]),
    "ix_claims_type": ("claims", ["type"]),
}


def upgrade() -> None:
    for name, (table, _columns) in _OLD_INDEXES.items():
        op.drop_index(name, table_name=table)
    for name, (table, columns) in _NEW_INDEXES.items():
        op.create_index(name, table, columns)
    via = "via" if op.get_bind().dialect.name == "sqlite" else "(via::text)"
    op.execute(f"CREATE INDEX {VIA_INDEX} ON claims ({via})")
    update_search_index(op.get_bind())


def downgrade() -> None:
    op.drop_index(VIA_INDEX, table_name="claims")
    for name, (table, _columns) in _NEW_INDEXES.items():
        op.drop_index(name, table_name=table)
    for name, (table, columns) in _OLD_INDEXES.items():
        op.create_index(name, table, columns)
