"""Who asserts a sentence: "according to X", "X said", ", X told reporters".

The asserting party goes in a claim's `source`; names inside that phrase are not parties to the
claim ("South Korea's military said North Korea sent ..." has South Korea as a source only).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from armstrace.nlp.cues import cue_patterns
from armstrace.nlp.mentions import ActorMention

_NP_BOUNDARY = re.compile(
    r"(?:^|[,;:\u2014\u2013(\"\u201c\u201d]|\bthat\b|\bwhich\b|\bwho\b|\band\b(?=\s+(?:the|a)\b))\s*",
    re.I,
)
_LEADING = re.compile(r"^(?:the|a|an|also|then|last week|on \w+day|in \w+ \d{4},?)\s+", re.I)
_SAY_THEN_PRONOUN = re.compile(
    r"^\s*(?:that\s+)?(?:it|they|his\s+country|her\s+country|their\s+country|its\s+government)\b",
    re.I,
)
_PRONOUN = re.compile(r"(?i)(?:it|they|he|she|we|i|you|this|that|which|who)(?:\s+\w+ly)?")
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the)\s+$", re.I)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted)\b", re.I
)


# An asserting phrase is at most this long (longer ones are not a name), so no search needs to
# look further back or ahead than this: a sentence of any length costs time in proportion to it.
_PHRASE_MAX = 90
_LOOK_BACK = 4 * _PHRASE_MAX


@dataclass(frozen=True)
class Attribution:
    start: int  # span of the asserting phrase, excluded from party roles
    end: int
    source: str
    actors: tuple[ActorMention, ...]
    denial: bool = False
    pronoun_refers: bool = False  # "X said it ..." makes X the subject of what follows
    verb: str = ""


_STATES_NOUN = re.compile(
    r"(?:\b(?:the|other|many|some|two|three|several|member|neighbouring|neighboring|western|arab|gulf|"
    r"african|european|baltic|nordic|allied|these|those|both|all|island|coastal|frontline|nato))\s+$",
    re.I,
)


def find_attributions(
    text: str, start: int, end: int, actors: list[ActorMention]
) -> list[Attribution]:
    pats = cue_patterns()
    ordered = sorted(actors, key=lambda a: a.start)
    starts = [a.start for a in ordered]

    def within(lo: int, hi: int) -> tuple[ActorMention, ...]:
        first = bisect_left(starts, lo)
        last = bisect_left(starts, hi, first)
        return tuple(a for a in ordered[first:last] if a.end <= hi)

    found: list[Attribution] = []
    for m in pats.attribution_preps.finditer(text, start, end):
        ahead = min(end, m.end() + _PHRASE_MAX)
        stop = re.search(r"[,.;\u2014]|\s(?:that|who|which)\s", text[m.end() : ahead])
        np_end = m.end() + stop.start() if stop else ahead
        phrase = text[m.end() : np_end].strip(" \"'\u201c\u201d")
        if phrase:
            found.append(Attribution(m.start(), np_end, _clean(phrase), within(m.start(), np_end)))
    for m in pats.attribution_verbs.finditer(text, start, end):
        if m.group(0)[:1].isupper() and m.start() > start:
            continue  # "the United States", "Reports emerged": a name or a noun, not a verb
        if _ARTICLE_BEFORE.search(text, max(start, m.start() - 6), m.start()):
            continue  # "an estimated 100", "the alleged shipment": an adjective, not a verb
        if m.group(0).lower() in ("states", "state") and _STATES_NOUN.search(
            text, max(start, m.start() - 16), m.start()
        ):
            continue  # "the Arab states it had alienated", "Gulf states": a noun, not "X states"
        window = max(start, m.start() - _LOOK_BACK)
        bounds = list(_NP_BOUNDARY.finditer(text[window : m.start()]))
        if window > start:
            # '^' matches where the window starts, which is no boundary at all
            bounds = [b for b in bounds if b.start() > 0 or b.group(0).strip()]
            if not bounds:
                continue  # no boundary in reach: the phrase would be far too long for a name
        np_start = window + (bounds[-1].end() if bounds else 0)
        phrase = text[np_start : m.start()].strip(" \"'\u201c\u201d")
        comma_and = re.match(r"(?:and|but)\s+(?=[A-Z])", phrase)
        if comma_and and text[max(start, np_start - 3) : np_start].rstrip().endswith(","):
            # ", and Lukashenko said ...": a new clause with its own asserter
            np_start = text.index(phrase, np_start) + comma_and.end()
            phrase = text[np_start : m.start()].strip(" \"'\u201c\u201d")
        if not phrase or len(phrase) > _PHRASE_MAX or not re.search(r"[A-Za-z]", phrase):
            continue
        if _PRONOUN.fullmatch(phrase):
            continue
        if pats.attribution_verbs.search(text, np_start, m.start()) or re.match(
            r"(?i)(?:said|says|told|and|but)\b", phrase
        ):
            continue  # "said they stopped the vessel and found": the asserter is earlier
        if any(
            text[np_start : a.start].strip().lower() in ("the", "", "and", "and the")
            for a in within(np_start, np_start + 12)
        ):
            extended = _extend_over_list(text, np_start, ordered)
            if re.search(r"\band\b|&", text[extended : m.start()]):
                np_start = (
                    extended  # a list needs its "and": "the M23 rebels, UN experts say" is none
                )
        phrase = text[np_start : m.start()].strip(" \"'\u201c\u201d")
        if re.search(
            r"\b(?:(?:is|are|was|were|be|been)(?:\s+(?:\w+ly|later|also|then|since|never|not|once|again|first))*"
            r"|has|have|had)\s*$",
            phrase,
            re.I,
        ):
            continue  # "is said to", "was reported": passive, no named asserter here
        inside = within(np_start, m.start())
        if not inside and not re.search(
            r"\b[A-Z][a-z]+|\b(?:officials?|experts?|analysts?|sources?|intelligence|spokes\w+|ministry|government|"
            r"researchers?|diplomats?|investigators?|monitors?)\b",
            phrase,
        ):
            continue
        cleaned = _clean(phrase)
        if _PRONOUN.fullmatch(cleaned):
            continue  # "It is widely believed": nobody named
        denial = bool(_DENIAL.fullmatch(m.group(0)))
        pronoun = bool(_SAY_THEN_PRONOUN.match(text[m.end() : m.end() + 12]))
        found.append(
            Attribution(np_start, m.end(), cleaned, inside, denial, pronoun, m.group(0).lower())
        )
    return found


def _extend_over_list(text: str, np_start: int, actors: list[ActorMention]) -> int:
    """ "South Korea, the U.S., and Japan condemned": the asserting phrase is the whole list."""
    moved = True
    while moved:
        moved = False
        for actor in actors:
            gap = text[actor.end : np_start]
            if actor.end <= np_start and re.fullmatch(
                r"[.]?\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", gap
            ):
                np_start = actor.start
                before = text[max(0, np_start - 4) : np_start]
                if before.lower().endswith("the "):
                    np_start -= 4
                moved = True
    return np_start


_TRAILING = re.compile(
    r"\s+(?:has|have|had|was|were|is|are|will|would|also|again|already|previously|repeatedly|long|on\s+\w+day)\b.*$"
    r"|(?:\s+\w+ly)+$",
    re.I,
)


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,")
    phrase = _TRAILING.sub("", phrase)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _LEADING.sub("", phrase)
    return phrase[:120]
