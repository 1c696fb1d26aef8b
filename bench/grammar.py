"""Sentences for the synthetic corpus, composed from a small grammar over the word stock.

Why a grammar and not templates: templates repeat the same strings, and spaCy's tokenizer
(which caches per distinct string) then runs far faster than on real text. Here a sentence is
a clause of noun and verb phrases, extended with prepositional phrases, relative and
subordinate clauses, attributions, quotes and parentheses until it reaches a target length
drawn like real news (5 to 60 words, mean about 22); numbers, dates, possessives, hyphenated
compounds and abbreviations appear at rates like those of real reporting.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field

from wordstock import NameMaker, Noun, Ranked, Stock

COMMAS = re.compile(r"\s*,(?:\s*,)*")
SENTENCE_WORDS = (5, 60)
SENTENCE_LOG_MEAN, SENTENCE_LOG_SD = 3.02, 0.55  # median ~21 words, mean ~23
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen"]
UNITS = ["year", "month", "day", "week", "hour", "mile", "metre", "storey"]
MODALS = ["will", "would", "could", "may", "might", "should", "must"]
ROLES = [
    "a spokesperson for {org}", "a senior official at {org}", "the head of {org}",
    "a researcher at {org}", "who chairs {org}", "a former aide", "a local resident",
    "an analyst at {org}", "the director of {org}", "a member of {org}",
]  # fmt: skip


@dataclass
class Person:
    full: str
    surname: str
    title: str
    introduced: bool = False


@dataclass
class Cast:
    """Who and what one article is about: named again and again, as real articles do."""

    people: list[Person] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)


class Writer:
    """Writes the sentences of one article from its topic's words and its cast."""

    def __init__(
        self,
        rng: random.Random,
        stock: Stock,
        names: NameMaker,
        topic_nouns: Ranked,
        topic_adjectives: Ranked,
        cast: Cast,
    ) -> None:
        self.rng = rng
        self.stock = stock
        self.names = names
        self.topic_nouns = topic_nouns
        self.topic_adjectives = topic_adjectives
        self.cast = cast
        self.lists = stock.lists

    # -- words -------------------------------------------------------------------------------

    def pick(self, key: str) -> str:
        return self.rng.choice(self.lists[key])

    def noun(self) -> Noun:
        ranked = self.topic_nouns if self.rng.random() < 0.45 else self.stock.nouns
        chosen: Noun = ranked.draw(self.rng)
        return chosen

    def adjective(self) -> str:
        ranked = self.topic_adjectives if self.rng.random() < 0.3 else self.stock.adjectives
        chosen: str = ranked.draw(self.rng)
        return chosen

    def number(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return str(self.rng.randint(2, 99))
        if r < 0.5:
            return f"{self.rng.randint(1, 999)},{self.rng.randint(0, 999):03d}"
        if r < 0.65:
            return self.rng.choice(NUMBER_WORDS)
        if r < 0.8:
            return f"{self.rng.randint(1, 99)}.{self.rng.randint(1, 9)}"
        return str(self.rng.randint(100, 999))

    def amount(self) -> str:
        """Money or a share: '$3.2 million', '€450,000', '4.5 percent', '12%'."""
        r = self.rng.random()
        if r < 0.45:
            unit = self.rng.choice(("million", "billion", "m", "bn", ""))
            value = (
                f"{self.rng.randint(1, 900)}.{self.rng.randint(1, 9)}"
                if unit
                else f"{self.rng.randint(1, 999)},{self.rng.randint(0, 999):03d}"
            )
            sign = self.rng.choice(self.lists["currencies"])
            return (
                f"{sign}{value}{unit}" if unit in ("m", "bn") else f"{sign}{value} {unit}".strip()
            )
        share = f"{self.rng.randint(1, 60)}" + (f".{self.rng.randint(1, 9)}" if r < 0.7 else "")
        return f"{share}%" if self.rng.random() < 0.4 else f"{share} percent"

    def date(self) -> str:
        r = self.rng.random()
        month, day, year = (
            self.pick("months"),
            self.rng.randint(1, 28),
            self.rng.randint(1990, 2024),
        )
        if r < 0.3:
            return f"on {self.pick('weekdays')}"
        if r < 0.45:
            return f"on {day} {month}" if self.rng.random() < 0.5 else f"on {month} {day}"
        if r < 0.6:
            return f"in {month} {year}"
        if r < 0.75:
            return f"in {year}"
        if r < 0.82:
            return f"in the {year // 10 * 10}s"
        return self.rng.choice(
            ("last year", "last month", "last week", "earlier this year", "this week",
             "in recent months", "at the weekend", "overnight", f"at {self.rng.randint(1, 12)}:{self.rng.choice(('00', '15', '30', '45'))} {self.rng.choice(('a.m.', 'p.m.'))}")
        )  # fmt: skip

    # -- phrases -----------------------------------------------------------------------------

    def person(self) -> str:
        """First mention: title, full name and role; later: the surname, often with a title."""
        if not self.cast.people or (len(self.cast.people) < 6 and self.rng.random() < 0.15):
            full, surname = self.names.person(fresh=self.rng.random() < 0.5)
            self.cast.people.append(Person(full, surname, self.pick("titles")))
        who = self.rng.choice(self.cast.people)
        if not who.introduced:
            who.introduced = True
            role = self.rng.choice(ROLES).format(org=self.organisation())
            return f"{who.full}, {role},"
        return f"{who.title} {who.surname}" if self.rng.random() < 0.3 else who.surname

    def place(self) -> str:
        if not self.cast.places or self.rng.random() < 0.1:
            self.cast.places.append(self.names.place(fresh=self.rng.random() < 0.4))
        return self.rng.choice(self.cast.places)

    def organisation(self) -> str:
        return self.rng.choice(self.cast.organisations)

    def noun_phrase(self, plural: bool | None = None) -> tuple[str, bool]:
        """A noun phrase and whether it is plural."""
        r = self.rng.random()
        if r < 0.08:
            return self.person(), False
        if r < 0.14:
            return self.organisation(), False
        if r < 0.18:
            return self.place(), False
        noun = self.noun()
        many = self.rng.random() < 0.35 if plural is None else plural
        word = noun.plural if many else noun.singular
        r = self.rng.random()
        if r < 0.3:
            word = f"{self.adjective()} {word}"
        elif r < 0.36:
            word = f"{self.adjective()}, {self.adjective()} {word}"
        elif r < 0.42:
            word = f"{self.compound()} {word}"
        r = self.rng.random()
        if many and r < 0.15:
            return f"{self.number()} {word}", True
        if r < 0.25:
            owner = self.rng.choice((self.place(), self.organisation(), self.person_name()))
            return f"{owner}'" + ("" if owner.endswith("s") else "s") + f" {word}", many
        if r < 0.29:
            return f"{self.pick('acronyms')} {word}", many
        determiner = self.pick("determiners_plural" if many else "determiners")
        if determiner == "a" and word[0] in "aeiou":
            determiner = "an"
        return f"{determiner} {word}", many

    def person_name(self) -> str:
        if not self.cast.people:
            self.person()
        return self.rng.choice(self.cast.people).surname

    def compound(self) -> str:
        """A hyphenated modifier made on the spot: 'three-year', 'council-run', '40-year-old'."""
        r = self.rng.random()
        if r < 0.3:
            unit = self.rng.choice(UNITS)
            count = self.rng.choice(NUMBER_WORDS[:8]) if r < 0.15 else self.rng.randint(2, 90)
            return f"{count}-{unit}"
        if r < 0.45:
            return f"{self.rng.randint(18, 95)}-year-old"
        if r < 0.75:
            return f"{self.noun().singular}-{self.stock.verbs.draw(self.rng).participle}"
        prefix = self.rng.choice(("non", "anti", "pre", "post", "co", "ex", "self", "mid", "cross"))
        return f"{prefix}-{self.adjective()}"

    def prepositional(self) -> str:
        if self.rng.random() < 0.15:
            return self.date()
        return f"{self.pick('prepositions')} {self.noun_phrase()[0]}"

    def verb_phrase(self, plural: bool) -> str:
        verb = self.stock.verbs.draw(self.rng)
        r = self.rng.random()
        if r < 0.5:
            head = verb.past
        elif r < 0.65:
            head = f"{'have' if plural else 'has'} {verb.participle}"
        elif r < 0.78:
            head = verb.base if plural else verb.third
        elif r < 0.88:
            head = f"{self.rng.choice(MODALS)} {verb.base}"
        elif r < 0.95:
            return f"{'were' if plural else 'was'} {verb.participle} by {self.noun_phrase()[0]}"
        else:
            head = f"{'are' if plural else 'is'} {verb.gerund}"
        if self.rng.random() < 0.12:
            head = f"{self.stock.adverbs.draw(self.rng)} {head}"
        return f"{head} {self.noun_phrase()[0]}"

    def clause(self) -> str:
        if self.rng.random() < 0.12:
            subject, plural = self.pick("pronouns_subject"), False
            plural = subject in ("they", "we")
        else:
            subject, plural = self.noun_phrase()
        return f"{subject} {self.verb_phrase(plural)}"

    def extension(self) -> str:
        """One more piece of a sentence that is still shorter than its target."""
        r = self.rng.random()
        if r < 0.35:
            return self.prepositional()
        if r < 0.5:
            return f"{self.pick('conjunctions')} {self.clause()}"
        if r < 0.6:
            return f", which {self.verb_phrase(False)},"
        if r < 0.7:
            return f", {self.person()} {self.pick('reporting_verbs')},"
        if r < 0.77:
            name = self.organisation()
            if self.rng.random() < 0.3 and " " in name:
                return f"according to {name} ({self.acronym(name)})"
            return f"according to {name}"
        if r < 0.84:
            return f"({self.parenthesis()})"
        if r < 0.92:
            return f"worth {self.amount()}" if self.rng.random() < 0.5 else f"by {self.amount()}"
        return f"{self.pick('prepositions')} {self.noun_phrase(plural=True)[0]} and {self.noun_phrase()[0]}"

    def parenthesis(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return self.amount()
        if r < 0.45:
            return f"{self.rng.choice(('e.g.', 'i.e.', 'see'))} {self.noun_phrase()[0]}"
        if r < 0.7:
            return f"{self.rng.randint(1990, 2024)}-{self.rng.randint(0, 24):02d}"
        return f"{self.pick('prepositions')} {self.noun_phrase()[0]}"

    # -- sentences ---------------------------------------------------------------------------

    def target_length(self) -> int:
        low, high = SENTENCE_WORDS
        words = round(math.exp(self.rng.gauss(SENTENCE_LOG_MEAN, SENTENCE_LOG_SD)))
        return min(high, max(low, words))

    def sentence(self, length: int | None = None) -> str:
        target = length or self.target_length()
        pieces: list[str] = []
        r = self.rng.random()
        if r < 0.15:
            pieces.append(_upper_first(self.date()) + ",")
        elif r < 0.25:
            pieces.append(f"In {self.place()},")
        elif r < 0.32:
            pieces.append(_upper_first(self.stock.adverbs.draw(self.rng)) + ",")
        pieces.append(self.clause())
        count = sum(p.count(" ") + 1 for p in pieces)
        while count < target - 2:
            piece = self.extension()
            count += piece.count(" ") + 1
            if count > SENTENCE_WORDS[1]:
                break
            pieces.append(piece)
        text = _upper_first(COMMAS.sub(",", " ".join(pieces)).rstrip(","))
        r = self.rng.random()
        if r < 0.07:  # a quote, attributed after it
            return f"“{text},” {self.person()} {self.pick('reporting_verbs')}."
        if r < 0.1:
            return f"{self.person()} {self.pick('reporting_verbs')}: “{text}.”"
        if r < 0.12:
            return f"{text}?"
        return f"{text}."

    def acronym(self, name: str) -> str:
        """'the Raad Institute' → 'RI': the parenthesis after a name's first mention."""
        letters = "".join(w[0] for w in name.split() if w[0].isupper())
        return letters if len(letters) > 1 else name.split()[-1].upper()


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
