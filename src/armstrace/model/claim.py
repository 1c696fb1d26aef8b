"""The claim record of the spec (claims.md) in code.

`Claim.to_record()` gives exactly the spec's JSON; provenance (id, extractor version, time)
lives beside it and is stored, but not printed by `extract --format jsonl`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from armstrace.version import EXTRACTOR_VERSION

CLAIM_TYPES = ("transfer", "interdiction", "support", "production")
HEDGES = ("planned", "denied", "suspected", "alleged", "reported", "confirmed")
"""In order of precedence: when several apply, the first wins (spec)."""
UNITS = ("items", "containers", "tons", "usd", "persons", "shipments")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
CONVEYANCE_KINDS = ("ship", "aircraft", "rail", "road")
CONCEALMENTS = (
    "mislabelled",
    "hidden_in_cargo",
    "transshipment",
    "false_documents",
    "flag_or_name_change",
    "air_cargo_misdeclared",
)
CATEGORIES = (
    "small_arms", "small_arms_ammunition", "artillery", "artillery_ammunition", "mrl",
    "rockets", "mortars", "mortar_ammunition", "rpg", "atgm", "manpads",
    "ballistic_missiles", "cruise_missiles", "fuzes", "explosives", "grenades", "mines",
    "armoured_vehicles", "aircraft", "ships", "air_defence", "radar", "technology",
    "munitions", "training", "construction", "troops",
)  # fmt: skip
CLAIM_FIELDS = (
    "type", "supplier", "recipient", "via", "item", "quantity", "when", "source", "hedge",
    "conveyance", "seized_by", "concealment", "facility",
)  # fmt: skip
"""The spec's fields between `doc` and `evidence`, in the order `Claim.to_record` writes them."""

When = str | dict[str, str]
""""YYYY", "YYYY-MM", "YYYY-MM-DD", or {"start": ..., "end": ...} (either key optional)."""


@dataclass
class Evidence:
    """A verbatim span of the document's extracted text: text == document.text[start:end]."""

    text: str
    start: int
    end: int


@dataclass
class Item:
    category: str
    designation: str | None = None
    caliber_mm: float | None = None


@dataclass
class Quantity:
    value: float
    unit: str
    qualifier: str = "exact"
    max: float | None = None


@dataclass
class Conveyance:
    kind: str
    name: str | None = None


@dataclass
class Claim:
    """One assertion, made in one document, about the arms trade."""

    doc: str
    type: str
    evidence: Evidence
    supplier: str | None = None
    recipient: str | None = None
    via: list[str] = field(default_factory=list)
    item: Item | None = None
    quantity: Quantity | None = None
    when: When | None = None
    source: str | None = None
    hedge: str | None = None
    conveyance: Conveyance | None = None
    seized_by: str | None = None
    concealment: str | None = None
    facility: str | None = None
    # provenance, not part of the printed record
    extractor_version: str = EXTRACTOR_VERSION
    extracted_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def id(self) -> str:
        """Deterministic: the same claim from the same span always gets the same id."""
        item = self.item
        key = [
            self.doc, self.type, self.supplier, self.recipient, self.via,
            item.category if item else None,
            self.quantity.unit if self.quantity else None,
            float(self.quantity.value) if self.quantity else None,
            self.evidence.start, self.evidence.end,
        ]  # fmt: skip
        digest = hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode())
        return digest.hexdigest()[:24]

    def to_record(self) -> dict[str, Any]:
        """The spec's JSON object: optional fields that are empty are left out."""
        rec: dict[str, Any] = {"doc": self.doc, "type": self.type}
        if self.supplier:
            rec["supplier"] = self.supplier
        if self.recipient:
            rec["recipient"] = self.recipient
        if self.via:
            rec["via"] = list(self.via)
        if self.item:
            rec["item"] = _drop_none(
                {
                    "category": self.item.category,
                    "designation": self.item.designation,
                    "caliber_mm": self.item.caliber_mm,
                }
            )
        if self.quantity:
            rec["quantity"] = _drop_none(
                {
                    "value": self.quantity.value,
                    "unit": self.quantity.unit,
                    "qualifier": self.quantity.qualifier,
                    "max": self.quantity.max,
                }
            )
        for key in ("when", "source", "hedge"):
            value = getattr(self, key)
            if value:
                rec[key] = value
        if self.conveyance:
            rec["conveyance"] = _drop_none(
                {"kind": self.conveyance.kind, "name": self.conveyance.name}
            )
        for key in ("seized_by", "concealment", "facility"):
            value = getattr(self, key)
            if value:
                rec[key] = value
        rec["evidence"] = {
            "text": self.evidence.text,
            "start": self.evidence.start,
            "end": self.evidence.end,
        }
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Claim:
        """Inverse of to_record (used by import and by tests)."""
        item = rec.get("item")
        qty = rec.get("quantity")
        conv = rec.get("conveyance")
        ev = rec["evidence"]
        return cls(
            doc=rec["doc"],
            type=rec["type"],
            evidence=Evidence(ev["text"], int(ev["start"]), int(ev["end"])),
            supplier=rec.get("supplier"),
            recipient=rec.get("recipient"),
            via=list(rec.get("via") or []),
            item=Item(item["category"], item.get("designation"), item.get("caliber_mm"))
            if item
            else None,
            quantity=Quantity(
                qty["value"], qty["unit"], qty.get("qualifier", "exact"), qty.get("max")
            )
            if qty
            else None,
            when=rec.get("when"),
            source=rec.get("source"),
            hedge=rec.get("hedge"),
            conveyance=Conveyance(conv["kind"], conv.get("name")) if conv else None,
            seized_by=rec.get("seized_by"),
            concealment=rec.get("concealment"),
            facility=rec.get("facility"),
        )


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}
