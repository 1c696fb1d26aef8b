"""The one way a reading step writes a claim, so every claim names its parties alike."""

from __future__ import annotations

from armstrace.gazetteer import load_gazetteer
from armstrace.model.claim import Claim, Conveyance, Evidence, Item, Quantity, When
from armstrace.nlp.items import ItemEntry
from armstrace.nlp.quantities import SUPPORT_CATEGORIES, BoundQuantity
from armstrace.nlp.reading import ReadingState


class ClaimWriter(ReadingState):
    """Appends claims to the document's list."""

    def _emit_flows(
        self,
        claim_type: str,
        span: tuple[int, int],
        suppliers: list[str],
        recipients: list[str],
        entries: list[ItemEntry],
        bound: list[BoundQuantity],
        hedge: str,
        source: str | None,
        when: When | None,
        via: list[str],
        *,
        support: bool = False,
    ) -> bool:
        """One claim per supplier, recipient, kind of goods and stated figure; True if any."""
        emitted = False
        by_category: dict[str, list[BoundQuantity]] = {}
        for bq in bound:
            if (bq.category in SUPPORT_CATEGORIES) == support:
                by_category.setdefault(bq.category, []).append(bq)
        categories = {e.category: e for e in entries}
        for category in by_category:
            categories.setdefault(category, ItemEntry(category))
        for supplier in suppliers:
            for recipient in recipients:
                if supplier == recipient:
                    continue
                for category, entry in categories.items():
                    quantities: list[Quantity | None] = [
                        bq.quantity for bq in by_category.get(category, [])
                    ] or [None]
                    for quantity in quantities:
                        self._emit(claim_type, span, supplier=supplier, recipient=recipient, entry=entry,
                                   quantity=quantity, hedge=hedge, source=source, when=when, via=via)  # fmt: skip
                        emitted = True
        return emitted

    def _emit(
        self,
        claim_type: str,
        span: tuple[int, int],
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        entry: ItemEntry | None = None,
        quantity: Quantity | None = None,
        when: When | None = None,
        hedge: str | None = None,
        source: str | None = None,
        conveyance: Conveyance | None = None,
        seized_by: str | None = None,
        concealment: str | None = None,
        facility: str | None = None,
        via: list[str] | None = None,
    ) -> None:
        start, end = span
        item = None
        if entry is not None:
            item = Item(entry.category, entry.designation or None, entry.caliber_mm)
        supplier, recipient = _as_party(supplier), _as_party(recipient)
        if supplier is not None and supplier == recipient:
            return  # "Rosoboronexport supplied the Russian army": inside one state
        self.claims.append(
            Claim(
                doc=self.doc_id,
                type=claim_type,
                evidence=Evidence(self.text[start:end], start, end),
                supplier=supplier,
                recipient=recipient if claim_type != "production" else None,
                via=list(via or []),
                item=item,
                quantity=quantity,
                when=when,
                source=source,
                hedge=hedge,
                conveyance=conveyance,
                seized_by=seized_by,
                concealment=concealment,
                facility=facility,
            )
        )


def _as_party(actor_id: str | None) -> str | None:
    """Claims name states and groups (claims.md): a company stands for the state it belongs
    to ("Rosoboronexport" is Russia's exporter)."""
    if actor_id is None:
        return None
    actor = load_gazetteer().actors.get(actor_id)
    if actor is not None and actor.kind == "company" and actor.country:
        return actor.country
    return actor_id
