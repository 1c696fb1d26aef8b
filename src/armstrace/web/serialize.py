"""JSON shapes of the API, built in one place so pages and scripts see the same fields."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from armstrace.auth.tokens import TokenInfo
from armstrace.auth.users import User
from armstrace.store import DocumentRow, StoredClaim

HEDGE_ORDER = ("confirmed", "reported", "alleged", "suspected", "planned", "denied")
CREDIBILITY_LABELS = {
    1: "1 confirmed",
    2: "2 probably true",
    3: "3 possibly true",
    4: "4 doubtful",
    5: "5 improbable",
    6: "6 cannot be judged",
}


def claim_json(claim: StoredClaim, document: DocumentRow | None = None) -> dict[str, Any]:
    """The spec's record plus id, document id, curation status, credibility and a summary."""
    record = claim.to_record()
    record.update(
        document_id=claim.document_id,
        credibility=claim.credibility,
        summary=claim_summary(claim),
        link=f"/documents/{claim.document_id}?claim={claim.id}#ev-{claim.id}",
    )
    if document is not None:
        record["document"] = {
            "id": document.id,
            "stem": document.stem,
            "title": document.title,
            "publisher": document.publisher,
            "published": document.published,
        }
    return record


def claim_summary(claim: StoredClaim) -> str:
    """One line for a person: "transfer KP → RU (via CN): artillery_ammunition, 2023"."""
    parties = f"{claim.supplier or '?'} → {claim.recipient or '?'}"
    if claim.via:
        parties += f" (via {', '.join(claim.via)})"
    parts = [f"{claim.type} {parties}"]
    details = [d for d in (claim.item_category, claim.item_designation) if d]
    if claim.quantity_value is not None:
        details.append(f"{_number(claim.quantity_value)} {claim.quantity_unit or ''}".strip())
    if claim.when_start or claim.when_end:
        start, end = claim.when_start, claim.when_end
        details.append(start if start and start == end else f"{start or '…'}–{end or '…'}")
    return parts[0] + (": " + ", ".join(details) if details else "")


def document_json(row: DocumentRow) -> dict[str, Any]:
    record = asdict(row)
    record["link"] = f"/documents/{row.id}"
    return record


def user_json(user: User) -> dict[str, Any]:
    return {
        "name": user.name,
        "role": user.role,
        "disabled": user.disabled,
        "created_at": user.created_at.isoformat(),
    }


def token_json(token: TokenInfo) -> dict[str, Any]:
    return {
        "id": token.id,
        "label": token.label,
        "created_at": token.created_at.isoformat(),
        "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
        "revoked": token.revoked,
    }


def page_json(
    items: list[Any],
    total: int,
    limit: int,
    offset: int,
    *,
    total_is_lower_bound: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """The envelope of every paginated list; a capped total says so (at least `total`)."""
    return {
        "items": items,
        "total": total,
        "total_is_lower_bound": total_is_lower_bound,
        "limit": limit,
        "offset": offset,
        **extra,
    }


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
