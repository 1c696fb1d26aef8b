"""Cue words compiled from data/lexicon: triggers, hedges, attribution and negation.

Each finder returns (start, end, label) triples on the text it is given, so the claim
assembler can reason about what comes before and after each actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from armstrace.model.claim import HEDGES
from armstrace.nlp.lexicon import compile_phrases, grouped_alternation, load_lexicon, phrase_pattern
from armstrace.nlp.mentions import ItemMention, inside_proper_name
from armstrace.nlp.phrases import PhraseMatcher


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    label: str  # e.g. "give", "receive", "use", "seize", "discover", "produce", "support"
    text: str


@dataclass(frozen=True)
class CuePatterns:
    transfer: PhraseMatcher
    transfer_label: dict[str, str]
    seize: re.Pattern[str]
    seize_not_cargo: re.Pattern[str]
    shot_in_flight: re.Pattern[str]
    discover: re.Pattern[str]
    produce: PhraseMatcher
    made_suffix: re.Pattern[str]
    designer: re.Pattern[str]
    support: PhraseMatcher
    support_no_item: PhraseMatcher
    epithet: re.Pattern[str]
    hedges: dict[str, PhraseMatcher]
    attribution_verbs: PhraseMatcher
    attribution_preps: PhraseMatcher
    source_heads: re.Pattern[str]
    negation: re.Pattern[str]
    scoped_negation: re.Pattern[str]
    passive: re.Pattern[str]
    concealment: dict[str, PhraseMatcher]
    roles: dict[str, re.Pattern[str]]
    role_marker: re.Pattern[str]  # the roles' markers in one pattern, a named group each
    recipient_nouns: PhraseMatcher
    transit: PhraseMatcher


def _alternation(phrases: list[str]) -> str:
    return grouped_alternation(
        sorted(set(phrases), key=len, reverse=True),
        lambda p: re.escape(p).replace(r"\ ", r"\s+").replace(r"\-", "[-\u2010\u2011]"),
    )


def _ending(phrases: list[str], fillers: list[str]) -> re.Pattern[str]:
    """A phrase that ends exactly where an actor begins, with optional fillers between."""
    return _ending_alternation(_alternation(phrases), fillers)


def _any_ending(roles: dict[str, list[str]], fillers: list[str]) -> re.Pattern[str]:
    """`_ending` for several roles at once, each a named group, in the order given: one search
    finds the leftmost marker, and at equal starts the first role listed (what five searches
    and a comparison gave, in one pass)."""
    groups = "|".join(f"(?P<{role}>{_alternation(phrases)})" for role, phrases in roles.items())
    return _ending_alternation(groups, fillers)


def _ending_alternation(alt: str, fillers: list[str]) -> re.Pattern[str]:
    fill = "|".join(
        re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(fillers), key=len, reverse=True)
    )
    person = r"(?-i:(?:[A-Z][\w\-]+\s+){0,2}[A-Z][\w\-]+['\u2019]s\s+)"  # "Khalifa Haftar's"
    return re.compile(
        rf"(?:^|(?-i:(?<![a-z])))(?:{alt})\s*[\"'\u201c\u201d\u2018\u2019\u2026,]*\s*(?:(?:{fill})\s+|{person})*[\"'\u201c\u2018]?$",
        re.I,
    )


@cache
def cue_patterns() -> CuePatterns:
    lex = load_lexicon()
    trig = lex.triggers
    transfer_label: dict[str, str] = {}
    for label in ("give", "receive", "use"):
        for word in trig["transfer"][label]:
            transfer_label.setdefault(str(word).lower(), label)
    for word in trig["transfer"]["give_nouns"]:
        transfer_label.setdefault(str(word).lower(), "give")
    roles = lex.roles
    fillers = roles["fillers"]
    heads = lex.attribution["source_heads"]
    return CuePatterns(
        transfer=compile_phrases(list(transfer_label)),
        transfer_label=transfer_label,
        seize=re.compile(
            phrase_pattern(trig["interdiction"])
            + r"|\b(?:stopped|inspected)\s+(?:and\s+\w+\s+)?(?:the|a|an)\s+(?:[\w\-]+\s+){0,2}"
            r"(?:dhow|ship|vessel|boat|freighter|plane|aircraft|truck|convoy|tanker|cargo|lorry|train|MV|M/V)s?\b",
            re.I,
        ),
        seize_not_cargo=re.compile(
            r"\s+(?:of\s+)?(?:(?:the|a|an|more|some|much|large|new|key|its|their|his|her|swathes\s+of|"
            r"parts\s+of|[a-z]+ian|[a-z]+ese)\s+){0,2}"
            + phrase_pattern(trig["interdiction_not_cargo"], plural=False),
            re.I,
        ),
        shot_in_flight=re.compile(
            r"(?:intercept\w*|shot\s+down|shoot\s+down|downed)\s+(?:(?:the|a|an|more|some|several|"
            r"dozens\s+of|hundreds\s+of|most|all|of|[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten|"
            r"several|many|[a-z]+ian|[a-z]+ese|[a-z]+i|enemy|hostile|"
            r"incoming|russian|pakistani|iranian|israeli)\s+){0,3}"
            + phrase_pattern(trig["interception_in_flight"], plural=False),
            re.I,
        ),
        discover=re.compile(
            r"\b(?:found|discovered|uncovered|revealed)\b[^.;]{0,60}\b(?:aboard|on\s+board|in\s+the\s+(?:cargo|containers?|hold))\b"
            r"|\b(?:aboard|on\s+board)\b[^.;]{0,80}\b(?:found|discovered|uncovered|included|includ(?:ed|ing))\b"
            r"|\bfound\s+to\s+(?:contain|carry|be\s+carrying|hold)\b|\binspection\s+revealed\b"
            r"|\bcargo\s+(?:consisted|included|contained)\b"
            r"|\b(?:found|discovered|uncovered)\b[^.;]{0,60}\b(?:on|in)\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}"
            r"(?:ship|vessel|plane|aircraft|truck|lorry|dhow|boat|freighter|flight|container|train)s?\b"
            r"|\balso\s+(?:on\s+board|aboard)\b",
            re.I,
        ),
        produce=compile_phrases(trig["production"]["verbs"]),
        made_suffix=re.compile(
            r"^[-\u2010\u2011](?:" + "|".join(trig["production"]["suffixes"]) + r")\b", re.I
        ),
        designer=re.compile(
            r"(?:"
            + "|".join(
                re.escape(w).replace(r"\ ", r"[\s\"'\u201c\u201d]+")
                for w in trig["production"]["original_designer_cues"]
            )
            + r")\b[\s\w\-]{0,30}$",
            re.I,
        ),
        support=compile_phrases(trig["support"]["verbs"]),
        support_no_item=compile_phrases(trig["support"]["no_item"]),
        epithet=re.compile(
            r"^[-\u2010\u2011](?:" + "|".join(trig["support"]["epithet_suffixes"]) + r")\b", re.I
        ),
        hedges={h: compile_phrases(lex.hedges.get(h, [])) for h in HEDGES if h != "confirmed"},
        attribution_verbs=compile_phrases(lex.attribution["verbs"]),
        attribution_preps=compile_phrases(lex.attribution["prepositions"]),
        source_heads=re.compile(
            r"^(?:['\u2019]s)?\s+(?:\w+\s+){0,2}?(?:"
            + "|".join(
                re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True)
            )
            + r")\b",
            re.I,
        ),
        negation=re.compile(
            r"\b(?:no|not|never|n't|neither|nor|without)\s+(?:(?:\w+ly|yet|been|be|ever|have|has|had|to|any|a|the|actually)\s+){0,3}$"
            r"|\b(?:declined|declines|decline|refused|refuses|refuse|unwilling|reluctant|ruled\s+out|rules\s+out|"
            r"stopped\s+short\s+of|barred\s+from|banned\s+from|forbidden\s+to|prohibited\s+from)\s+(?:\w+\s+){0,2}$",
            re.I,
        ),
        scoped_negation=re.compile(
            r"\b(?:no|little|scant)\s+(?:evidence|sign|signs|indication|indications|proof|record)\b"
            r"|\bnot\s+(?:clear|known|confirmed|proven)\s+(?:whether|if|that)\b|\bunclear\s+whether\b|\b(?:asked|asks|wondered|wonders|questioned|questions)\s+(?:\w+\s+)?whether\b"
            r"|\bdid\s+not\s+appear\b|\bthere\s+(?:is|was|were|are)\s+no\b|\brather\s+than\b|\binstead\s+of\b"
            r"|\b(?:barred|bars|banned|bans|prohibited|prohibits|forbade|forbids|prevented|prevents)\s+(?:[\w\-]+\s+){1,5}?from\s",
            re.I,
        ),
        passive=re.compile(
            r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:(?:\w+ly|also|all|reportedly|allegedly)\s+){0,2}$",
            re.I,
        ),
        concealment={k: compile_phrases(v) for k, v in lex.concealment.items()},
        roles={
            "recipient": _ending(roles["recipient"], fillers),
            "supplier": _ending(roles["supplier"], fillers),
            "via": _ending(roles["via"], fillers),
            "origin": _ending(roles["staging"], fillers),
            "ignore": _ending(roles["ignore_before"], fillers),
        },
        role_marker=_any_ending(
            {
                "origin": roles["staging"],
                "recipient": roles["recipient"],
                "supplier": roles["supplier"],
                "via": roles["via"],
                "ignore": roles["ignore_before"],
            },
            fillers,
        ),
        recipient_nouns=compile_phrases(roles["recipient_nouns"]),
        transit=compile_phrases(roles["transit_cues"]),
    )


_FLYING_NOT_CARRYING = re.compile(
    r"\s+(?:\w+\s+)?(?:missions?|sorties|combat|patrols?|by|over|above|into\s+combat|in\s+formation|home)\b",
    re.I,
)
_ADJECTIVAL_ARMED = re.compile(
    r"\s+(?:groups?|forces|militants|men|wing|wings|conflict|violence|struggle|resistance|robbery|drones?|factions?|"
    r"opposition|rebels|movements?|militias?|personnel|guards?|escorts?|clashes|attack|attacks)\b",
    re.I,
)


_WHEN_NOT_WHERE = re.compile(
    r"\s*(?:\d|(?:early|late|mid)[-\s]|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|spring|summer|autumn|fall|winter)\b)",
    re.I,
)


_PASSING_BY = re.compile(
    r"\s+(?:through|by|near|off|along|over|across|into\s+law|a\s+law|legislation)\b", re.I
)


_FLY_WORDS = frozenset({"fly", "flies", "flew", "flying"})
_FLIES_AIRCRAFT = re.compile(
    r"\s+(?:[\w\-]+\s+){0,3}?(?:drones?|jets?|fighters?|helicopters?|aircraft|planes?|warplanes?|bombers?)\b",
    re.I,
)


_SECOND_HAND = re.compile(
    r"(?:\b(?:the|a|its|their|some|several|many|few|of|\d[\d,]*|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|dozens|hundreds)|\bsecond-hand)\s+$",
    re.I,
)
BUILD_UP = re.compile(r"[-\u2010\u2011\s]up\b", re.I)
_CARRIED_TO = re.compile(r"[^.;]{0,60}?\b(?:to|into)\s+(?:the\s+)?(?-i:[A-Z])", re.I)
_CARRIERS = re.compile(r"(?i)\b(?:cargo|transport|freight|supply)\b")


_HANDS_NOUN = re.compile(
    r"(?:['\u2019]s?|\bthe|\btheir|\bits|\bhis|\bher|\bwrong|\bsame)\s+$", re.I
)


def find_transfer_cues(text: str, start: int, end: int, goods: Sequence[ItemMention]) -> list[Cue]:
    """The transfer cues in [start, end); `goods` are the document's item mentions near them."""
    pats = cue_patterns()
    out = []
    for m in pats.transfer.finditer(text, start, end):
        if inside_proper_name(text, m.start(), m.end()):
            continue  # "the South African Transport and Allied Workers Union": a name
        word = re.sub(r"\s+", " ", m.group(0).lower())
        if word == "used" and _SECOND_HAND.search(text, max(start, m.start() - 16), m.start()):
            continue  # "ordered 12 used Rafales": second-hand goods, not their use
        if word.startswith("build") and BUILD_UP.match(text, m.end()):
            continue  # "Serbia's build-up", "a military build-up": a noun, not a delivery
        if word == "armed" and _ADJECTIVAL_ARMED.match(text, m.end()):
            continue  # "armed groups": an adjective, not a delivery
        if word.startswith("fl") and _FLYING_NOT_CARRYING.match(text, m.end()):
            continue  # "flown missions", "jets flown by mercenary pilots": no cargo moved
        if word.startswith("arriv") and _WHEN_NOT_WHERE.match(text, m.end()):
            continue  # "arrived in 2023": when, not where to
        if word in ("hands", "hand") and _HANDS_NOUN.search(
            text, max(start, m.start() - 8), m.start()
        ):
            continue  # "in Hezbollah's hands", "into the wrong hands": a noun, not handing over
        if word.startswith("pass") and _PASSING_BY.match(text, m.end()):
            continue  # "passed through the Suez Canal": a route, not a hand-over
        label = pats.transfer_label.get(word, "give")
        carried_to = (
            _CARRIED_TO.match(text, m.end(), end)
            if label == "use" and word.startswith("carr")
            else None
        )
        if carried_to and any(m.end() <= i.start < carried_to.end() for i in goods):
            label = "give"  # "the vessel had carried military material to Libya": a delivery
        flown = _FLIES_AIRCRAFT.match(text, m.end()) if word in _FLY_WORDS else None
        if flown is not None and not _CARRIERS.search(flown.group(0)):
            label = (
                "use"  # "the army flies Mohajer-6 drones": it operates them (cargo planes carry)
            )
        out.append(Cue(m.start(), m.end(), label, m.group(0)))
    return out


def find(
    pattern: re.Pattern[str] | PhraseMatcher, text: str, start: int, end: int, label: str
) -> list[Cue]:
    return [Cue(m.start(), m.end(), label, m.group(0)) for m in pattern.finditer(text, start, end)]


def hedge_of(text: str, start: int, end: int, *, default: str = "confirmed") -> str:
    """The first hedge, in the spec's order of precedence, whose cue occurs in the span."""
    pats = cue_patterns()
    for hedge in HEDGES:
        if hedge == "confirmed":
            break
        if any(m.group(0) != "May" for m in pats.hedges[hedge].finditer(text, start, end)):
            return hedge  # "in May" is a month, not "may"
    return default


def is_negated(text: str, clause_start: int, cue_start: int) -> bool:
    """A negation right before the trigger ("did not send"), or a scoping phrase earlier in the
    clause ("there is no evidence that ... sent")."""
    pats = cue_patterns()
    before = text[max(clause_start, cue_start - 40) : cue_start]
    if pats.negation.search(before):
        return True
    return bool(pats.scoped_negation.search(text, clause_start, cue_start))


def concealment_of(text: str, start: int, end: int) -> str | None:
    for value, pattern in cue_patterns().concealment.items():
        if pattern.search(text, start, end):
            return value
    return None
