"""Denials said of earlier claims: "Tehran dismissed the interception as a fabrication"."""

from __future__ import annotations

import re

from armstrace.nlp.emission import ClaimWriter
from armstrace.nlp.items import ItemEntry
from armstrace.nlp.mentions import ActorMention
from armstrace.nlp.sentences import Sentence

_CONTEXT_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted|refutes)\s+(?:both\s+)?(?:the|these|those|such|all|"
    r"that|this)\s+(?:\w+\s+){0,2}?(?:reports?|accusations?|allegations?|claims?|charges?|findings?|interception|"
    r"seizure|assessment|estimates?|figures?|account|accounts|story|stories)\b"
    # "the embassy said the flight had carried nothing but humanitarian goods"
    r"|\b(?:said|says|insisted|insists|maintained|maintains|claimed|claims)\s+(?:that\s+)?the\s+(?:\w+\s+){0,2}?"
    r"(?:flight|plane|aircraft|ship|vessel|cargo|shipment|consignment|containers?|trucks?|convoy)\s+(?:had\s+)?"
    r"(?:carried|contained|was\s+carrying|were\s+carrying|held|only\s+carried)\s+(?:nothing\s+but|only)\b",
    re.I,
)


class DenialReading(ClaimWriter):
    """A denial turns the denier's latest flow into a claim hedged `denied`."""

    def _denials(self, sent: Sentence, actors: list[ActorMention]) -> None:
        """ "Tehran dismissed the interception as a fabrication": the denier's side of the latest
        flow it took part in becomes a claim with hedge `denied` (claims.md)."""
        m = _CONTEXT_DENIAL.search(self.text, sent.start, sent.end)
        if not m:
            return
        deniers = [
            (a.country or a.actor_id) for a in actors
            if a.end <= m.start() and (a.is_party or a.form in ("organ", "agency")) and (a.country or a.actor_id)
        ]  # fmt: skip
        if not deniers:
            return
        source = self.text[sent.start : m.start()].strip(" ,")[:120] or None
        for denier in dict.fromkeys(deniers):
            latest = next(
                (c for c in reversed(self.claims)
                 if c.type in ("transfer", "interdiction") and denier in (c.supplier, c.recipient)
                 and c.supplier and c.recipient and c.hedge != "denied"),
                None,
            )  # fmt: skip
            pair = (
                (latest.supplier, latest.recipient) if latest is not None and latest.item else None
            )
            frame = self.frame  # a seizure still being told has written no claim yet
            if frame is not None and frame.entries and (latest is None or latest.hedge == "denied"):
                suppliers = frame.suppliers or frame.made_by or frame.origins
                if suppliers and frame.recipients and denier in (suppliers[0], frame.recipients[0]):
                    pair = (suppliers[0], frame.recipients[0])
            if pair is None:
                continue
            entry = ItemEntry("munitions")
            self._emit("transfer", (sent.start, sent.end), supplier=pair[0], recipient=pair[1],
                       entry=entry, hedge="denied", source=source)  # fmt: skip
