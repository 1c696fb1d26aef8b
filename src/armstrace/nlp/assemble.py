"""Assemble claims from a document's sentences: the extractor's reasoning in one place.

Reading order matters: dates anchor later relative dates, a seizure opens a frame that the
following sentences fill (cargo lists, end users), and the last flow named supplies the parties
of a sentence that only gives a figure ("The number has jumped from 28,000 containers").
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Generic, Protocol, TypeVar

from armstrace.errors import Overtime
from armstrace.gazetteer import load_gazetteer
from armstrace.model.claim import Claim, Conveyance, Evidence, Item, Quantity, When
from armstrace.nlp.anaphora import AnaphoraState
from armstrace.nlp.attribution import Attribution, find_attributions
from armstrace.nlp.context import DocumentMentions, scan_document
from armstrace.nlp.cues import (
    Cue,
    concealment_of,
    cue_patterns,
    find,
    find_transfer_cues,
    hedge_of,
    is_negated,
)
from armstrace.nlp.items import ItemEntry, drop_generic, group_items
from armstrace.nlp.mentions import ActorMention, ItemMention
from armstrace.nlp.quantities import SUPPORT_CATEGORIES, BoundQuantity, bind_quantities
from armstrace.nlp.roles import Roles, assign_roles, is_adjective, is_participle
from armstrace.nlp.sentences import Sentence, split_clauses, split_sentences
from armstrace.nlp.tables import (
    Table,
    is_separator,
    is_table_line,
    quantity_unit,
    read_header,
    split_cells,
)
from armstrace.parse.date import DateMention, DateResolver

_QUESTION_START = re.compile(
    r"^[\"'\u201c]?(?:what|who|whom|whose|why|how|which|where|when|is|are|was|were|could|can|will|would|"
    r"did|does|do|should|shall|has|have|had|may|might|must)\b",
    re.I,
)
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
_END_USER = re.compile(
    r"(?:bound\s+for|destined\s+for|intended\s+for|meant\s+for|en\s+route\s+to|headed\s+(?:for|to)|heading\s+(?:home\s+)?to|"
    r"earmarked\s+for|[-\u2010]bound)\b",
    re.I,
)
_CARGO_ORIGIN = re.compile(
    r"^\s+(?:cargo|cargoes|shipments?|consignments?|arms\s+shipments?|weapons\s+shipments?)\b", re.I
)
_COLLECTIVE = re.compile(
    r"\b(?:armed\s+groups|groups\s+in|non-state\s+(?:actors|groups)|countries|customers|clients|"
    r"third\s+countr(?:y|ies)|militant\s+groups|terrorist\s+organi[sz]ations|allies|partners|you)\b",
    re.I,
)
# "... and then handed on to Y": the goods pass from the last buyer to Y. "Iran shipped rockets to
# Sudan and then smuggled them to Hamas" keeps its subject: no relay without "on to" or the like.
_THEN = re.compile(r"\s*(?:and\s+)?then\b", re.I)
_RELAY = re.compile(
    r"\s*(?:and\s+)?then\s+(?:[\w\-]+\s+){0,3}?(?:(?:handed|passed|sent|shipped|sold|moved|given)"
    r"\s+(?:\w+\s+)?on(?:wards?)?\s+to|forwarded\s+to|re-?exported\s+to)\b",
    re.I,
)
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
_INVENTORY = re.compile(
    r"\b(?:compris\w*|consist\w*|includ\w*|contain\w*|cargo|consignment|shipment|haul|found|seized|"
    r"discovered|recovered|following|inventory|manifest)\b[^:]*:$",
    re.I,
)
_LIST_ITEM = re.compile(r"\s*(?:\((?:[a-z]|\d{1,2}|[ivx]{1,4})\)|[a-z]\)|[-\u2022\u2013*])\s+")
_TO_TRAIN = re.compile(r"\bto\s+(?:help\s+)?train\b", re.I)
_MONEY = re.compile(
    r"(?:[$\u20ac\u00a3]\s?\d|\b\d[\d,.]*\s*(?:million|billion)?\s*(?:dollars|euros)\b)", re.I
)
_PARAGRAPH_NUMBER = re.compile(
    r"\s*(?:\d{1,4}|[a-z]|[ivx]{1,5})[.)]\s*|\s*\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)\s*"
)
_SUPPLIED_SUFFIX = re.compile(
    r"[-\u2010\u2011](?:supplied|provided|delivered|donated|sold|exported)\b", re.I
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
_EVENT_NOUN = re.compile(r"(?i)seizure|interception|interdiction|detention|confiscation|grounding")
_REFERENCE = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w\-]+\s+){0,2}$", re.I)
_GENERIC_EVENTS = re.compile(r"(?i)seizures|interceptions|interdictions|detentions|confiscations")
_CONTEXT_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted|refutes)\s+(?:both\s+)?(?:the|these|those|such|all|"
    r"that|this)\s+(?:\w+\s+){0,2}?(?:reports?|accusations?|allegations?|claims?|charges?|findings?|interception|"
    r"seizure|assessment|estimates?|figures?|account|accounts|story|stories)\b",
    re.I,
)
_APPOSITIVE = re.compile(
    r",?\s*(?:and\s+)?an?\s+(?:long[-\s]?time\s+|longtime\s+|major\s+|key\s+|main\s+|leading\s+|close\s+|"
    r"staunch\s+|principal\s+)?(?P<role>buyer|customer|client|importer|recipient|backer|sponsor|patron|supporter|"
    r"ally|arms\s+supplier|supplier|seller|exporter)\s+of\s+(?:the\s+)?",
    re.I,
)
_LINEAGE = re.compile(
    r"\b(?:(?:a|an|the|another)\s+)?(?:licensed\s+|licence-built\s+|license-built\s+|reverse[-\s]engineered\s+|"
    r"indigenous\s+|local\s+|domestic\s+|improved\s+|upgraded\s+|modified\s+)?(?:version|copy|variant|derivative|"
    r"clone|replica|knock-?off)\s+of\b|\bbased\s+on\b|\bderived\s+from\b",
    re.I,
)
_APPOSITIVE_CHAIN = re.compile(r"(?:\s*,?\s*(?:and\s+)?an?\s+[^,;.]*?)+\s*", re.I)
_ARMING = re.compile(r"(?i)arm|arms|armed|arming")
_ANNOUNCING = (
    "announced",
    "pledged",
    "unveiled",
    "approved",
    "authorized",
    "authorised",
    "committed",
)
_NEGATION = re.compile(r"\b(?:not|no|never|without)\b", re.I)
_AS_OF = re.compile(
    r"\b(?:so\s+far|to\s+date|in\s+total|since|has\s+(?:shipped|sent|delivered|supplied)|have\s+(?:shipped|sent|delivered|supplied)|had\s+(?:shipped|sent))\b",
    re.I,
)


@dataclass
class Frame:
    """One interdiction being described across sentences."""

    paragraph: int
    evidence: tuple[int, int]
    seized_by: str | None = None
    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    conveyance: Conveyance | None = None
    when: When | None = None
    hedge: str = "confirmed"
    source: str | None = None
    concealment: str | None = None
    entries: list[tuple[ItemEntry, tuple[int, int]]] = field(default_factory=list)
    quantities: list[tuple[BoundQuantity, tuple[int, int]]] = field(default_factory=list)
    made_by: list[str] = field(default_factory=list)
    idle: int = 0
    last_index: int = 0
    end_user_set: bool = False
    origins: list[str] = field(default_factory=list)
    origins_cover: bool = True  # every item so far carries the same maker


@dataclass
class Flow:
    suppliers: list[str]
    recipients: list[str]
    sentence: int
    source: str | None = None


class Assembler:
    """Walks one document and returns its claims."""

    def __init__(
        self, text: str, doc_id: str, published: str | None = None, deadline: float | None = None
    ) -> None:
        self.deadline = deadline  # time.monotonic() past which reading stops (Overtime)
        self.text = text
        self.doc_id = doc_id
        self.dates = DateResolver(published=published)
        self.published = published
        self.mentions: DocumentMentions = scan_document(text)
        self.claims: list[Claim] = []
        self.frame: Frame | None = None
        self.closed: Frame | None = None  # the last frame closed, reopened by "the seizure"
        self.flow: Flow | None = None
        self.support_flow: Flow | None = None
        self.flows: Counter[tuple[str, str]] = Counter()
        self.last_unit: str | None = None
        self.last_subject: str | None = None
        self.cargo_origin: str | None = None
        self.mortar_bombs = bool(re.search(r"\bmortar\s+(?:bombs?|shells?|rounds?)\b", text, re.I))
        self.sentences: list[Sentence] = []
        self.table: Table | None = None
        self.anaphora = AnaphoraState()
        states = [(n, a) for a, n in self.mentions.counts.items() if a.isupper() and len(a) == 2]
        self.anaphora.home = max(states)[1] if states else None
        self.previous_caption: tuple[str, ItemMention] | None = None
        self.topic: tuple[int, str] | None = (
            None  # a short sentence naming one party, and its index
        )

    # ---------------------------------------------------------------- driver
    def run(self) -> list[Claim]:
        sentences = self.sentences = [
            s for s in split_sentences(self.text)
            if not _PARAGRAPH_NUMBER.fullmatch(self.text, s.start, s.end)
        ]  # fmt: skip
        for index, sent in enumerate(sentences):
            if self.deadline is not None and time.monotonic() > self.deadline:
                raise Overtime(f"{self.doc_id}: over the time limit at sentence {index}")
            self._sentence(index, sent)
        self._close_frame()
        return _dedupe(self.claims)

    def _sentence(self, index: int, sent: Sentence) -> None:
        text = self.text
        body = text[sent.start : sent.end]
        if is_table_line(body):
            self._table_line(index, sent)
            return
        self.table = None
        dates = self.dates.find(body, sent.start)
        if body.rstrip(" \"'\u201d").endswith("?") and any(
            _QUESTION_START.match(part.strip()) for part in re.split(r"[:;,\u2014]", body)
        ):
            return  # "Suppose a ceasefire held: would Europe resume selling arms to Moscow?"
        actors = self.mentions.between("actors", sent.start, sent.end)
        anaphors = self.anaphora.resolve(text, sent.start, sent.end, before=actors)
        if anaphors:
            actors = sorted(actors + anaphors, key=lambda a: a.start)
        items = self.mentions.between("items", sent.start, sent.end)
        if self._quiet(sent, items, actors):
            parties = [a for a in actors if a.is_party]
            self.previous_caption = None
        else:
            attributions = find_attributions(text, sent.start, sent.end, actors)
            excluded = {id(a) for att in attributions for a in att.actors if not att.denial}
            parties = [
                a
                for a in actors
                if (a.is_party or _acting_organ(text, a)) and id(a) not in excluded
            ]
            organs = [a for a in actors if a.form in ("organ", "agency")]
            source = attributions[0].source if attributions else None
            self._note_cargo_origin(sent, parties)
            consumed = self._interdiction(index, sent, parties, organs, items, dates, source)
            self._production(sent, parties, items, source, dates, cargo=consumed)
            if not consumed:
                self._supplied_epithets(sent, parties, items, source)
            if not consumed:
                near = _Nearby(parties, items, attributions)
                for clause in split_clauses(text, sent.start, sent.end):
                    self._transfer_clause(index, sent, clause, *near.around(clause), dates)
        self._epithets(sent, actors)
        self._denials(sent, actors)
        self._appositives(sent, parties)
        self.anaphora.observe([a for a in actors if a not in anaphors])
        named = {a.actor_id for a in parties if a.form in ("name", "weak")}
        if len(named) == 1 and sent.end - sent.start <= 80 and parties[0].start - sent.start <= 4:
            self.topic = (index, next(iter(named)))
        first_party = next(
            (a for a in parties if a.form in ("name", "weak") and a.actor_id.isupper()), None
        )
        if first_party:
            self.last_subject = first_party.actor_id

    def _quiet(self, sent: Sentence, items: list[ItemMention], actors: list[ActorMention]) -> bool:
        """Most sentences of a news article state no claim: skip the expensive reading for a
        sentence with no goods, no figure, no open seizure and no support or flow cue."""
        if (
            items
            or self.frame is not None
            or self.mentions.between("numbers", sent.start, sent.end)
        ):
            return False
        pats = cue_patterns()
        text = self.text
        if pats.support_no_item.search(text, sent.start, sent.end) or pats.seize.search(
            text, sent.start, sent.end
        ):
            return False
        if pats.recipient_nouns.search(text, sent.start, sent.end):
            return False
        parties = sum(1 for a in actors if a.is_party)
        return parties < 2 or pats.transfer.search(text, sent.start, sent.end) is None

    # ---------------------------------------------------------------- tables
    def _table_line(self, index: int, sent: Sentence) -> None:
        """A header opens a table; each later row is one event, in the context read so far."""
        body = self.text[sent.start : sent.end]
        if is_separator(body):
            return
        cells = split_cells(self.text, sent.start, sent.end)
        if self.table is None:
            self._close_frame()
            self.table = read_header(cells)
            return
        table = self.table
        when = None
        date_cell = table.cell(cells, "date")
        if date_cell is not None:
            found = self.dates.find(date_cell.text, date_cell.start)
            when = found[0].when if found else None
        suppliers = self._cell_parties(table.cell(cells, "supplier"))
        recipients = self._cell_parties(table.cell(cells, "recipient"))
        context = self.flow or (Flow([d[0]], [d[1]], index) if (d := self._dominant()) else None)
        if context is not None:
            suppliers = suppliers or list(context.suppliers)
            recipients = recipients or list(context.recipients)
        if not suppliers and self.cargo_origin:
            suppliers = [self.cargo_origin]
        cargo = table.cell(cells, "cargo")
        span = (cargo.start, cargo.end) if cargo else (sent.start, sent.end)
        items = [
            i for i in self.mentions.between("items", *span) if i.category not in SUPPORT_CATEGORIES
        ]
        numbers = self.mentions.between("numbers", *span)
        bound = bind_quantities(self.text, span, numbers, items, None)
        unit = quantity_unit(table)
        quantity_cell = table.cell(cells, "quantity")
        if quantity_cell is not None and unit:
            for number in self.mentions.between("numbers", quantity_cell.start, quantity_cell.end):
                category = "troops" if unit == "persons" else "munitions"
                unit_name = "persons" if unit == "persons" else unit
                bound.append(
                    BoundQuantity(
                        category,
                        Quantity(number.value, unit_name, number.qualifier, number.max),
                        None,
                        number.start,
                    )
                )
        entries = group_items(self.text, items, self.mentions.between("calibers", *span), cargo=table.interdiction,
                              mortar_bombs_in_document=self.mortar_bombs)  # fmt: skip
        entries = drop_generic(entries, {b.category for b in bound})
        source_cell = table.cell(cells, "source")
        source = source_cell.text if source_cell is not None and source_cell.text else None
        row = (sent.start, sent.end)
        if table.interdiction:
            seizer_cell = table.cell(cells, "seizer")
            seizers = self._cell_parties(seizer_cell, organs=True)
            vessel_cell = table.cell(cells, "vessel")
            conveyance = self._cell_conveyance(vessel_cell)
            frame = Frame(sent.paragraph, row, seized_by=seizers[0] if seizers else None,
                          suppliers=suppliers, recipients=recipients, conveyance=conveyance, when=when,
                          source=source, last_index=index)  # fmt: skip
            frame.entries = [(e, row) for e in entries]
            frame.quantities = [(b, row) for b in bound if b.category not in SUPPORT_CATEGORIES]
            self.frame = frame
            self._close_frame(require_anchors=False)
            row_parties = [a for a in self.mentions.between("actors", *span) if a.is_party]
            self._production(
                Sentence(span[0], span[1], sent.paragraph, False),
                row_parties,
                items,
                source,
                [],
                cargo=True,
            )
            return
        if isinstance(when, str) and unit in ("containers", "tons"):
            when = {"end": when}
        if suppliers and recipients:
            self._emit_flows("transfer", row, suppliers, recipients, entries, bound, "reported" if source else "confirmed",
                             source, when, [])  # fmt: skip

    def _cell_parties(self, cell: object, *, organs: bool = False) -> list[str]:
        from armstrace.nlp.tables import Cell

        if not isinstance(cell, Cell):
            return []
        out: list[str] = []
        for mention in self.mentions.between("actors", cell.start, cell.end):
            if mention.is_party or (organs and mention.form in ("organ", "agency")):
                actor_id = (
                    mention.country
                    if mention.form in ("organ", "agency") and mention.country
                    else mention.actor_id
                )
                if actor_id not in out:
                    out.append(actor_id)
        return out

    def _cell_conveyance(self, cell: object) -> Conveyance | None:
        from armstrace.nlp.tables import Cell

        if not isinstance(cell, Cell):
            return None
        for vessel in self.mentions.between("vessels", cell.start, cell.end):
            if vessel.name:
                return Conveyance("ship", vessel.name)
        for vessel in self.mentions.between("vessels", cell.start, cell.end):
            return Conveyance(vessel.kind)
        return None

    def _dominant(self) -> tuple[str, str] | None:
        return self.flows.most_common(1)[0][0] if self.flows else None

    # ---------------------------------------------------------------- interdictions
    def _note_cargo_origin(self, sent: Sentence, parties: list[ActorMention]) -> None:
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
        pats = cue_patterns()
        text = self.text
        seize = [c for c in find(pats.seize, text, sent.start, sent.end, "seize")
                 if not is_negated(text, sent.start, c.start) and not _GENERIC_EVENTS.fullmatch(c.text)
                 and not pats.seize_not_cargo.match(text, c.end)]  # fmt: skip
        referring = bool(seize) and all(
            _EVENT_NOUN.fullmatch(c.text)
            and _REFERENCE.search(text[max(sent.start, c.start - 30) : c.start])
            for c in seize
        )
        reopened = False
        back_to_it = bool(_ANAPHOR_START.match(text[sent.start : sent.end])) and (
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
        vessels = self.mentions.between("vessels", sent.start, sent.end)
        named = [v for v in vessels if v.name]
        frame = self.frame
        continuing = frame is not None and (
            reopened
            or frame.paragraph == sent.paragraph
            or _ANAPHOR_START.match(text[sent.start : sent.end])
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
                or _ANAPHOR_START.match(text[sent.start : sent.end]) is not None
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
        text = self.text
        clause = (sent.start, sent.end)
        seizer_mention = _seizer(parties, organs, trigger, text) if trigger is not None else None
        others = [p for p in parties if p is not seizer_mention]
        goods = [
            i
            for i in self.mentions.between("items", sent.start, sent.end)
            if i.category not in SUPPORT_CATEGORIES
        ]  # "Yemeni forces" are no cargo
        roles = assign_roles(text, clause, others, [], goods)
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
            owner = [
                i
                for i in self.mentions.between("items", sent.start, mention.start)
                if i.category not in SUPPORT_CATEGORIES
            ]
            if relative and owner:
                self._emit("production", (sent.start, sent.end), supplier=mention.actor_id, entry=ItemEntry(owner[-1].category, [owner[-1]]),
                           hedge=hedge_of(text, sent.start, sent.end))  # fmt: skip
                made_in.discard(mention.actor_id)
                roles.suppliers = [s for s in roles.suppliers if s != mention.actor_id]
        for actor_id in roles.origins:
            if actor_id not in frame.origins and actor_id != frame.seized_by:
                frame.origins.append(actor_id)
        sent_items = [
            i
            for i in self.mentions.between("items", sent.start, sent.end)
            if i.category not in SUPPORT_CATEGORIES
        ]
        if sent_items and not frame.entries and frame.origins_cover:
            head = sent_items[0]  # the cargo's head noun: "found Iranian-made components for ..."
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
            ) and not _modifies_next_item(
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
        transfer = find_transfer_cues(self.text, *window)
        roles = assign_roles(self.text, window, parties, transfer, [])
        if not frame.recipients:
            frame.recipients = list(roles.recipients)
        if not frame.suppliers:
            frame.suppliers = [s for s in roles.suppliers if s not in frame.recipients]
        if frame.hedge == "confirmed":
            frame.hedge = hedge_of(self.text, *window)

    def _close_frame(self, *, require_anchors: bool = True) -> None:
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

    # ---------------------------------------------------------------- production
    def _production(
        self,
        sent: Sentence,
        parties: list[ActorMention],
        items: list[ItemMention],
        source: str | None,
        dates: list[DateMention],
        *,
        cargo: bool,
    ) -> None:
        text = self.text
        pats = cue_patterns()
        verbs = [c for c in find(pats.produce, text, sent.start, sent.end, "produce")
                 if not is_negated(text, sent.start, c.start)
                 and not re.search(r"(?i)\bused\s+to\s+$|\bhelp(?:ed)?\s+(?:\w+\s+)?$", text[max(sent.start, c.start - 20) : c.start])]  # fmt: skip
        material = [i for i in items if i.category not in SUPPORT_CATEGORIES]
        if not material:
            self.previous_caption = None
            return
        hedge = hedge_of(text, sent.start, sent.end)
        when = next((d.when for d in dates), None) if verbs else None
        calibers = self.mentions.between("calibers", sent.start, sent.end)
        # makers written on the items: "Iranian-made", "North Korean fuses" in a cargo list
        per_item: dict[str, list[ItemMention]] = {}
        for mention in parties:
            suffix = pats.made_suffix.match(text[mention.end : mention.end + 16])
            if not suffix and (mention.form != "demonym" or not is_adjective(text, mention)):
                continue  # a name counts only as "Iran-made"; a demonym as "Iranian" or "Iranian-made"
            if _designer(text, sent.start, mention) or re.match(
                r"^[-\u2010\u2011](?:supplied|backed|sponsored|funded|provided|delivered|bound|owned|flagged)\b",
                text[mention.end : mention.end + 14],
            ):
                continue
            targets = _items_after(text, mention, material)
            if not targets:
                continue
            if suffix or cargo or (verbs and _near_verb(mention, verbs)):
                per_item.setdefault(mention.actor_id, []).extend(targets)
        for maker, targets in per_item.items():
            for entry in drop_generic(
                group_items(
                    text, targets, calibers, cargo=cargo, mortar_bombs_in_document=self.mortar_bombs
                ),
                set(),
            ):
                self._emit(
                    "production",
                    (sent.start, sent.end),
                    supplier=maker,
                    entry=entry,
                    hedge=hedge,
                    source=source,
                    when=when,
                )
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
        passive = cue_patterns().passive.search(
            text[max(sent.start, verbs[0].start - 30) : verbs[0].start]
        )
        chosen = (
            material
            if passive or re.match(r"(?i)made|produced|manufactured|built", verbs[0].text)
            else after_verb
        )
        entries = drop_generic(group_items(text, chosen, calibers), set())
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
                    facility=self._facility(sent),
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
            targets = _items_after(text, mention, material)
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
            for mention in parties:
                if (
                    after
                    and 0 <= mention.start - verb.end <= 12
                    and mention.form in ("name", "weak", "place")
                ):
                    makers.append(mention.actor_id)
                gap = text[mention.end : verb.start]
                if cue_patterns().passive.search(
                    text[max(sent.start, verb.start - 30) : verb.start]
                ):
                    continue
                subject_like = mention.form in ("name", "weak") or (
                    mention.form == "demonym"
                    and re.match(
                        r"^\s*(?:arms\s+)?(?:factories|plants|manufacturers|industry|arms\s+industry|arms\s+manufacturing)",
                        text[mention.end : verb.end + 1],
                    )
                )
                between = [p for p in parties if mention.end <= p.start and p.end <= verb.start]
                if (
                    subject_like
                    and not between  # the maker is the subject: no other party in between
                    and mention.end <= verb.start
                    and len(gap) <= 42
                    and not re.search(r"[,;]|\b(?:that|which|suggest\w*|to\s+meet|for)\b", gap)
                    and not re.search(
                        r"(?i)\b(?:from|to|by|with|of|into|for|at|on)\s+(?:the\s+)?$",
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
        for mention in self.mentions.between("actors", sent.start, sent.end):
            if mention.form == "place" and re.search(
                r"(?i)plant|factory|works|complex|arsenal", mention.text
            ):
                return str(mention.text)
        m = re.search(
            r"\b[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+(?:Plant|Factory|Works)\s+(?:No\.?\s*|number\s+)\d+",
            self.text[sent.start : sent.end],
        )
        return m.group(0) if m else None

    def _facility_countries(self, sent: Sentence) -> list[str]:
        out = []
        for mention in self.mentions.between("actors", sent.start, sent.end):
            if mention.form == "place" and re.search(
                r"(?i)plant|factory|works|complex|arsenal", mention.text
            ):
                out.append(mention.actor_id)
        return out

    # ---------------------------------------------------------------- denials and appositives
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

    def _appositives(self, sent: Sentence, parties: list[ActorMention]) -> None:
        """ "Iran, a long-time buyer of North Korean arms and a backer of Hamas"."""
        text = self.text
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

    # ---------------------------------------------------------------- support epithets
    def _epithets(self, sent: Sentence, actors: list[ActorMention]) -> None:
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

    # ---------------------------------------------------------------- transfers and support
    def _transfer_clause(
        self,
        index: int,
        sent: Sentence,
        clause: tuple[int, int],
        sent_parties: list[ActorMention],
        sent_items: list[ItemMention],
        attributions: list[Attribution],
        dates: list[DateMention],
    ) -> None:
        text = self.text
        start, end = clause
        pats = cue_patterns()
        asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, start, end)]
        triggers = find_transfer_cues(text, start, end)
        if triggers and all(_within(t.start, asides) for t in triggers):
            asides = []  # "Iran, which has shipped drones to Russia, denied it": the aside is the claim
        parties = [
            p for p in sent_parties if start <= p.start < end and not _within(p.start, asides)
        ]
        items = [i for i in sent_items if start <= i.start < end and not _within(i.start, asides)]
        if not items and _THEN.match(
            text, start, end
        ):  # "... and then sent them to Y": the same goods
            items = [
                i for i in sent_items if i.end <= start and i.category not in SUPPORT_CATEGORIES
            ]
        support_cues = find(pats.support, text, start, end, "support")
        live = [t for t in triggers if not is_negated(text, start, t.start)]
        denial = None
        if triggers and not live:
            denial = _denier(attributions, text, start, end)
            if denial is None:
                return  # the author says it did not happen: not a claim
            live = triggers  # a party says it did not happen: a denial (claims.md)
        transit = pats.transit.search(text, start, end)
        roles = assign_roles(
            text,
            clause,
            parties,
            live
            + [c for c in support_cues if c.text.lower() not in {t.text.lower() for t in live}],
            items,
        )
        if transit:
            for mention in parties:
                if mention.start < transit.start() and mention.actor_id in roles.recipients:
                    roles.recipients.remove(mention.actor_id)
                    roles.add("via", mention.actor_id)
        for att in attributions:
            gerund = next((t for t in live if 0 <= t.start - att.end <= 2), None)
            if att.denial and att.actors and gerund is not None:
                subject = att.actors[0].country or att.actors[0].actor_id
                roles.add(
                    "recipients" if gerund.label in ("receive", "use") else "suppliers", subject
                )
        if denial is not None and not roles.suppliers and not roles.recipients and denial.actors:
            roles.subject_pronoun = True
        for att in attributions:
            if (att.pronoun_refers or att is denial) and roles.subject_pronoun and att.actors:
                subject = att.actors[0].country or att.actors[0].actor_id
                role = "recipients" if live and live[0].label in ("receive", "use") else "suppliers"
                roles.add(role, subject)
        numbers = self.mentions.between("numbers", start, end)
        bound = bind_quantities(text, clause, numbers, items, self.last_unit)
        if _TO_TRAIN.search(text, start, end):  # "sent five officers ... to train the army"
            bound = [
                replace(b, category="training") if b.category == "troops" else b for b in bound
            ]
        for bq in bound:
            if bq.quantity.unit in ("containers", "tons", "shipments"):
                self.last_unit = bq.quantity.unit
        material = [i for i in items if i.category not in SUPPORT_CATEGORIES]
        support_items = [i for i in items if i.category in SUPPORT_CATEGORIES]
        quantified = {bq.category for bq in bound}
        if not material and any(_ARMING.fullmatch(t.text) for t in live):
            material = [
                ItemMention(live[0].start, live[0].end, live[0].text, "munitions", "arms", True)
            ]
            items = items + material  # "denied arming the Houthis": arming moves arms
        if live and roles.suppliers and roles.recipients and not items and not bound:
            self.flow = Flow(
                list(roles.suppliers),
                list(roles.recipients),
                index,
                next((a.source for a in attributions), None),
            )  # context only
        if not roles.suppliers and live and live[0].label == "give":
            for att in attributions:
                if att.verb in _ANNOUNCING and att.actors:
                    donor = att.actors[0].country or att.actors[0].actor_id
                    if donor not in roles.recipients:
                        roles.add(
                            "suppliers", donor
                        )  # "The Pentagon announced $2.5 billion in aid for Ukraine"
        if (
            support_items
            and roles.suppliers
            and not roles.recipients
            and re.search(r"(?i)\b(?:been|were|was|are|being)\s+trained\b", text[start:end])
        ):
            for origin in roles.origins:
                if origin not in roles.suppliers:
                    roles.add("recipients", origin)  # "Russian personnel had been trained in Iran"
        if (
            support_items or any(bq.category in SUPPORT_CATEGORIES for bq in bound)
        ) and not roles.recipients:
            for mention in parties:
                left = text[max(start, mention.start - 24) : mention.start]
                if (
                    re.search(r"\b(?:in|to|into|at)\s+(?:the\s+)?$", left)
                    and mention.actor_id not in roles.suppliers
                ):
                    roles.add("recipients", mention.actor_id)  # "deployed ... in Mali"
        has_signal = (
            bool(live)
            or (
                self.flow is not None
                and any(bq.quantity.unit == "items" and bq.quantity.value >= 1000 for bq in bound)
            )
            or bool(support_cues)
            or any(bq.quantity.unit in ("containers", "tons", "usd") for bq in bound)
            or bool(pats.recipient_nouns.search(text, start, end))
        )
        # "Iran provides $100 million a year to Palestinian armed groups": money with no goods
        # named is financial support (money stated to buy arms comes with its goods)
        funding = bool(live) and not items and bool(_MONEY.search(text, start, end))
        if not has_signal or (
            not items
            and not bound
            and not funding
            and not pats.support_no_item.search(text, start, end)
        ):
            return
        support_only = bool(support_items) and not material
        suppliers, recipients = self._complete_roles(
            index, roles, parties, live, bool(bound), clause, sent_parties, support_only
        )
        if any(i.category == "training" for i in support_items):
            # "fighters from Hamas received training in Iran": the fighters are the trainees
            support_items = [i for i in support_items if i.category != "troops"]
        owners = {a.end: a.actor_id for a in parties}
        support_items = [  # "Russian forces fired ...": the receiving side's own troops are not goods
            i for i in support_items
            if not (i.category == "troops" and (owners.get(i.start - 1) in recipients or owners.get(i.start - 2) in recipients))
        ]  # fmt: skip
        recent_flow = self.flow if self.flow and index - self.flow.sentence <= 1 else None
        if (
            recent_flow and suppliers and recipients and set(suppliers) <= set(recent_flow.suppliers)
            and all(r.isupper() for r in recipients) and any(not r.isupper() for r in recent_flow.recipients)
        ):  # fmt: skip
            for state in recipients:
                roles.add(
                    "via", state
                )  # "... to Hezbollah. It sent the shipment towards Latakia, Syria"
            recipients = [r for r in recent_flow.recipients if not r.isupper()]
        hedge = "denied" if denial is not None else self._hedge(clause, attributions)
        source = next((a.source for a in attributions), None)
        borrowed = not roles.suppliers and not roles.recipients and self.flow is not None
        if (
            source is None
            and borrowed
            and self.flow is not None
            and index - self.flow.sentence <= 2
        ):
            source = (
                self.flow.source
            )  # "The number has jumped from 28,000": the same asserter goes on
        when = _when(dates, clause, bool(_AS_OF.search(text, start, end)), self.published, bound)
        via = [v for v in roles.via if v not in suppliers and v not in recipients]
        calibers = self.mentions.between("calibers", start, end)
        emitted = False
        if material or any(bq.category not in SUPPORT_CATEGORIES for bq in bound):
            paired = _goods_by_source(text, parties, material, suppliers)
            for group_suppliers, group_items_ in paired or [(suppliers, material)]:
                entries = drop_generic(group_items(text, group_items_, calibers), quantified)
                emitted |= self._emit_flows(
                    "transfer",
                    (sent.start, sent.end),
                    group_suppliers,
                    recipients,
                    entries,
                    bound if not paired else [],
                    hedge,
                    source,
                    when,
                    via,
                )
        if support_items or any(bq.category in SUPPORT_CATEGORIES for bq in bound):
            entries = group_items(text, support_items, calibers)
            emitted |= self._emit_flows(
                "support",
                (sent.start, sent.end),
                suppliers,
                recipients,
                entries,
                bound,
                hedge,
                source,
                when,
                via,
                support=True,
            )
        elif (
            not material
            and not bound
            and (funding or pats.support_no_item.search(text, start, end))
        ):
            for supplier in suppliers:
                for recipient in recipients:
                    if supplier != recipient:
                        self._emit(
                            "support",
                            (sent.start, sent.end),
                            supplier=supplier,
                            recipient=recipient,
                            hedge=hedge,
                            source=source,
                            when=when,
                        )
                        emitted = True
        if emitted and material:
            for s in suppliers:
                for r in recipients:
                    self.flows[(s, r)] += 1
            self.flow = Flow(suppliers, recipients, index, source)
        elif emitted:
            self.support_flow = Flow(suppliers, recipients, index)

    def _complete_roles(
        self,
        index: int,
        roles: Roles,
        parties: list[ActorMention],
        live: list[Cue],
        quantified: bool,
        clause: tuple[int, int],
        sent_parties: list[ActorMention],
        support: bool = False,
    ) -> tuple[list[str], list[str]]:
        """Fill roles the clause leaves open from the sentence and the flows already read."""
        text = self.text
        suppliers = list(roles.suppliers) or [o for o in roles.origins if o not in roles.recipients]
        recipients = [r for r in roles.recipients if r not in suppliers]
        adjacent = self.flow if self.flow and index - self.flow.sentence <= 1 else None
        if (
            not suppliers
            and recipients
            and adjacent is not None
            and _RELAY.match(text, clause[0], clause[1])
        ):
            # "sold by Russia to Syria and then handed on to Hezbollah": the last buyer passes it on
            relayed = [r for r in adjacent.recipients if r not in recipients]
            if relayed:
                return relayed, recipients
        if roles.subject_pronoun and not suppliers and live and live[0].label == "give":
            antecedent = next(
                (
                    p.actor_id
                    for p in reversed(sent_parties)
                    if p.end <= live[0].start and p.form in ("name", "weak")
                ),
                adjacent.suppliers[0] if adjacent else self.last_subject,
            )
            if antecedent and antecedent not in recipients:
                suppliers = [antecedent]
        using = bool(live) and all(t.label == "use" for t in live)
        if using and recipients and not suppliers:
            maker = self._catalogue_maker(clause, recipients)
            if maker is not None:
                return [maker], recipients  # "Russia fired KN-23 missiles": North Korea's
        if using or (suppliers and recipients):
            return suppliers, recipients
        buyers = bool(cue_patterns().recipient_nouns.search(text, clause[0], clause[1]))
        if not (live or quantified or buyers):
            return suppliers, recipients
        if support and recipients and not suppliers:
            recent_support = (
                self.support_flow
                if self.support_flow and index - self.support_flow.sentence <= 3
                else None
            )
            if recent_support:
                return [s for s in recent_support.suppliers if s not in recipients], recipients
        collective = _COLLECTIVE.search(text, clause[0], clause[1])
        dominant = self.flows.most_common(1)[0][0] if self.flows else None
        recent = self.flow if self.flow and index - self.flow.sentence <= 4 else None
        named = [
            p
            for p in parties
            if p.form in ("name", "weak", "place") and p.actor_id not in roles.via
        ]
        if not suppliers and not recipients:
            if named or collective:
                return suppliers, recipients
            if recent:
                return list(recent.suppliers), list(recent.recipients)
            if dominant:
                return [dominant[0]], [dominant[1]]
            return suppliers, recipients
        if (
            not recipients
            and live
            and live[0].label == "give"
            and not is_participle(live[0].text[:0] or "x")
        ):
            later = [
                p for p in parties
                if p.start > live[0].end and p.form in ("name", "place", "weak")
                and p.actor_id not in suppliers and p.actor_id not in roles.via
                and not cue_patterns().roles["ignore"].search(text[max(clause[0], p.start - 30) : p.start])
            ]  # fmt: skip
            if len({p.actor_id for p in later}) == 1:
                recipients = [
                    later[0].actor_id
                ]  # "delivered missiles to bolster the defences around Pyongyang"
        if not recipients:
            if collective and not quantified:
                return suppliers, recipients
            if recent and set(recent.suppliers) & set(suppliers):
                recipients = [r for r in recent.recipients if r not in suppliers]
            if not recipients and dominant and dominant[0] in suppliers:
                recipients = [dominant[1]]
            if (
                not recipients
                and dominant
                and live
                and live[0].label == "give"
                and dominant[1] not in suppliers
            ):
                share = sum(n for (s, r), n in self.flows.items() if r == dominant[1]) / sum(
                    self.flows.values()
                )
                if share >= 0.5:
                    recipients = [
                        dominant[1]
                    ]  # a list of suppliers to one buyer ("Chinese suppliers sent arms")
            return suppliers, recipients
        if suppliers:
            return suppliers, recipients  # both named now: nothing to borrow from context
        maker = self._catalogue_maker(clause, recipients)
        if maker is not None and live and live[0].label in ("receive", "use"):
            return [maker], recipients  # "Iran bought 100 Hwasong-5 missiles": North Korea's
        if self.topic and index - self.topic[0] == 1 and self.topic[1] not in recipients:
            return [
                self.topic[1]
            ], recipients  # "Belarus has gone further. Some 130 tanks were sent to Russia"
        if recent and (set(recent.recipients) & set(recipients) or index - recent.sentence <= 1):
            suppliers = [s for s in recent.suppliers if s not in recipients]
        if not suppliers and dominant and dominant[1] in recipients:
            suppliers = [dominant[0]]
        if not suppliers and buyers:
            topic = self._topic_supplier()
            if topic and topic not in recipients:
                suppliers = [topic]
        return suppliers, recipients

    def _catalogue_maker(self, clause: tuple[int, int], recipients: list[str]) -> str | None:
        """The one state that makes every named system in the clause, per the catalogue, when
        it is not the recipient itself."""
        named: list[ItemMention] = [
            i for i in self.mentions.between("items", *clause) if not i.generic
        ]
        makers = {i.origin for i in named}
        if len(makers) != 1:
            return None
        maker = makers.pop()
        if maker is None or not maker.isupper() or maker in recipients:
            return None
        return maker

    def _topic_supplier(self) -> str | None:
        if self.flows:
            return Counter(s for (s, _r), n in self.flows.items() for _ in range(n)).most_common(1)[
                0
            ][0]
        states = [(n, a) for a, n in self.mentions.counts.items() if a.isupper()]
        return max(states)[1] if states else None

    def _hedge(self, clause: tuple[int, int], attributions: list[Attribution]) -> str:
        if any(a.denial for a in attributions):
            return "denied"
        hedge = hedge_of(self.text, clause[0], clause[1], default="confirmed")
        if hedge == "confirmed" and attributions:
            return "reported"
        return hedge

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

    # ---------------------------------------------------------------- output
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


_GOVERNING = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?:new|military|interim|transitional|federal|central)\s+)?"
    r"(?:government|administration|regime|authorities|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)\b",
    re.I,
)


def _acting_organ(text: str, mention: ActorMention) -> bool:
    """ "The Ethiopian government used Turkish drones": a government that acts, not one that
    speaks (speakers are attributions and stay out of the parties), is its state."""
    return mention.form == "organ" and bool(_GOVERNING.match(text, mention.end))


def _as_party(actor_id: str | None) -> str | None:
    """Claims name states and groups (claims.md): a company stands for the state it belongs
    to ("Rosoboronexport" is Russia's exporter)."""
    if actor_id is None:
        return None
    actor = load_gazetteer().actors.get(actor_id)
    if actor is not None and actor.kind == "company" and actor.country:
        return actor.country
    return actor_id


_ASIDE = re.compile(
    r",\s*(?:which|who|whose)\b[^,;]{3,120},"
    r"|(?<=[a-z]),\s+(?-i:an?)\s+(?:[\w\-]+\s+){0,3}?(?:buyer|customer|client|backer|supporter|sponsor|ally|"
    r"partner|member|neighbou?r|supplier|patron|rival|foe|enemy|friend)\b[^,;]{0,80},",
    re.I,
)  # "Iran, which has long ..., sent" and "Iran, a long-time buyer of ..., passed them on"


# How far from a clause its sentence's parties, items and asserters still bear on it. Longer
# than any real sentence, so only a run-on "sentence" (a table dump, a list with no full stop)
# is cut into independent stretches: without it, every clause of such a text would look at
# every mention in it, and time would grow with the square of its length.
_CLAUSE_REACH = 1000


class _Nearby:
    """A sentence's mentions handed out per clause, those starting within _CLAUSE_REACH of it,
    in their original order (which later steps read as precedence)."""

    def __init__(
        self,
        parties: list[ActorMention],
        items: list[ItemMention],
        attributions: list[Attribution],
    ) -> None:
        self._parties = _ByStart(parties)
        self._items = _ByStart(items)
        self._attributions = _ByStart(attributions)

    def around(
        self, clause: tuple[int, int]
    ) -> tuple[list[ActorMention], list[ItemMention], list[Attribution]]:
        lo, hi = clause[0] - _CLAUSE_REACH, clause[1] + _CLAUSE_REACH
        return (
            self._parties.between(lo, hi),
            self._items.between(lo, hi),
            self._attributions.between(lo, hi),
        )


class _Positioned(Protocol):
    @property
    def start(self) -> int: ...


_T = TypeVar("_T", bound=_Positioned)


class _ByStart(Generic[_T]):
    """Elements with a start offset, found by position in logarithmic time."""

    def __init__(self, elements: list[_T]) -> None:
        self._elements = elements
        self._order = sorted(range(len(elements)), key=lambda i: elements[i].start)
        self._starts = [elements[i].start for i in self._order]

    def between(self, lo: int, hi: int) -> list[_T]:
        if not self._starts or (self._starts[0] >= lo and self._starts[-1] < hi):
            return self._elements
        chosen = self._order[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]
        return [self._elements[i] for i in sorted(chosen)]


def _goods_by_source(
    text: str, parties: list[ActorMention], material: list[ItemMention], suppliers: list[str]
) -> list[tuple[list[str], list[ItemMention]]] | None:
    """ "jets from Russia and China, shells from Serbia": each list of goods goes with the
    "from" that follows it. None unless every supplier and every item is so placed."""
    if len(suppliers) < 2 or len(material) < 2:
        return None
    groups: list[tuple[list[str], list[ItemMention]]] = []
    cursor = 0
    pending: list[str] = []
    for mention in parties:
        if mention.actor_id not in suppliers:
            continue
        coordinated = pending and _COORDINATED.fullmatch(text[cursor : mention.start])
        if coordinated:
            groups[-1][0].append(mention.actor_id)
            cursor = mention.end
            continue
        goods = [i for i in material if cursor <= i.start and i.end <= mention.start]
        if not goods or not re.search(r"(?i)\bfrom\s+(?:the\s+)?$", text[: mention.start][-12:]):
            return None
        groups.append(([mention.actor_id], goods))
        pending = [mention.actor_id]
        cursor = mention.end
    placed = {id(i) for _, goods in groups for i in goods}
    if len(groups) < 2 or any(id(i) not in placed for i in material):
        return None
    return groups


_COORDINATED = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", re.I)


def _within(position: int, spans: list[tuple[int, int]]) -> bool:
    """Inside an aside (", which expelled French troops,"): not part of the main statement."""
    return any(s <= position < e for s, e in spans)


def _other_date(when: When, frame_when: When) -> bool:
    """Two dates that name different times: "December 2009" after "July 2009"."""
    a = when if isinstance(when, str) else (when.get("start") or when.get("end") or "")
    b = (
        frame_when
        if isinstance(frame_when, str)
        else (frame_when.get("start") or frame_when.get("end") or "")
    )
    return not (a.startswith(b) or b.startswith(a))


def _denier(attributions: list[Attribution], text: str, start: int, end: int) -> Attribution | None:
    """The party asserting a negated statement: "the country had never supplied", "Iran has not
    sent", a spokesman quoted saying so. Without one, a negation is the author's: no claim."""
    for att in attributions:
        if (
            att.denial
            or att.actors
            or re.search(r"(?i)spokes|ministry|government|embassy|official", att.source)
        ):
            return att
    return None


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
        if re.search(r"[.;]|\b(?:in|to|for|from|of|at|via|through)\b", gap) or re.match(
            r"^['\u2019]s\b", gap
        ):
            return None
        return mention
    return None


def _designer(text: str, sent_start: int, mention: ActorMention) -> bool:
    """ "X-designed", "a copy of X's", "a version of the Soviet ..." name the original designer."""
    if re.match(r"^[-\u2010\u2011]designed\b", text[mention.end : mention.end + 12]):
        return True
    return bool(
        cue_patterns().designer.search(text[max(sent_start, mention.start - 40) : mention.start])
    )


def _items_after(text: str, mention: ActorMention, items: list[ItemMention]) -> list[ItemMention]:
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


def _modifies_next_item(text: str, mention: ActorMention, items: list[ItemMention]) -> bool:
    return bool(_items_after(text, mention, items))


def _near_verb(mention: ActorMention, verbs: list[Cue]) -> bool:
    return any(abs(v.start - mention.end) <= 60 for v in verbs)


def _when(
    dates: list[DateMention],
    clause: tuple[int, int],
    as_of: bool,
    published: str | None,
    bound: list[BoundQuantity],
) -> When | None:
    inside = [d for d in dates if clause[0] <= d.start < clause[1]] or dates
    if inside:
        when = inside[0].when
        if as_of and isinstance(when, str) and any(b.quantity.unit == "containers" for b in bound):
            return {"end": when}
        return when
    if as_of and published and any(b.quantity.unit == "containers" for b in bound):
        return {"end": published[:7]}
    return None


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[str] = set()
    out: list[Claim] = []
    for claim in claims:
        if claim.id in seen:
            continue
        seen.add(claim.id)
        out.append(claim)
    return out
