"""Give each party named in a clause its role: supplier, recipient, via, or none.

Roles come from the words around each mention, in this order: a marker before it ("from",
"bound for", "via"), a possessive before a trade noun ("North Korea's supply of"), an adjective on
an item ("Iranian rockets"), then its place as subject or object of the trigger verb, with
passive voice reversing the subject's role. Coordinated names share a role ("to Hamas and
Hezbollah").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from armstrace.nlp.cues import Cue, cue_patterns
from armstrace.nlp.mentions import ActorMention, ItemMention

_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
_GIVE_NOUN = re.compile(
    r"^['\u2019]s?\s+(?:\w+\s+){0,2}?(?:supply|supplies|provision|shipments?|deliver(?:y|ies)|exports?|"
    r"transfers?|sales?|consignments?|assistance|aid|arms\s+(?:exports?|sales?|shipments?)|weapons?\s+shipments?)\b",
    re.I,
)
_RECEIVE_NOUN = re.compile(
    r"^['\u2019]s?\s+(?:\w+\s+){0,2}?(?:purchases?|imports?|acquisitions?|procurement|arsenal|arsenals|stockpiles?|inventory|use)\b",
    re.I,
)
_FORCES = re.compile(
    r"^['\u2019]s?\s+(?:\w+\s+)?(?:military|army|armed\s+forces|forces|navy|air\s+force|junta|government|regime|"
    r"troops|militias?|defence\s+ministry|defense\s+ministry|security\s+forces|coast\s+guard|national\s+guard|"
    r"far\s+east|border|borders|territory|region|coast|ports?|shores|soil|bases?|airfields?|side|frontline|"
    r"front\s+lines?|war\s+effort|war|invasion|campaign|offensive|arsenal|stockpiles?|forces)\b",
    re.I,
)
_EPITHET = re.compile(
    r"^[-\u2010\u2011](?:backed|sponsored|supported|funded|allied|aligned|armed|led)\b", re.I
)
_HOLDER = re.compile(
    r"^\s+(?:\w+\s+)?(?:arsenals?|stockpiles?|inventor(?:y|ies)|hands|militants'?\s+arsenals?)\b",
    re.I,
)
_BOUND = re.compile(r"^[-\u2010\u2011]bound\b", re.I)
_COORD = re.compile(
    r"^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+|\s*,\s*or\s+|\s+as\s+well\s+as\s+|\s*/\s*"
    r"|\s*,?\s*(?:including|notably|especially|such\s+as|among\s+them|among\s+which)\s+(?:[\w\s\-]{0,40}?\s(?:of|from)\s+)?)(?:the\s+)?$",
    re.I,
)
_COUNTERPART = re.compile(
    r"\b(?:deal|agreement|contract|talks|negotiations?)\s+with\s+(?:the\s+)?$", re.I
)
_OBJECT_GAP = re.compile(r"^\s*(?:the\s+|its\s+|their\s+)?$", re.I)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they|the\s+country|the\s+regime|the\s+state|his\s+country|her\s+country|their\s+country|"
    r"its\s+government|the\s+government)\s+(?:\w+\s+){0,4}$",
    re.I,
)


@dataclass
class Roles:
    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # adjectives on items: candidate suppliers
    subject_pronoun: bool = False

    def add(self, role: str, actor_id: str) -> None:
        bucket: list[str] = getattr(self, role)
        if actor_id not in bucket:
            bucket.append(actor_id)


_IN_ARSENAL = re.compile(
    r"^['\u2019]s?\s+(?:\w+\s+)?(?:arsenal|stockpiles?|inventory|armou?ry)\b", re.I
)
_TRAINED_BY_SCHOOL = re.compile(r"\btrain\w*\s+(?:\w+ly\s+)?(?:at|in)\s+(?:the\s+)?$", re.I)
_SCHOOL_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?:military|naval|air\s+force|army|defen[cs]e|staff|officer)\s+)*"
    r"(?:academ\w+|schools?|colleges?|institutes?|universit\w+|camps?|bases?|centres?|centers?)\b",
    re.I,
)
_AS_SOURCE = re.compile(
    r"^\s+as\s+(?:the|a|an|its|their)\s+(?:(?:main|likely|probable|ultimate|original|real)\s+)?"
    r"(?:source|supplier|origin|seller|exporter)\b",
    re.I,
)
_FIELDED = re.compile(r"(?i)deploy|field")


def _material_after(trigger: Cue, items: list[ItemMention]) -> bool:
    """Goods (not people) right after the verb: "deployed Chinese drones", not "deployed troops"."""
    return any(
        0 <= i.start - trigger.end <= 40
        and i.category not in ("troops", "training", "construction")
        for i in items
    )


_CONDUIT = re.compile(
    r"^\s*,?\s*(?:which\s+)?(?:was|is|has\s+been|had\s+been|served\s+as|serves\s+as|acted\s+as|acts\s+as|"
    r"became|remains|remained)\s+(?:a|an|the)\s+(?:(?:main|key|major|principal|important)\s+)?"
    r"(?:conduit|transit\s+point|transit\s+hub|transshipment\s+point|staging\s+post)\b",
    re.I,
)
_CONDUIT_FOR = re.compile(
    r"(?i)(?:conduit|transit\s+point|transit\s+hub|accounted|accounts?)\s+for"
)
_PLACE_OF = re.compile(
    r"\s+(?:(?:main|eastern|western|northern|southern|Red\s+Sea|Black\s+Sea|Mediterranean)\s+)?"
    r"(?:port|port\s+city|city|capital|town|harbou?r|airport|air\s+base|airbase|province|region)\s+(?:of\s+)?",
    re.I,
)
_SENT_OUT = re.compile(
    r"\b(?:were|was|have\s+been|had\s+been|are|is|being)\s+(?:\w+ly\s+)?(?:deployed|sent|dispatched|"
    r"stationed|flown|posted|moved|redeployed)\b",
    re.I,
)
_MEMBERS_FROM = re.compile(
    r"\b(?:fighters|members|militants|commanders|officers|operatives|cadres|soldiers|troops|recruits|engineers)\s+"
    r"(?:from|of)\s+(?:the\s+)?$",
    re.I,
)
_SHIFT = re.compile(
    r"\b(?:shift|switch|move|turn)\w*\s+(?:away\s+)?from\s+[^.;]{1,60}?\s+(?:to|towards?)\s+(?:the\s+)?$",
    re.I,
)
_BY_AGENT = re.compile(r"(?i)\bby\s+(?:the\s+)?(?:(?:[\w\-]+\s+){0,2}[\w\-]+['\u2019]s\s+)?$")
_FROM_PLACE = re.compile(r"(?i)\bfrom\s+$")
_WITH_BEFORE = re.compile(r"(?i)\bwith\s+$")
_HELP_AFTER = re.compile(r"(?i)^\s+(?:help|support|assistance|backing)\b")
_HELP_OF = re.compile(
    r"(?i)\bwith\s+(?:the\s+)?(?:help|support|assistance|backing)\s+of\s+(?:the\s+)?$"
)
_RELATIVE_SUBJECT = re.compile(
    r"\s*,\s*(?:which|who)\s+(?:(?:had|has|have|also|later|then|now|recently|reportedly|allegedly|"
    r"itself|in\s+turn)\s+){0,2}",
    re.I,
)
_RELATIVE = re.compile(r",\s*(?:which|who|whose|that)\b[^,]*$", re.I)
_UNKNOWN_PLACE = re.compile(
    r"(?<=\s)(?:the\s+(?:port|city|town|airport|airbase|base)\s+of\s+)?(?-i:[A-Z][\w\-]+)(?:\s+(?-i:[A-Z][\w\-]+))?,\s*$"
)
_TRAINED_AT = re.compile(r"(?i)train(?:ed|s|ing)?\s+(?:\w+ly\s+)?(?:at|in|with|under|alongside)\b")
_REPORTING = re.compile(
    r"\b(?:said|says|say|reported|reports|told|tells|citing|cited|according|added|stated|claimed|"
    r"alleged|argued|believes?|believed|warned|noted|wrote|estimated?|concluded|found|insisted)\b",
    re.I,
)


def _in_relative(text: str, start: int, position: int) -> bool:
    """ "Iran, which ... supplied": a relative clause, not the main subject. ", that" after a
    reporting verb ("reported, citing diplomats, that Russia ...") opens what was reported."""
    left = text[start:position]
    m = _RELATIVE.search(left)
    if m is None:
        return False
    words = left[m.start() :].lstrip(", \t\n").split()
    if len(words) == 1 or (len(words) == 2 and words[1].lower() == "the"):
        return False  # "the S-400, which India bought": the name opens the relative clause as its subject
    return not (words[0].lower() == "that" and _REPORTING.search(left, 0, m.start()))


def _marker_role(text: str, clause_start: int, mention: ActorMention) -> str | None:
    scene = _SCENE.match(text, clause_start)
    if scene is not None and mention.start >= scene.end():
        clause_start = (
            scene.end()
        )  # "In Libya, Russia has supported ...": the scene marks no one after it
    left = text[max(clause_start, mention.start - 48) : mention.start]
    if _SHIFT.search(text[max(clause_start, mention.start - 90) : mention.start]):
        return (
            "ignore"  # "a shift from Singapore to Thailand" is a change of supplier, not a delivery
        )
    # "from the port of Haeju, DPRK": a place we do not know, then its country
    left = _UNKNOWN_PLACE.sub("", left)
    marker = cue_patterns().role_marker.search(left)  # the leftmost; first role on a tie
    if marker is not None:
        return marker.lastgroup
    return "counterpart" if _COUNTERPART.search(left) else None


_BY_AGENT_AFTER = re.compile(r"\s+by\s+(?:the\s+)?(?-i:[A-Z])")
_OWN_SUBJECT = re.compile(
    r"(?i),\s+(?:saying|said|says|claiming|alleging|adding)\s+(?:that\s+)?(?:it|they)\s+(?:\w+\s+){0,3}$"
)
_LISTED_RECIPIENT = re.compile(
    r"\b(?:to|for)\s+(?:[\w\-]+\s+){0,4}?(?:countries|states|nations|buyers|customers|clients|armies|governments|"
    r"militaries|air\s+forces|navies)\s*,?\s+(?:including|such\s+as|among\s+them|notably|like)\s+(?:the\s+)?$",
    re.I,
)
_OF_BEFORE = re.compile(r"\bof\s+$")
_ORIGIN_AFTER = re.compile(r"\s+(?:origin|manufacture|make|production)\b", re.I)


def of_origin(text: str, mention: ActorMention) -> bool:
    """ "rockets of Iranian origin", "rifles of Chinese manufacture": a demonym after the goods
    that names their maker."""
    return (
        mention.form == "demonym"
        and _ORIGIN_AFTER.match(text, mention.end) is not None
        and _OF_BEFORE.search(text, max(0, mention.start - 4), mention.start) is not None
    )


COORDINATED = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", re.I)
"""Between two names of one list: "Russia, Belarus and Iran" (used with fullmatch)."""
_BARE_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
_LIST_JOIN = re.compile(r"(?i)\s*,?\s*(?:and|or)\s+(?:the\s+)?|\s*,\s*(?:the\s+)?")


def _list_goes_on(text: str, parties: list[ActorMention], i: int) -> bool:
    """A bare comma joins a list only when the list continues to "and"/"or" ("Russia, Belarus
    and Iran"), not when it closes an aside ("Cut off from its French supplier, Argentina ...")."""
    for j in range(i + 1, len(parties)):
        gap = text[parties[j - 1].end : parties[j].start]
        if not _LIST_JOIN.fullmatch(gap):
            return False
        if not _BARE_COMMA.fullmatch(gap):
            return True  # reached "and"/"or"
    return False


def is_adjective(text: str, mention: ActorMention) -> bool:
    """A demonym used as an adjective ("Russian technologies"), not a plural noun ("the Russians")."""
    return mention.form == "demonym" and not mention.text.endswith("s")


_SCENE_BEFORE = re.compile(r"\s*(?:In|Inside|Across|Throughout)\s+(?:the\s+)?")
_SCENE = re.compile(_SCENE_BEFORE.pattern + r"[A-Z][^,;]{1,40},")  # "In Libya," up to its comma


def assign_roles(
    text: str,
    clause: tuple[int, int],
    parties: list[ActorMention],
    triggers: list[Cue],
    items: list[ItemMention],
) -> Roles:
    """Roles of the parties in one clause; `triggers` are transfer/support cues in the clause."""
    start, end = clause
    roles = Roles()
    labels: list[str | None] = []
    for mention in parties:
        after = text[mention.end : min(end, mention.end + 60)]
        label: str | None = None
        if re.match(r"^[-\u2010\u2013](?-i:[A-Z])", after):
            label = (
                "ignore"  # "the Egypt-Gaza border", "the Iran-Iraq war": a compound, not a party
            )
        elif _EPITHET.match(after):
            label = "epithet"  # "the Iran-backed Houthis": the Houthis hold the role
        elif _BOUND.match(after):
            label = "recipient"
        elif _AS_SOURCE.match(after):
            label = "supplier"  # "pointing to the UAE as the source"
        elif _CONDUIT.match(after):
            label = "via"  # "Belarus was a conduit for Russian weapons"
        elif _FORCES.match(after):
            label = None  # "to Myanmar's military" is to Myanmar
            if _IN_ARSENAL.match(after) and re.search(
                r"(?i)\b(?:in|into|inside|within)\s+(?:the\s+)?$",
                text[max(start, mention.start - 12) : mention.start],
            ):
                label = "recipient"  # "every weapon in Armenia's arsenal came from Russia"
        elif _POSSESSIVE.match(after):
            if _GIVE_NOUN.match(after):
                label = "supplier"
            elif _RECEIVE_NOUN.match(after):
                label = "recipient"
            else:
                label = "possessive"
        elif _HOLDER.match(after):
            label = "holder"
        if label is None and _MEMBERS_FROM.search(
            text[max(start, mention.start - 40) : mention.start]
        ):
            # "fighters from Hamas and Islamic Jihad trained in Iran": the group's members
            later = text[mention.end : end]
            if re.search(r"(?i)\btrain", later):
                label = "recipient"
            elif _SENT_OUT.search(later):
                label = "supplier"  # "600 members of the Wagner Group were deployed to Libya"
            else:
                label = "ignore"
        if (
            label is None
            and _TRAINED_BY_SCHOOL.search(text[max(start, mention.start - 40) : mention.start])
            and _SCHOOL_AFTER.match(text, mention.end)
        ):
            label = "supplier"  # "officers have trained at Russian military academies"
        if label is None and (
            (
                _WITH_BEFORE.search(text, max(start, mention.start - 8), mention.start)
                and _HELP_AFTER.match(after)
            )
            or _HELP_OF.search(text, max(start, mention.start - 40), mention.start)
        ):
            label = "helper"  # "Hezbollah, with Iranian help, sent ...": a second giver
        if (
            label is None
            and _SCENE_BEFORE.fullmatch(text, start, mention.start)
            and after.startswith(",")
            and any(p.start > t.end for t in triggers[:1] for p in parties)
        ):
            label = "scene"  # "In Libya, Wagner has supported the LNA": where, not who
        made_by = is_adjective(text, mention) and cue_patterns().made_suffix.match(after)
        if label is None and not made_by:  # "parts for its American-built jets": a maker
            label = _marker_role(text, start, mention)
            if label == "recipient" and any(
                0 <= mention.start - t.end <= 5 and _CONDUIT_FOR.fullmatch(t.text) for t in triggers
            ):
                label = None  # "a conduit for Russian weapons": the verb's "for", not a recipient
            if label == "recipient" and _after_use(text, mention, triggers):
                label = "ignore"
            if label == "recipient" and not _possession_fits(text, mention, items):
                label = "ignore"
            goods = [i for i in items if i.category not in ("training", "troops", "construction")]
            if (
                label == "recipient"
                and is_adjective(text, mention)
                and _modifies_item(text, mention, goods)
            ):
                label = "origin"  # "negotiates for French jets": the jets' maker, not a buyer
        if label is None and _LISTED_RECIPIENT.search(
            text, max(start, mention.start - 80), mention.start
        ):
            label = "recipient"  # "exported to more than 30 countries, including Ukraine"
        if label is None and of_origin(text, mention):
            label = "origin"  # "grenades of North Korean origin": the goods' maker
        if label is None and is_adjective(text, mention):
            designer = cue_patterns().designer.search(
                text[max(start, mention.start - 40) : mention.start]
            )
            if designer or re.match(r"^[-\u2010\u2011](?:designed|type|pattern|style)\b", after):
                label = "adjective"
            elif _modifies_item(text, mention, items):
                label = "origin"
            elif _forces_subject(text, mention, triggers, any_verb=True):
                label = None  # "the Ukrainian army used ...": the army's state is the subject
            else:
                label = "adjective"
        labels.append(label)
    for i in range(1, len(parties)):  # "the Kenyan port of Mombasa": one place, one role
        if parties[i].actor_id == parties[i - 1].actor_id and _PLACE_OF.fullmatch(
            text[parties[i - 1].end : parties[i].start]
        ):
            labels[i] = labels[i - 1]
    # holders: "in Hamas and Hezbollah arsenals" makes both names recipients
    for i in range(len(parties) - 1, -1, -1):
        if labels[i] == "holder":
            labels[i] = "recipient"
            j = i
            while (
                j > 0
                and labels[j - 1] in (None, "ignore")
                and _COORD.match(text[parties[j - 1].end : parties[j].start])
            ):
                labels[j - 1] = "recipient"
                j -= 1
    # "Turkish and Iranian drones": the first demonym modifies the same goods as the second
    for i in range(len(parties) - 2, -1, -1):
        if (
            labels[i] == "adjective"
            and labels[i + 1] == "origin"
            and parties[i].form == "demonym"
            and _COORD.match(text[parties[i].end : parties[i + 1].start])
        ):
            labels[i] = "origin"
    # coordination: "to Hamas and Hezbollah" shares the first name's role
    for i in range(1, len(parties)):
        gap = text[parties[i - 1].end : parties[i].start]
        if (
            labels[i] is None
            and labels[i - 1] not in (None, "possessive", "adjective", "epithet", "scene")
            and _COORD.match(gap)
            and not (_BARE_COMMA.fullmatch(gap) and not _list_goes_on(text, parties, i))
        ):
            labels[i] = labels[i - 1]
    # "sent by the PFLP-GC from Lebanon": the group sent it, the state it left from is a stop
    by_group = any(
        label == "supplier" and not m.actor_id.isupper() and _BY_AGENT.search(text, max(start, m.start - 30), m.start)
        for m, label in zip(parties, labels, strict=True)
    )  # fmt: skip
    if by_group:
        for i, (mention, label) in enumerate(zip(parties, labels, strict=True)):
            if (
                label == "supplier"
                and mention.actor_id.isupper()
                and _FROM_PLACE.search(text, max(start, mention.start - 8), mention.start)
            ):
                labels[i] = "via"
    for mention, label in zip(parties, labels, strict=True):
        if label in ("recipient", "supplier", "via", "helper"):
            roles.add(
                {
                    "recipient": "recipients",
                    "supplier": "suppliers",
                    "via": "via",
                    "helper": "suppliers",
                }[label],
                mention.actor_id,
            )
        elif label == "origin":
            roles.add("origins", mention.actor_id)
    triggers = [t for t in triggers if t.label != "use" or _use_has_object(text, t, items)]
    _assign_by_position(text, clause, parties, labels, triggers, roles, items)
    _end_users_first(roles, bool(_MOVED.search(text, start, end)))
    _parties_before_places(roles, parties)
    if _recipient_noun(text, clause):
        for mention, label in zip(parties, labels, strict=True):
            if label is None:
                roles.add("recipients", mention.actor_id)
    for i, (mention, label) in enumerate(zip(parties, labels, strict=True)):
        if label == "counterpart":
            trigger = _nearest_before(triggers, mention.start)
            role = "recipients" if trigger is not None and trigger.label == "give" else "suppliers"
            roles.add(role, mention.actor_id)
            del i
    return roles


_MOVED = re.compile(
    r"\b(?:flown|driven|trucked|shipped|smuggled|transported|moved|carried|routed|ferried|transited|trafficked)\b",
    re.I,
)


def _parties_before_places(roles: Roles, parties: list[ActorMention]) -> None:
    """ "instructors sent to Crimea to help Russian crews": a party named as the receiver
    outranks a state known here only by a place in it, which becomes a point on the way."""
    named = {p.actor_id for p in parties if p.form != "place"}
    places = [r for r in roles.recipients if r not in named]
    if places and len(places) < len(roles.recipients):
        roles.recipients = [r for r in roles.recipients if r in named]
        for state in places:
            roles.add("via", state)


def _end_users_first(roles: Roles, moved: bool) -> None:
    """ "to Hezbollah ... flown into Damascus ... into Lebanon": when an armed group receives,
    the states named on the way are transit points."""
    groups = [r for r in roles.recipients if not r.isupper()]
    states = [r for r in roles.recipients if r.isupper() and r != "PS"]
    if groups and states and moved:
        roles.recipients = groups
        for state in states:
            roles.add("via", state)


_POSSESSION = re.compile(
    r"\b(?:used|fired|operated|launched|deployed|possessed|acquired|obtained|received|bought|purchased)\s+by\s+(?:the\s+)?$",
    re.I,
)


def _possession_fits(text: str, mention: ActorMention, items: list[ItemMention]) -> bool:
    """ "the KN-23 missiles used by Russia" names a holder; "a system similar to that used by the
    Soviet Union" does not: the phrase must follow the goods."""
    left = text[max(0, mention.start - 30) : mention.start]
    m = _POSSESSION.search(left)
    if not m:
        return True
    marker_start = mention.start - len(left) + m.start()
    if re.search(
        r"\b(?:were|was|are|is|been|being)\s+(?:\w+ly\s+|also\s+|later\s+)?$",
        text[max(0, marker_start - 24) : marker_start],
    ):
        return True  # "The drones ... were used by Russian forces": the passive's subject goods
    return any(0 <= marker_start - item.end <= 12 for item in items)


def _after_use(text: str, mention: ActorMention, triggers: list[Cue]) -> bool:
    """ "fired 3,200 rockets into Israel": after a use verb, into/at/on names a target."""
    left = text[max(0, mention.start - 12) : mention.start].lower()
    return bool(re.search(r"\b(?:into|at|on|against)\s+(?:the\s+)?$", left)) and any(
        t.label == "use" and t.end <= mention.start for t in triggers
    )


def _modifies_item(text: str, mention: ActorMention, items: list[ItemMention]) -> bool:
    for item in items:
        gap = text[mention.end : item.start]
        if (
            item.start >= mention.end
            and len(gap) <= 40
            and re.fullmatch(
                r"(?:[-\u2010\u2011](?:made|manufactured|produced|built|origin|supplied|provided|delivered|donated)\b)?[\s\w\-.,/\u2010\u2011]*",
                gap,
            )
            and not re.search(r"\b(?:of|for|to|from|by|with|in|on|that|which|and\s+the)\b", gap)
        ):
            return True
        if item.start >= mention.end and re.fullmatch(r"\s+and\s+\S+\s+[\w\-]+\s*", gap or "x"):
            return True
    return False


def _nearest_before(triggers: list[Cue], position: int) -> Cue | None:
    best = None
    for trigger in triggers:
        if trigger.end <= position:
            best = trigger
    return best


_IRREGULAR = frozenset(
    [
        "sent",
        "sold",
        "given",
        "made",
        "built",
        "shown",
        "flown",
        "driven",
        "brought",
        "bought",
        "taken",
        "held",
        "paid",
        "shot",
        "hit",
        "put",
        "led",
        "kept",
        "left",
        "lost",
        "struck",
        "drawn",
        "thrown",
        "won",
        "got",
        "gotten",
        "handed",
        "dispatched",
    ]
)


def is_participle(word: str) -> bool:
    """ "were sent", "was supplied": a past participle, so the clause is passive
    ("Russia is providing" is not)."""
    last = word.lower().split()[-1] if word.split() else ""
    return last.endswith("ed") or last in _IRREGULAR


_FORCES_NOUN = re.compile(
    r"^\s+(?:armed\s+)?(?:forces|troops|soldiers|military|army|units|navy|air\s+force|marines|"
    r"special\s+forces|defen[cs]e\s+ministry|government|authorities|officers|pilots|cadets|crews|"
    r"personnel|servicemen|sailors|commanders|(?:military\s+)?(?:officers|pilots|cadets))\b",
    re.I,
)


_PASSIVE_GAP = re.compile(r"\b(?:were|was|are|is|been|being)\b", re.I)


def _forces_subject(
    text: str, mention: ActorMention, triggers: list[Cue], *, any_verb: bool = False
) -> bool:
    """ "Russian forces have fired ...", "the Ukrainian army used ...": a state's forces as the
    subject of the next verb stand for the state."""
    m = _FORCES_NOUN.match(text[mention.end : mention.end + 30])
    if not m:
        return False
    after = mention.end + m.end()
    labels = ("use", "receive", "give", "support") if any_verb else ("use", "receive")
    return any(
        0 <= t.start - after <= 24
        and t.label in labels
        and not _PASSIVE_GAP.search(text, after, t.start)  # "soldiers were sent": they are sent
        for t in triggers
    )


def _use_has_object(text: str, trigger: Cue, items: list[ItemMention]) -> bool:
    """A use verb ("holds", "carrying", "fired") makes its subject a recipient only when what
    follows is goods, not a ship ("UAE holds ship carrying arms")."""
    for item in items:
        if trigger.end <= item.start <= trigger.end + 50:
            return not re.search(
                r"(?i)\b(?:ship|vessel|boat|plane|aircraft|truck|convoy|dhow|freighter)s?\b",
                text[trigger.end : item.start],
            )
    return False


def _assign_by_position(
    text: str,
    clause: tuple[int, int],
    parties: list[ActorMention],
    labels: list[str | None],
    triggers: list[Cue],
    roles: Roles,
    items: list[ItemMention],
) -> None:
    """Subjects take the role of the next trigger verb; objects right after a give-verb receive."""
    pats = cue_patterns()
    start, _end = clause
    for index, (mention, label) in enumerate(zip(parties, labels, strict=True)):
        if label == "origin" and _forces_subject(text, mention, triggers, any_verb=True):
            label = None  # "Russian forces have fired ...": the forces' state is the subject
            labels[index] = None
            if mention.actor_id in roles.origins:
                roles.origins.remove(mention.actor_id)
        preceding = [t for t in triggers if t.end <= mention.start]
        if (
            label in ("adjective", "origin")
            and preceding
            and preceding[-1].label == "support"
            and not _FIELDED.match(
                preceding[-1].text
            )  # "deployed Chinese drones": the makers' goods
            and re.fullmatch(
                r"\s*(?:the\s+)?(?:[a-z][\w\-]*\s+){0,2}", text[preceding[-1].end : mention.start]
            )
        ):
            roles.add("recipients", mention.actor_id)  # "training Russian drone operators"
            if mention.actor_id in roles.origins:
                roles.origins.remove(mention.actor_id)
            continue
        relative = _RELATIVE_SUBJECT.match(text, mention.end)
        opens = next((t for t in triggers if relative and t.start == relative.end()), None)
        if label == "ignore" and opens is not None and opens.label in ("receive", "use"):
            # "sanctions against Turkey, which took delivery of S-400s": Turkey is the subject
            # of the relative clause's verb, whatever the main clause did to it
            roles.add("recipients", mention.actor_id)
            continue
        if label not in (None, "possessive"):
            continue
        following = [t for t in triggers if t.start >= mention.end]
        if preceding and label is None:
            last = preceding[-1]
            if last.label in ("give", "support") and _OBJECT_GAP.match(
                text[last.end : mention.start]
            ):
                roles.add("recipients", mention.actor_id)
                continue
        if not following:
            continue
        trigger = following[0]
        gap = text[mention.end : trigger.start]
        if len(gap) > 90 or re.search(r"[;:]", gap):
            continue
        if _OWN_SUBJECT.search(gap):
            continue  # "Washington sanctioned Vektra, saying it had shipped": the verb has its own subject
        if _in_relative(text, start, mention.start):
            continue  # ", which expelled French and then American troops,": not the main subject
        between = [
            p for p, p_label in zip(parties, labels, strict=True)
            if mention.end <= p.start and p.end <= trigger.start and p_label not in ("ignore", "helper")
            and not _in_relative(text, start, p.start)
        ]  # fmt: skip
        if between and not _COORD.match(text[mention.end : between[0].start]):
            continue
        passive = is_participle(trigger.text) and bool(
            pats.passive.search(text[max(start, trigger.start - 30) : trigger.start])
            or _BY_AGENT_AFTER.match(text, trigger.end)
        )  # "rockets, most of them supplied by Iran": a participle with its agent is passive
        role = {
            "give": "suppliers",
            "receive": "recipients",
            "use": "recipients",
            "support": "suppliers",
        }.get(trigger.label, "suppliers")
        if passive and trigger.label == "give":
            role = "recipients"
        if trigger.label == "support" and _TRAINED_AT.match(text, trigger.start):
            role = "recipients"  # "Myanmar officers have trained at Russian academies"
        if (
            trigger.label == "support"
            and _FIELDED.match(trigger.text)
            and _material_after(trigger, items)
        ):
            role = "recipients"  # "Ethiopia deployed Chinese drones": the user of the goods
        if label == "possessive" and role == "recipients" and trigger.label == "give":
            if passive and mention.actor_id.isupper() and not roles.suppliers:
                roles.add("suppliers", mention.actor_id)  # "Turkey's drones have been exported to"
            continue
        roles.add(role, mention.actor_id)
    roles.subject_pronoun = bool(triggers) and bool(
        _PRONOUN_SUBJECT.search(text[max(start, triggers[0].start - 40) : triggers[0].start])
    )


def _recipient_noun(text: str, clause: tuple[int, int]) -> bool:
    return bool(cue_patterns().recipient_nouns.search(text, clause[0], clause[1]))
