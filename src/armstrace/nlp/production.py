"""Read production: who makes which goods, and where.

Makers come from "Iranian-made" on the goods, from a production verb's subject or agent
("North Korea produces shells", "built by Iran"), from an armed group's own arsenal ("Hamas's
rockets are made in Gaza"), and from lineage ("Pyongyang's version of the Fagot").
"""

from __future__ import annotations

import re

from armstrace.gazetteer import load_gazetteer
from armstrace.model.claim import Quantity, When
from armstrace.nlp.cues import Cue, cue_patterns, find, hedge_of, is_negated
from armstrace.nlp.emission import ClaimWriter
from armstrace.nlp.items import ItemEntry, drop_generic, group_items
from armstrace.nlp.mentions import ActorMention, ItemMention
from armstrace.nlp.quantities import MORE_AFTER, SUPPORT_CATEGORIES, bind_quantities
from armstrace.nlp.roles import COORDINATED, is_adjective, of_origin
from armstrace.nlp.sentences import Sentence
from armstrace.parse.date import DateMention

_ORDERED_PRODUCTION = re.compile(
    r"\b(?:called\s+for|ordered|urged|demanded|pledged|vowed|promised|instructed)\b[^.;]{0,60}?"
    r"(?:to\s+be\s+(?:mass[-\s])?produced|(?:mass|serial|more)\s+production|to\s+(?:mass[-\s])?produce)",
    re.I,
)
_STATE_INDUSTRY = re.compile(
    r"[\"'\u201c]?(?:(?:Its|Their)\s+|The\s+(?:state-owned|state-run|government-owned|government-run)\s+)"
    r"(?:[\w\-]+\s+){0,6}?(?:[Ii]ndustr(?:y|ies)|[Cc]orporation|[Oo]rgani[sz]ation|[Dd]irectorate|"
    r"[Ss]ystem|[Aa]rsenal|[Ff]actor(?:y|ies)|[Pp]lants?|[Ww]orks|[Cc]ompany|[Gg]roup)\b"
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+|now\s+|still\s+)?$", re.I
)
_OWNS = re.compile(
    r"['\u2019]s?\s+(?:[\w\-]+\s+){0,3}?(?:arsenal|rockets|missiles|drones|weapons|arms|munitions|stockpile|ammunition|shells|mortars|bombs|explosives|rifles|guns|projectiles)\b"
)
_OWNER_PRONOUN = re.compile(
    r"\b(?:their|its)\s+(?:[\w\-]+\s+){0,3}?(?:arsenal|rockets|missiles|drones|weapons|arms|munitions|stockpile|ammunition|shells|mortars|bombs|explosives|rifles|guns|projectiles)\b",
    re.I,
)
_LINEAGE = re.compile(
    r"\b(?:(?:a|an|the|another)\s+)?(?:licensed\s+|licence-built\s+|license-built\s+|reverse[-\s]engineered\s+|"
    r"indigenous\s+|local\s+|domestic\s+|improved\s+|upgraded\s+|modified\s+)?(?:version|copy|variant|derivative|"
    r"clone|replica|knock-?off)\s+of\b|\bbased\s+on\b|\bderived\s+from\b"
    r"|\b(?:a|an)\s+(?-i:[A-Z][\w\-]*)\s+(?:derivative|copy|clone|knock-?off|variant)\b",  # "a Nodong derivative"
    re.I,
)
_MADE_FOR = re.compile(r"\bfor\s+(?:the\s+|use\s+by\s+(?:the\s+)?|export\s+to\s+)?$", re.I)
_FACILITY = re.compile(r"(?i)plant|factory|works|complex|arsenal")
_NUMBERED_PLANT = re.compile(
    r"\b[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+(?:Plant|Factory|Works)\s+(?:No\.?\s*|number\s+)\d+"
)


_PLACE_ASIDE = re.compile(r",\s+(?:in|near|at|based\s+in)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2},")
_MAKER_OF = re.compile(
    r"(?:Industr(?:y|ies)|Corporation|Company|Organi[sz]ation|Factory|Factories|Works|Arsenal|Directorate|"
    r"Establishment|Enterprises?)\s+of\s+(?:the\s+)?$"
)
_MORE_OF_THEM = re.compile(r"(?i)\bmore\b(?!\s+(?:than|and|or)\b)")
_BY_MAKER = re.compile(r"\s+by\s+(?:an?|the|a\s+joint|two)?\s*", re.I)
_DEMONYM_CHAIN = re.compile(r"[\w\-\u2010\u2011]+(?:\s*(?:[-\u2010\u2011,]|and)\s*[\w]+)*\s+", re.I)
_MAKER_NOUN = re.compile(
    r"(?:state[-\s]owned\s+|state\s+|defen[cs]e\s+|arms\s+)?(?:joint\s+venture|company|companies|firm|firms|"
    r"manufacturer|manufacturers|maker|makers|consortium|group|plant|factory|factories|shipyard)\b",
    re.I,
)


def _maker_adjective(text: str, verb: Cue, mention: ActorMention) -> bool:
    """ "made by an Indian-Russian joint venture", "built by a Turkish firm": each demonym in
    the chain before the maker noun names a maker."""
    by = _BY_MAKER.match(text, verb.end)
    if by is None or mention.start < by.end() or mention.start - by.end() > 30:
        return False
    chain = _DEMONYM_CHAIN.match(text, by.end())
    return (
        chain is not None
        and mention.end <= chain.end()
        and _MAKER_NOUN.match(text, chain.end()) is not None
    )


def _passive(text: str, sent: Sentence, verb: Cue) -> bool:
    """ "are produced by X" is passive; "is producing" has its subject before it."""
    return not verb.text.lower().endswith("ing") and bool(
        cue_patterns().passive.search(text[max(sent.start, verb.start - 30) : verb.start])
    )


def _coordinated_after(text: str, first: ActorMention, parties: list[ActorMention]) -> list[str]:
    """The parties joined to `first` by "and" or commas: "built by Pakistan and China"."""
    found: list[str] = []
    last = first
    for mention in parties:
        if mention.start < last.end or mention.form not in ("name", "weak", "place"):
            continue
        if not COORDINATED.fullmatch(text, last.end, mention.start):
            break
        found.append(mention.actor_id)
        last = mention
    return found


def _demonym_chain(text: str, first: ActorMention) -> list[str]:
    """The states of "Indian-Russian" or "Franco-German" beginning at `first` (the matcher
    sees only the first demonym of a hyphenated pair)."""
    found = [first.actor_id]
    chain = _DEMONYM_CHAIN.match(text, first.start)
    for part in re.split(r"\s*(?:[-\u2010\u2011,]|\band\b)\s*", chain.group(0) if chain else "")[
        1:
    ]:
        for hit in load_gazetteer().lookup_actor_hits(part.strip()):
            if hit.strength == "demonym" and hit.actor_id not in found:
                found.append(hit.actor_id)
    return found


class ProductionReading(ClaimWriter):
    """Production claims, read sentence by sentence."""

    def _production(
        self,
        index: int,
        sent: Sentence,
        parties: list[ActorMention],
        items: list[ItemMention],
        source: str | None,
        dates: list[DateMention],
        *,
        cargo: bool,
    ) -> None:
        """The makers one sentence names for its goods (`cargo`: the goods are a seizure's)."""
        text = self.text
        pats = cue_patterns()
        verbs = [c for c in find(pats.produce, text, sent.start, sent.end, "produce")
                 if not is_negated(text, sent.start, c.start)
                 and not re.search(r"(?i)\bused\s+to\s+$|\bhelp(?:ed)?\s+(?:\w+\s+)?$", text[max(sent.start, c.start - 20) : c.start])]  # fmt: skip
        material = [i for i in items if i.category not in SUPPORT_CATEGORIES]
        if not material:
            self.previous_caption = None
            if verbs:
                self._more_made(index, sent, parties, verbs, source)
            return
        hedge = hedge_of(text, sent.start, sent.end)
        when = next((d.when for d in dates), None) if verbs else None
        calibers = self.mentions.between("calibers", sent.start, sent.end)
        # makers written on the items: "Iranian-made", "North Korean fuses" in a cargo list
        per_item: dict[str, list[ItemMention]] = {}
        for mention in parties:
            if of_origin(text, mention):  # "grenades of North Korean origin": the goods just before
                before = [i for i in material if 0 <= mention.start - i.end <= 4]
                if before:
                    per_item.setdefault(mention.actor_id, []).extend(before)
                continue
            suffix = pats.made_suffix.match(text[mention.end : mention.end + 16])
            if not suffix and (mention.form != "demonym" or not is_adjective(text, mention)):
                continue  # a name counts only as "Iran-made"; a demonym as "Iranian" or "Iranian-made"
            if _designer(text, sent.start, mention) or re.match(
                r"^[-\u2010\u2011](?:supplied|backed|sponsored|funded|provided|delivered|bound|owned|flagged)\b",
                text[mention.end : mention.end + 14],
            ):
                continue
            targets = items_after(text, mention, material)
            if not targets:
                continue
            if suffix or cargo or (verbs and _near_verb(mention, verbs)):
                per_item.setdefault(mention.actor_id, []).extend(targets)
        for maker, targets in per_item.items():
            entries = drop_generic(
                group_items(
                    text, targets, calibers, cargo=cargo, mortar_bombs_in_document=self.mortar_bombs
                ),
                set(),
            )
            self._emit_made(sent, [maker], entries, hedge, source, when)
        self._lineage(sent, parties, material, source)
        if not verbs:
            return
        makers = self._makers(sent, parties, verbs)
        if not makers:
            return
        loose = re.fullmatch(r"(?i)build|builds|built|make|makes|making", verbs[0].text)
        after_verb = [
            i
            for i in material
            if verbs[0].end <= i.start <= (verbs[0].end + 30 if loose else sent.end)
            or (
                i.end <= verbs[0].start
                and re.fullmatch(r"[\s\w\-]{0,12}", text[i.end : verbs[0].start])
            )
        ]  # the product follows the verb ("produces shells") or names the plant ("munitions factories")
        passive = _passive(text, sent, verbs[0])
        chosen = (
            material
            if passive or re.match(r"(?i)made|produced|manufactured|built", verbs[0].text)
            else after_verb
        )
        entries = drop_generic(group_items(text, chosen, calibers), set())
        if not entries:
            self._more_made(index, sent, parties, verbs, source)  # "wants to build up to 15 more"
            return
        self._emit_made(sent, makers, entries, hedge, source, when, self._facility(sent))
        for buyer in parties:  # "to produce 40,000 rockets for Russia": made to be handed over
            if (
                buyer.start > verbs[0].end
                and buyer.actor_id not in makers
                and buyer.form in ("name", "weak")
                and _MADE_FOR.search(text, max(verbs[0].end, buyer.start - 12), buyer.start)
            ):
                numbers = self.mentions.between("numbers", verbs[0].end, buyer.start)
                counts = {
                    bq.category: bq.quantity
                    for bq in bind_quantities(
                        text, (verbs[0].end, buyer.start), numbers, chosen, None
                    )
                    if bq.quantity.unit == "items"
                }  # "to produce 40,000 rockets for Russia": the count made for the buyer
                for maker in makers:
                    for entry in entries:
                        self._emit("transfer", (sent.start, sent.end), supplier=maker,
                                   recipient=buyer.actor_id, entry=entry, hedge=hedge, source=source,
                                   quantity=counts.get(entry.category))  # fmt: skip

    def _more_made(
        self,
        index: int,
        sent: Sentence,
        parties: list[ActorMention],
        verbs: list[Cue],
        source: str | None,
    ) -> None:
        """ "Belgrade wants to build up to 15 more": the goods just read, made by the speaker's
        side, counted by the number before "more"."""
        text = self.text
        more = _MORE_OF_THEM.search(text, verbs[0].end, min(sent.end, verbs[0].end + 40))
        lender = self._one_kind_moved(index, 3)
        if more is None or lender is None:
            return
        makers = self._makers(sent, parties, verbs)
        count = next(
            (
                Quantity(n.value, "items", n.qualifier, n.max)
                for n in self.mentions.between("numbers", verbs[0].end, more.end())
                if not n.currency and MORE_AFTER.match(text, n.end)
            ),
            None,
        )
        hedge = hedge_of(text, sent.start, sent.end)
        for maker in makers:
            self._emit("production", (sent.start, sent.end), supplier=maker, entry=lender.goods[0],
                       quantity=count, hedge=hedge, source=source)  # fmt: skip

    def _emit_made(
        self,
        sent: Sentence,
        makers: list[str],
        entries: list[ItemEntry],
        hedge: str,
        source: str | None,
        when: When | None,
        facility: str | None = None,
    ) -> None:
        """One production claim per maker and kind of goods, the sentence as evidence."""
        for maker in makers:
            for entry in entries:
                self._emit(
                    "production",
                    (sent.start, sent.end),
                    supplier=maker,
                    entry=entry,
                    hedge=hedge,
                    source=source,
                    when=when,
                    facility=facility,
                )

    def _lineage(
        self,
        sent: Sentence,
        parties: list[ActorMention],
        items: list[ItemMention],
        source: str | None,
    ) -> None:
        """ "Iran's Shahab-3 is based on the Nodong", "Pyongyang's version of the Fagot": the maker
        of the derived item produces it; the original designer gets nothing (claims.md)."""
        text = self.text
        cue = _LINEAGE.search(text, sent.start, sent.end)
        if cue is None:
            self.previous_caption = self._caption(sent, parties, items)
            return
        maker: str | None = None
        subject = [i for i in items if i.end <= cue.start()]
        objects = [i for i in items if i.start >= cue.end()]
        for mention in parties:
            if mention.end <= cue.start() and re.fullmatch(
                r"['\u2019]s\s+(?:own\s+)?(?:[\w\-]+\s+)?", text[mention.end : cue.start()]
            ):
                maker = mention.actor_id  # "Pyongyang's version of"
        item = subject[-1] if subject else (objects[0] if objects else None)
        if maker is None and subject:
            for mention in parties:
                gap = text[mention.end : subject[-1].start]
                if mention.end <= subject[-1].start and re.fullmatch(
                    r"(?:['\u2019]s)?\s*(?:[\w\-]+\s+){0,2}", gap
                ):
                    maker = mention.actor_id  # "Iran's Shahab-3", "North Korean GeumSeong-3"
            if maker is None and subject[-1].origin:
                maker = subject[-1].origin
        if maker is None and self.previous_caption is not None:
            maker, caption_item = (
                self.previous_caption
            )  # a caption, then "A reverse engineered copy of ..."
            item = item if subject else caption_item
        self.previous_caption = None
        if maker and item is not None:
            self._emit("production", (sent.start, sent.end), supplier=maker, entry=ItemEntry(item.category, [item]),
                       hedge=hedge_of(text, sent.start, sent.end), source=source)  # fmt: skip

    def _caption(
        self, sent: Sentence, parties: list[ActorMention], items: list[ItemMention]
    ) -> tuple[str, ItemMention] | None:
        for mention in parties:
            if mention.form != "demonym":
                continue
            following = [i for i in items if 0 <= i.start - mention.end <= 2]
            if following:
                return mention.actor_id, following[0]
        return None

    def _makers(self, sent: Sentence, parties: list[ActorMention], verbs: list[Cue]) -> list[str]:
        owner = self._owner_maker(sent, parties, verbs[0])
        if owner is not None:
            return [owner]
        text = self.text
        makers: list[str] = []
        for verb in verbs:
            after = re.match(
                r"^\s+(?:by|in)\s+(?:the\s+)?$", text[verb.end : verb.end + 9]
            ) or re.match(r"^\s+(?:by|in)\s", text[verb.end : verb.end + 5])
            passive = _passive(text, sent, verb)  # "are produced by X": no subject precedes X
            for mention in parties:
                if (
                    after
                    and 0 <= mention.start - verb.end <= 12
                    and mention.form in ("name", "weak", "place")
                ):
                    makers.append(mention.actor_id)
                    makers.extend(
                        _coordinated_after(text, mention, parties)
                    )  # "by Pakistan and China"
                if after and mention.form == "demonym" and _maker_adjective(text, verb, mention):
                    makers.extend(_demonym_chain(text, mention))  # "an Indian-Russian venture"
                if passive:
                    continue
                gap = _PLACE_ASIDE.sub("", text[mention.end : verb.start])
                subject_like = mention.form in ("name", "weak") or (
                    mention.form == "demonym"
                    and re.match(
                        r"^\s*(?:state(?:-owned)?\s+)?(?:arms\s+)?(?:factories|plants|manufacturers|industry|"
                        r"arms\s+industry|arms\s+manufacturing|firms?|compan(?:y|ies)|makers?)",
                        text[mention.end : verb.end + 1],
                    )
                )
                named_for = _MAKER_OF.search(
                    text, max(sent.start, mention.start - 40), mention.start
                )
                if named_for and mention.form in ("name", "weak") and mention.end <= verb.start:
                    if len(gap) <= 30 and not re.search(r"[;]|\b(?:that|which)\b", gap):
                        makers.append(
                            mention.actor_id
                        )  # "the Defence Industries Corporation of Nigeria, in Kaduna, to make"
                    continue
                between = [
                    p for p in parties
                    if mention.end <= p.start and p.end <= verb.start and p.actor_id != mention.actor_id
                ]  # fmt: skip  # "a Ghanaian firm, in Accra, makes": its own capital is no other party
                if (
                    subject_like
                    and not between  # the maker is the subject: no other party in between
                    and mention.end <= verb.start
                    and len(gap) <= 42
                    and not re.search(r"[,;]|\b(?:that|which|suggest\w*|to\s+meet|for)\b", gap)
                    and not re.search(
                        r"(?i)\b(?:from|to|by|with|of|into|for|at|on|in)\s+(?:the\s+)?$",
                        text[max(sent.start, mention.start - 12) : mention.start],
                    )
                ):
                    makers.append(mention.actor_id)
            if (
                re.match(
                    r"^\s*(?:it|they)\b",
                    text[max(sent.start, verb.start - 24) : verb.start].split(".")[-1].strip()
                    or "x",
                    re.I,
                )
                and self.last_subject
            ) and not makers:
                makers.append(self.last_subject)
        for facility_country in self._facility_countries(sent):
            if facility_country not in makers:
                makers.append(facility_country)
        ordered = _ORDERED_PRODUCTION.search(text, sent.start, sent.end)
        if not makers and ordered:
            # "Kim Jong Un called for them to be mass-produced": the leader's side makes them
            caller = [p for p in parties if p.end <= ordered.start() and p.form in ("name", "weak")]
            if caller:
                makers.append(caller[-1].actor_id)
        if not makers and _STATE_INDUSTRY.match(text, sent.start, verbs[0].start):
            # "Its Directorate of Defence Industries runs factories producing rifles",
            # "The state-owned Defence Industries System makes shells": the state read about
            home = self.anaphora.home or self.last_subject
            if home is not None and home.isupper():
                makers.append(home)
        return [m for m in dict.fromkeys(makers) if m]

    def _owner_maker(self, sent: Sentence, parties: list[ActorMention], verb: Cue) -> str | None:
        """ "Hamas's rockets are made in Gaza", "the Houthis say their arsenal is produced in
        Yemen": an armed group's own goods, made where it is, are the group's production; the
        place names where, not who."""
        text = self.text
        if not _PASSIVE_BEFORE.search(text, max(sent.start, verb.start - 24), verb.start):
            return None
        left = text[sent.start : verb.start]
        groups = [p for p in parties if not p.actor_id.isupper() and p.end <= verb.start]
        for mention in reversed(groups):
            if _OWNS.match(text, mention.end) and verb.start - mention.end <= 120:
                return mention.actor_id
        pronoun = _OWNER_PRONOUN.search(left[-60:])
        if pronoun and groups and groups[0].start - sent.start <= 40:
            return groups[0].actor_id  # the sentence's subject: "The Houthis ... say their ..."
        return None

    def _facility(self, sent: Sentence) -> str | None:
        """The plant named in the sentence: a place that is a factory, or "Plant No. 65"."""
        places = self._facilities(sent)
        if places:
            return places[0].text
        m = _NUMBERED_PLANT.search(self.text[sent.start : sent.end])
        return m.group(0) if m else None

    def _facility_countries(self, sent: Sentence) -> list[str]:
        """The states of the plants named in the sentence: their owners make the goods."""
        return [place.actor_id for place in self._facilities(sent)]

    def _facilities(self, sent: Sentence) -> list[ActorMention]:
        return [
            mention
            for mention in self.mentions.between("actors", sent.start, sent.end)
            if mention.form == "place" and _FACILITY.search(mention.text)
        ]


def _designer(text: str, sent_start: int, mention: ActorMention) -> bool:
    """ "X-designed", "X-type", "a copy of X's", "a version of the Soviet ..." name the original
    design, not who made these goods."""
    if re.match(
        r"^[-\u2010\u2011](?:designed|type|pattern|style|origin\s+design)\b",
        text[mention.end : mention.end + 20],
    ):
        return True
    return bool(
        cue_patterns().designer.search(text[max(sent_start, mention.start - 40) : mention.start])
    )


def items_after(text: str, mention: ActorMention, items: list[ItemMention]) -> list[ItemMention]:
    """The item a maker or supplier adjective names ("Iranian-made drones"), if any: at most one."""
    out = []
    for item in items:
        gap = text[mention.end : item.start]
        if item.start < mention.end or len(gap) > 40:
            continue
        if re.search(
            r"[;:]|\b(?:of|for|to|from|by|with|in|on|that|which|were|was|are|is)\b", gap
        ) and not _VERSION_OF.fullmatch(gap):
            continue
        out.append(item)
        break
    return out


# "an Iranian-made version of the Chinese C-802": the maker made the item named after it
_VERSION_OF = re.compile(
    r"[-\u2010\u2011]?\w*\s+(?:version|copy|variant|clone|derivative|knock-off|replica)\s+of\s+"
    r"(?:the\s+|an?\s+)?(?:[A-Z][\w\-]*\s+)?",
)


def _near_verb(mention: ActorMention, verbs: list[Cue]) -> bool:
    return any(abs(v.start - mention.end) <= 60 for v in verbs)
