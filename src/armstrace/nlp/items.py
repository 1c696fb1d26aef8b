"""Group a clause's item mentions into one entry per category, as claims.md asks.

Several calibers or designations of one category share an entry; a single caliber is kept as
`caliber_mm`. Generic goods ("weapons") yield only when nothing more specific is named or when a
quantity counts them (GUIDELINES §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from armstrace.nlp.mentions import ItemMention

_LISTED = re.compile(r"\s+(?:and|or)\s+", re.I)
_FOR_MODIFIER = re.compile(
    r"^[\s,]*(?:(?:was|were|is|are)\s+(?:identified|designed|intended|meant|made)\s+)?(?:as\s+)?(?:for|of)\s+"
    r"(?:[\w\-]+\s+(?:and|or)\s+)?"
    r"(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:[\w]+[-\u2010](?:built|made|designed|supplied)\s+)?"
    r"(?:[\d.]+\s*[-\u2010]?\s*(?:mm|millimet\w+)\s+)?$",
    re.I,
)
_AND_AMMUNITION = re.compile(r"^\s+and\s+(?:their\s+|its\s+)?$", re.I)
_CALIBER_LIST = re.compile(r"^[\s,]*(?:and|or|&)?[\s,]*$", re.I)
_SMALL_CALIBER_AMMO = ("artillery_ammunition", "munitions")
_AMMO_WORDS = re.compile(r"\b(?:ammunition|rounds?|shells?|cartridges?|bullets?)\b", re.I)


_TARGET_BEFORE = re.compile(
    r"\b(?:against|targeting|targeted|intercepted|intercepting|to\s+intercept|to\s+destroy|destroyed|destroying|to\s+hit|hitting|"
    r"strikes?\s+on|attacks?\s+on|shot\s+down|shooting\s+down|to\s+shoot\s+down|downed)\s+"
    r"(?:[\w\-]+\s+){0,3}$",
    re.I,
)
_TARGET_AFTER = re.compile(
    r"(?:\s+and\s+[\w\-]+(?:\s+[\w\-]+)?)?\s+(?:being|were|was|had\s+been|have\s+been)\s+"
    r"(?:destroyed|hit|struck|shot\s+down|downed|knocked\s+out|targeted)\b",
    re.I,
)


_TRAINED_TO_USE = re.compile(
    r"\b(?:how\s+)?to\s+(?:fly|operate|use|maintain|handle|repair|service|launch|fire|drive|crew|pilot)\s+"
    r"(?:[\w\-]+\s+){0,3}$",
    re.I,
)
_TRAINING = re.compile(r"(?i)\btrain")
_CARRIED_BY = re.compile(
    r"\b(?:that|which)\s+(?:could\s+|can\s+|would\s+|might\s+|are\s+able\s+to\s+|is\s+able\s+to\s+)?"
    r"(?:be\s+adapted\s+to\s+|be\s+modified\s+to\s+|be\s+used\s+to\s+)?"
    r"(?:carry|carries|mount|mounts|launch|launches|deliver|delivers|tow|tows|transport|transports)\s+"
    r"(?:[\w\-']+\s+){0,3}$|\bcapable\s+of\s+(?:carrying|launching|delivering|firing)\s+(?:[\w\-']+\s+){0,3}$",
    re.I,
)


_MAKES_IT = re.compile(
    r"\s+(?:factor(?:y|ies)|plants?|production\s+lines?|assembly\s+lines?|industry|industries|makers?|"
    r"manufacturers?|producers?)\b",
    re.I,
)


def is_target(text: str, item: ItemMention, clause_start: int) -> bool:
    """ "used drones against Pakistani radars", "tanks being destroyed from the air", "trained
    crews to fly aircraft", "aircraft that could carry nuclear bombs": what was attacked, what
    trainees learn to use and what goods can carry are no goods moved between the parties."""
    before = text[max(clause_start, item.start - 40) : item.start]
    if _TRAINED_TO_USE.search(before) and _TRAINING.search(text, clause_start, item.start):
        return True
    if _CARRIED_BY.search(text[max(clause_start, item.start - 70) : item.start]):
        return True  # "chassis that carry Iskander launchers": what the goods carry
    if _MAKES_IT.match(text, item.end):
        return True  # "workers sent to Russian drone factories": where goods are made, not goods
    return bool(_TARGET_BEFORE.search(before) or _TARGET_AFTER.match(text, item.end, item.end + 60))


@dataclass
class ItemEntry:
    category: str
    mentions: list[ItemMention] = field(default_factory=list)
    calibers: list[float] = field(default_factory=list)

    @property
    def designation(self) -> str:
        names: list[str] = []
        for mention in self.mentions:
            label = " ".join(mention.text.split())
            if label.lower() not in (n.lower() for n in names):
                names.append(label)
        text = "; ".join(names)
        missing = [c for c in self.calibers if f"{c:g}" not in text]
        prefix = ", ".join(f"{c:g}mm" for c in missing)
        return f"{prefix} {text}".strip() if prefix else text

    @property
    def caliber_mm(self) -> float | None:
        return self.calibers[0] if len(self.calibers) == 1 else None

    @property
    def start(self) -> int:
        return self.mentions[0].start


_CALIBER_AFTER = re.compile(
    r"^\s+(?:of|in)\s+((?:[\d.]+\s*[-\u2010]?\s*(?:mm|millimet\w+)(?:\s*,\s*|\s+and\s+|\s+or\s+)?)+)(?:\s*(?:calibre|caliber))?",
    re.I,
)


def calibers_after(text: str, item: ItemMention) -> list[float]:
    """ "mortar bombs of 122mm calibre", "rounds of 7.62mm ammunition"."""
    m = _CALIBER_AFTER.match(text[item.end : item.end + 60])
    if not m:
        return []
    return [float(v) for v in re.findall(r"([\d.]+)\s*[-\u2010]?\s*(?:mm|millimet)", m.group(1))]


def calibers_before(
    text: str, item: ItemMention, calibers: list[tuple[int, int, float]]
) -> list[float]:
    """Calibers written just before an item: "120mm, 80 mm, and 60mm Iranian mortars"."""
    found: list[float] = []
    cursor = item.start
    for start, end, value in reversed([c for c in calibers if c[1] <= item.start]):
        gap = text[end:cursor]
        if cursor == item.start:
            if not re.fullmatch(r"[\s\-\u2010]*(?:[A-Za-z][\w\-]*\s+){0,2}", gap) or re.search(
                r"\b(?:of|for|to|from|and|or|calibre|caliber|some|about)\b", gap, re.I
            ):
                break
        elif not _CALIBER_LIST.match(gap):
            break
        found.insert(0, value)
        cursor = start
    return found


def adjust_category(item: ItemMention, calibers: list[float]) -> str:
    """Calibers decide what "rounds" and "ammunition" are: under 20 mm, small-arms ammunition."""
    category = item.category
    if calibers and category in _SMALL_CALIBER_AMMO and _AMMO_WORDS.search(item.text):
        if max(calibers) < 20:
            return "small_arms_ammunition"
        if category == "munitions":
            return "artillery_ammunition"
    return category


def group_items(
    text: str,
    items: list[ItemMention],
    calibers: list[tuple[int, int, float]],
    *,
    cargo: bool = False,
    mortar_bombs_in_document: bool = False,
) -> list[ItemEntry]:
    """One entry per category, in order of first mention; modifiers ("fuses for 122mm
    rockets": the rockets only say what the fuses fit) are dropped."""
    entries: dict[str, ItemEntry] = {}
    previous: ItemMention | None = None
    modifier = False  # the previous item only said what other goods fit
    for item in items:
        gap = text[previous.end : item.start] if previous is not None else ""
        if (
            previous is not None
            and item.start >= previous.end
            and (_FOR_MODIFIER.match(gap) or (modifier and _LISTED.fullmatch(gap)))
        ):
            # "spare parts for its jets and tanks": both say what the parts fit ("components
            # of SA-2 and SA-3 systems" and comma lists go on as they are)
            previous, modifier = item, bool(re.search(r"(?i)\bfor\b", gap)) or modifier
            continue
        modifier = False
        category = item.category
        if (
            previous is not None
            and previous.category == "small_arms"
            and category == "munitions"
            and item.text.lower().startswith("ammunition")
            and _AND_AMMUNITION.match(gap)
        ):
            category = "small_arms_ammunition"  # "AK-47s and ammunition"
        previous = item
        own_calibers = list(item.calibers)
        if category == "mortars" and cargo and mortar_bombs_in_document:
            category = "mortar_ammunition"
        entry = entries.setdefault(category, ItemEntry(category))
        entry.mentions.append(item)
        for caliber in own_calibers:
            if caliber not in entry.calibers:
                entry.calibers.append(caliber)
    return list(entries.values())


# munitions that are goods of their own, kept beside more specific goods ("weapons" is a summary)
_CONCRETE_MUNITIONS = re.compile(r"(?i)\bbombs?\b")


def drop_generic(entries: list[ItemEntry], quantified: set[str]) -> list[ItemEntry]:
    """Keep `munitions` only when nothing more specific is named or a quantity counts it."""
    specific = [e for e in entries if e.category != "munitions"]
    if not specific:
        return entries
    return [
        e for e in entries
        if e.category != "munitions" or "munitions" in quantified
        or any(_CONCRETE_MUNITIONS.search(m.text) for m in e.mentions)
    ]  # fmt: skip  # "F-15 fighters and guided bombs": bombs are goods of their own, not a summary
