"""Claims read from how a party is described rather than from what it did.

"the Iran-backed Houthis" (support), "the army flies Russian-supplied jets" (a transfer to the
army), "Iran, a long-time buyer of North Korean arms and a backer of Hamas" (a transfer and a
support claim).
"""

from __future__ import annotations

import re
from itertools import pairwise

from armstrace.nlp.cues import cue_patterns, hedge_of
from armstrace.nlp.emission import ClaimWriter
from armstrace.nlp.items import ItemEntry, drop_generic, group_items
from armstrace.nlp.mentions import ActorMention, ItemMention
from armstrace.nlp.production import items_after
from armstrace.nlp.quantities import SUPPORT_CATEGORIES
from armstrace.nlp.sentences import Sentence

_SUPPLIED_SUFFIX = re.compile(
    r"[-\u2010\u2011](?:supplied|provided|delivered|donated|sold|exported)\b", re.I
)
_APPOSITIVE = re.compile(
    r",?\s*(?:and\s+)?an?\s+(?:long[-\s]?time\s+|longtime\s+|major\s+|key\s+|main\s+|leading\s+|close\s+|"
    r"staunch\s+|principal\s+)?(?P<role>buyer|customer|client|importer|recipient|backer|sponsor|patron|supporter|"
    r"ally|arms\s+supplier|supplier|seller|exporter)\s+of\s+(?:the\s+)?",
    re.I,
)
_BACKER_NOUNS = (
    r"(?P<role>backer|sponsor|patron|supporter|protector|ally|arms\s+supplier|supplier|"
    r"weapons\s+supplier|benefactor)"
)
_RANKS = (
    r"(?:(?:main|chief|key|principal|closest|biggest|staunchest|leading|most\s+important|top)\s+)?"
)
# "Turkey, the GNA's main backer," (the backed party's name sits between "the" and "'s")
_POSSESSIVE_BACKER = re.compile(
    r"['\u2019]s?\s+(?:(?:long[-\s]?time|longtime|foreign|military|regional)\s+)?"
    + _RANKS
    + r"(?:(?:long[-\s]?time|longtime|foreign|military|regional)\s+)?"
    + _BACKER_NOUNS
    + r"\b",
    re.I,
)
# "Turkey, which supports the government in Tripoli," / "Iran, which arms the Houthis,"
_RELATIVE_BACKING = re.compile(
    r",\s*(?:which|who)\s+(?:has\s+|had\s+|have\s+)?(?:long\s+|openly\s+|also\s+|firmly\s+)?"
    r"(?P<verb>supports?|supported|backs?|backed|sponsors?|sponsored|arms|armed|supplies|supplied)\s+",
    re.I,
)
_CUSTOMER_NOUN = (
    r"['\u2019]s?\s+(?:(?:biggest|largest|main|top|first|oldest|leading|key|major|most\s+important|"
    r"second[-\s](?:biggest|largest)|third[-\s](?:biggest|largest))\s+)?(?:(?:foreign|export|overseas|arms|"
    r"weapons|defen[cs]e|African|Asian|European|Arab)\s+)?(?:customers?|buyers?|clients?|importers?)\b"
)
# "Algeria remains one of Russia's biggest customers": Y is a buyer of X's arms
_IS_CUSTOMER_BEFORE = re.compile(
    r"\s+(?:[\w\-]+\s+){0,2}?(?:is|was|became|becomes|remains|remained|has\s+become|had\s+become|"
    r"has\s+been|had\s+been|has\s+long\s+been)\s+(?:one\s+of\s+|among\s+)?(?:the\s+)?",
    re.I,
)
_CUSTOMER_AFTER = re.compile(_CUSTOMER_NOUN, re.I)
# "India's first foreign customer was the Philippines": the same, with the seller first
_CUSTOMER_IS = re.compile(
    _CUSTOMER_NOUN + r"\s+(?:is|was|became|has\s+been|were|are|included?|includes)\s+(?:the\s+)?",
    re.I,
)
_SUPPLIER_NOUN = (
    r"(?:(?:biggest|largest|main|top|leading|key|major|principal|chief|most\s+important|only|sole|traditional|"
    r"second[-\s](?:biggest|largest)|third[-\s](?:biggest|largest))\s+)?(?:(?:foreign|arms|weapons|military|"
    r"defen[cs]e)\s+)?(?:suppliers?|sellers?|providers?|exporters?|sources?)\b"
)
# "The United States remains Saudi Arabia's main arms supplier": X supplies Y's arms
_SUPPLIER_AFTER = re.compile(r"['\u2019]s?\s+" + _SUPPLIER_NOUN, re.I)
# "France was the largest supplier to Qatar": the same, with the buyer after "to"
_SUPPLIER_TO = re.compile(
    r"\s+(?:[\w\-]+\s+){0,2}?(?:is|was|remains|remained|became|has\s+become|has\s+been|had\s+been|"
    r"has\s+long\s+been)\s+(?:one\s+of\s+)?(?:the|a|an)\s+"
    + _SUPPLIER_NOUN
    + r"\s+(?:(?:of\s+arms\s+)?to|for)\s+(?:the\s+)?",
    re.I,
)
_SECOND_ONLY_TO = re.compile(
    r"(?i)[^.;]{0,40}?\b(?:second|third)\s+(?:\w+\s+){0,3}?only\s+to\s+(?:the\s+)?"
)
_APPOSITIVE_CHAIN = re.compile(r"(?:\s*,?\s*(?:and\s+)?an?\s+[^,;.]*?)+\s*", re.I)


class EpithetReading(ClaimWriter):
    """Support and transfer claims from epithets and appositives."""

    def _epithets(self, sent: Sentence, actors: list[ActorMention]) -> None:
        """ "the Iran-backed Houthis": the first party supports the second."""
        pats = cue_patterns()
        for i, mention in enumerate(actors):
            if not mention.is_party or not pats.epithet.match(
                self.text[mention.end : mention.end + 12]
            ):
                continue
            backed = next(
                (a for a in actors[i + 1 :] if a.is_party and a.start - mention.end <= 20), None
            )
            if backed and backed.actor_id != mention.actor_id:
                self._emit(
                    "support",
                    (sent.start, sent.end),
                    supplier=mention.actor_id,
                    recipient=backed.actor_id,
                    hedge="confirmed",
                )

    def _supplied_epithets(
        self,
        sent: Sentence,
        parties: list[ActorMention],
        items: list[ItemMention],
        source: str | None,
    ) -> None:
        """ "The army flies Russian-supplied jets": a transfer from the named supplier to the
        sentence's holder, the party the sentence is about (named before the epithet)."""
        text = self.text
        material = [i for i in items if i.category not in SUPPORT_CATEGORIES]
        for mention in parties:
            if not _SUPPLIED_SUFFIX.match(text, mention.end):
                continue
            targets = items_after(text, mention, material)
            supplier = mention.country or mention.actor_id
            holder = next(
                (p for p in parties if p.end <= mention.start and p.form in ("name", "weak")
                 and (p.country or p.actor_id) != supplier),
                None,
            )  # fmt: skip
            if not targets or holder is None:
                continue
            for entry in drop_generic(group_items(text, targets, []), set()):
                self._emit(
                    "transfer",
                    (sent.start, sent.end),
                    supplier=supplier,
                    recipient=holder.actor_id,
                    entry=entry,
                    hedge=hedge_of(text, sent.start, sent.end),
                    source=source,
                )

    def _appositives(self, index: int, sent: Sentence, parties: list[ActorMention]) -> None:
        """ "Iran, a long-time buyer of North Korean arms and a backer of Hamas"."""
        text = self.text
        self._backers(sent, parties)
        self._customers(index, sent, parties)
        for mention in parties:
            for m in _APPOSITIVE.finditer(text, mention.end, min(sent.end, mention.end + 160)):
                between = text[mention.end : m.start()]
                if between.strip(" ,") and not _APPOSITIVE_CHAIN.fullmatch(between):
                    continue  # only "X, a buyer of ... and a backer of Y": appositives in a row
                role, obj_start = m.group("role").lower(), m.end("role")
                other = next((p for p in parties if obj_start <= p.start <= obj_start + 24), None)
                if other is None or other.actor_id == mention.actor_id:
                    continue
                span = (sent.start, sent.end)
                if role in ("buyer", "customer", "client", "importer", "recipient"):
                    items = self.mentions.between("items", other.end, other.end + 30)
                    entry = (
                        ItemEntry(items[0].category, [items[0]])
                        if items
                        else ItemEntry("munitions")
                    )
                    self._emit("transfer", span, supplier=other.actor_id, recipient=mention.actor_id, entry=entry,
                               hedge=hedge_of(text, sent.start, sent.end))  # fmt: skip
                elif role in ("supplier", "arms supplier", "seller", "exporter"):
                    self._emit("transfer", span, supplier=mention.actor_id, recipient=other.actor_id,
                               entry=ItemEntry("munitions"), hedge=hedge_of(text, sent.start, sent.end))  # fmt: skip
                else:
                    self._emit("support", span, supplier=mention.actor_id, recipient=other.actor_id,
                               hedge=hedge_of(text, sent.start, sent.end))  # fmt: skip

    def _customers(self, index: int, sent: Sentence, parties: list[ActorMention]) -> None:
        """ "Algeria remains one of Russia's biggest customers", "India's first foreign customer
        was the Philippines": a transfer of arms (the goods when the sentence names them)."""
        text = self.text
        states = [p for p in parties if p.form in ("name", "weak") and p.actor_id.isupper()]
        for buyer, seller in pairwise(states):
            if not _IS_CUSTOMER_BEFORE.fullmatch(text, buyer.end, seller.start):
                continue
            customer = _CUSTOMER_AFTER.match(text, seller.end)
            if customer is None:
                continue
            self._customer(index, sent, seller.actor_id, buyer.actor_id)
            rival = next((p for p in states if p.start > customer.end()), None)
            if rival is not None and _SECOND_ONLY_TO.fullmatch(text, customer.end(), rival.start):
                self._customer(
                    index, sent, seller.actor_id, rival.actor_id
                )  # "second only to Egypt"
        for seller, buyer in pairwise(states):
            said = _CUSTOMER_IS.match(text, seller.end)
            if said is not None and buyer.start <= said.end() <= buyer.end:  # "the Philippines"
                self._customer(index, sent, seller.actor_id, buyer.actor_id)
            supplier_to = _SUPPLIER_TO.match(text, seller.end)
            if supplier_to is not None and buyer.start <= supplier_to.end() <= buyer.end:
                self._customer(
                    index, sent, seller.actor_id, buyer.actor_id
                )  # "the largest supplier to Qatar"
            if _IS_CUSTOMER_BEFORE.fullmatch(
                text, seller.end, buyer.start
            ) and _SUPPLIER_AFTER.match(text, buyer.end):
                self._customer(
                    index, sent, seller.actor_id, buyer.actor_id
                )  # "remains Saudi Arabia's main supplier"

    def _customer(self, index: int, sent: Sentence, seller: str, buyer: str) -> None:
        """Arms in general, or the one kind of goods the flow just read between the same pair
        moved ("... Scud-Bs. North Korea became Iran's main source")."""
        if seller == buyer:
            return
        lender = self._one_kind_moved(index, 3)
        entry = (
            lender.goods[0]
            if lender is not None and buyer in lender.recipients
            else ItemEntry("munitions")
        )
        self._emit("transfer", (sent.start, sent.end), supplier=seller, recipient=buyer,
                   entry=entry, hedge=hedge_of(self.text, sent.start, sent.end))  # fmt: skip

    def _backers(self, sent: Sentence, parties: list[ActorMention]) -> None:
        """ "Turkey, the GNA's main backer," and "Turkey, which supports the government in
        Tripoli,": an aside saying who backs whom is a support claim (arming, a transfer)."""
        text = self.text
        span = (sent.start, sent.end)
        for i, mention in enumerate(parties):
            after = parties[i + 1 :]
            backed: ActorMention | None = None
            verb = "supports"
            nxt = after[0] if after else None
            if (
                nxt is not None
                and re.fullmatch(r",\s*(?:the\s+)?", text[mention.end : nxt.start], re.I)
                and _POSSESSIVE_BACKER.match(text, nxt.end)
            ):
                backed = nxt
                if "supplier" in _POSSESSIVE_BACKER.match(text, nxt.end).group("role").lower():  # type: ignore[union-attr]
                    verb = "arms"
            relative = _RELATIVE_BACKING.match(text, mention.end)
            if backed is None and relative is not None:
                backed = next(
                    (p for p in after if relative.end() <= p.start <= relative.end() + 30), None
                )
                verb = relative.group("verb").lower()
            if backed is None or backed.actor_id == mention.actor_id or mention.form == "demonym":
                continue
            hedge = hedge_of(text, mention.start, backed.end)  # the aside's own hedge
            if verb.startswith(("arm", "suppl")):
                self._emit("transfer", span, supplier=mention.actor_id, recipient=backed.actor_id,
                           entry=ItemEntry("munitions"), hedge=hedge)  # fmt: skip
            else:
                self._emit("support", span, supplier=mention.actor_id, recipient=backed.actor_id,
                           hedge=hedge)  # fmt: skip
