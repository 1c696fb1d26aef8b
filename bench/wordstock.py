"""The word stock of the synthetic corpus: inflected word lists drawn with Zipf-like weights,
and names made up from syllables.

Why: spaCy's tokenizer caches every distinct string, so a corpus written from a few dozen
templates is tokenized unrealistically fast and every ratio against the tokenizer is skewed.
Real reporting has a head of very common words and a long tail of rare ones that keeps
growing with the corpus (new names, numbers, compounds); this module supplies both. The word
lists live in bench/words.yml.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

WORDS = Path(__file__).resolve().with_name("words.yml")
ZIPF_EXPONENT = 0.9
ZIPF_OFFSET = 2.7  # Zipf-Mandelbrot: the first few ranks are less dominant than pure Zipf


class Ranked:
    """Items drawn with weight 1 / (rank + offset) ** exponent: a few common, a long rare tail."""

    def __init__(self, items: list[Any], exponent: float = ZIPF_EXPONENT) -> None:
        if not items:
            raise ValueError("nothing to draw from")
        self.items = items
        weights = [1.0 / (rank + ZIPF_OFFSET) ** exponent for rank in range(len(items))]
        self.cumulative = list(accumulate(weights))

    def draw(self, rng: random.Random) -> Any:
        return rng.choices(self.items, cum_weights=self.cumulative)[0]


@dataclass(frozen=True)
class Noun:
    singular: str
    plural: str


@dataclass(frozen=True)
class Verb:
    base: str
    third: str  # he says
    past: str
    participle: str
    gerund: str


@dataclass(frozen=True)
class Topic:
    nouns: Ranked
    adjectives: Ranked
    organisations: list[str]
    headlines: list[str]


@dataclass(frozen=True)
class Stock:
    """Everything the grammar draws words from."""

    nouns: Ranked
    verbs: Ranked
    adjectives: Ranked
    adverbs: Ranked
    lists: dict[str, list[str]]  # function words, months, titles, abbreviations ...
    topics: dict[str, Topic]
    reports: dict[str, Any]
    names: dict[str, Any]


def _words(text: str) -> list[str]:
    return text.split()


def plural(noun: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(ch|sh|x|ss)es$", word):
        return word[:-2]
    return word[:-1]


def noun(entry: str) -> Noun:
    """'vote' or 'votes' (the plural is written where stories use it more) or 'child/children'."""
    first, _, irregular = entry.partition("/")
    if irregular:
        return Noun(first, irregular)
    if first.endswith("s") and not first.endswith(("ss", "us", "is", "as", "ics")):
        return Noun(singular(first), first)
    return Noun(first, plural(first))


def verb(entry: str) -> Verb:
    if "/" in entry:
        base, past, participle = entry.split("/")
        return Verb(base, _third(base), past, participle, _gerund(base, double=False))
    double = entry.endswith("*")
    base = entry.rstrip("*")
    stem = base + base[-1] if double else base
    if base.endswith("e"):
        past = base + "d"
    elif re.search(r"[^aeiou]y$", base):
        past = base[:-1] + "ied"
    else:
        past = stem + "ed"
    return Verb(base, _third(base), past, past, _gerund(base, double))


def _third(base: str) -> str:
    return plural(base)  # the same spelling rules: watches, carries, says


def _gerund(base: str, double: bool) -> str:
    if (
        double
        or re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", base)
        or base.endswith(("gin", "get", "quit"))
    ):
        return base + base[-1] + "ing"
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    return base + "ing"


ADVERB_SUFFIXES = ("al", "ful", "ous", "ive", "ent", "ant", "ic", "ate", "ible", "able", "ar")


def adverb(adjective: str) -> str | None:
    """'rapid' → 'rapidly'; None for compounds and for endings that rarely take -ly."""
    if "-" in adjective or not adjective.endswith(ADVERB_SUFFIXES):
        return None
    if adjective.endswith("le"):  # able, possible
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def comparatives(adjective: str) -> list[str]:
    """'strong' → ['stronger', 'strongest']; 'big' → ['bigger', 'biggest']."""
    if adjective.endswith("e"):
        return [adjective + "r", adjective + "st"]
    if re.search(r"[^aeiou]y$", adjective):
        return [adjective[:-1] + "ier", adjective[:-1] + "iest"]
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", adjective):
        return [adjective + adjective[-1] + "er", adjective + adjective[-1] + "est"]
    return [adjective + "er", adjective + "est"]


NO_NESS = ("al", "ic", "ed", "ive", "ous", "ent", "ant", "ate", "ar", "ing", "ern", "ese", "ary")


def derived(verbs: list[Verb], adjectives: list[str]) -> tuple[list[Noun], list[Verb], list[str]]:
    """Rarer words made by English's productive rules: voter, weakness, reopen, unreported.

    A real news stream keeps meeting word forms it has not seen; derivation gives the word
    stock a long tail without a dictionary.
    """
    regular = [v for v in verbs if v.past.endswith("ed") and " " not in v.base]
    agents = [noun(_agent(v.base)) for v in regular]
    plain = [a for a in adjectives if "-" not in a and not a.endswith(NO_NESS)]
    qualities = [noun((a[:-1] + "i" if a.endswith("y") else a) + "ness") for a in plain]
    again = [
        Verb(*("re" + form for form in (v.base, v.third, v.past, v.participle, v.gerund)))
        for v in regular
        if not v.base.startswith("re")
    ]
    negated = ["un" + v.participle for v in regular if not v.base.startswith(("un", "in"))]
    return agents + qualities, again, negated


def latinate(parts: dict[str, str]) -> tuple[list[Noun], list[str]]:
    """Nouns and adjectives of prefix + root + suffix, in a fixed shuffled order."""
    prefixes = [("" if p == "-" else p) for p in _words(parts["prefixes"])]
    roots = _words(parts["roots"])
    nouns = sorted(
        {p + r + s for p in prefixes for r in roots for s in _words(parts["noun_suffixes"])}
    )
    adjectives = sorted(
        {p + r + s for p in prefixes for r in roots for s in _words(parts["adjective_suffixes"])}
    )
    order = random.Random(0)  # the language is the same whatever the corpus seed
    order.shuffle(nouns)
    order.shuffle(adjectives)
    return [noun(n) for n in nouns], adjectives


def _agent(base: str) -> str:
    if base.endswith("e"):
        return base + "r"
    if re.search(r"[^aeiou]y$", base):
        return base[:-1] + "ier"
    return base + "er"


def _unique(items: list[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


@cache
def load_stock() -> Stock:
    data = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    adjectives = _unique(_words(data["adjectives"]))
    graded = [form for a in _words(data["graded"]) for form in comparatives(a)]
    adverbs = [a for a in (adverb(a) for a in adjectives) if a]
    lists = {
        key: _words(value)
        for key, value in data.items()
        if isinstance(value, str)
        and key not in ("nouns", "verbs", "adjectives", "adverbs", "graded", "avoid")
    }
    topics = {
        name: Topic(
            Ranked(_unique([noun(w) for w in _words(t["nouns"])])),
            Ranked(_unique(_words(t["adjectives"]))),
            t["organisations"].split("|"),
            t["headlines"].split("|"),
        )
        for name, t in data["topics"].items()
    }
    reports = dict(data["reports"])
    reports["nouns"] = Ranked(_unique([noun(w) for w in _words(reports["nouns"])]))
    reports["adjectives"] = Ranked(_unique(_words(reports["adjectives"])))
    for key in ("quantities", "conveyances"):
        reports[key] = reports[key].split("|")
    nouns = _unique([noun(w) for w in _words(data["nouns"])])
    verbs = _unique([verb(w) for w in _words(data["verbs"])])
    more_nouns, more_verbs, more_adjectives = derived(verbs, adjectives)
    rare_nouns, rare_adjectives = latinate(data["latinate"])
    avoid = set(_words(data["avoid"]))
    more_nouns = [n for n in more_nouns + rare_nouns if n.singular not in avoid]
    more_adjectives = [a for a in more_adjectives + rare_adjectives if a not in avoid]
    # graded and derived forms are rarer than the plain ones: they come after them
    return Stock(
        nouns=Ranked(_unique(nouns + more_nouns)),
        verbs=Ranked(_unique(verbs + more_verbs)),
        adjectives=Ranked(_unique(adjectives + graded + more_adjectives)),
        adverbs=Ranked(_unique(_words(data["adverbs"]) + adverbs)),
        lists=lists,
        topics=topics,
        reports=reports,
        names=data["names"],
    )


class NameMaker:
    """Made-up proper names from syllables, in a few styles of sound.

    A seeded pool of well-known names is drawn with Zipf weights (the people and places
    every story mentions); `fresh` makes a name no one has used yet, which is what keeps the
    vocabulary of a real news stream growing.
    """

    def __init__(self, rng: random.Random, pool_size: int = 4000) -> None:
        stock = load_stock()
        self.rng = rng
        self.styles = [
            {key: _words(value) for key, value in style.items()} for style in stock.names["styles"]
        ]
        self.first_endings = _words(stock.names["first_endings"])
        self.place_suffixes = _words(stock.names["place_suffixes"])
        self.surnames = Ranked([self.fresh_surname() for _ in range(pool_size)])
        self.first_names = Ranked([self.fresh_first_name() for _ in range(pool_size // 4)])
        self.places = Ranked([self.fresh_place() for _ in range(pool_size // 2)])

    def _stem(self, syllables: int) -> tuple[str, dict[str, list[str]]]:
        style = self.rng.choice(self.styles)
        parts = []
        for _ in range(syllables):
            coda = self.rng.choice(style["codas"])
            parts.append(
                self.rng.choice(style["onsets"])
                + self.rng.choice(style["vowels"])
                + ("" if coda == "-" else coda)
            )
        return "".join(parts), style

    def fresh_surname(self) -> str:
        stem, style = self._stem(self.rng.choice((1, 2, 2, 3)))
        if self.rng.random() < 0.5:
            stem += self.rng.choice(style["endings"])
        return stem.capitalize()

    def fresh_first_name(self) -> str:
        stem, _style = self._stem(self.rng.choice((1, 1, 2)))
        return (stem + self.rng.choice(self.first_endings)).capitalize()

    def fresh_place(self) -> str:
        stem, _style = self._stem(self.rng.choice((2, 2, 3)))
        suffix = self.rng.choice(self.place_suffixes)
        return (stem + ("" if suffix == "-" else suffix)).capitalize()

    def person(self, fresh: bool) -> tuple[str, str]:
        """(full name, surname) of someone well known, or of someone new."""
        first = self.first_names.draw(self.rng)
        surname = self.fresh_surname() if fresh else self.surnames.draw(self.rng)
        return f"{first} {surname}", surname

    def place(self, fresh: bool) -> str:
        return self.fresh_place() if fresh else self.places.draw(self.rng)
