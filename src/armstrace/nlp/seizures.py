"""Read interdictions: a seizure opens a frame that the sentences after it fill.

"Coastguards seized the Jie Shun. On board were 30,000 rockets. They were bound for Egypt."
is one seizure told over three sentences; the frame gathers its seizer, ship, date, goods and
parties, and becomes claims when the story moves on.
"""

from __future__ import annotations

import re

from armstrace.model.claim import Conveyance, Quantity, When
from armstrace.nlp.cues import (
    Cue,
    concealment_of,
    cue_patterns,
    find,
    find_transfer_cues,
    hedge_of,
    is_negated,
)
from armstrace.nlp.emission import ClaimWriter
from armstrace.nlp.items import ItemEntry, drop_generic, group_items
from armstrace.nlp.mentions import ActorMention, ItemMention, transport_aircraft
from armstrace.nlp.production import items_after
from armstrace.nlp.quantities import SUPPORT_CATEGORIES, BoundQuantity, bind_quantities
from armstrace.nlp.reading import Flow, Frame
from armstrace.nlp.roles import Roles, assign_roles
from armstrace.nlp.sentences import Sentence
from armstrace.parse.date import DateMention, DateResolver

_CARGO_CUE = re.compile(
    r"\b(?:on\s+board|aboard|cargo|containers?|consisted|contain(?:ed|s|ing)?|found|includ(?:ed|es|ing)|"
    r"inspection|loot|shipment|consignment|crates?|the\s+vessel|the\s+ship|the\s+plane|the\s+aircraft|"
    r"the\s+weapons|these|those|bound\s+for|[-\u2010]bound|[-\u2010]made|destined\s+for|end[-\s]users?|"
    r"meant\s+for|intended\s+for|come\s+from|came\s+from|originated)\b",
    re.I,
)
_ANAPHOR_START = re.compile(
    r"^[\"'\u201c]?(?:(?:according\s+to\s+[^,]{1,90},\s*|in\s+(?:all|total),\s*)?)(?:these|they|it|also\s+on\s+board|"
    r"(?:during|in\s+the\s+course\s+of|after)\s+the\s+(?:inspection|search|boarding|raid|seizure)|the\s+(?:cargo|shipment|vessel|ship|plane|aircraft|weapons|"
    r"consignment|containers|crates|parts|components|haul|arms|goods|materiel|munitions|missiles|rockets|rifles|"
    r"seized\s+\w+|boat|dhow|freighter|crew))\b",
    re.I,
)
_CARGO_WORDS = re.compile(
    r"\b(?:cargo|shipments?|consignments?|aboard|on\s+board|smuggl\w+|bound\s+for|destined\s+for|"
    r"dhow|vessel|freighter|containers?|crates?|truck|lorry)\b",
    re.I,
)
# "The Australian government said the weapons were destined for Somalia": the seizure told
# before, now with what an official said of it
_ATTRIBUTED_ANAPHOR = re.compile(
    r"^[^,;.]{1,80}?\s(?:said|says|reported|concluded|found|stated|believed|believes|added|noted|confirmed)"
    r"\s+(?:at\s+the\s+time\s+|later\s+|on\s+\w+day\s+)?(?:that\s+)?the\s+(?:cargo|shipment|weapons|arms|"
    r"consignment|goods|materiel|munitions|haul|dhow|vessel|ship|boat|containers|crates)\b",
    re.I,
)
_END_USER = re.compile(
    r"(?:bound\s+for|destined\s+for|intended\s+for|meant\s+for|en\s+route\s+to|headed\s+(?:for|to)|heading\s+(?:home\s+)?to|"
    r"earmarked\s+for|[-\u2010]bound)\b",
    re.I,
)
_CARGO_ORIGIN = re.compile(
    r"^\s+(?:cargo|cargoes|shipments?|consignments?|arms\s+shipments?|weapons\s+shipments?)\b", re.I
)
_INVENTORY = re.compile(
    r"\b(?:compris\w*|consist\w*|includ\w*|contain\w*|cargo|consignment|shipment|haul|found|seized|"
    r"discovered|recovered|following|inventory|manifest)\b[^:]*:$",
    re.I,
)
_LIST_ITEM = re.compile(r"\s*(?:\((?:[a-z]|\d{1,2}|[ivx]{1,4})\)|[a-z]\)|[-\u2022\u2013*])\s+")
_EVENT_NOUN = re.compile(r"(?i)seizure|interception|interdiction|detention|confiscation|grounding")
_REFERENCE = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w\-]+\s+){0,2}$", re.I)
_GENERIC_EVENTS = re.compile(r"(?i)seizures|interceptions|interdictions|detentions|confiscations")
_NEGATION = re.compile(r"\b(?:not|no|never|without)\b", re.I)


_VESSEL_NAME_AFTER = re.compile(
    r"[\s\u00a0]+(?:[A-Z]{2,5}[\s\u00a0]+)?(?:[\"'\u201c\u2018])?[A-Z][\w\-]+"
)


# verbs that stop a ship by name ("the navy had stopped the Santorini")
_SHIP_STOPPING = "stopped|inspected|boarded|searched|intercepted|detained|impounded"
_STOPPED_SHIP = re.compile(
    rf"\b(?P<verb>{_SHIP_STOPPING})\s+(?:the\s+)?"
    r"(?:[\w\-]+(?:-owned|-flagged)\s+)?(?:(?:cargo\s+)?(?:ship|vessel|freighter|dhow|tanker)\s+)?"
    r"(?:(?:MV|M/V|MS|SS)\s+)?$",
    re.I,
)


_STOPPED_NAMED = re.compile(
    rf"\b(?:{_SHIP_STOPPING})\s+(?:the\s+)?"
    r"(?:MV\s+|M/V\s+)?(?-i:[A-Z][\w\-]+)",
    re.I,
)


def without_seizing_ships(text: str, sent: Sentence, items: list[ItemMention]) -> list[ItemMention]:
    """Drop named ships from a seizure's goods: in "the French frigate Provence seized rifles"
    the frigate makes the seizure and in "seized the freighter Jie Shun" it carries the goods;
    neither is goods (nor, with its flag's demonym, made goods)."""
    if not any(i.category in ("ships", "aircraft") for i in items):
        return items  # the usual case, decided before the seizure verbs' long pattern runs
    seize = cue_patterns().seize.search(text, sent.start, sent.end) or _STOPPED_NAMED.search(
        text, sent.start, sent.end
    )
    carriers = transport_aircraft()

    def carrier(item: ItemMention) -> bool:
        """ "grounded an Il-76", "The Il-76, which had flown from Pyongyang, carried 35 tonnes":
        the plane carried the goods."""
        return (
            item.category == "aircraft"
            and item.text.lower() in carriers
            and (
                seize is not None
                or _CARRIER_VERB.match(text, item.end, min(sent.end, item.end + 60)) is not None
            )
        )

    return [
        item
        for item in items
        if not (
            seize is not None
            and item.category == "ships"
            and _VESSEL_NAME_AFTER.match(text, item.end)
        )
        and not carrier(item)
    ]


_CARRIER_VERB = re.compile(
    r"(?i)[^.;]*?\b(?:carried|carrying|was\s+loaded|were\s+loaded|laden|had\s+flown|flew)\b"
)
_RELATIVE_ON_GOODS = re.compile(r"(?i)\b(?:that|which)\s")
_DEFINITE_CONVEYANCE = re.compile(
    r"(?i)\s+(?:the|that|this)\s+(?:same\s+)?(?:vessel|ship|dhow|boat|freighter|plane|aircraft|shipment|"
    r"consignment|truck|lorry)\b"
)
_DISPOSED = re.compile(
    r"(?i)\b(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:transferred|handed\s+over|given|sent|"
    r"donated|passed\s+on)\s+to\b[^.;]{0,60}?\b(?:later|afterwards|subsequently)\b|"
    r"\b(?:later|afterwards|subsequently|since)\s+(?:been\s+)?(?:transferred|handed\s+over|given|sent|donated|passed\s+on)\s+to\b"
)
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|these|those|its|their)\s+$")


class SeizureReading(ClaimWriter):
    """The interdiction frame: opened, filled, closed into claims."""

    def _note_cargo_origin(self, sent: Sentence, parties: list[ActorMention]) -> None:
        """ "Iranian cargoes": the maker of goods seized later, unless said otherwise."""
        for mention in parties:
            if mention.form == "demonym" and _CARGO_ORIGIN.match(
                self.text[mention.end : mention.end + 30]
            ):
                negated = _NEGATION.search(self.text, sent.start, mention.start)
                self.cargo_origin = None if negated else mention.actor_id

    def _interdiction(
        self,
        index: int,
        sent: Sentence,
        parties: list[ActorMention],
        organs: list[ActorMention],
        items: list[ItemMention],
        dates: list[DateMention],
        source: str | None,
    ) -> bool:
        """Open, continue or close the frame with this sentence; True if the sentence was read
        as part of a seizure (its goods are cargo, not a transfer of their own)."""
        pats = cue_patterns()
        text = self.text
        seize = [c for c in find(pats.seize, text, sent.start, sent.end, "seize")
                 if not is_negated(text, sent.start, c.start) and not _GENERIC_EVENTS.fullmatch(c.text)
                 and not (c.text[:1].isupper() and re.search(r"\b[Tt]he\s+$", text[max(sent.start, c.start - 5) : c.start]))  # "The Intercept": a name
                 and not pats.seize_not_cargo.match(text, c.end)
                 and not (c.text.lower() == "seized" and _DETERMINER_BEFORE.search(text, max(sent.start, c.start - 8), c.start))  # "the seized arms": told before
                 and not (pats.shot_in_flight.match(text, c.start) and not _CARGO_WORDS.search(text, sent.start, sent.end))]  # fmt: skip
        vessels = self.mentions.between("vessels", sent.start, sent.end)
        if not seize and not items and self.frame is None and self.closed is None and not vessels:
            return False  # nothing to open, continue or reopen: most sentences of most articles
        if not seize and self.frame is not None and _DISPOSED.search(text, sent.start, sent.end):
            # "The weapons were transferred to Ukraine months later": the seizer hands the cargo
            # on; a transfer of its own, from the seizer, and no end user of the seizure
            seizer = self.frame.seized_by
            self._close_frame()
            if seizer is not None:
                self.flow = Flow([seizer], [], index, source)
            return False
        referring = bool(seize) and all(
            (
                _EVENT_NOUN.fullmatch(c.text)
                and _REFERENCE.search(text[max(sent.start, c.start - 30) : c.start])
            )
            or _DEFINITE_CONVEYANCE.match(text, c.end)
            for c in seize
        )  # "the seizure", "boarded the vessel": the one just told
        reopened = False
        anaphoric = (
            _ANAPHOR_START.match(text[sent.start : sent.end]) is not None
            or _ATTRIBUTED_ANAPHOR.match(text[sent.start : sent.end]) is not None
        )
        back_to_it = anaphoric and (
            bool(items) or bool(_CARGO_CUE.search(text, sent.start, sent.end))
        )  # "During the inspection, officials found 79 crates": the seizure told before
        if (
            (referring or back_to_it)
            and self.frame is None
            and self.closed is not None
            and index - self.closed.last_index <= 3
        ):
            self.frame, reopened = (
                self.closed,
                True,
            )  # the seizure just told, told again: same frame
        if referring and self.frame is not None:
            seize = []  # "publicised the seizure", "the largest seizure": the same event again
            reopened = True
        discover = pats.discover.search(text, sent.start, sent.end)
        named = [v for v in vessels if v.name]
        if not seize and not referring:
            for vessel in named:  # "the navy had stopped the Santorini": a named ship stopped
                verb = _STOPPED_SHIP.search(text, max(sent.start, vessel.start - 24), vessel.start)
                if verb is not None and not is_negated(text, sent.start, verb.start()):
                    seize = [Cue(verb.start(), verb.end(), "seize", verb.group("verb"))]
                    break
        frame = self.frame
        continuing = frame is not None and (
            reopened or frame.paragraph == sent.paragraph or anaphoric
        )
        new_vessel = bool(named) and (
            frame is not None and frame.conveyance is not None and frame.conveyance.name is not None
            and all(v.name not in (frame.conveyance.name or "") for v in named)
        )  # fmt: skip
        if continuing and new_vessel:
            continuing = False  # another ship: another story
        vessel_story = (
            frame is not None
            and frame.conveyance is not None
            and frame.conveyance.name is not None
            and any(v.name == frame.conveyance.name and v.start - sent.start <= 12 for v in named)
            and index - frame.last_index <= 3
        )  # "The Jie Shun departed from Haeju": the same ship's story goes on
        continuing = continuing or vessel_story
        listed = self._cargo_list_item(index, sent)
        continuing = continuing or (frame is not None and index - frame.last_index == 1 and listed)
        same_event = (
            frame is not None
            and index - frame.last_index <= 2
            and not new_vessel
            and (
                bool(named)
                or anaphoric
                or (frame.paragraph == sent.paragraph and index - frame.last_index <= 1)
            )
            and not [d for d in dates if frame.when and _other_date(d.when, frame.when)]
            and not self._other_seizer(frame, seize, parties, organs)
            and not (
                frame.conveyance is not None
                and any(
                    v.kind != frame.conveyance.kind and v.kind in ("ship", "aircraft")
                    for v in vessels
                )
            )
        )
        if seize and same_event:
            assert frame is not None
            frame.paragraph = sent.paragraph
            self._fill_frame(frame, sent, parties, organs, seize[0], dates, source, new=False)
        elif seize and not (
            discover and continuing and not named and not _seizer(parties, organs, seize[0], text)
        ):
            self._close_frame()
            frame = self.frame = Frame(sent.paragraph, (sent.start, sent.end))
            self._fill_frame(frame, sent, parties, organs, seize[0], dates, source, new=True)
            previous = self.sentences[index - 1] if index > 0 else None
            if (
                previous
                and previous.paragraph == sent.paragraph
                and (
                    frame.conveyance is None
                    or frame.conveyance.name is None
                    or frame.when is None
                    or not frame.entries
                )
            ):
                self._inherit_previous(frame, sent, previous)
        elif (
            frame is not None
            and continuing
            and (
                discover or vessel_story or listed or _CARGO_CUE.search(text, sent.start, sent.end)
            )
        ):
            frame.paragraph = sent.paragraph
            self._fill_frame(frame, sent, parties, organs, None, dates, source, new=False)
        elif discover and items:  # "Aboard the Victoria, the IDF found: ..."
            self._close_frame()
            frame = self.frame = Frame(sent.paragraph, (sent.start, sent.end))
            finder = re.search(r"\b(?:found|discovered|uncovered)\b", text[sent.start : sent.end])
            cue = (
                Cue(
                    sent.start + finder.start(), sent.start + finder.end(), "seize", finder.group(0)
                )
                if finder
                else None
            )
            self._fill_frame(frame, sent, parties, organs, cue, dates, source, new=True)
        else:
            if frame is not None:
                frame.idle += 1
                if frame.idle > 1 or frame.paragraph != sent.paragraph:
                    self._close_frame()
            return False
        assert frame is not None
        frame.last_index = index
        self._add_goods(frame, sent, items)
        return True

    def _add_goods(self, frame: Frame, sent: Sentence, items: list[ItemMention]) -> None:
        """The goods and counts one sentence adds to the seizure being read."""
        text = self.text
        entries = group_items(text, [i for i in items if i.category not in SUPPORT_CATEGORIES],
                              self.mentions.between("calibers", sent.start, sent.end),
                              cargo=True, mortar_bombs_in_document=self.mortar_bombs)  # fmt: skip
        bound = bind_quantities(
            text,
            (sent.start, sent.end),
            self.mentions.between("numbers", sent.start, sent.end),
            items,
            None,
        )
        span = (sent.start, sent.end)
        for entry in entries:
            frame.entries.append((entry, span))
        for quantity in bound:
            if quantity.category in SUPPORT_CATEGORIES:
                continue
            frame.quantities.append((quantity, span))

    def _cargo_list_item(self, index: int, sent: Sentence) -> bool:
        """ "(a) 24,000 complete PG-7 grenades;" under "The consignment comprised:" (or under an
        earlier such item): a line of the cargo's inventory."""
        text = self.text
        if index == 0 or not _LIST_ITEM.match(text, sent.start):
            return False
        previous = self.sentences[index - 1]
        before = text[previous.start : previous.end].rstrip()
        return (before.endswith(":") and bool(_INVENTORY.search(before[-90:]))) or bool(
            _LIST_ITEM.match(text, previous.start)
        )

    def _other_seizer(
        self,
        frame: Frame,
        seize: list[Cue],
        parties: list[ActorMention],
        organs: list[ActorMention],
    ) -> bool:
        """A seizure by someone else than the frame's seizer is another event."""
        if not seize or frame.seized_by is None:
            return False
        seizer = _seizer(parties, organs, seize[0], self.text)
        return seizer is not None and (seizer.country or seizer.actor_id) != frame.seized_by

    def _told_flow(
        self,
        sent: Sentence,
        trigger: Cue | None,
        others: list[ActorMention],
        goods: list[ItemMention],
    ) -> Roles | None:
        """The parties of a flow told in a relative clause on the seized goods: "seized rifles
        that officials said Iran had sent to the Houthis"."""
        if trigger is None:
            return None
        text = self.text
        relative = _RELATIVE_ON_GOODS.search(text, trigger.end, sent.end)
        if relative is None:
            return None
        gives = [
            c for c in find_transfer_cues(text, relative.start(), sent.end, goods)
            if c.label == "give" and not is_negated(text, relative.start(), c.start)
        ]  # fmt: skip
        if not gives:
            return None
        clause = (relative.start(), sent.end)
        inside = [p for p in others if p.start >= relative.start()]
        return assign_roles(text, clause, inside, gives, [g for g in goods if g.start >= clause[0]])

    def _fill_frame(
        self,
        frame: Frame,
        sent: Sentence,
        parties: list[ActorMention],
        organs: list[ActorMention],
        trigger: Cue | None,
        dates: list[DateMention],
        source: str | None,
        *,
        new: bool,
    ) -> None:
        """Take what one sentence says of the seizure: seizer, makers, origins, suppliers, end
        users, ship, date, hedge and concealment (`new`: the sentence opened the frame)."""
        text = self.text
        clause = (sent.start, sent.end)
        seizer_mention = _seizer(parties, organs, trigger, text) if trigger is not None else None
        others = [p for p in parties if p is not seizer_mention]
        goods = without_seizing_ships(
            text, sent, self._goods_between(sent.start, sent.end)
        )  # "Yemeni forces" are no cargo, nor is the plane that carried it
        roles = assign_roles(text, clause, others, [], goods)
        told = self._told_flow(sent, trigger, others, goods)
        if told is not None:  # "seized rifles that officials said Iran had sent to the Houthis"
            if not roles.suppliers:
                roles.suppliers = list(told.suppliers)
            if not roles.recipients:
                roles.recipients = [r for r in told.recipients if r not in roles.suppliers]
        if seizer_mention is not None:
            frame.seized_by = seizer_mention.country or seizer_mention.actor_id
        made_in = {
            m.actor_id
            for m in parties
            if re.search(
                r"\b(?:made|manufactured|produced|built)\s+(?:in|by)\s+(?:the\s+)?$",
                text[max(sent.start, m.start - 22) : m.start],
            )
        }
        for mention in parties:
            if mention.actor_id not in made_in:
                continue
            relative = re.search(r"(?i)(?:,\s*)?(?:which|that)\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:made|manufactured|produced|built)\s+(?:in|by)\s+(?:the\s+)?$",
                                 text[max(sent.start, mention.start - 60) : mention.start])  # fmt: skip
            owner = self._goods_between(sent.start, mention.start)
            if relative and owner:
                self._emit("production", (sent.start, sent.end), supplier=mention.actor_id, entry=ItemEntry(owner[-1].category, [owner[-1]]),
                           hedge=hedge_of(text, sent.start, sent.end))  # fmt: skip
                made_in.discard(mention.actor_id)
                roles.suppliers = [s for s in roles.suppliers if s != mention.actor_id]
        for actor_id in roles.origins:
            if actor_id not in frame.origins and actor_id != frame.seized_by:
                frame.origins.append(actor_id)
        if goods and not frame.entries and frame.origins_cover:
            head = goods[0]  # the cargo's head noun: "found Iranian-made components for ..."
            frame.origins_cover = any(
                re.fullmatch(
                    r"(?:[-\u2010](?:made|manufactured|produced|built))?\s*(?:[\w\-]+\s+){0,2}",
                    text[m.end : head.start],
                )
                for m in parties
                if m.end <= head.start and m.actor_id in roles.origins
            )
        for actor_id in roles.suppliers:
            if actor_id in made_in:
                if actor_id not in frame.made_by:
                    frame.made_by.append(actor_id)
                continue
            if (
                actor_id not in frame.suppliers
                and actor_id != frame.seized_by
                and actor_id not in frame.recipients
            ):
                frame.suppliers.append(actor_id)
        for mention in parties:
            if re.match(
                r"^[-\u2010\u2011](?:made|manufactured|produced)\b",
                text[mention.end : mention.end + 14],
            ) and not items_after(
                text, mention, self.mentions.between("items", mention.end, sent.end)
            ):
                frame.made_by.append(mention.actor_id)
        recipients = [r for r in roles.recipients if r != frame.seized_by or not new]
        end_user = bool(_END_USER.search(text, sent.start, sent.end))
        if recipients and (new or end_user or not frame.recipients):
            if frame.end_user_set and not end_user:
                pass  # "flown to Iran" after "destined for Gaza": a leg, not the end user
            elif new or not frame.recipients or not frame.end_user_set:
                frame.recipients = recipients
            else:
                frame.recipients = list(dict.fromkeys(frame.recipients + recipients))
            frame.end_user_set = frame.end_user_set or end_user
        for vessel in self.mentions.between("vessels", sent.start, sent.end):
            if vessel.name and (frame.conveyance is None or frame.conveyance.name is None):
                prefix = text[vessel.start : vessel.end]
                name = prefix if re.match(r"^(?:MV|M/V|M\.V\.|MS|SS|MT)\s", prefix) else vessel.name
                frame.conveyance = Conveyance("ship", name)
            elif not vessel.name and frame.conveyance is None:
                frame.conveyance = Conveyance(vessel.kind)
        if new:
            point = [d for d in dates if isinstance(d.when, str)] or dates
            anchor = trigger.start if trigger is not None else sent.start
            frame.when = min(point, key=lambda d: abs(d.start - anchor)).when if point else None
            frame.hedge = hedge_of(text, sent.start, sent.end)
            frame.source = source
        else:
            if source and frame.source is None:
                frame.source = source
            if frame.when is None and dates:
                point = [d for d in dates if isinstance(d.when, str)]
                frame.when = point[0].when if point else dates[0].when
        concealment = concealment_of(text, sent.start, sent.end)
        if concealment:
            frame.concealment = frame.concealment or concealment

    def _inherit_previous(self, frame: Frame, sent: Sentence, previous: Sentence) -> None:
        """ "When it was stopped and searched, the vessel ..." takes the ship, date and
        destination from the sentence before."""
        window = (previous.start, previous.end)
        ship = frame.conveyance.name if frame.conveyance is not None else None
        same_ship = ship is not None and any(
            v.name == ship for v in self.mentions.between("vessels", *window)
        )  # "The Sea Lark sailed from Wonju with rifles. Coastguards seized the Sea Lark."
        if (
            not same_ship
            and not _ANAPHOR_START.search(self.text[sent.start : sent.end])
            and not re.search(
                r"\b(?:it|the\s+vessel|the\s+ship|the\s+plane)\b",
                self.text[sent.start : sent.end],
                re.I,
            )
        ):
            return
        if same_ship and not frame.entries:
            self._add_goods(frame, previous, self.mentions.between("items", *window))
        for vessel in self.mentions.between("vessels", *window):
            if vessel.name and (frame.conveyance is None or frame.conveyance.name is None):
                frame.conveyance = Conveyance("ship", vessel.name)
        previous_text = self.text[window[0] : window[1]]
        resolver = DateResolver(published=self.published)
        resolver.anchor_year = self.dates.anchor_year
        dates = resolver.find(previous_text, window[0])
        if dates and frame.when is None:
            frame.when = dates[-1].when
        parties = [a for a in self.mentions.between("actors", *window) if a.is_party]
        transfer = find_transfer_cues(self.text, *window, self.mentions.between("items", *window))
        roles = assign_roles(self.text, window, parties, transfer, [])
        if not frame.recipients:
            frame.recipients = list(roles.recipients)
        if not frame.suppliers:
            frame.suppliers = [s for s in roles.suppliers if s not in frame.recipients]
        if frame.hedge == "confirmed":
            frame.hedge = hedge_of(self.text, *window)

    def _close_frame(self, *, require_anchors: bool = True) -> None:
        """Write the open frame's claims, if it names enough to be one seizure."""
        frame, self.frame = self.frame, None
        if frame is not None:
            self.closed = frame
        if frame is None or not frame.entries:
            return
        anchors = [frame.conveyance is not None and frame.conveyance.name is not None, frame.when is not None,
                   frame.seized_by is not None, bool(frame.recipients or frame.suppliers), bool(frame.quantities)]  # fmt: skip
        if require_anchors and sum(anchors) < 2:
            return  # "the weapons seized in those cargoes": talk about seizures, not one seizure
        whole_cargo = frame.origins if len(frame.origins) == 1 and frame.origins_cover else []
        suppliers: list[str | None] = (
            list(frame.suppliers or frame.made_by or whole_cargo)
            or ([self.cargo_origin] if self.cargo_origin else [None])
        )  # fmt: skip
        recipients: list[str | None] = list(frame.recipients) or [None]
        quantified: dict[str, list[tuple[BoundQuantity, tuple[int, int]]]] = {}
        for bq, span in frame.quantities:
            quantified.setdefault(bq.category, []).append((bq, span))
        categories: dict[str, tuple[ItemEntry, tuple[int, int]]] = {}
        for entry, span in frame.entries:
            if entry.category in categories:
                categories[entry.category][0].mentions.extend(entry.mentions)
            else:
                categories[entry.category] = (
                    ItemEntry(entry.category, list(entry.mentions), list(entry.calibers)),
                    span,
                )
        for category in quantified:
            if category not in categories:
                categories[category] = (ItemEntry(category), quantified[category][0][1])
        kept = drop_generic([c[0] for c in categories.values()], set(quantified))
        for entry in kept:
            span = categories[entry.category][1]
            variants: list[tuple[Quantity | None, tuple[int, int]]] = [
                (bq.quantity, qspan) for bq, qspan in quantified.get(entry.category, [])
            ] or [(None, span)]
            for quantity, evidence_span in variants:
                for supplier in suppliers:
                    for recipient in recipients:
                        if supplier and supplier == recipient:
                            continue
                        self._emit(
                            "interdiction", evidence_span, supplier=supplier, recipient=recipient,
                            entry=entry, quantity=quantity, when=frame.when, hedge=frame.hedge,
                            source=frame.source, conveyance=frame.conveyance, seized_by=frame.seized_by,
                            concealment=frame.concealment,
                        )  # fmt: skip
            for maker in frame.made_by:
                self._emit(
                    "production",
                    span,
                    supplier=maker,
                    entry=entry,
                    hedge="confirmed",
                    source=frame.source,
                )


def _other_date(when: When, frame_when: When) -> bool:
    """Two dates that name different times: "December 2009" after "July 2009"."""
    a = when if isinstance(when, str) else (when.get("start") or when.get("end") or "")
    b = (
        frame_when
        if isinstance(frame_when, str)
        else (frame_when.get("start") or frame_when.get("end") or "")
    )
    return not (a.startswith(b) or b.startswith(a))


_SEIZING_ARM = re.compile(
    r"^['\u2019]s\s+(?:\w+\s+)?(?:navy|naval\s+forces|army|military|coast\s*guard|customs(?:\s+officers|\s+officials)?|"
    r"police|border\s+guards?|forces|security\s+forces|special\s+forces|commandos|marines|"
    r"authorities|troops|soldiers)\s*$",
    re.I,
)


def _seizer(
    parties: list[ActorMention], organs: list[ActorMention], trigger: Cue, text: str
) -> ActorMention | None:
    """The party that seized: subject of an active verb, or "by X" after a passive one."""
    candidates = sorted(parties + organs, key=lambda a: a.start)
    passive = cue_patterns().passive.search(text[max(0, trigger.start - 30) : trigger.start])
    if passive:
        for mention in candidates:
            if 0 <= mention.start - trigger.end <= 24 and re.match(
                r"^\s+by\s", text[trigger.end : mention.start + 1]
            ):
                return mention
        return None
    before = [m for m in candidates if m.end <= trigger.start and trigger.start - m.end <= 40]
    if before:
        mention = before[-1]
        gap = text[mention.end : trigger.start]
        if _SEIZING_ARM.match(gap):
            return mention  # "Israel's navy seized": the state's forces made the seizure
        if re.search(r"[.;]|\b(?:in|to|for|from|of|at|via|through)\b", gap) or re.match(
            r"^['\u2019]s\b", gap
        ):
            return None  # "Iran's cargo was seized": the owner, not the seizer
        return mention
    return None
