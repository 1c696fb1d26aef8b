"""Read one line of an exported claims file into a checked record, or say why it cannot be.

Why apart from the writing: every line is checked (JSON, the claim schema, the curation keys)
before anything touches the store, so a bad line is reported with its number and reason and
the good ones still go in. Plain `armstrace extract --format jsonl` lines are accepted too:
everything beyond the spec's record is optional.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from armstrace.export.jsonl import EXTRA_KEYS
from armstrace.model.claim import Claim
from armstrace.schema import claim_errors
from armstrace.store.tables import CURATION_STATUSES, RELIABILITIES
from armstrace.version import EXTRACTOR_VERSION

_DOCUMENT_KEYS = ("title", "publisher", "published", "url", "reliability")
_MAX_ID = 64


class LineError(Exception):
    """Why one line cannot be imported; the caller adds the file name and line number."""


@dataclass(frozen=True)
class ImportedAudit:
    """An audit entry carried in the file, kept with its original time and user."""

    at: datetime
    user: str
    action: str
    before: Any
    after: Any
    note: str | None = None


@dataclass(frozen=True)
class ImportRecord:
    """One checked line: the claim, its id, its curation and what it says of its document."""

    line: int
    claim_id: str
    claim: Claim
    curation_status: str = "extracted"
    credibility: int | None = None
    document: dict[str, str] = field(default_factory=dict)
    audit: tuple[ImportedAudit, ...] = ()


def parse_line(line: int, text: str) -> ImportRecord:
    """The record on this line; raises LineError naming the first problem found."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LineError(f"not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(raw, dict):
        raise LineError(f"expected a JSON object, found {type(raw).__name__}")
    spec = {key: value for key, value in raw.items() if key not in EXTRA_KEYS}
    errors = claim_errors(spec)
    if errors:
        raise LineError("; ".join(errors))
    provenance = _object(raw, "provenance")
    claim = Claim.from_record(spec)
    claim.extractor_version = _text(provenance, "extractor_version") or EXTRACTOR_VERSION
    extracted_at = provenance.get("extracted_at")
    if extracted_at is not None:
        claim.extracted_at = _time(extracted_at, "provenance/extracted_at")
    claim_id = raw.get("id", claim.id)
    if not isinstance(claim_id, str) or not 0 < len(claim_id) <= _MAX_ID:
        raise LineError(f"id: expected a string of 1 to {_MAX_ID} characters, got {claim_id!r}")
    return ImportRecord(
        line=line,
        claim_id=claim_id,
        claim=claim,
        curation_status=_status(raw.get("curation_status", "extracted")),
        credibility=_credibility(raw.get("credibility")),
        document=_document(_object(raw, "document")),
        audit=tuple(_audit(n, entry) for n, entry in enumerate(_list(raw, "audit"))),
    )


def _status(value: object) -> str:
    if value not in CURATION_STATUSES:
        raise LineError(f"curation_status: {value!r} is not one of {', '.join(CURATION_STATUSES)}")
    return str(value)


def _credibility(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise LineError(f"credibility: {value!r} is not a whole number from 1 to 6")
    return value


def _document(raw: dict[str, Any]) -> dict[str, str]:
    unknown = sorted(set(raw) - set(_DOCUMENT_KEYS))
    if unknown:
        raise LineError(f"document: unknown keys {', '.join(unknown)}")
    found = {key: _text(raw, key, where="document") for key in _DOCUMENT_KEYS}
    grade = found.get("reliability")
    if grade is not None and grade not in RELIABILITIES:
        raise LineError(f"document/reliability: {grade!r} is not one of A to F")
    return {key: value for key, value in found.items() if value is not None}


def _audit(position: int, raw: object) -> ImportedAudit:
    where = f"audit/{position}"
    if not isinstance(raw, dict):
        raise LineError(f"{where}: expected an object")
    user, action = _text(raw, "user", where=where), _text(raw, "action", where=where)
    if not user or not action:
        raise LineError(f"{where}: user and action are required")
    if "at" not in raw:
        raise LineError(f"{where}: at (the time of the action) is required")
    return ImportedAudit(
        at=_time(raw["at"], f"{where}/at"),
        user=user,
        action=action,
        before=raw.get("before"),
        after=raw.get("after"),
        note=_text(raw, "note", where=where),
    )


def _object(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise LineError(f"{key}: expected an object")
    return value


def _list(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise LineError(f"{key}: expected a list")
    return value


def _text(raw: dict[str, Any], key: str, *, where: str = "") -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise LineError(f"{where + '/' if where else ''}{key}: expected a string")
    return value or None


def _time(value: object, where: str) -> datetime:
    """An ISO 8601 time; one without an offset is taken as UTC."""
    if not isinstance(value, str):
        raise LineError(f"{where}: expected an ISO 8601 time")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise LineError(f"{where}: {value!r} is not an ISO 8601 time") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
