"""Assemble claims from a document's sentences: the order of reading and who reads what.

Reading order matters: dates anchor later relative dates, a seizure opens a frame that the
following sentences fill (cargo lists, end users), and the last flow named supplies the parties
of a sentence that only gives a figure ("The number has jumped from 28,000 containers").

Each kind of reading lives in its own module, as a mixin over the shared `ReadingState`:
seizures (interdiction frames), production (makers and lineage), transfers and completion
(transfer clauses and the parties they leave open), table_rows, epithets and denials.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace

from armstrace.errors import Overtime
from armstrace.model.claim import Claim
from armstrace.nlp.attribution import find_attributions
from armstrace.nlp.cues import cue_patterns
from armstrace.nlp.denials import DenialReading
from armstrace.nlp.epithets import EpithetReading
from armstrace.nlp.mentions import ActorMention, ItemMention
from armstrace.nlp.nearby import Nearby
from armstrace.nlp.roles import assign_roles
from armstrace.nlp.seizures import without_seizing_ships
from armstrace.nlp.sentences import Sentence, split_clauses, split_sentences
from armstrace.nlp.table_rows import TableReading
from armstrace.nlp.tables import is_table_line
from armstrace.nlp.transfers import TRAINS_PEOPLE, TransferReading

# assign_roles stays importable from here; patching it here no longer reaches the steps that
# call it (seizures.py, transfers.py), which import it from roles.py themselves
__all__ = ["Assembler", "assign_roles"]

_QUESTION_START = re.compile(
    r"^[\"'\u201c]?(?:what|who|whom|whose|why|how|which|where|when|is|are|was|were|could|can|will|would|"
    r"did|does|do|should|shall|has|have|had|may|might|must)\b",
    re.I,
)
_PARAGRAPH_NUMBER = re.compile(
    r"\s*(?:\d{1,4}|[a-z]|[ivx]{1,5})[.)]\s*|\s*\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)\s*"
)


class Assembler(TableReading, TransferReading, EpithetReading, DenialReading):
    """Walks one document and returns its claims."""

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
        named_goods = [
            (i.start, i.end)
            for i in self.mentions.between("items", sent.start, sent.end)
            if any(ch.isdigit() for ch in i.text)
        ]  # "Mirage 2000 jets": a name, not a year
        dates = self.dates.find(body, sent.start, named_goods)
        if _RETRACTED.search(body):
            return  # "An earlier version of this article said Poland ordered 36 drones."
        if body.rstrip(" \"'\u201d").endswith("?") and any(
            _QUESTION_START.match(part.strip()) for part in re.split(r"[:;,\u2014]", body)
        ):
            return  # "Suppose a ceasefire held: would Europe resume selling arms to Moscow?"
        actors = self.mentions.between("actors", sent.start, sent.end)
        anaphors = [
            a
            for a in self.anaphora.resolve(text, sent.start, sent.end, before=actors)
            if not any(b.start < a.end <= b.end for b in actors)
        ]  # "the Wagner Group" is a name, not "the group" pointing back
        if anaphors:
            actors = sorted(actors + anaphors, key=lambda a: a.start)
        items = without_seizing_ships(
            text, sent, self.mentions.between("items", sent.start, sent.end)
        )
        if self._quiet(sent, items, actors):
            parties = [a for a in actors if a.is_party]
            self.previous_caption = None
        else:
            attributions = find_attributions(text, sent.start, sent.end, actors)
            labels = cue_patterns().transfer_label
            excluded = {
                id(a) for att in attributions for a in att.actors
                if not att.denial and att.verb.lower() not in labels
            }  # fmt: skip  # "Germany pledged a battery": the pledger gives, it does not only assert
            parties = [
                _acting_forces(text, a)
                for a in actors
                if (a.is_party or _acting_organ(text, a) or _acting_forces(text, a) is not a)
                and id(a) not in excluded
            ]
            organs = [a for a in actors if a.form in ("organ", "agency")]
            source = attributions[0].source if attributions else None
            self._note_cargo_origin(sent, parties)
            consumed = self._interdiction(index, sent, parties, organs, items, dates, source)
            self._production(index, sent, parties, items, source, dates, cargo=consumed)
            if not consumed:
                self._supplied_epithets(sent, parties, items, source)
                near = Nearby(parties, items, attributions)
                for clause in split_clauses(text, sent.start, sent.end):
                    self._transfer_clause(index, sent, clause, *near.around(clause), dates)
        self._epithets(sent, actors)
        self._denials(sent, actors)
        self._appositives(index, sent, parties)
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
        if pats.recipient_nouns.search(text, sent.start, sent.end) or TRAINS_PEOPLE.search(
            text, sent.start, sent.end
        ):
            return False
        parties = sum(1 for a in actors if a.is_party)
        return parties < 2 or pats.transfer.search(text, sent.start, sent.end) is None


_RETRACTED = re.compile(
    r"(?i)\b(?:earlier|previous|original)\s+version\s+of\s+th(?:is|e)\s+(?:article|story|report|brief|piece|"
    r"analysis|feature)\b[^.]{0,40}?\b(?:said|stated|reported|gave|misstated|incorrectly)"
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


_FORCES_NAME = re.compile(r"(?i)(?:army|military|armed\s+forces|navy|air\s+force)$")
_ACTS = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+|also\s+|now\s+|reportedly\s+|allegedly\s+){0,2}"
    r"(?:used|uses|fired|bought|buys|received|receives|acquired|ordered|operates|deployed|took\s+delivery)\b",
    re.I,
)


_SCHOOLS = re.compile(
    r"\s+(?:academ\w+|schools?|colleges?|institutes?|instructors|advisers|advisors|trainers|specialists)\b",
    re.I,
)


def _acting_forces(text: str, mention: ActorMention) -> ActorMention:
    """ "The Ukrainian army used Turkish drones": a state's armed forces that use or receive
    goods stand for their state (named as a source, they stay a source)."""
    if (
        mention.form == "agency"
        and mention.country
        and mention.country.isupper()
        and _FORCES_NAME.search(mention.text)
    ):
        if _ACTS.match(text, mention.end):
            return replace(mention, actor_id=mention.country, form="name")
        if _SCHOOLS.match(text, mention.end):  # "trained at Russian military academies"
            return replace(mention, actor_id=mention.country, form="demonym")
    return mention


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """The same claim read twice (by two steps, or from two clauses) is kept once."""
    seen: set[str] = set()
    out: list[Claim] = []
    for claim in claims:
        if claim.id in seen:
            continue
        seen.add(claim.id)
        out.append(claim)
    return out
