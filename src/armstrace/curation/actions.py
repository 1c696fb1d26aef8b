"""Analyst actions on claims, publishers and findings; each one audited in its own transaction.

Why one transaction per action with its audit row: the audit log must never show a change
that did not happen, nor miss one that did. Claims keep their id when edited, and any
curated status ("confirmed", "rejected", "edited") makes re-extraction leave them alone.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from armstrace.curation.fields import apply_changes
from armstrace.errors import UsageError
from armstrace.gazetteer import load_gazetteer
from armstrace.model.claim import Claim
from armstrace.store import Store, StoredClaim
from armstrace.store.curation import (
    AuditEntry,
    add_audit,
    audit_entries,
    check_user,
    read_session,
    write_session,
)
from armstrace.store.mapping import claim_row, stored_claim
from armstrace.store.tables import (
    RELIABILITIES,
    ClaimTable,
    DocumentTable,
    FindingAssessmentTable,
    PublisherTable,
    utcnow,
)

log = logging.getLogger(__name__)

CONTENT_COLUMNS = (
    "type", "supplier", "recipient", "via", "item_category", "item_designation", "caliber_mm",
    "quantity_value", "quantity_unit", "quantity_qualifier", "quantity_max", "when_json",
    "when_start", "when_end", "source", "hedge", "conveyance_kind", "conveyance_name",
    "seized_by", "concealment", "facility",
)  # fmt: skip
"""The `claims` columns an edit may change (never id, document, evidence or provenance)."""
ASSERTING_KINDS = ("agency", "body", "media", "company")
"""Gazetteer actors that can be graded like a publisher: they assert claims."""
_ACTIONS = {"confirmed": "confirm", "rejected": "reject"}


def confirm_claim(store: Store, claim_id: str, user: str, note: str | None = None) -> StoredClaim:
    """Mark a claim as a faithful reading of its document ("confirmed")."""
    return _set_status(store, claim_id, user, "confirmed", note)


def reject_claim(store: Store, claim_id: str, user: str, note: str | None = None) -> StoredClaim:
    """Mark a claim as wrongly extracted ("rejected"): findings leave it out, re-extraction
    never brings it back.
    """
    return _set_status(store, claim_id, user, "rejected", note)


def edit_claim(
    store: Store, claim_id: str, user: str, changes: dict[str, Any], note: str | None = None
) -> StoredClaim:
    """Change spec fields of a claim (see `curation.fields`); it keeps its id, becomes "edited".

    The audit entry holds the changed fields' values before and after, in the spec's form.
    """
    user = check_user(user)
    with write_session(store) as session:
        row = _claim(session, claim_id)
        current = stored_claim(row)
        edited, before, after = apply_changes(claim_id, current.to_claim().to_record(), changes)
        fresh = claim_row(Claim.from_record(edited), row.document_id)
        for column in CONTENT_COLUMNS:
            setattr(row, column, getattr(fresh, column))
        before["curation_status"], after["curation_status"] = row.curation_status, "edited"
        row.curation_status = "edited"
        add_audit(
            session, user=user, action="edit", target_type="claim", target_id=claim_id,
            before=before, after=after, note=note,
        )  # fmt: skip
        session.flush()
        result = stored_claim(row)
    log.info("claim %s edited by %s: %s", claim_id, user, ", ".join(sorted(after)))
    return result


def set_credibility(
    store: Store, claim_id: str, credibility: int | None, user: str, note: str | None = None
) -> StoredClaim:
    """Grade a claim 1 (confirmed by other sources) .. 6 (cannot be judged); None clears it.

    Grading accepts the claim as a faithful reading of its document, so an "extracted" claim
    becomes "confirmed" (and re-extraction keeps it); a rejected claim cannot be graded.
    """
    user = check_user(user)
    grade = check_credibility(credibility)
    with write_session(store) as session:
        row = _claim(session, claim_id)
        if row.curation_status == "rejected":
            raise UsageError(f"claim {claim_id} is rejected; confirm or edit it before grading")
        if row.credibility == grade:
            return stored_claim(row)
        before: dict[str, Any] = {"credibility": row.credibility}
        after: dict[str, Any] = {"credibility": grade}
        if row.curation_status == "extracted":
            before["curation_status"], after["curation_status"] = "extracted", "confirmed"
            row.curation_status = "confirmed"
        row.credibility = grade
        add_audit(
            session, user=user, action="credibility", target_type="claim", target_id=claim_id,
            before=before, after=after, note=note,
        )  # fmt: skip
        session.flush()
        return stored_claim(row)


def set_reliability(
    store: Store, publisher: str, grade: str | None, user: str, note: str | None = None
) -> str:
    """Grade a publisher or asserting body A (reliable) .. F (cannot be judged); None clears.

    `publisher` is a stored document's publisher (any case), an already graded name, or an
    agency, body or outlet the gazetteer knows (stored under its id). Returns the name graded.
    """
    user = check_user(user)
    grade = check_reliability(grade)
    with write_session(store) as session:
        name = _publisher_name(session, publisher)
        row = session.get(PublisherTable, name)
        before = row.reliability if row is not None else None
        if before == grade:
            return name
        if row is None:
            session.add(PublisherTable(name=name, reliability=grade))
        else:
            row.reliability = grade
        add_audit(
            session, user=user, action="reliability", target_type="publisher", target_id=name,
            before={"reliability": before}, after={"reliability": grade}, note=note,
        )  # fmt: skip
    log.info("publisher %r graded %s by %s", name, grade, user)
    return name


def publisher_grades(store: Store) -> dict[str, str | None]:
    """Every graded publisher or body (as stored: a name or gazetteer id) and its grade."""
    query = select(PublisherTable.name, PublisherTable.reliability).order_by(PublisherTable.name)
    with read_session(store) as session:
        return {name: grade for name, grade in session.execute(query)}


def set_finding_credibility(
    store: Store, finding_id: str, credibility: int | None, user: str, note: str | None = None
) -> None:
    """Overrule a finding's suggested credibility (1..6); None returns it to the suggestion.

    The finding must exist now (see `analysis.findings.load_findings`); the override is kept
    by the finding's id, which stays the same while its key and start date do.
    """
    # imported here: the analysis package pulls in networkx and more, which curation
    # needs only for this check
    from armstrace.analysis.findings import load_findings

    user = check_user(user)
    grade = check_credibility(credibility)
    if not any(finding.id == finding_id for finding in load_findings(store)):
        raise UsageError(f"finding {finding_id}: no such finding (run `armstrace findings`)")
    with write_session(store) as session:
        row = session.get(FindingAssessmentTable, finding_id)
        before = row.credibility if row is not None else None
        if before == grade:
            return
        if grade is None:
            session.delete(row)
        elif row is None:
            session.add(FindingAssessmentTable(finding_id=finding_id, credibility=grade, user=user))
        else:
            row.credibility, row.user, row.at = grade, user, utcnow()
        add_audit(
            session, user=user, action="credibility", target_type="finding",
            target_id=finding_id, before={"credibility": before}, after={"credibility": grade},
            note=note,
        )  # fmt: skip


def audit_trail(
    store: Store, target_type: str | None = None, target_id: str | None = None
) -> list[AuditEntry]:
    """Every audit entry, oldest first, narrowed to a target type and/or target id."""
    with read_session(store) as session:
        return audit_entries(session, target_type, target_id)


def check_credibility(value: object) -> int | None:
    """1..6 (Admiralty credibility) or None; anything else is a UsageError."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise UsageError(f"credibility must be a whole number from 1 to 6, not {value!r}")
    return value


def check_reliability(value: object) -> str | None:
    """A..F (Admiralty reliability, any case) or None; anything else is a UsageError."""
    if value is None:
        return None
    grade = value.strip().upper() if isinstance(value, str) else value
    if grade not in RELIABILITIES:
        raise UsageError(f"reliability must be one of {', '.join(RELIABILITIES)}, not {value!r}")
    return str(grade)


def _set_status(
    store: Store, claim_id: str, user: str, status: str, note: str | None
) -> StoredClaim:
    user = check_user(user)
    with write_session(store) as session:
        row = _claim(session, claim_id)
        before = row.curation_status
        if before == status:
            log.info("claim %s is already %s", claim_id, status)
            return stored_claim(row)
        if before == "edited" and status == "confirmed":
            raise UsageError(f"claim {claim_id} was edited; its editor already vouched for it")
        row.curation_status = status
        add_audit(
            session, user=user, action=_ACTIONS[status],
            target_type="claim", target_id=claim_id, before={"curation_status": before},
            after={"curation_status": status}, note=note,
        )  # fmt: skip
        session.flush()
        return stored_claim(row)


def _claim(session: Session, claim_id: str) -> ClaimTable:
    row = session.get(ClaimTable, claim_id) if claim_id else None
    if row is None:
        raise UsageError(
            f"claim {claim_id!r}: no such claim (see `armstrace claims --format json`)"
        )
    return row


def _publisher_name(session: Session, publisher: str) -> str:
    """The stored spelling of a document publisher, a graded name, or a gazetteer id."""
    text = (publisher or "").strip()
    if not text:
        raise UsageError("publisher: an empty name cannot be graded")
    known: list[str | None] = [
        *session.scalars(select(DocumentTable.publisher).distinct()),
        *session.scalars(select(PublisherTable.name)),
    ]
    for name in known:
        if name and name.casefold() == text.casefold():
            return name
    gaz = load_gazetteer()
    by_id = {actor_id.casefold(): actor_id for actor_id in gaz.actors}
    ids = [by_id[text.casefold()]] if text.casefold() in by_id else gaz.lookup_actor(text)
    asserting = [i for i in ids if gaz.actors[i].kind in ASSERTING_KINDS]
    if len(asserting) == 1:
        return asserting[0]
    if len(asserting) > 1:
        raise UsageError(f"publisher {text!r} is ambiguous: {', '.join(asserting)}; give the id")
    raise UsageError(
        f"publisher {text!r} is neither the publisher of a stored document nor an agency, "
        "body or outlet in the gazetteer (see `armstrace documents`)"
    )
