"""Find numbers with their qualifier in text: "more than a million", "some 35 tons", "$16 million".

The parser finds the number and its hedge word; which unit or item it counts is decided by the
claim assembler, which sees the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from armstrace.nlp.lexicon import load_lexicon, phrase_pattern


@dataclass(frozen=True)
class NumberMention:
    start: int  # first char of the qualifier or number
    end: int  # char after the number (and its scale word)
    value: float
    qualifier: str  # exact | approx | at_least | at_most | range
    max: float | None = None
    currency: bool = False
    number_start: int = 0


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@cache
def _patterns() -> tuple[
    re.Pattern[str], dict[str, float | None], dict[str, float], dict[str, str]
]:
    lex = load_lexicon().quantities
    words: dict[str, float | None] = {str(k).lower(): v for k, v in lex["number_words"].items()}
    scales: dict[str, float] = {str(k).lower(): float(v) for k, v in lex["scales"].items()}
    qual_of: dict[str, str] = {}
    for qualifier in ("at_least", "at_most", "approx"):  # a phrase listed twice keeps the first
        for phrase in lex["qualifiers"][qualifier]:
            qual_of.setdefault(str(phrase).lower(), qualifier)
    word_alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    scale_alt = "|".join(sorted((re.escape(s) for s in scales), key=len, reverse=True))
    number = rf"(?:{_DIGITS}|(?i:{word_alt}))"
    qual = phrase_pattern(list(qual_of))
    pattern = (
        rf"(?P<between>(?i:between)\s+)?"
        rf"(?:(?P<qual>(?i:{qual}))\s+)?"
        rf"(?P<cur>US\$\s?|\$|USD\s|€|£)?"
        rf"(?<![\w\-/.])(?P<num>{number})(?![A-Za-z\d]|\.\d)"
        rf"(?:\s*(?P<scale>(?i:{scale_alt}))(?![\w]))?"
        rf"(?:\s*(?:-|–|to|and)\s*(?P<cur2>US\$\s?|\$)?(?P<num2>{_DIGITS})"
        rf"(?:\s*(?P<scale2>(?i:{scale_alt}))(?![\w]))?)?"
    )
    return re.compile(pattern), words, scales, qual_of


@cache
def _starts() -> re.Pattern[str]:
    """Where a number mention can begin, on lower-cased text: a digit, a currency ("US$",
    "USD "), "between", or the first word of a qualifier or number word.

    Python's `re` tries every alternative of the full pattern at every character; finding
    these few places first and matching the full pattern only there is several times faster,
    with the same matches (each match starts at one of them)."""
    _pattern, words, _scales, qual_of = _patterns()
    firsts = {w.split()[0].rstrip(".") for w in (*words, *qual_of)}
    by_letter: dict[str, list[str]] = {}
    for word in sorted(firsts, key=len, reverse=True):
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    alternation = "|".join(
        f"{re.escape(letter)}(?:{'|'.join(rests)})" for letter, rests in by_letter.items()
    )
    return re.compile(rf"between|us\$|usd\s|[$€£]|(?<!\w)(?:\d|(?:{alternation})(?![a-z\d]))")


def _matches(text: str) -> list[re.Match[str]]:
    """`pattern.finditer(text)`, matched only where `_starts` allows."""
    pattern = _patterns()[0]
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    end = 0
    for start in _starts().finditer(lowered):
        if start.start() < end:
            continue
        match = pattern.match(text, start.start())
        if match:
            found.append(match)
            end = match.end()
    return found


_NOT_A_COUNT_AFTER = re.compile(
    r"\s*(?:-\s*|\s)?(?:mm|millimet(?:er|re)s?|cm|km|kilomet(?:er|re)s?|miles?|%|percent|per\s?cent"
    r"|s\b|th\b|st\b|nd\b|rd\b|'s\b|-year|\s*years?\b|\s*months?\b|\s*weeks?\b|\s*days?\b"
    r"|\s*decades?\b|\s*centur(?:y|ies)\b|\s*hours?\b|\s*minutes?\b|\s*nautical\s+miles\b|\s*times\b)",
    re.I,
)
_SPAN_OF_TIME = re.compile(
    r"[\s\-]+(?:(?:more|full|long|straight|consecutive)\s+)?(?:years?|months?|weeks?|days?|decades?|"
    r"centur(?:y|ies)|hours?|minutes?|times)\b",
    re.I,
)
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:No\.?|[Nn]umber|Type|Plant|Resolution|[Pp]age|[Aa]rticle|Block|Batch|Lot)\s*$"
)


def _to_number(raw: str, words: dict[str, float | None]) -> float | None:
    low = raw.lower()
    if low in words:
        value = words[low]
        return None if value is None else float(value)
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


@cache
def _context_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon().quantities
    rate = re.compile(r"\s*" + phrase_pattern(lex["rate_suffixes"]), re.I)
    derived = re.compile(phrase_pattern(lex["derived_prefixes"]) + r"\s*$", re.I)
    vague = re.compile(phrase_pattern(lex["vague_determiners"]) + r"\s+$", re.I)
    return rate, derived, vague


_COMPOUND_AFTER = re.compile(r"[-\u2010\u2011][a-z]")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS_UNIT = re.compile(r"[-\u2010\u2011](" + "|".join(_UNITS) + r")\b", re.I)
_ONE_OF = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|[A-Z][\w\-]*['\u2019]s?)\s+(?:[\w\-]+\s+){0,3}?(?:suppliers|buyers|"
    r"customers|clients|sources|exporters|importers|producers|makers|manufacturers|countries|states|nations|allies|"
    r"partners|reasons|ways|members|groups|cases|examples|instances|routes|hubs|largest|biggest|main|few|first)\b",
    re.I,
)


def find_numbers(text: str) -> list[NumberMention]:
    """Every count-like number in `text`, with qualifier; calibers, years, ids, rates
    ("3 million per year") and changes ("an increase of 5,000") are skipped."""
    _pattern, words, scales, qual_of = _patterns()
    rate, derived, vague = _context_patterns()
    found: list[NumberMention] = []
    for m in _matches(text):
        value = _to_number(m.group("num"), words)
        if value is None:
            continue
        raw = m.group("num")
        scale = m.group("scale")
        compound_end = 0
        is_word = not raw[0].isdigit()
        if is_word and raw.lower() in ("a", "an") and not scale:
            continue
        if scale:
            value *= scales[scale.lower()]
        elif is_word:
            if _SPAN_OF_TIME.match(text, m.end("num")):
                continue  # "for three decades", "two years"
            unit_word = _TENS_UNIT.match(text, m.end("num"))
            if unit_word and raw.lower() in _TENS:
                value += _UNITS.index(unit_word.group(1).lower()) + 1  # "twenty-five"
                compound_end = unit_word.end()
            elif _COMPOUND_AFTER.match(text, m.end("num")):
                continue  # "one-way attack drones", "three-year deal": part of a word, not a count
            if raw.lower() == "one" and _ONE_OF.match(text, m.end("num")):
                continue  # "one of the main suppliers": a member of a set, not a count
        else:
            after = text[m.end("num") : m.end("num") + 14]
            if _NOT_A_COUNT_AFTER.match(after):
                continue
            if re.fullmatch(r"(?:1[89]|20)\d\d", raw):  # a year, not a count
                continue
        if _NOT_A_COUNT_BEFORE.search(text[max(0, m.start("num") - 12) : m.start("num")]):
            continue
        if (is_word or scale) and vague.search(text[max(0, m.start("num") - 14) : m.start("num")]):
            continue  # "several hundred fighters"
        if rate.match(text, m.end()) or derived.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        qualifier = "exact"
        if m.group("qual"):
            qualifier = qual_of.get(re.sub(r"\s+", " ", m.group("qual").lower()), "exact")
        upper: float | None = None
        if m.group("num2") and (m.group("between") or not is_word):
            upper = _to_number(m.group("num2"), words)
            scale2 = m.group("scale2") or scale
            if upper is not None and scale2:
                upper *= scales[scale2.lower()]
            if upper is not None and m.group("scale2") and not scale:
                value *= scales[m.group("scale2").lower()]
            if upper is not None and upper > value:
                qualifier = "range"
            else:
                upper = None
        end = m.end() if upper is not None else (m.end("scale") if scale else m.end("num"))
        if compound_end:
            end = max(end, compound_end)
        found.append(
            NumberMention(
                start=m.start(),
                end=end,
                value=value,
                qualifier=qualifier,
                max=upper,
                currency=bool(m.group("cur")) and m.group("cur").strip() not in ("€", "£"),
                number_start=m.start("num"),
            )
        )
    return found
