"""Per-document mentions, bucketed by sentence, with document-level disambiguation.

All pattern scans run once over the whole text; each sentence then reads its slice. Weak names
("the North") and ambiguous ones ("Defense Intelligence Agency") resolve against the actors the
document names outright.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from armstrace.gazetteer import load_gazetteer
from armstrace.nlp.cues import cue_patterns
from armstrace.nlp.mentions import (
    ActorMention,
    ItemMention,
    VesselMention,
    find_actors,
    find_calibers,
    find_items,
    find_vessels,
    inside_proper_name,
    transport_aircraft,
)
from armstrace.parse.quantity import NumberMention, find_numbers

_GROUP_NOUN = re.compile(  # "Palestinian militants" names a party, not an adjective
    r"^\s+(?:militants|fighters|groups?|factions|rebels|insurgents|militias?|resistance|guerrillas|terrorists|"
    r"armed\s+groups?|jihadists|separatists|suppliers|companies|firms|manufacturers|producers|exporters|"
    r"arms\s+makers|defen[cs]e\s+firms|defen[cs]e\s+companies|entities|traders|brokers|state\s+companies|"
    r"company|firm|manufacturer|maker|producer|exporter|supplier|contractor|state-owned\s+\w+|"
    r"(?:air\s+force|army|navy|military)(?!\s+(?:advis[eo]rs?|instructors?|trainers?|training|personnel|engineers|"
    r"specialists|experts|aid|assistance|equipment|hardware|supplies|support|vehicles?|aircraft|technology|goods|"
    r"cargo|materiel|material|items?|products|helicopters?|trucks?|drones?|satellites?)\b)|"
    r"armed\s+forces|junta|security\s+forces|marines)\b",
    re.I,
)
_FLAG = re.compile(
    r"^[-\u2010\u2011](?:owned|flagged|registered|chartered|operated|crewed)\b", re.I
)
_UNSPECIFIED = re.compile(r"\b(?:unspecified|unnamed|unidentified|a\s+third)\s+(?:\w+\s+)?$", re.I)
_MEMBER_STATE = re.compile(r"^\s+(?:member\s+states?|Member\s+States?)\b")


@dataclass
class DocumentMentions:
    actors: list[ActorMention]
    items: list[ItemMention]
    numbers: list[NumberMention]
    vessels: list[VesselMention]
    calibers: list[tuple[int, int, float]]
    counts: Counter[str]

    def __post_init__(self) -> None:
        self._starts = {
            "actors": [m.start for m in self.actors],
            "items": [m.start for m in self.items],
            "numbers": [m.start for m in self.numbers],
            "vessels": [m.start for m in self.vessels],
            "calibers": [c[0] for c in self.calibers],
        }

    def between(self, kind: str, start: int, end: int) -> list[Any]:
        """Mentions of one kind that start inside [start, end); sequences are sorted by start."""
        seq: list[Any] = getattr(self, kind)
        starts = self._starts[kind]
        return seq[bisect_left(starts, start) : bisect_left(starts, end)]


def scan_document(text: str) -> DocumentMentions:
    vessels = _named_again(text, find_vessels(text))
    calibers = find_calibers(text)
    named = sorted((v.start, v.end) for v in vessels if v.name)
    actors = [a for a in find_actors(text) if not _inside(a.start, a.end, named)]
    actors = _split_forces_before_people(text, _resolve(text, actors), find_items(text))
    occupied = sorted((a.start, a.end) for a in actors if a.form in ("agency", "media", "name"))
    ends = {
        a.end for a in actors if not a.actor_id.isupper()
    }  # "al-Shabaab fighters" name the group
    items = [
        i for i in find_items(text)
        if not _inside(i.start, i.end, named) and not _overlaps(i, occupied) and not _not_goods(text, i)
        and not (i.category == "troops" and (i.start - 1 in ends or i.start - 2 in ends))
        and not (i.generic and inside_proper_name(text, i.start, i.end))  # "Allied Workers Union"
    ]  # fmt: skip
    items = [_by_caliber(text, i, calibers) for i in items]
    items = _resolve_item_references(text, items)
    numbers = find_numbers(text)
    counts = Counter(a.actor_id for a in actors if a.is_party)
    vessels.sort(key=lambda v: v.start)
    return DocumentMentions(actors, items, numbers, vessels, calibers, counts)


# "these missiles", "the same rockets": a generic noun pointing back at a named system
_BACK_REFERENCE = re.compile(r"\b(?:these|those|such|the\s+same)\s+(?:[\w\-]+\s+)?$", re.I)
# "the drone", "three of the fighters": a definite noun right after a named system points back
# at it, if it was named close enough before
_DEFINITE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:new|first|latest|same|Turkish|Chinese|Russian)\s+)?$"
)
_DEFINITE_REACH = 1500
_COUNTED = re.compile(
    r"(?i)\b(?:some|about|around|nearly|roughly|at\s+least|more\s+than)?\s*\d[\d,.]*\s+$"
)
_NOUN_FITS = {
    "missile": ("ballistic_missiles", "cruise_missiles", "atgm", "manpads", "air_defence"),
    "rocket": ("rockets",),
    "drone": ("aircraft",),
    "shell": ("artillery_ammunition",),
    "round": ("artillery_ammunition", "small_arms_ammunition", "rpg", "mortar_ammunition"),
    "launcher": ("mrl", "rpg", "air_defence"),
    "jet": ("aircraft",),
    "fighter": ("aircraft",),
    "aircraft": ("aircraft",),
    "plane": ("aircraft",),
    "warplane": ("aircraft",),
    "helicopter": ("aircraft",),
    "tank": ("armoured_vehicles",),
    "vehicle": ("armoured_vehicles",),
    "submarine": ("ships",),
    "frigate": ("ships",),
    "corvette": ("ships",),
    "howitzer": ("artillery",),
}


def _resolve_item_references(text: str, items: list[ItemMention]) -> list[ItemMention]:
    """A generic item after "these"/"those"/"the same" takes the category and designation of
    the last named system it can refer to: "Egypt passed a few of these missiles" after "Scud-B"."""
    out: list[ItemMention] = []
    last_named: list[ItemMention] = []
    for item in items:
        definite = _DEFINITE.search(text, max(0, item.start - 24), item.start) or (
            item.category == "munitions"
            and _COUNTED.search(text, max(0, item.start - 24), item.start)
        )  # "Some 200 missiles were part of the first consignment": the missiles just named
        if item.generic and (
            _BACK_REFERENCE.search(text, max(0, item.start - 24), item.start) or definite
        ):
            noun = item.text.lower().rstrip("s")
            fits = _NOUN_FITS.get(noun, ())
            reach = _DEFINITE_REACH if definite else len(text)
            antecedent = next(
                (
                    n
                    for n in reversed(last_named)
                    if n.category in fits and item.start - n.end <= reach
                ),
                None,
            )
            if antecedent is not None:
                item = replace(
                    item,
                    category=antecedent.category,
                    designation=antecedent.designation,
                    generic=False,
                    origin=antecedent.origin,
                )
        elif not item.generic:
            last_named.append(item)
        out.append(item)
    return out


def _named_again(text: str, vessels: list[VesselMention]) -> list[VesselMention]:
    """A ship introduced once ("the cargo vessel Jie Shun") is the same ship wherever its
    name comes back on its own ("The Jie Shun departed from Haeju")."""
    taken = [(v.start, v.end) for v in vessels]
    found = list(vessels)
    for name in sorted({v.name for v in vessels if v.name and len(v.name) >= 4}):
        for hit in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
            if not any(s < hit.end() and hit.start() < e for s, e in taken):
                found.append(VesselMention(hit.start(), hit.end(), name, "ship"))
                taken.append((hit.start(), hit.end()))
    return found


# "submarine and missile technology": the first noun modifies the technology too
_SHARED_TECHNOLOGY = re.compile(
    r"(?i)^\s+(?:and|or)\s+[\w\-]+\s+(?:technology|technologies|know-how)\b"
)
_MODIFIED_HEAD = re.compile(
    r"^[\s\-]+(?:attacks?|demands?|needs|requirements?|shortages?|programm?es?|programs|experts?|sanctions|"
    r"embargo(?:es)?|launch(?:es)?|tests?|strikes?|fire|development|research|projects?|sites?|bases?|"
    r"units?|brigades?|crews?|fragments|debris|remnants|race|control|treaty|talks|inspectors?|dealers?|"
    r"manifest|documents|paperwork|technology|technologies|know-how|"
    r"smugglers?|traffickers?|trade|trafficking|proliferation|specialists?|technicians?|experience|"
    r"operations?|warfare|relationship|cooperation|partnership|ties|diplomacy|policy|analysts?|survey|"
    r"ships?|boats?|vessels?|planes?|trucks?|convoys?|carriers?|operators?|pilots?|crews?|teams?)\b",
    re.I,
)
_TRANSPORT = re.compile(
    r"^\s+(?:cargo\s+)?(?:plane|aircraft|freighter|transport|jet|airliner|flight)s?\b", re.I
)
_CARGO_HEAD = re.compile(r"^\s+(?:cargo|freighter|transport|airliner|flight)", re.I)
_AGENT = re.compile(
    r"^\s+(?:have\s+|had\s+|has\s+)?(?:struck|strike|bombed|attacked|hit|shelled|shot\s+down|destroyed|"
    r"intercepted|downed|killed|targeted|raided|flew\s+over|patrolled|escorted|stopped|boarded|seized|"
    r"detained|searched|captured|sank|sunk)\b"
    r"|^\s+(?:were|was|have\s+been|had\s+been)\s+(?:hit|struck|destroyed|damaged|targeted|attacked|downed)\b",
    re.I,
)
_TARGET = re.compile(
    r"(?:\b(?:strikes?|attacks?|raids?|assaults?)\s+(?:on|against)\s+|\b(?:struck|hit|destroyed|bombed|targeted|shelled)\s+"
    r"|\b(?:backed|escorted|supported|accompanied|assisted)\s+by\s+|\bused\s+to\s+(?:make|build|produce)\s+)"
    r"(?:(?:the|a|an|its|their)\s+)?(?:[\w.\-]+\s+){0,2}$",
    re.I,
)
_CLEARING = re.compile(
    r"\b(?:clear|clearing|cleared|remove|removing|removed|defuse|defusing|detect|lift|lifting)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
_NEGATED_ITEM = re.compile(r"\b(?:any|no|not\s+a\s+single|not\s+one)\s+(?:\w+\s+)?$", re.I)
_DENIED_BEFORE = re.compile(r"\b(?:denied|denies|deny|denying)\s+(?:\w+\s+){1,3}$", re.I)


_OPPONENT = re.compile(
    r"\b(?:against|fighting|fought|attacked|targeting|targeted|battling|versus|vs\.?)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$",
    re.I,
)


def _split_forces_before_people(
    text: str, actors: list[ActorMention], items: list[ItemMention]
) -> list[ActorMention]:
    """ "Russian military instructors", "Russian military equipment": the agency "Russian
    military" would swallow what was sent; read it as the demonym and let "military
    instructors" or "military equipment" be the people or goods."""
    starts = {i.start: i for i in items}
    out: list[ActorMention] = []
    for actor in actors:
        space = actor.text.rfind(" ")
        person = (
            starts.get(actor.start + space + 1) if actor.form == "agency" and space > 0 else None
        )
        if (
            person is not None
            and actor.country
            and actor.country.isupper()
            and person.end > actor.end
        ):
            end = actor.start + space
            actor = replace(
                actor, end=end, text=text[actor.start : end], actor_id=actor.country, form="demonym"
            )
        out.append(actor)
    return out


def _not_goods(text: str, item: ItemMention) -> bool:
    """ "rocket attacks" or "any technology transfer" name no goods; an "IL-76 cargo plane"
    is the conveyance, not the cargo."""
    after = text[item.end : item.end + 30]
    if _AGENT.match(after):
        return True  # "Israeli aircraft struck a convoy": the aircraft acted, it was not moved
    if item.text.lower() in ("round", "rounds") and not re.search(
        r"(?:mm|millimet(?:er|re)s?|\d|million|billion|thousand|hundred|thousands\s+of|millions\s+of|"
        r"hundreds\s+of)[\s\-]*$",
        text[max(0, item.start - 20) : item.start],
        re.I,
    ):
        return True  # bare "rounds" counts goods only after a caliber or a number
    carrier = _TRANSPORT.match(after) if item.category == "aircraft" and not item.generic else None
    if carrier and (
        _CARGO_HEAD.match(carrier.group(0)) or item.text.lower() in transport_aircraft()
    ):
        return True  # "an IL-76 cargo plane" carried the goods; "Mirage 2000 jets" are goods
    negated = _NEGATED_ITEM.search(text[max(0, item.start - 24) : item.start])
    if negated and not (
        negated.group(0).lower().startswith("any")
        and _DENIED_BEFORE.search(text[max(0, item.start - 50) : item.start])
    ):
        return (
            True  # "no weapons", "any technology transfer"; "denied sending any drones" is a denial
        )
    if item.category == "troops" and _OPPONENT.search(text[max(0, item.start - 40) : item.start]):
        return True  # "drones used against Tigrayan forces": the other side, not help sent
    if _TARGET.search(text[max(0, item.start - 40) : item.start]):
        return True  # "strikes on depots", "backed by a destroyer", "used to make missiles"
    if item.category == "mines" and _CLEARING.search(text[max(0, item.start - 24) : item.start]):
        return True  # "to clear mines": demining, not a delivery of mines
    return bool(_MODIFIED_HEAD.match(after) or _SHARED_TECHNOLOGY.match(after))


def _by_caliber(
    text: str, item: ItemMention, calibers: list[tuple[int, int, float]]
) -> ItemMention:
    """ "rounds of 7.62mm ammunition" are small-arms ammunition; "122-millimeter rounds" shells."""
    from armstrace.nlp.items import adjust_category, calibers_after, calibers_before

    found = (
        calibers_before(text, item, calibers) or calibers_after(text, item) or list(item.calibers)
    )
    category = adjust_category(item, found)
    if category == item.category and tuple(found) == item.calibers:
        return item
    return replace(item, category=category, calibers=tuple(found))


def _near(start: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans that could overlap a mention at `start` (spans are sorted and short): bisect, not scan."""
    i = bisect_left(spans, (start - 200, 0))
    return spans[i : bisect_left(spans, (start + 200, 0))]


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in _near(start, spans))


def _overlaps(item: ItemMention, spans: list[tuple[int, int]]) -> bool:
    return any(item.start < e and s < item.end for s, e in _near(item.start, spans))


def _kin_of_named(strong: set[str], weak: set[str]) -> set[str]:
    """Weakly named actors whose related actors (their `see` entries) the document names:
    "Islamic Jihad" beside Hamas or Gaza is Palestinian Islamic Jihad."""
    actors = load_gazetteer().actors
    kin = set()
    for actor_id in weak:
        related = set(actors[actor_id].see) if actor_id in actors else set()
        if related & strong:
            kin.add(actor_id)
    return kin


def _resolve(text: str, actors: list[ActorMention]) -> list[ActorMention]:
    """Weak and ambiguous names keep a reading only when the document names it outright;
    demonyms before group nouns are parties ("Palestinian militants"); a state's organs
    ("South Korea's military", "Thai authorities") are marked as such."""
    strong = {
        a.actor_id
        for a in actors
        if a.form in ("name", "demonym", "place") and "|" not in a.actor_id
    }
    strong |= _kin_of_named(strong, {a.actor_id for a in actors if a.form == "weak"})
    heads = cue_patterns().source_heads
    resolved: list[ActorMention] = []
    groups_at = {a.start for a in actors if a.is_party and not a.actor_id.isupper()}
    for mention in actors:
        if (
            mention.actor_id.isupper()
            and any(mention.end + gap in groups_at for gap in (2, 3))
            and re.match(r"['\u2019]s?\s", text[mention.end : mention.end + 3])
        ):
            continue  # "Sudan's Rapid Support Forces", "Lebanon's Hezbollah": the group is the party
        if "|" in mention.actor_id:
            options = mention.actor_id.split("|")
            pick = [o for o in options if o in strong] or options[:1]
            mention = replace(mention, actor_id=pick[0])
        if mention.form == "weak" and mention.actor_id not in strong:
            continue
        if mention.form == "agency" and mention.country is None:
            mention = replace(
                mention, country=mention.actor_id if mention.actor_id.isupper() else None
            )
        after = text[mention.end : mention.end + 40]
        if _UNSPECIFIED.search(
            text[max(0, mention.start - 30) : mention.start]
        ) or _MEMBER_STATE.match(after):
            continue
        if mention.form == "demonym" and _FLAG.match(after):
            continue  # "a Chinese-owned ship", "Russian-flagged freighters": not a party to the trade
        group = _GROUP_NOUN.match(after)
        if mention.form == "demonym" and group:
            end = mention.end + group.end()
            mention = replace(mention, form="name", end=end, text=text[mention.start : end])
        elif mention.form in ("name", "demonym") and heads.match(after):
            mention = replace(mention, form="organ", country=mention.actor_id)
        resolved.append(mention)
    return resolved
