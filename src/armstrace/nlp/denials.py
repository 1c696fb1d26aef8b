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
    r"seizure|assessment|estimates?|figures?|account|accounts|story|stories)\b",
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
            if latest is None or latest.item is None:
                continue
            entry = ItemEntry("munitions")
            self._emit("transfer", (sent.start, sent.end), supplier=latest.supplier, recipient=latest.recipient,
                       entry=entry, hedge="denied", source=source)  # fmt: skip
