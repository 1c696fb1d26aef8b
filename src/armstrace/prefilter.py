"""The relevance prefilter: does a document talk about the arms trade at all?

Most of a news firehose is not about arms transfers. One Aho-Corasick pass over the gazetteer's
weapon names and the lexicon's goods terms decides whether a document is worth the NLP pipeline;
the rest are stored as off-topic without extraction. It is tuned for recall: a document that
names any goods of the arms trade and any party is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from armstrace.nlp.mentions import build_matchers


@dataclass(frozen=True)
class Relevance:
    relevant: bool
    goods: int  # mentions of weapons, munitions or military goods
    parties: int  # mentions of states, groups or companies
    reason: str


def assess(text: str) -> Relevance:
    """Count goods and parties in one pass each; no per-sentence work."""
    matchers = build_matchers()
    goods = sum(1 for _s, _e, _k, value in matchers.items.find(text) if value) + len(
        matchers.weapons.find(text)
    )
    parties = 0
    for _s, _e, _k, value in matchers.actors.find(text):
        readings = cast(list[tuple[str, str, str | None]], value)
        if any(form in ("name", "demonym", "place", "weak") for _id, form, _c in readings):
            parties += 1
    if goods == 0:
        return Relevance(False, goods, parties, "names no weapons, munitions or military goods")
    if parties == 0:
        return Relevance(False, goods, parties, "names no state, armed group or company")
    return Relevance(True, goods, parties, f"{goods} mentions of goods, {parties} of parties")


def is_relevant(text: str) -> bool:
    return assess(text).relevant
