"""Read transfer and support clauses: "Iran shipped 3,000 rifles to the Houthis in 2015".

One clause at a time: its cues, its parties' roles, its goods and figures, its date and who
asserts it; parties it leaves open are filled from context (completion.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from armstrace.model.claim import Quantity, When
from armstrace.nlp.attribution import Attribution
from armstrace.nlp.completion import BULK_UNITS, UNNAMED_GIVERS, RoleCompletion
from armstrace.nlp.cues import (
    BUILD_UP,
    Cue,
    cue_patterns,
    find,
    find_transfer_cues,
    hedge_of,
    is_negated,
)
from armstrace.nlp.items import ItemEntry, drop_generic, group_items, is_target
from armstrace.nlp.lexicon import load_lexicon
from armstrace.nlp.mentions import ActorMention, ItemMention, find_items
from armstrace.nlp.quantities import (
    MORE_AFTER,
    SUPPORT_CATEGORIES,
    BoundQuantity,
    bind_quantities,
)
from armstrace.nlp.reading import Flow, recent
from armstrace.nlp.roles import COORDINATED, assign_roles
from armstrace.nlp.sentences import Sentence
from armstrace.parse.date import DateMention

# Goods named only by reference to the last ones read: "its systems", "the anti-ship version",
# "a purchase", "a deal worth $700 million".
GOODS_REFERENCE = re.compile(
    r"\b(?:its|their|the|these|those)\s+(?:own\s+|first\s+|new\s+|same\s+|[\w\-]+\s+){0,2}?"
    r"(?:systems?|batteries|units|version|variant|model)\b|\b(?:a|the)\s+(?:purchase|deal|contract|order)\b|"
    r"\bof\s+the\s+same\s+(?:type|kind|model|system|design)\b|\bmore\s+(?:of\s+them|of\s+those|of\s+these)\b|"
    r"\d\s+more\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens|several|a\s+few)\s+more\b",
    re.I,
)
_RELAY_ASIDE = re.compile(
    r",\s*(?:which|who)\s+(?:then\s+|later\s+|in\s+turn\s+|has\s+|had\s+|have\s+)?(?:passed|handed|sent|shipped|"
    r"forwarded|funnell?ed|smuggled|moved|sold)\s+(?:(?:many|most|some|much|part|all|a\s+share)\s+)?"
    r"(?:of\s+(?:them|it|these|those)\s+)?on(?:wards?)?\s+to\s+",
    re.I,
)
_ROUTE_BEFORE = re.compile(r"(?i)\b(?:through|via|along|under|into|inside|in)\s+(?:the\s+)?$")
_WHICH_BEFORE = re.compile(
    r"(?i),\s*which\s+(?:(?:was|is|were|are|has|have|had)\s+(?:been\s+)?)?(?:also\s+|already\s+|then\s+|later\s+)?$"
)
_ANTECEDENT_GAP = re.compile(
    r"(?i)\s?|['\u2019]s?\s+(?:[\w\-]+\s+){0,2}?(?:government|regime|army|military|armed\s+forces|forces|"
    r"authorities|junta)"
)
_WHICH_OPENS = re.compile(r"(?i)which\s")
_MOTION_BEFORE = re.compile(
    r"(?i)\b(?:turn(?:ed|s|ing)?|c[oa]me|coming|went|go(?:es|ing)?|sail(?:ed|ing|s)?|head(?:ed|ing|s)?|"
    r"fl(?:ew|y|own|ying)|sen[dt]|pull(?:ed|ing)?|br(?:ought|ing)|hit|fought|fight(?:ing)?|f[ae]ll|step(?:ped)?|"
    r"roll(?:ed)?|push(?:ed)?|g[oi]ve|giving|paid|pay(?:ing)?|wrote|written|called|ship(?:ped)?)\s+(?:\w+\s+)?$"
)
_PART_OF_ARSENAL = re.compile(
    r"(?i)\b(?:arsenals?|stockpiles?|inventor(?:y|ies)|holdings|fleet)\b[^.;]*?\b(?:most|many|some|part|much|half|"
    r"a\s+(?:third|quarter|share))\s+of\s+(?:them|which|it)\b"
)
_AGREED_TO = re.compile(
    r"(?i)\b(?:agreed|agrees|offered|offers|promised|promises|pledged|pledges)\s+(?:[\w\-]+\s+){1,3}?to\s+"
    r"(?:sell|supply|deliver|buy|purchase|provide|transfer|send|ship|give|donate)\b"
)
_PAID_FOR = re.compile(
    r"\b(?:in\s+exchange\s+for|in\s+return\s+for|as\s+payment\s+for|in\s+payment\s+for|to\s+pay\s+for)\b[^,;]*",
    re.I,
)
# "... and then sent them to Y": the goods of the clause before
_THEN = re.compile(r"\s*(?:and\s+)?then\b", re.I)
_TO_TRAIN = re.compile(r"\bto\s+(?:help\s+)?train\b", re.I)
_MONEY = re.compile(
    r"(?:[$\u20ac\u00a3]\s?\d|\b\d[\d,.]*\s*(?:million|billion)?\s*(?:dollars|euros)\b)", re.I
)
_ARMING = re.compile(r"(?i)arm|arms|armed|arming")
_RELIANCE = re.compile(
    r"(?i)relied\s+on|relies\s+on|rely\s+on|relying\s+on|depended\s+on|depends\s+on|depend\s+on"
)
_FOR_OTHER_GOODS = re.compile(
    r"(?i)[^.;]*?\bfor\s+(?!arms|weapons|munitions|ammunition|military|spare|its\s+arms|their\s+arms)\w+"
)
_ANNOUNCING = (
    "announced",
    "pledged",
    "unveiled",
    "approved",
    "authorized",
    "authorised",
    "committed",
)
TRAINS_PEOPLE = re.compile(
    r"\b(train(?:s|ed|ing)?)\s+(?:(?:the|its|their|some|more|[\d,]+|[A-Z][\w\-]+|[a-z]+ian|new|local|"
    r"military|army|air\s+force|naval|special\s+forces|drone|tank|missile)\s+){0,3}"
    r"(?:officers|soldiers|troops|pilots|crews|personnel|forces|fighters|cadets|units|specialists|"
    r"operators|commandos|militiamen|recruits|gunners|technicians|engineers)\b"
)
_SUBJECT_ASIDE = re.compile(
    r"\s*(?:The\s+)?(?-i:[A-Z][\w\-']*)(?:\s+(?-i:[A-Z][\w\-']*)){0,3}(?P<aside>,\s+(?:(?-i:[a-z]+ing)|"
    r"(?-i:cut\s+off|stripped|isolated|shunned|squeezed|hit|weakened|hampered|starved|denied|barred|banned|"
    r"sanctioned|embargoed|blocked))\s[^,;]{3,120},)"
)
_FRONTED_ASIDE = re.compile(
    r"\s*(?-i:Cut\s+off|Stripped|Isolated|Shunned|Squeezed|Denied|Barred|Banned|Sanctioned|Embargoed|Blocked|"
    r"Starved|Deprived|Abandoned)\s[^,;]{3,120},"
)
_GOODS_ORIGIN_ASIDE = re.compile(
    r",\s*(?:which|that)\s+(?:\w+\s+){0,2}?(?:came|come|comes|were|was|are|is|had\s+been|have\s+been)\b",
    re.I,
)
_DEPLOYED = re.compile(
    r"\b(?:deploy\w*|redeploy\w*|dispatch\w*|sent|send\w*|station\w*|arriv\w*|fought|fight\w*|"
    r"in\s+support\s+of|to\s+support|to\s+back|to\s+help|mercenar\w*|recruit\w*|provid\w*|suppl\w*|"
    r"transferred|moved|flown|offer\w*|incursions?|presence|reinforc\w*|train\w*|serv\w*|join\w*|contribut\w*|keeps?|kept|based|posted)\b",
    re.I,
)
_AS_OF = re.compile(
    r"\b(?:so\s+far|to\s+date|in\s+total|since|has\s+(?:shipped|sent|delivered|supplied)|have\s+(?:shipped|sent|delivered|supplied)|had\s+(?:shipped|sent))\b",
    re.I,
)


_NO_OBJECT = re.compile(
    r"\s+(?:no|none\s+of\s+(?:the|its|their|these|those))\s+(?!(?:more|fewer|less)\s+than\b)"
    r"(?P<word>\w+\s+)?",
    re.I,
)


_SALE = re.compile(r"(?i)(?:sold|sell|sells|selling|sale|sales|bought|buy|buys|purchased|ordered)")
_NEXT_PREDICATE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")


@cache
def _grant_verbs() -> frozenset[str]:
    return frozenset(str(v).lower() for v in load_lexicon().triggers["support"]["grant_verbs"])


def _no_goods(text: str, trigger: Cue) -> bool:
    """ "Japan sells no weapons to Taiwan": "no" before the goods negates the transfer ("gave no
    date for the aircraft" does not: the goods are not its object; "sent no more than 20" is a
    count). The negated goods were dropped from the mentions, so the catalogue is asked again."""
    m = _NO_OBJECT.match(text, trigger.end)
    if m is None:
        return False
    starts = {m.start("word") if m.group("word") else m.end(), m.end()}
    return any(i.start in starts for i in find_items(text))


class TransferReading(RoleCompletion):
    """Transfer and support claims, clause by clause."""

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
        """The claims of one clause; `sent_parties`, `sent_items` and `attributions` are its
        sentence's, those near enough to bear on it."""
        text = self.text
        start, end = clause
        pats = cue_patterns()
        goods_ends = {i.end for i in sent_items}
        asides = [
            (m.start(), m.end())
            for m in _ASIDE.finditer(text, start, end)
            if not (m.start() in goods_ends and _GOODS_ORIGIN_ASIDE.match(text, m.start()))
        ]  # "Mohajer-6 drones, which came from Iran,": the aside says where the goods came from
        if text.find("for", start, end) != -1:  # most clauses have no "for": skip the scan
            asides += [
                (m.start(), m.end()) for m in _PAID_FOR.finditer(text, start, end)
            ]  # "sending food and oil to Pyongyang in exchange for the weapons": the price, not the goods
        opening = _SUBJECT_ASIDE.match(text, start, end)
        if opening is not None:  # "Egypt, reconciling with ... Israel, sent Iraq ammunition"
            asides.append((opening.start("aside"), opening.end()))
        fronted = _FRONTED_ASIDE.match(text, start, end)
        if fronted is not None:  # "Cut off from its French supplier, Argentina relied on ..."
            asides.append((fronted.start(), fronted.end()))
        triggers = find_transfer_cues(text, start, end, sent_items)
        named_spans = [(p.start, p.end) for p in sent_parties if start <= p.start < end]
        triggers = [
            t for t in triggers if not _within(t.start, named_spans)
        ]  # "its former American supplier": part of a party's name, not a verb of its own
        unnamed = [(m.start(), m.end()) for m in UNNAMED_GIVERS.finditer(text, start, end)]
        triggers = [
            t for t in triggers if not _within(t.start, unnamed)
        ]  # "Western arms deliveries"
        clause_goods = [i for i in sent_items if start <= i.start < end]
        if triggers and (
            all(_within(t.start, asides) for t in triggers)
            or (
                any(_within(i.start, asides) for i in clause_goods)
                and all(_within(i.start, asides) for i in clause_goods)
                and any(_within(t.start, asides) for t in triggers)
            )
        ):
            # "Iran, which has shipped drones to Russia, denied it": the aside is the claim; so
            # is "sanctions against Turkey, which took delivery of S-400s, and ...", where all
            # the goods are inside it
            asides = []
        parties = [
            p for p in sent_parties if start <= p.start < end and not _within(p.start, asides)
        ]
        if _WHICH_OPENS.match(text, start):  # "..., which in turn supplied": its antecedent
            antecedent = next(
                (p for p in reversed(sent_parties) if p.end <= start and start - p.end <= 3), None
            )
            if antecedent is not None:
                parties.insert(0, antecedent)
        items = [
            i
            for i in sent_items
            if start <= i.start < end
            and not _within(i.start, asides)
            and not is_target(text, i, start)
        ]
        if not items and _THEN.match(text, start, end):
            items = [
                i for i in sent_items if i.end <= start and i.category not in SUPPORT_CATEGORIES
            ]
        support_cues = [
            c for c in find(pats.support, text, start, end, "support")
            if not (c.text.lower().startswith("build") and BUILD_UP.match(text, c.end))
            and not (c.text.lower() == "back" and _MOTION_BEFORE.search(text, max(start, c.start - 24), c.start))
        ]  # fmt: skip  # "Serbia's build-up": a noun, not building for someone; "turned back": no backing
        live = [
            t for t in triggers if not is_negated(text, start, t.start) and not _no_goods(text, t)
        ]
        negated = [t for t in triggers if t not in live]
        if negated and live:
            # "Japan sells no weapons to Taiwan, and no European state has approved a sale since
            # the French frigates": the denied predicate's parties are not the next one's
            joint = _NEXT_PREDICATE.search(text, max(t.end for t in negated), end)
            if joint is not None and all(t.start >= joint.end() for t in live):
                start = joint.end()
                clause = (start, end)
                parties = [p for p in parties if p.start >= start]
                items = [i for i in items if i.start >= start]
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
        # "fighting Nicaragua's government, which was receiving Soviet helicopters": the
        # antecedent of "which" is the one receiving
        for trigger in live:
            if trigger.label not in ("receive", "use"):
                continue
            which = _WHICH_BEFORE.search(text, max(start, trigger.start - 40), trigger.start)
            if which is None:
                continue
            holder = next(
                (
                    p for p in reversed(parties)
                    if p.end <= which.start() and _ANTECEDENT_GAP.fullmatch(text, p.end, which.start())
                ),
                None,
            )  # fmt: skip
            if holder and holder.actor_id in roles.recipients and len(roles.recipients) > 1:
                roles.recipients = [holder.actor_id]
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
        if any(bq.quantity.unit == "items" for bq in bound) and _PART_OF_ARSENAL.search(
            text, start, end
        ):
            # "Hezbollah's arsenal holds 40,000 rockets, most of them supplied by Iran": the
            # holdings are counted, not what the supplier sent
            bound = [bq for bq in bound if bq.quantity.unit != "items"]
        for bq in bound:
            if bq.quantity.unit in ("containers", "tons", "shipments"):
                self.last_unit = bq.quantity.unit
        material = [i for i in items if i.category not in SUPPORT_CATEGORIES]
        counted = {id(b.item) for b in bound if b.item is not None}
        support_items = [
            i
            for i in items
            if i.category in SUPPORT_CATEGORIES
            and (i.category != "troops" or id(i) in counted or _DEPLOYED.search(text, start, end))
            and not (
                i.category == "construction"
                and _ROUTE_BEFORE.search(text, max(start, i.start - 12), i.start)
            )
        ]  # "under attack from the forces of X": forces named, none sent; "through tunnels": a route
        quantified = {bq.category for bq in bound}
        trains = TRAINS_PEOPLE.search(text, start, end)
        if not support_items and trains and not is_negated(text, start, trains.start()):
            support_items = [  # "France would help train Armenian officers": training
                ItemMention(
                    trains.start(), trains.end(1), trains.group(1), "training", "training", True
                )
            ]
            items = items + support_items
        if not material and any(_ARMING.fullmatch(t.text) for t in live):
            material = [
                ItemMention(live[0].start, live[0].end, live[0].text, "munitions", "arms", True)
            ]
            items = items + material  # "denied arming the Houthis": arming moves arms
        reliance = next((t for t in live if _RELIANCE.fullmatch(t.text)), None)
        if (
            not material
            and not support_items
            and reliance is not None
            and not bound
            and not _FOR_OTHER_GOODS.match(text, reliance.end, end)
            and any(p.actor_id.isupper() and p.start > reliance.end for p in parties)
        ):
            material = [
                ItemMention(reliance.start, reliance.end, "arms", "munitions", "arms", True)
            ]
            items = items + material  # "Iran, cut off from the US, relied on Syria and China"
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
        lender = self._goods_lender(index, clause, live, material, support_items, trains)
        borrowed = list(lender.goods) if lender is not None else []
        if lender is not None and not roles.suppliers:
            for supplier in lender.suppliers:
                if supplier not in roles.recipients:
                    roles.add("suppliers", supplier)  # "China ... received its systems"
        if lender is not None and not roles.recipients:
            for recipient in lender.recipients:
                if recipient not in roles.suppliers:
                    roles.add(
                        "recipients", recipient
                    )  # "Belarus donated four more of the same type"
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
            and not borrowed
            and not bound
            and not funding
            and not pats.support_no_item.search(text, start, end)
        ):
            return
        support_only = bool(support_items) and not material
        suppliers, recipients = self._complete_roles(
            index, roles, parties, live, bool(bound), clause, sent_parties, support_only,
            units=frozenset(bq.quantity.unit for bq in bound),
        )  # fmt: skip
        if any(i.category == "training" for i in support_items):
            # "fighters from Hamas received training in Iran": the fighters are the trainees
            support_items = [i for i in support_items if i.category != "troops"]
        owners = {a.end: a.actor_id for a in parties}
        support_items = [  # "Russian forces fired ...": the receiving side's own troops are not goods
            i for i in support_items
            if not (i.category == "troops" and (owners.get(i.start - 1) in recipients or owners.get(i.start - 2) in recipients))
        ]  # fmt: skip
        recent_flow = recent(self.flow, index, 1)
        if (
            recent_flow and suppliers and recipients and set(suppliers) <= set(recent_flow.suppliers)
            and all(r.isupper() for r in recipients) and any(not r.isupper() for r in recent_flow.recipients)
            and not any(_SALE.fullmatch(t.text) for t in live)  # "had been sold to France": the buyer
        ):  # fmt: skip
            for state in recipients:
                roles.add(
                    "via", state
                )  # "... to Hezbollah. It sent the shipment towards Latakia, Syria"
            recipients = [r for r in recent_flow.recipients if not r.isupper()]
        by_origin = (
            _goods_by_origin(text, parties, material, support_items)
            if not roles.suppliers and len(set(suppliers)) >= 2
            else {}
        )  # "receiving Soviet helicopters and Cuban advisers": each from its own maker
        hedge = "denied" if denial is not None else self._hedge(clause, attributions)
        inside = [a for a in attributions if start <= a.start < end]
        source = next((a.source for a in inside or attributions), None)  # the clause's own first
        speaker = recent(self.flow, index, 2)
        if source is None and speaker is not None and not roles.suppliers and not roles.recipients:
            source = (
                speaker.source
            )  # "The number has jumped from 28,000": the same asserter goes on
        when = _when(dates, clause, bool(_AS_OF.search(text, start, end)), self.published, bound)
        via = [v for v in roles.via if v not in suppliers and v not in recipients]
        calibers = self.mentions.between("calibers", start, end)
        emitted = False
        moved: list[ItemEntry] = []
        grant = (
            funding
            and all(t.text.lower() in _grant_verbs() for t in live)
            and not material
            and not support_items
            and bool(bound)
            and all(bq.quantity.unit == "usd" for bq in bound)
        )  # "Saudi Arabia gave the Contras $32 million": money for no goods named is support
        if grant:
            for supplier in suppliers:
                for recipient in recipients:
                    for bq in bound:
                        self._emit("support", (sent.start, sent.end), supplier=supplier,
                                   recipient=recipient, quantity=bq.quantity, hedge=hedge,
                                   source=source, when=when, via=via)  # fmt: skip
                        emitted = True
        elif borrowed or material or any(bq.category not in SUPPORT_CATEGORIES for bq in bound):
            groups: list[tuple[list[str], list[ItemEntry], list[BoundQuantity]]]
            if borrowed:  # the goods referred back to, counted by "four more" if nothing else
                bound = bound or [
                    BoundQuantity(
                        borrowed[0].category,
                        Quantity(n.value, "items", n.qualifier, n.max),
                        None,
                        n.start,
                    )
                    for n in numbers
                    if not n.currency and MORE_AFTER.match(text, n.end)
                ]
                groups = [(suppliers, borrowed, [
                    replace(bq, category=borrowed[0].category)
                    for bq in bound if bq.category not in SUPPORT_CATEGORIES
                ])]  # fmt: skip
            else:
                paired = _goods_by_source(text, parties, material, suppliers) or by_origin.get(
                    "material"
                )
                groups = [
                    (
                        group_suppliers,
                        drop_generic(group_items(text, group_items_, calibers), quantified),
                        bound if not paired
                        else [bq for bq in bound if any(bq.item is i for i in group_items_)],
                    )  # "31 Abrams tanks from the US, 18 Leopards from Germany": each its own
                    for group_suppliers, group_items_ in paired or [(suppliers, material)]
                ]  # fmt: skip
            for group_suppliers, entries, group_bound in groups:
                moved = entries
                emitted |= self._emit_flows(
                    "transfer",
                    (sent.start, sent.end),
                    group_suppliers,
                    recipients,
                    entries,
                    group_bound,
                    hedge,
                    source,
                    when,
                    via,
                )
        if support_items or any(bq.category in SUPPORT_CATEGORIES for bq in bound):
            support_groups = by_origin.get("support")
            for group_suppliers, group_support in support_groups or [(suppliers, support_items)]:
                emitted |= self._emit_flows(
                    "support",
                    (sent.start, sent.end),
                    group_suppliers,
                    recipients,
                    group_items(text, group_support, calibers),
                    bound
                    if not support_groups
                    else [bq for bq in bound if any(bq.item is i for i in group_support)],
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
        if emitted and moved:
            self._relayed(sent, clause, sent_parties, asides, moved, hedge, source, when)
        if emitted and (material or borrowed):
            for s in suppliers:
                for r in recipients:
                    self.flows[(s, r)] += 1
            self.flow = Flow(suppliers, recipients, index, source, moved)
            for bq in bound:
                if bq.quantity.unit in BULK_UNITS:
                    self.unit_flows[bq.quantity.unit] = self.flow
        elif emitted:
            self.support_flow = Flow(suppliers, recipients, index)

    def _relayed(
        self,
        sent: Sentence,
        clause: tuple[int, int],
        sent_parties: list[ActorMention],
        asides: list[tuple[int, int]],
        moved: list[ItemEntry],
        hedge: str,
        source: str | None,
        when: When | None,
    ) -> None:
        """ "sold rockets to Iran, which passed many of them on to Hezbollah": the buyer in
        the aside hands the same goods on."""
        text = self.text
        for aside_start, aside_end in asides:
            relay = _RELAY_ASIDE.match(text, aside_start, aside_end)
            if relay is None or not clause[0] <= aside_start < clause[1]:
                continue
            holder = next(
                (p for p in sent_parties if 0 <= aside_start - p.end <= 1 and p.is_party), None
            )
            onward = [p for p in sent_parties if relay.end() <= p.start < aside_end and p.is_party]
            if holder is None:
                continue
            for recipient in dict.fromkeys(p.actor_id for p in onward):
                if recipient == holder.actor_id:
                    continue
                for entry in moved:
                    self._emit("transfer", (sent.start, sent.end), supplier=holder.actor_id,
                               recipient=recipient, entry=entry, hedge=hedge, source=source, when=when)  # fmt: skip

    def _goods_lender(
        self,
        index: int,
        clause: tuple[int, int],
        live: list[Cue],
        material: list[ItemMention],
        support_items: list[ItemMention],
        trains: re.Match[str] | None,
    ) -> Flow | None:
        """The recent flow whose one kind of goods a clause refers back to without naming it:
        "China, the other big buyer, received its systems", "Manila signed a contract for three
        batteries of the anti-ship version"."""
        if not live or material or support_items or trains:
            return None
        if not GOODS_REFERENCE.search(self.text, *clause):
            return None
        return self._one_kind_moved(index, 8)  # its goods are material: support moves none

    def _hedge(self, clause: tuple[int, int], attributions: list[Attribution]) -> str:
        """Denied if an asserter denies it, else the clause's own hedge, "reported" when it is
        attributed and otherwise unhedged."""
        if any(a.denial for a in attributions):
            return "denied"
        hedge = hedge_of(self.text, clause[0], clause[1], default="confirmed")
        if hedge in ("confirmed", "reported") and _AGREED_TO.search(
            self.text, clause[0], clause[1]
        ):
            return "planned"  # "agreed in 2008 to sell Iran 19 missiles": a deal, not a delivery
        if hedge == "confirmed" and attributions:
            return "reported"
        return hedge


_ASIDE = re.compile(
    r",\s*(?:which|who|whose)\b(?:[^,;]|,(?=\d{3}\b)){3,120},(?!\d{3}\b)"
    r"|(?<=[a-z]),\s+the\s+(?:[\w\-]+\s+){0,3}?(?:company|firm|contractor|group|organi[sz]ation|militia|"
    r"movement|network|outfit|unit|agency|body|force|mercenar(?:y|ies)|paramilitar(?:y|ies))\s+"
    r"(?:linked|tied|close|allied|loyal|attached|connected|affiliated|belonging|that|which|founded|run|"
    r"owned|controlled|backed|known)\b[^,;]{0,80},"
    r"|(?<=[a-z]),\s+(?-i:an?)\s+(?:[\w\-]+\s+){0,3}?(?:buyer|customer|client|backer|supporter|sponsor|ally|"
    r"partner|member|neighbou?r|supplier|patron|rival|foe|enemy|friend|group|organi[sz]ation|think[-\s]tank|"
    r"institute|firm|company|consultancy|watchdog|monitor|outlet|newspaper|agency|affiliate|offshoot|"
    r"branch|franchise|proxy|wing)\b[^,;]{0,80},"
    r"|(?<=[a-z]),\s+the\s+(?:[\w\-]+\s+){0,3}?(?:affiliate|offshoot|branch|franchise|proxy|wing)\b[^,;]{0,80}(?:,|$)",
    re.I,
)  # "Iran, which has long ..., sent" and "Iran, a long-time buyer of ..., passed them on"


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
        coordinated = pending and COORDINATED.fullmatch(text[cursor : mention.start])
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


def _goods_by_origin(
    text: str,
    parties: list[ActorMention],
    material: list[ItemMention],
    support_items: list[ItemMention],
) -> dict[str, list[tuple[list[str], list[ItemMention]]]]:
    """ "Turkish drones and Chinese rifles": each item goes with the demonym right before it.
    Empty unless every item has one and there are two or more."""
    demonyms = [p for p in parties if p.form == "demonym"]
    groups: dict[str, dict[str, list[ItemMention]]] = {"material": {}, "support": {}}
    for kind, items in (("material", material), ("support", support_items)):
        for item in items:
            origin = next(
                (
                    p for p in reversed(demonyms)
                    if p.end <= item.start and _ORIGIN_GAP.fullmatch(text, p.end, item.start)
                ),
                None,
            )  # fmt: skip
            if origin is None:
                return {}
            groups[kind].setdefault(origin.actor_id, []).append(item)
    if len({o for kind in groups.values() for o in kind}) < 2:
        return {}
    return {
        kind: [([o], items) for o, items in found.items()]
        for kind, found in groups.items()
        if found
    }


_ORIGIN_GAP = re.compile(r"(?:[-\u2010\u2011][\w]+)?\s+(?:[\w\-]+\s+){0,2}?|[-\u2010\u2011]?\s*")


def _within(position: int, spans: list[tuple[int, int]]) -> bool:
    """Inside an aside (", which expelled French troops,"): not part of the main statement."""
    return any(s <= position < e for s, e in spans)


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


def _when(
    dates: list[DateMention],
    clause: tuple[int, int],
    as_of: bool,
    published: str | None,
    bound: list[BoundQuantity],
) -> When | None:
    """The clause's date (the first inside it, else the sentence's); a running count of
    containers "so far" is a total up to that date, or up to publication."""
    inside = [d for d in dates if clause[0] <= d.start < clause[1]] or dates
    if inside:
        when = inside[0].when
        if as_of and isinstance(when, str) and any(b.quantity.unit == "containers" for b in bound):
            return {"end": when}
        return when
    if as_of and published and any(b.quantity.unit == "containers" for b in bound):
        return {"end": published[:7]}
    return None
