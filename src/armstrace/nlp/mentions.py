"""Find what a sentence talks about: actors, places, agencies, items, calibers and vessels.

Each finder scans raw text with patterns compiled once from the gazetteer and the lexicon, and
returns mentions with character offsets into that text, so evidence stays verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import cast

from armstrace.gazetteer import Gazetteer, load_gazetteer
from armstrace.nlp.lexicon import grouped_alternation, load_lexicon
from armstrace.nlp.phrases import PhraseIndex, PhraseMatcher

PARTY_KINDS = ("state", "group", "company")


@dataclass(frozen=True)
class ActorMention:
    """A surface form that names a party, a place standing for one, or an asserting body."""

    start: int
    end: int
    text: str
    actor_id: str
    form: str  # name | weak | demonym | place | agency | media
    country: str | None = None  # for agencies and places: the state they belong to

    @property
    def is_party(self) -> bool:
        return self.form in ("name", "weak", "demonym", "place")


@dataclass(frozen=True)
class ItemMention:
    start: int
    end: int
    text: str
    category: str
    designation: str
    generic: bool  # from the generic lexicon ("weapons"), not a named system
    origin: str | None = None  # the catalogue's maker of a named system
    calibers: tuple[float, ...] = ()


@dataclass(frozen=True)
class VesselMention:
    start: int
    end: int
    name: str | None
    kind: str  # ship | aircraft | rail | road


@dataclass
class Matchers:
    """Phrase indexes over the gazetteer and lexicon, plus the tables to read their hits."""

    actors: PhraseIndex  # value: list of (id, form, country)
    actor_forms: dict[str, list[tuple[str, str, str | None]]]  # surface -> [(id, form, country)]
    items: PhraseIndex  # value: category or None
    weapons: PhraseIndex  # value: (category, origin, caliber)
    caliber_re: re.Pattern[str] = field(
        default_factory=lambda: re.compile(
            r"(?<![\w.])(\d{1,3}(?:\.\d{1,2})?)\s*[-\u2010\u2011]?\s*(?:mm|millimet(?:er|re)s?)(?![a-z])",
            re.I,
        )
    )


def _fold(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text.replace("\u2019", "'")).strip()


def _flex(phrase: str) -> str:
    body = re.escape(phrase).replace("'", "['\u2019]")
    return body.replace(r"\ ", r"[\s\u00a0]+").replace(r"\-", r"[-\u2010\u2011\s]?")


@cache
def build_matchers() -> Matchers:
    """Compile every pattern once per process (the gazetteer is cached too)."""
    gaz = load_gazetteer()
    forms: dict[str, list[tuple[str, str, str | None]]] = {}

    def add(surface: str, actor_id: str, form: str, country: str | None) -> None:
        key = _fold(surface)
        if len(key) < 2:
            return
        keys = (
            [key, key[0].upper() + key[1:]] if key[0].islower() else [key]
        )  # "the Kremlin" opens a sentence
        for variant in keys:
            entries = forms.setdefault(variant, [])
            if all(e[0] != actor_id for e in entries):
                entries.append((actor_id, form, country))

    for actor in gaz.actors.values():
        if actor.kind in PARTY_KINDS:
            strong_form, weak_form = "name", "weak"
        elif actor.kind == "media":
            strong_form = weak_form = "media"
        else:
            strong_form = weak_form = "agency"
        country = actor.country if actor.kind not in PARTY_KINDS else None
        for name in actor.names:
            add(name, actor.id, strong_form, country)
        for name in actor.names_weak:
            add(name, actor.id, weak_form, country)
        for name in actor.demonyms:
            add(name, actor.id, "demonym" if actor.kind in PARTY_KINDS else strong_form, country)
    for place in gaz.places:
        for name in (place.name, *place.aliases):
            add(name, place.country, "place", place.country)
    lex = load_lexicon()
    for name in lex.not_parties:
        add(name, "", _NOT_A_PARTY, None)
    actor_index = PhraseIndex(forms.items(), lower=False)

    item_index = PhraseIndex(
        ((term, category) for term, category in lex.item_terms), lower=True, plural=True
    )
    weapon_entries = [
        (name, (weapon.category, weapon.origin, weapon.caliber_mm))
        for weapon in gaz.weapons
        for name in (weapon.designation, *weapon.aliases)
        if len(name) >= 3
    ]
    weapon_index = PhraseIndex(weapon_entries, lower=False, plural=True, variant=_MODEL_SUFFIX)
    return Matchers(actor_index, forms, item_index, weapon_index)


# "F-16C/D", "F-16V", "Su-30MK2", "T-72B3": capital letters (and a digit) after a designation
# that ends in a digit name a model of it
_MODEL_SUFFIX = re.compile(r"[A-Z]{1,3}\d?(?:/[A-Z]{1,3})?(?![\w])")
_NOT_A_PARTY = "not-a-party"  # a masking name: matched so that no shorter name inside it is


def _compact(name: str) -> str:
    return re.sub(r"[\s\-\u2010\u2011\u00a0'\u2019]", "", name).lower()


def find_actors(text: str, gaz: Gazetteer | None = None) -> list[ActorMention]:
    """Every surface form of an actor, place or body; ambiguous forms keep all their readings
    only through `resolve_ambiguous` (the caller's document context decides)."""
    m = build_matchers()
    found: list[ActorMention] = []
    for start, end, _key, value in m.actors.find(text):
        readings: list[tuple[str, str, str | None]] = value  # type: ignore[assignment]
        actor_id, form, country = readings[0]
        if form == _NOT_A_PARTY:
            continue
        if len(readings) > 1:
            actor_id = "|".join(r[0] for r in readings)
        found.append(ActorMention(start, end, text[start:end], actor_id, form, country))
    return found


_CAPITAL_BEFORE = re.compile(r"(?:^|(?<=[^.!?:\s\"'\u201c(]\s))(?-i:[A-Z][\w\-]*)[ \t]+$")
_CAPITAL_AFTER = re.compile(r"\s+(?:(?:and|of|&)\s+)?(?-i:[A-Z][a-z][\w\-]*)")


def _title_case_line(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    words = re.findall(
        r"[A-Za-z][\w\-']{3,}", text[line_start : line_end if line_end >= 0 else None]
    )
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def inside_proper_name(text: str, start: int, end: int) -> bool:
    """A capitalised common word inside a name: "Transport" in "the South African Transport and
    Allied Workers Union", "Workers" there, "Arms" in "the Arms Trade Treaty"."""
    if not text[start : start + 1].isupper() or text[start:end].isupper():
        return False
    before = text[max(0, start - 40) : start]
    capital_before = _CAPITAL_BEFORE.search(before)
    sentence_start = before.rstrip() == "" or before.rstrip()[-1:] in ".!?:\"'\u201c(\n"
    named = (capital_before is not None and capital_before.start() > 0) or (
        not sentence_start and _CAPITAL_AFTER.match(text, end) is not None
    )  # a capitalised word before it that does not open the sentence, or one after it
    # "Russia Has Fired North Korean Missiles": a headline capitalises all (checked last: it
    # reads the whole line)
    return named and not _title_case_line(text, start)


def find_items(text: str) -> list[ItemMention]:
    """Generic terms and named systems; overlapping matches keep the longest."""
    m = build_matchers()
    spans: list[ItemMention] = []
    for start, end, _key, value in m.weapons.find(text):
        category, origin, caliber = cast(tuple[str, str | None, float | None], value)
        raw = text[start:end]
        spans.append(
            ItemMention(
                start, end, raw, category, raw, False, origin, (caliber,) if caliber else ()
            )
        )
    for start, end, _key, value in m.items.find(text):
        raw = text[start:end]
        spans.append(ItemMention(start, end, raw, value or "", raw, True))  # type: ignore[arg-type]
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[ItemMention] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            if span.end - span.start > kept[-1].end - kept[-1].start:
                kept[-1] = span
            continue
        kept.append(span)
    kept = [k for k in kept if k.category]
    out: list[ItemMention] = []
    for i, item in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else None
        if (
            not item.generic and following is not None and following.generic
            and following.category not in (item.category, "munitions", "troops", "training", "construction")
            and re.fullmatch(r"[\s\-]*", text[item.end : following.start])
        ):  # fmt: skip
            continue  # "F-7 rocket-propelled grenade": the noun after a bare code names the goods
        previous = out[-1] if out else None
        if (
            item.generic and item.category == "munitions" and item.text.lower() in _HEAD_NOUNS
            and previous is not None and not previous.generic
            and re.fullmatch(r"[\s\-]*(?:[\w\-]+\s+){0,2}", text[previous.end : item.start])
        ):  # fmt: skip
            continue  # "the Shahab-3 medium-range missile": the system's own head noun
        if (
            item.generic and item.category in ("troops", "training")
            and previous is not None and not previous.generic
            and _VARIANT_GAP.fullmatch(text[previous.end : item.start])
        ):  # fmt: skip
            continue  # "JF-17 fighters", "Rafale-M fighters", "Yak-130 trainers": aircraft, not people
        out.append(item)
    return out


# between a system's name and its head noun: nothing, or a variant mark ("-M", " Block III")
_VARIANT_GAP = re.compile(r"(?:[\s\-]*(?:Block|Mk|Mark|[A-Z0-9]{1,4}\b)){0,3}[\s\-]*")

_HEAD_NOUNS = {
    "missile",
    "missiles",
    "weapon",
    "weapons",
    "system",
    "systems",
    "munition",
    "munitions",
}


def find_calibers(text: str) -> list[tuple[int, int, float]]:
    m = build_matchers()
    return [(h.start(), h.end(), float(h.group(1))) for h in m.caliber_re.finditer(text)]


@cache
def transport_aircraft() -> frozenset[str]:
    """Aircraft models the lexicon knows as carriers of cargo (conveyance.yml)."""
    names = (str(name).lower() for name in load_lexicon().conveyance["aircraft"])
    return frozenset(name for name in names if any(ch.isdigit() for ch in name))


_SEIZING = (r"intercepted", r"seized", r"detained", r"boarded", r"searched", r"impounded",
            r"inspected", r"pulled\s+over", r"stopped")  # fmt: skip
_NAMING = ("named", "called", "christened")
_SUBJECT_PARTICIPLES = ("carrying", "loaded", "laden", "seized", "intercepted", "stopped", "boarded",
                        "sailing", "bound", "headed", "transporting")  # fmt: skip


@cache
def _vessel_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The title prefixes (as written) and the last word of each vessel head (folded)."""
    conv = load_lexicon().conveyance
    heads = {re.split(r"[\s\-\u2010\u2011]+", str(h).casefold())[-1] for h in conv["vessel_heads"]}
    return tuple(str(p) for p in conv["vessel_prefixes"]), tuple(sorted(heads))


# The words each pattern cannot match without (a text lacking all of them skips the pattern)
_SEIZING_NEEDS = tuple(re.split(r"\\", word)[0] for word in _SEIZING)  # "pulled\s+over" -> "pulled"
_SUBJECT_NEEDS = (*_SUBJECT_PARTICIPLES, "route")


@cache
def _vessel_patterns() -> tuple[
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    dict[str, PhraseMatcher],
]:
    conv = load_lexicon().conveyance
    name = r"(?P<name>[A-Z][\w\-]*(?:\s(?:[A-Z][\w\-]*|\d+|[IVX]+))*)"
    prefixes = "|".join(re.escape(p) for p in conv["vessel_prefixes"])
    prefixed = re.compile(
        rf"(?<![\w])(?:{prefixes})\s+(?P<name>[A-Z][\w\-]*(?:\s(?:[A-Z][\w\-]*|\d+))*)"
    )
    heads = grouped_alternation(  # the head patterns below are matched case-insensitively
        sorted((str(h) for h in conv["vessel_heads"]), key=len, reverse=True),
        _flex,
        ignore_case=True,
    )
    headed = re.compile(
        rf"(?i:\b(?:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}?(?:{heads}))\s+{name}(?=[\s,.;:)]|from|$)"
    )
    subject = re.compile(
        rf"(?:^|(?<=[.!?]\s))The\s+{name}\s+(?:was|is|had\s+been|has\s+been)\s+(?:\w+\s+){{0,4}}?"
        rf"(?:{'|'.join(_SUBJECT_PARTICIPLES)}|en\s+route)\b"
    )
    seized = re.compile(
        rf"(?i:\b(?:{'|'.join(_SEIZING)}))\s+"
        rf"(?:the\s+)?(?:[\w\-]+(?:-owned|-flagged)\s+)?{name}(?=[\s,.;:)]|$)"
    )
    named_as = re.compile(
        rf"(?i:\b(?:{heads})\s+(?:{'|'.join(_NAMING)}))\s+"
        r"(?P<name>[A-Z][\w\-]*(?:(?:\s(?:of|the|de|del|al|la|le))+\s[A-Z][\w\-]*|\s[A-Z][\w\-]*|\s\d+)*)"
    )
    aboard = re.compile(
        rf"(?i:\b(?:aboard|on\s+board))\s+(?:the\s+)?(?:[\w\-]+(?:-owned|-flagged)\s+)?{name}(?=[\s,.;:)]|$)"
    )
    kinds = {kind: PhraseMatcher(conv[kind]) for kind in ("ship", "aircraft", "rail", "road")}
    return prefixed, headed, subject, aboard, seized, named_as, kinds


def find_vessels(text: str) -> list[VesselMention]:
    """Named ships ("MV Francop", "the cargo ship Chong Chon Gang", "aboard the German-owned
    Victoria") and unnamed conveyances by kind ("an IL-76 cargo plane", "by rail")."""
    prefixed, headed, subject, aboard, seized, named_as, kinds = _vessel_patterns()
    known = build_matchers().actor_forms
    found: list[VesselMention] = []
    folded = text.casefold()  # what `(?i)` matches, for the cheap checks below
    prefixes, heads = _vessel_words()
    has_head = any(w in folded for w in heads)
    for pattern in (prefixed, headed, subject, aboard, seized, named_as):
        # each pattern needs a word most articles lack: skip its scan when the text has none
        if pattern is prefixed and not any(p in text for p in prefixes):
            continue
        if pattern in (headed, named_as) and not has_head:
            continue
        if pattern is subject and not any(w in folded for w in _SUBJECT_NEEDS):
            continue
        if pattern is seized and not any(w in folded for w in _SEIZING_NEEDS):
            continue
        if pattern is named_as and not any(w in folded for w in _NAMING):
            continue
        if pattern is aboard and "board" not in folded:
            continue
        for hit in pattern.finditer(text):
            name = _trim_vessel_name(hit.group("name"))
            if (
                name
                and pattern is not prefixed
                and (
                    _fold(name) in known
                    or name.split()[0] in _NAME_STOP
                    or _fold(re.split(r"[-\u2010\u2011]", name)[0]) in known  # "Iranian-made"
                )
            ):
                continue  # "seized the Iranian shipment": a party, not a ship's name
            if name:
                begin = hit.start() if pattern is prefixed else hit.start("name")
                found.append(VesselMention(begin, hit.start("name") + len(name), name, "ship"))
    for kind, matcher in kinds.items():
        for match in matcher.finditer(text):
            found.append(VesselMention(match.start(), match.end(), None, kind))
    return found


_NAME_STOP = {
    "In",
    "On",
    "At",
    "From",
    "To",
    "With",
    "And",
    "The",
    "Was",
    "Were",
    "Is",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Its",
    "Their",
    "His",
    "Her",
    "Some",
    "Two",
    "Three",
    "Several",
    "Ten",
}


def _trim_vessel_name(name: str) -> str | None:
    words = name.split()
    out: list[str] = []
    while words and re.search(
        r"[-\u2010](?:flagged|owned|registered|chartered|operated)$", words[0]
    ):
        words = words[1:]  # "the Bahamas-flagged ANL Australia"
    for position, word in enumerate(words):
        if word in _NAME_STOP and (position == 0 or word not in ("A", "An")):
            break
        glued = re.match(r"^([A-Z])(from|to|in|was)$", word)  # "Klos Cfrom": a scraped, glued word
        if glued:
            out.append(glued.group(1))
            break
        out.append(word)
    return " ".join(out) or None
