"""Curation: an analyst confirms, rejects, edits and grades claims; every change is audited.

    from armstrace.curation import edit_claim, audit_trail
    edit_claim(store, claim_id, "ana", {"supplier": "RU", "quantity": 3000})
    audit_trail(store, "claim", claim_id)      # who, when, before, after

Each action is one transaction with its audit row. Re-extraction (`reextract`) never touches a
curated claim.
"""

from armstrace.curation.actions import (
    audit_trail,
    check_credibility,
    check_reliability,
    confirm_claim,
    edit_claim,
    publisher_grades,
    reject_claim,
    set_credibility,
    set_finding_credibility,
    set_reliability,
)
from armstrace.curation.fields import EDITABLE_FIELDS, apply_changes
from armstrace.curation.reextract import (
    DocumentReextraction,
    ReextractSummary,
    TextExtractor,
    reextract,
)
from armstrace.curation.user import default_user
from armstrace.store.curation import AuditEntry

__all__ = [
    "EDITABLE_FIELDS",
    "AuditEntry",
    "DocumentReextraction",
    "ReextractSummary",
    "TextExtractor",
    "apply_changes",
    "audit_trail",
    "check_credibility",
    "check_reliability",
    "confirm_claim",
    "default_user",
    "edit_claim",
    "publisher_grades",
    "reextract",
    "reject_claim",
    "set_credibility",
    "set_finding_credibility",
    "set_reliability",
]
