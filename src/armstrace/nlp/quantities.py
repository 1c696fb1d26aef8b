"""Bind each number in a clause to what it counts: a unit and an item category.

"500 tons of weapons" counts tons of munitions; "2,030 fuses" counts fuze items; "two containers
filled with rocket fuses" counts containers of fuzes; a bare "upwards of 7,000" after "shipped"
borrows the unit the document last counted in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from armstrace.model.claim import Quantity
from armstrace.nlp.lexicon import load_lexicon, phrase_pattern
from armstrace.nlp.mentions import ItemMention
from armstrace.parse.quantity import NumberMention

SUPPORT_CATEGORIES = ("training", "construction", "troops")
MORE_AFTER = re.compile(r"\s+more\b", re.I)
"""After a number: "four more", "up to 15 more" count the goods just referred to."""

_UNIT_AFTER = [
    ("containers", re.compile(r"^\s*(?:(?:shipping|freight|cargo|standard|40-foot|20-foot)\s+)?containers?\b", re.I)),
    ("tons", re.compile(r"^\s*(?:metric\s+)?(?:tons|tonnes|ton|tonne)\b", re.I)),
    ("kilograms", re.compile(r"^\s*(?:kilograms|kilogrammes|kilogram|kg|kgs)\b", re.I)),
    ("shipments", re.compile(r"^\s*(?:shipments|consignments|shipment|consignment)\b", re.I)),
    ("persons", re.compile(
        r"^\s*(?:(?-i:[A-Z][\w\-]+)\s+|(?:civilian|military|foreign|russian|iranian|combat|elite|regular|armed|additional|more)\s+){0,2}(?:(?P<construction>(?:military\s+)?construction\s+workers|builders|"
        r"(?:military\s+)?engineers)|(?P<training>military\s+advisers|advisers|advisors|instructors|trainers)|"
        r"troops|soldiers|personnel|military\s+personnel|fighters|servicemen|mercenaries|special\s+forces|officers|"
        r"combat\s+troops|sappers|deminers|reinforcements|contractors|members\s+of\s+(?:the\s+)?(?:(?-i:[A-Z][\w\-']*)\s+){0,4}(?-i:[A-Z][\w\-]*))\b", re.I)),
    ("usd", re.compile(r"^\s*(?:US\s+)?dollars\b|^\s*USD\b", re.I)),
]  # fmt: skip
_CONTENTS = re.compile(
    r"^\s*(?:of|in|filled\s+with|loaded\s+with|packed\s+with|carrying|containing|full\s+of|worth\s+of)\s+"
    r"(?!(?:(?:early|mid|late|the\s+year)[\s\-]+)?(?:19|20)\d\d\b|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)[\"'\u201c\u2018]?",
    re.I,
)
_ITEM_GAP = re.compile(r"^[\s\w\-.,/\u2010\u2011\"'\u201c\u201d]*$")
_GAP_STOP = re.compile(
    r"\b(?:of|to|from|by|with|in|that|which|were|was|had|has|have|and|or|since|for)\b", re.I
)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s+(?:[\w\-]+\s+)?", re.I)
_MIXED_CARGO = re.compile(r"\s*(?:,|and\b|as\s+well\s+as\b)\s*(?:other\s+)?[\w\-]", re.I)
_UNIT_BEFORE = re.compile(
    r"\b(containers|tons|tonnes|shipments)\b(?![\s\S]*\b(?:containers|tons|tonnes|shipments)\b)",
    re.I,
)
_GROWTH = re.compile(
    r"\b(?:pushed|rose|risen|raised|increased|climbed|jumped|grew|grown|went|gone|upped|revised)\b[^.;]{0,60}$",
    re.I,
)
_ESTIMATE = re.compile(r"\bestimat", re.I)
_VERB_BEFORE = re.compile(
    r"\b(?:shipped|sent|delivered|supplied|transferred|exported|provided|dispatched)\s+(?:\w+\s+){0,2}$"
    # "the spy agency put the total at 13,000", "the number has climbed to 20,000"
    r"|\b(?:put|puts|putting|estimated?|estimates|placed|places|pegged|pegs)\s+(?:the|its|their)\s+"
    r"(?:\w+\s+)?(?:total|number|figure|tally|count)\s+at\s+$"
    r"|\b(?:total|number|figure|tally|count)\s+(?:has\s+|had\s+|have\s+)?(?:rose|risen|climbed|reached|grown|grew|"
    r"jumped|increased|stood|stands|is|was)\s+(?:to\s+|at\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class BoundQuantity:
    category: str
    quantity: Quantity
    item: ItemMention | None
    start: int


def bind_quantities(
    text: str,
    clause: tuple[int, int],
    numbers: list[NumberMention],
    items: list[ItemMention],
    last_unit: str | None,
) -> list[BoundQuantity]:
    start, end = clause
    bound: list[BoundQuantity] = []
    previous: NumberMention | None = None
    for number in numbers:
        if not start <= number.start < end:
            continue
        qualifier = _qualifier(text, start, number, previous)
        previous = number
        after = text[number.end : min(end, number.end + 80)]
        unit, category, item = _unit_and_item(text, number, after, items, end)
        if unit is None and item is None:
            before = text[start : number.start]
            unit_before = _UNIT_BEFORE.search(before[-90:])
            if unit_before and re.match(
                r"^\s*(?:[,.;)]|$|\s+(?:and|according|since|by|in|at|had|have|were)\b)", after
            ):
                unit = {"tonnes": "tons"}.get(
                    unit_before.group(1).lower(), unit_before.group(1).lower()
                )
                category = "munitions"
            elif (
                last_unit
                and _VERB_BEFORE.search(before[-40:] + " ")
                and re.match(r"^\s*(?:[,.;]|since|so\s+far|to\s+date|in\s+total|$)", after)
            ):
                unit, category = last_unit, "munitions"
        if unit is None and item is None and not number.currency:
            item = _elided(text, start, number, after, items)
            if item is not None:
                unit, category = "items", item.category
        if unit is None and item is None:
            continue
        if category is None:
            continue
        if unit == "shipments" and number.value == 1:
            continue  # "One shipment became notorious": a reference, not a count
        if unit == "usd" and item is None:
            category = _priced_category(items, start, end) or category
        value = number.value
        if unit == "kilograms":  # counted in tons, as the spec's units have it
            unit, value = "tons", value / 1000
        bound.append(
            BoundQuantity(
                category,
                Quantity(value, unit or "items", qualifier, number.max),
                item,
                number.start,
            )
        )
    return bound


_ELIDED_AFTER = re.compile(
    r"\s*(?:more|others?|additional|further|extra)?\s*(?:$|[,;.:)]|\b(?:in|on|by|during|last|this|"
    r"that|the\s+following|and|to|for|were|was|followed|arrived|reached|later|soon|then|approved|"
    r"delivered|ordered|sold|shipped|promised|pledged|supplied|sent|committed|handed|bought)\b)",
    re.I,
)
_COUNTING_NOUN = re.compile(
    r"\s*(?:more\s+|additional\s+|further\s+)?(?P<noun>launcher|system|batter|unit|squadron|regiment)"
    r"(?:s|ies|y)?\b(?:\s+of\s+(?:the\s+)?)?",
    re.I,
)
# what each counting noun can count: launchers are rocket or air-defence systems, not missiles
_COUNTS: dict[str, tuple[str, ...] | None] = {
    "launcher": ("mrl", "air_defence", "rpg"),
    "batter": ("air_defence", "mrl", "cruise_missiles", "ballistic_missiles", "artillery"),
    "squadron": ("aircraft", "air_defence"),
    "regiment": ("air_defence", "mrl", "artillery", "ballistic_missiles"),
    "system": None,
    "unit": None,
}
_ELIDED_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|then|another|a\s+further|a\s+second|a\s+third|the\s+first|the\s+last|"
    r"the\s+remaining|the\s+other)\s+)$",
    re.I,
)


def _elided(
    text: str, clause_start: int, number: NumberMention, after: str, items: list[ItemMention]
) -> ItemMention | None:
    """ "TOW missiles were flown to Iran: 1,000 in February and 500 more in October": a count
    with its noun left out counts the goods named last before it in the clause; so does a count
    of launchers, batteries or systems ("raised its HIMARS order to 29 launchers"), or of the
    named system after "of" ("three batteries of BrahMos")."""
    counting = _COUNTING_NOUN.match(after)
    fits = _COUNTS[counting.group("noun").lower()] if counting else None
    if counting is not None:
        named_after = [
            i for i in items
            if 0 <= i.start - (number.end + counting.end()) <= 12 and not i.generic
            and (fits is None or i.category in fits)
        ]  # fmt: skip
        if named_after:
            return named_after[0]
    elif not _ELIDED_AFTER.match(after) or not _ELIDED_BEFORE.search(
        text, max(clause_start, number.start - 12), number.start
    ):
        return None
    if number.value < 2:
        return None
    earlier = [
        i for i in items
        if clause_start <= i.start and i.end <= number.start and number.start - i.end <= 160
        and i.category not in ("munitions", *SUPPORT_CATEGORIES)
        and (counting is None or not i.generic)
        and (fits is None or i.category in fits)
    ]  # fmt: skip
    return earlier[-1] if earlier else None


def _priced_category(items: list[ItemMention], start: int, end: int) -> str | None:
    """ "a contract for JF-17 jets worth $1.6 billion": a price said of one kind of goods is a
    quantity of those goods; with generic goods or several kinds it stays a cargo's value."""
    kinds = {
        i.category for i in items if start <= i.start < end and i.category not in SUPPORT_CATEGORIES
    }
    if len(kinds) == 1 and "munitions" not in kinds:
        return next(iter(kinds))
    return None


@cache
def _civilian() -> re.Pattern[str]:
    goods = load_lexicon().quantities["civilian_goods"]
    return re.compile(r"(?:[\w\-]+\s+){0,2}?" + phrase_pattern(goods, plural=True), re.I)


def _qualifier(
    text: str, clause_start: int, number: NumberMention, previous: NumberMention | None
) -> str:
    qualifier = number.qualifier
    lead = text[number.start : number.number_start].lower()
    if (
        qualifier == "at_most"
        and "up to" in lead
        and _GROWTH.search(text[clause_start : number.start])
    ):
        qualifier = "exact"
    if (
        qualifier == "exact"
        and previous is not None
        and previous.qualifier in ("at_least", "at_most", "approx")
    ) and re.fullmatch(r"\s*[\w\-\s]{0,60}?\s(?:or|and)\s+", text[previous.end : number.start]):
        qualifier = previous.qualifier
    if qualifier == "exact" and _ESTIMATE.search(text, clause_start, number.start + 1):
        qualifier = "approx"
    return qualifier


def _unit_and_item(
    text: str, number: NumberMention, after: str, items: list[ItemMention], clause_end: int
) -> tuple[str | None, str | None, ItemMention | None]:
    if number.currency:
        contents = _CONTENTS.match(after)
        if contents and _item_at(items, number.end + contents.end(), 40, text) is None:
            return None, None, None  # "$5 million in aid"
        return "usd", "munitions", None
    first = _item_at(items, number.end, 40, text)
    for unit, pattern in _UNIT_AFTER:
        m = pattern.match(after)
        if not m:
            continue
        if (
            unit == "persons"
            and first is not None
            and first.category not in SUPPORT_CATEGORIES
            and first.start < number.end + m.end()
        ):
            break  # "90 Stryker armoured personnel carriers" counts vehicles, not people
        if unit == "persons":
            kind = (
                "construction"
                if m.group("construction")
                else "training"
                if m.group("training")
                else "troops"
            )
            return unit, kind, None
        if unit == "usd":
            return unit, "munitions", None
        rest_at = number.end + m.end()
        contents = _CONTENTS.match(text[rest_at : rest_at + 40])
        if contents:
            item = _item_at(items, rest_at + contents.end(), 40, text)
            if item is not None:
                specific = (
                    item.category not in ("munitions", *SUPPORT_CATEGORIES)
                    and unit in ("containers", "tons", "kilograms")
                    and not _MIXED_CARGO.match(text, item.end)
                )  # "70 tons of ammonium perchlorate" weighs that material; "35 tons of rockets
                # and grenades" a whole cargo
                return unit, item.category if specific else "munitions", item
            if _civilian().match(text, rest_at + contents.end(), rest_at + contents.end() + 40):
                return None, None, None  # "10,000 tons of brown sugar": not the arms
        return unit, "munitions", None
    item = _item_at(items, number.end, 40, text)
    if item is not None and item.start < clause_end:
        return "items", item.category, item
    return None, None, None


def _item_at(items: list[ItemMention], position: int, window: int, text: str) -> ItemMention | None:
    """The item a number counts: next in the text, with at most three words between
    ("59 Bradley infantry fighting vehicles", "6 million 152mm shells")."""
    for item in items:
        if position <= item.start <= position + window:
            gap = text[position : item.start]
            if _PARTITIVE.fullmatch(gap):
                return item  # "three of the fighters"
            if _ITEM_GAP.match(gap) and not _GAP_STOP.search(gap) and len(gap.split()) <= 3:
                return item
            return None
    return None
