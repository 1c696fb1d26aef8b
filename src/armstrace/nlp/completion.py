"""Fill the parties a transfer clause leaves open, from its sentence and the flows read so far.

"Some 130 tanks were sent to Russia" after "Belarus has gone further." names no supplier; the
topic sentence, the latest flow, the most frequent flow or the catalogue's maker of the goods can.
"""

from __future__ import annotations

import re
from collections import Counter

from armstrace.nlp.cues import Cue, cue_patterns
from armstrace.nlp.emission import ClaimWriter
from armstrace.nlp.mentions import ActorMention, ItemMention
from armstrace.nlp.reading import recent
from armstrace.nlp.roles import Roles

_COLLECTIVE = re.compile(
    r"\b(?:armed\s+groups|groups\s+in|non-state\s+(?:actors|groups)|countries|customers|clients|"
    r"third\s+countr(?:y|ies)|militant\s+groups|terrorist\s+organi[sz]ations|allies|partners|you)\b",
    re.I,
)
# "... and then handed on to Y": the goods pass from the last buyer to Y. "Iran shipped rockets to
# Sudan and then smuggled them to Hamas" keeps its subject: no relay without "on to" or the like.
UNNAMED_GIVERS = re.compile(
    r"\b(?:Western|NATO|foreign|allied|Allied|European|Asian|African|international)\s+(?:[\w\-]+\s+){0,2}?(?:arms|weapons|military\s+aid|aid|"
    r"deliveries|supplies|shipments|equipment|donors|suppliers|partners|backers)\b"
    r"(?:\s+(?:deliveries|supplies|shipments|transfers|sales|exports|packages))?"
)
BULK_UNITS = frozenset({"containers", "tons", "shipments"})
"""Units a later figure-only sentence can be matched to the flow first counted in them by."""
# Goods made at home have no foreign giver to borrow from the flows read before.
HOME_MADE = re.compile(
    r"\b(?:locally|domestically|home|indigenously)[\s\-]+(?:assembled|built|made|produced|manufactured|"
    r"developed|designed)\b|\bhome-grown\b|\bmade\s+by\s+(?:a|an|the)\s+(?:private|local|domestic|state)"
    r"(?:-owned)?\s+(?:firm|company|factory|manufacturer|plant)\b",
    re.I,
)
_COMPANY_APPOSITIVE = re.compile(
    r"\s+(?:[\w\-]+\s+){0,2}?(?:company|firm|manufacturer|maker|supplier|trader|contractor|exporter|"
    r"conglomerate|start-?up|producer)\s*,",
    re.I,
)
_APPOSITIVE_OPENING = re.compile(r",\s+(?:an?|the)\s+$", re.I)
_RELAY = re.compile(
    r"\s*(?:and\s+)?then\s+(?:[\w\-]+\s+){0,3}?(?:(?:handed|passed|sent|shipped|sold|moved|given)"
    r"\s+(?:\w+\s+)?on(?:wards?)?\s+to|forwarded\s+to|re-?exported\s+to)\b",
    re.I,
)


class RoleCompletion(ClaimWriter):
    """Suppliers and recipients borrowed from context."""

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
        *,
        units: frozenset[str] = frozenset(),
    ) -> tuple[list[str], list[str]]:
        """Fill roles the clause leaves open from the sentence and the flows already read."""
        text = self.text
        suppliers = list(roles.suppliers) or [o for o in roles.origins if o not in roles.recipients]
        recipients = [r for r in roles.recipients if r not in suppliers]
        adjacent = recent(self.flow, index, 1)
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
            company = next(
                (
                    p for p in reversed(sent_parties)
                    if p.end <= live[0].start and p.form == "demonym"
                    and _COMPANY_APPOSITIVE.match(text, p.end)
                    and _APPOSITIVE_OPENING.search(text, max(0, p.start - 6), p.start)
                ),
                None,
            )  # fmt: skip  # "sanctioned Spacety, a Chinese satellite company, saying it had provided"
            subject = next(
                (
                    p for p in reversed(sent_parties)
                    if p.end <= live[0].start and p.form in ("name", "weak")
                ),
                None,
            )  # fmt: skip
            fallback = adjacent.suppliers[0] if adjacent else self.last_subject
            antecedent = (
                company.actor_id
                if company is not None and (subject is None or company.start > subject.start)
                else subject.actor_id
                if subject is not None
                else fallback
            )
            if antecedent and antecedent not in recipients:
                suppliers = [antecedent]
        buyer = (
            adjacent.recipients[0]
            if adjacent is not None and len(adjacent.recipients) == 1
            else self.last_subject
        )  # "It ordered F-16s from the United States ... From Turkey it received": the buyer
        if (
            roles.subject_pronoun
            and not recipients
            and live
            and live[0].label == "receive"
            and buyer is not None
            and buyer not in suppliers
            and not any(
                p.end <= live[0].start and p.actor_id not in suppliers
                for p in sent_parties
                if p.form in ("name", "weak")
            )  # "From Turkey it received ...": the named supplier is no subject
        ):
            recipients = [buyer]  # "Armenia is ... It received Iskander missiles"
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
            recent_support = recent(self.support_flow, index, 3)
            if recent_support:
                return [s for s in recent_support.suppliers if s not in recipients], recipients
        collective = _COLLECTIVE.search(text, clause[0], clause[1])
        dominant = self._dominant()
        latest = recent(self.flow, index, 4)
        named = [
            p
            for p in parties
            if p.form in ("name", "weak", "place") and p.actor_id not in roles.via
        ]
        if not suppliers and not recipients:
            if named or collective:
                return suppliers, recipients
            counted = [
                flow for unit in sorted(units & BULK_UNITS)
                if (flow := recent(self.unit_flows.get(unit), index, 12)) is not None
            ]  # fmt: skip
            if counted and (latest is None or latest is not counted[0]):
                # "Earlier estimates had put the number of containers at 6,700": the flow last
                # counted in containers, even when another flow was read since
                return list(counted[0].suppliers), list(counted[0].recipients)
            if latest:
                maker = self._catalogue_maker(clause, list(latest.recipients))
                if maker is not None and live and live[0].label in ("receive", "use"):
                    return [maker], list(latest.recipients)  # the goods named say who made them
                return list(latest.suppliers), list(latest.recipients)
            if dominant:
                return [dominant[0]], [dominant[1]]
            return suppliers, recipients
        if not recipients and live and live[0].label == "give":
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
            if latest and set(latest.suppliers) & set(suppliers):
                recipients = [r for r in latest.recipients if r not in suppliers]
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
        if UNNAMED_GIVERS.search(text, clause[0], clause[1]):
            return suppliers, recipients  # "Western arms deliveries to Ukraine": givers unnamed
        if HOME_MADE.search(text, clause[0], clause[1]):
            return suppliers, recipients  # "locally assembled vehicles handed to the army"
        maker = self._catalogue_maker(clause, recipients)
        if maker is not None and live and live[0].label in ("receive", "use"):
            return [maker], recipients  # "Iran bought 100 Hwasong-5 missiles": North Korea's
        if self.topic and index - self.topic[0] == 1 and self.topic[1] not in recipients:
            return [
                self.topic[1]
            ], recipients  # "Belarus has gone further. Some 130 tanks were sent to Russia"
        if latest and (set(latest.recipients) & set(recipients) or index - latest.sentence <= 1):
            suppliers = [s for s in latest.suppliers if s not in recipients]
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
        """The state that supplied most in the flows read so far, else the state named most."""
        if self.flows:
            return Counter(s for (s, _r), n in self.flows.items() for _ in range(n)).most_common(1)[
                0
            ][0]
        states = [(n, a) for a, n in self.mentions.counts.items() if a.isupper()]
        return max(states)[1] if states else None
