"""Claims in words and numbers for people: actor names, quantities, periods, one-line summaries.

Why one module: the register, STIX descriptions, FtM summaries, GeoJSON properties and the
briefing must say the same thing the same way ("at least 10,000 containers", "2023-09 to
2024-08"), and tests pin that wording once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from armstrace.gazetteer import load_gazetteer
from armstrace.model.claim import When
from armstrace.store import StoredClaim

QUALIFIER_WORDS = {
    "exact": "",
    "approx": "about ",
    "at_least": "at least ",
    "at_most": "up to ",
    "range": "",
}
TYPE_VERBS = {
    "transfer": "transfer",
    "interdiction": "interdicted shipment",
    "support": "support",
    "production": "production",
}
CREDIBILITY_WORDS = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
"""The Admiralty code's information-credibility scale, 1 to 6."""
RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


def actor_name(actor_id: str | None) -> str:
    """The gazetteer's name for an actor id ("KP" → "North Korea"); unknown ids as they are."""
    if not actor_id:
        return "unknown"
    actor = load_gazetteer().actors.get(actor_id)
    return actor.name if actor else actor_id


def actor_kind(actor_id: str) -> str:
    """state, group, agency, body, media or company; "unknown" for ids not in the gazetteer."""
    actor = load_gazetteer().actors.get(actor_id)
    return actor.kind if actor else "unknown"


def number(value: float) -> str:
    """12000 → "12,000"; 2.5 → "2.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def figure_text(value: float, unit: str, qualifier: str | None, maximum: float | None) -> str:
    """A figure in words: "at least 10,000 containers", "500–700 items"."""
    if qualifier == "range" and maximum is not None:
        return f"{number(value)}–{number(maximum)} {unit}"
    return f"{QUALIFIER_WORDS.get(qualifier or 'exact', '')}{number(value)} {unit}"


def quantity_text(claim: StoredClaim) -> str:
    """A claim's figure in words, or "" when it has no quantity."""
    if claim.quantity_value is None or claim.quantity_unit is None:
        return ""
    return figure_text(
        claim.quantity_value, claim.quantity_unit, claim.quantity_qualifier, claim.quantity_max
    )


def when_text(when: When | None) -> str:
    """A claim's date in words: "2023-09", "since 2023-09", "by 2024-08", "2023 to 2024", "".

    {"end": D} is a total as of D (spec), so "by D"; {"start": D} is "since D".
    """
    if not when:
        return ""
    if isinstance(when, str):
        return when
    start, end = when.get("start"), when.get("end")
    if start and end:
        return f"{start} to {end}"
    return f"since {start}" if start else f"by {end}"


def item_text(claim: StoredClaim) -> str:
    """The item in words, "artillery ammunition (152mm shells)"; "" for no item."""
    if not claim.item_category:
        return ""
    category = claim.item_category.replace("_", " ")
    designation = claim.item_designation
    if not designation or designation.casefold() in (category, claim.item_category):
        return category
    return f"{category} ({designation})"


def flow_text(claim: StoredClaim, names: Mapping[str, str] | None = None) -> str:
    """The parties in words, "North Korea → Russia (via China)"; `names` overrides names."""

    def name(actor_id: str | None) -> str:
        if names and actor_id and actor_id in names:
            return names[actor_id]
        return actor_name(actor_id)

    text = f"{name(claim.supplier)} → {name(claim.recipient)}"
    if claim.type == "production" and not claim.recipient:
        text = name(claim.supplier)
    if claim.via:
        text += f" (via {', '.join(name(actor_id) for actor_id in claim.via)})"
    return text


def claim_summary(claim: StoredClaim) -> str:
    """One line: who, what, how much, when, how sure, according to whom."""
    parts = [f"{flow_text(claim)}: {TYPE_VERBS.get(claim.type, claim.type)}"]
    details = [item_text(claim), quantity_text(claim), when_text(claim.when)]
    if claim.conveyance_kind:
        conveyance = claim.conveyance_kind + (
            f" {claim.conveyance_name}" if claim.conveyance_name else ""
        )
        details.append(f"by {conveyance}")
    if claim.seized_by:
        details.append(f"seized by {actor_name(claim.seized_by)}")
    if claim.facility:
        details.append(f"at {claim.facility}")
    text = ", ".join([parts[0], *(d for d in details if d)])
    if claim.hedge:
        text += f" ({claim.hedge})"
    if claim.source:
        text += f", according to {claim.source}"
    return text


def date_bounds(when: When | None) -> tuple[datetime | None, datetime | None]:
    """The first instant a claim's period covers and the first instant after it, in UTC.

    "2023" → (2023-01-01, 2024-01-01); {"start": "2023-09"} → (2023-09-01, None).
    """
    if not when:
        return None, None
    if isinstance(when, str):
        return _first_instant(when), _after(when)
    start, end = when.get("start"), when.get("end")
    return (_first_instant(start) if start else None), (_after(end) if end else None)


def _parts(date: str) -> tuple[int, int | None, int | None]:
    pieces = [int(piece) for piece in date.split("-")]
    year = pieces[0]
    month = pieces[1] if len(pieces) > 1 else None
    day = pieces[2] if len(pieces) > 2 else None
    return year, month, day


def _first_instant(date: str) -> datetime | None:
    try:
        year, month, day = _parts(date)
        return datetime(year, month or 1, day or 1, tzinfo=UTC)
    except ValueError:
        return None


def _after(date: str) -> datetime | None:
    """The first instant after the period a date names, at its precision."""
    try:
        year, month, day = _parts(date)
        if month is None:
            return datetime(year + 1, 1, 1, tzinfo=UTC)
        if day is None:
            return datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        return datetime(year, month, day, tzinfo=UTC) + timedelta(days=1)
    except ValueError:
        return None
