"""Seeded synthetic corpora: arms-trade reports and off-topic news, any number of them.

Reports read like news analyses (about 400 to 1,400 words): a headline, paragraphs of one to
five sentences, and a claim-bearing sentence (a transfer, seizure or shipment naming the
gazetteer's states, armed groups, weapons and ports) every three to six sentences among
background sentences that mention the same parties. Off-topic articles come in ten kinds
(politics, business, sport, weather, health, science, culture, courts, transport, education)
and name no weapons. Sentences come from a grammar over a large word stock (bench/words.yml)
with Zipf-like word frequencies and made-up names, so the vocabulary grows with the corpus as
real news does; `--stats` prints the type/token ratio next to that of real articles.

    .venv/bin/python bench/synth.py OUT_DIR 1000 --arms-share 0.1 --seed 7 [--stats]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from grammar import Cast, Writer
from wordstock import NameMaker, Stock, load_stock

from armstrace.gazetteer import load_gazetteer

SUPPLIERS = ["KP", "IR", "RU", "BY", "CN", "SY", "MM", "ER", "PK", "TR"]
REPORT_WORDS = (6.5, 0.35, 400, 1400)  # log-normal mean and sd, then bounds: median ~650
NEWS_WORDS = (6.1, 0.45, 150, 1200)  # median ~450
CLAIMS = [
    "{supplier} shipped {qty} {weapon} to {recipient} {conv} in {year}, {body} {hedge}.",
    "{body} {hedge} that {recipient} had received {qty} {weapon} from {supplier}.",
    "Customs officers seized {qty} {weapon} bound for {recipient} {conv}, according to {body}.",
    "The {weapon} recovered near the front line were made in {supplier}, {body} {hedge}.",
    "{supplier} is suspected of supplying {weapon} to {recipient} since {year}.",
    "According to {body}, {recipient} used {weapon} supplied by {supplier} in attacks in {year}.",
    "A vessel carrying {qty} {weapon} from {supplier} to {recipient} was intercepted {conv}.",
    "In {month} {year}, {supplier} delivered {qty} {weapon} to {recipient}, {body} {hedge}.",
    "{recipient} has obtained {qty} {weapon} from {supplier} {conv}, {body} {hedge}.",
    "{body} {hedge} that {supplier} sold {weapon} to {recipient} in {month} {year}.",
    "Photographs show {weapon} supplied by {supplier} in the hands of {recipient} fighters.",
    "{supplier} agreed to transfer {qty} {weapon} to {recipient} during a visit in {year}.",
]
REFERENCE_TTR = {1000: 0.436, 2000: 0.347, 5000: 0.280, 8000: 0.261}
"""Type/token ratio of real articles at the first N tokens (spaCy's tokenizer, case kept,
punctuation included): the five dev articles and the eight example reports, 8,434 tokens."""


@dataclass(frozen=True)
class Vocabulary:
    """Surface forms from the gazetteer, so the extractor meets names it knows."""

    states: list[str]
    groups: list[str]
    weapons: list[str]
    ports: list[str]
    countries: list[str]  # any state, for off-topic news that mentions one


def vocabulary() -> Vocabulary:
    gazetteer = load_gazetteer()
    actors = gazetteer.actors
    states = [actors[code].name for code in SUPPLIERS if code in actors]
    recipients = [a.name for a in actors.values() if a.kind == "group"]
    weapons = [w.designation for w in gazetteer.weapons]
    ports = [p.name for p in gazetteer.places if p.kind == "port"]
    countries = sorted(a.name for a in actors.values() if a.kind == "state")
    return Vocabulary(states, recipients, weapons, ports, countries)


class Generator:
    """Articles from one seeded random stream; the same seed gives the same corpus."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.stock: Stock = load_stock()
        self.vocab = vocabulary()
        self.names = NameMaker(self.rng)

    def _length(self, shape: tuple[float, float, int, int]) -> int:
        mean, sd, low, high = shape
        return min(high, max(low, round(math.exp(self.rng.gauss(mean, sd)))))

    def report(self) -> str:
        """One arms-trade article: a claim-bearing sentence every three to six sentences."""
        rng, vocab = self.rng, self.vocab
        supplier = rng.choice(vocab.states)
        recipient = rng.choice(vocab.groups + vocab.states)
        bodies = self.stock.reports["bodies"]
        cast = Cast(
            places=[rng.choice(vocab.ports), self.names.place(fresh=rng.random() < 0.5)],
            organisations=[supplier, recipient, rng.choice(vocab.states), rng.choice(bodies)],
        )
        writer = Writer(rng, self.stock, self.names, self.stock.reports["nouns"],
                        self.stock.reports["adjectives"], cast)  # fmt: skip
        sentences = []
        words, target = 0, self._length(REPORT_WORDS)
        until_claim = rng.randint(1, 4)
        while words < target:
            until_claim -= 1
            if until_claim == 0:
                sentence = self._claim(supplier, recipient)
                until_claim = rng.randint(3, 6)
            else:
                sentence = writer.sentence()
            sentences.append(sentence)
            words += sentence.count(" ") + 1
        title = rng.choice(
            (f"{supplier} and {recipient}: new evidence of arms transfers",
             f"How {supplier}'s {rng.choice(vocab.weapons)} reached {recipient}",
             f"{recipient} fields {supplier}-made weapons, {rng.choice(bodies)} says")
        )  # fmt: skip
        return self._layout(title, sentences)

    def _claim(self, supplier: str, recipient: str) -> str:
        rng, vocab, reports = self.rng, self.vocab, self.stock.reports
        if rng.random() < 0.3:  # articles mention other parties too
            supplier = rng.choice(vocab.states)
        text = rng.choice(CLAIMS).format(
            supplier=supplier, recipient=recipient, weapon=rng.choice(vocab.weapons),
            qty=rng.choice(reports["quantities"]), conv=rng.choice(reports["conveyances"]),
            body=rng.choice(reports["bodies"]), hedge=rng.choice(reports["hedges"]),
            year=rng.randint(2005, 2024), month=rng.choice(self.stock.lists["months"]),
        ).replace("{port}", rng.choice(vocab.ports))  # fmt: skip
        return text[0].upper() + text[1:]

    def off_topic(self) -> str:
        """One article about something else entirely: one of ten kinds of news."""
        rng = self.rng
        kind = rng.choice(sorted(self.stock.topics))
        topic = self.stock.topics[kind]
        organisations = [self._organisation(rng.choice(topic.organisations)) for _ in range(3)]
        places = [self.names.place(fresh=rng.random() < 0.4)]
        if rng.random() < 0.3:  # world and business news name real countries
            organisations.append(rng.choice(self.vocab.countries))
        cast = Cast(places=places, organisations=organisations)
        writer = Writer(rng, self.stock, self.names, topic.nouns, topic.adjectives, cast)
        sentences = []
        words, target = 0, self._length(NEWS_WORDS)
        while words < target:
            sentence = writer.sentence()
            sentences.append(sentence)
            words += sentence.count(" ") + 1
        title = rng.choice(topic.headlines).format(
            place=writer.place(), noun=writer.noun().singular, person=writer.person_name(),
            org=organisations[0], org2=organisations[1], percent=f"{rng.randint(2, 30)}%",
            count=rng.randint(20, 3000), score=f"{rng.randint(1, 5)}-{rng.randint(0, 3)}",
        )  # fmt: skip
        return self._layout(title, sentences)

    def _organisation(self, pattern: str) -> str:
        fresh = self.rng.random() < 0.3
        return pattern.format(name=self.names.fresh_surname() if fresh else
                              self.names.surnames.draw(self.rng), place=self.names.place(fresh))  # fmt: skip

    def _layout(self, title: str, sentences: list[str]) -> str:
        """Paragraphs of one to five sentences, as news is laid out."""
        paragraphs, start = [], 0
        while start < len(sentences):
            size = self.rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5))
            paragraphs.append(" ".join(sentences[start : start + size]))
            start += size
        return title[0].upper() + title[1:] + "\n\n" + "\n\n".join(paragraphs) + "\n"


def articles(count: int, arms_share: float, seed: int) -> Iterator[tuple[str, str]]:
    """(name, text) pairs; exactly round(count * arms_share) are arms-trade reports."""
    generator = Generator(seed)
    arms = round(count * arms_share)
    kinds = [True] * arms + [False] * (count - arms)
    generator.rng.shuffle(kinds)
    for n, is_arms in enumerate(kinds):
        if is_arms:
            yield f"report_{n:06d}", generator.report()
        else:
            yield f"news_{n:06d}", generator.off_topic()


def write_corpus(folder: Path, count: int, arms_share: float = 1.0, seed: int = 7) -> list[Path]:
    """Write the corpus as .txt files in subfolders of 1,000 (folders stay listable)."""
    paths = []
    for n, (name, text) in enumerate(articles(count, arms_share, seed)):
        sub = folder / f"{n // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def type_token_ratios(tokens: Iterable[str], points: Iterable[int]) -> dict[int, float]:
    """Distinct tokens / tokens over the first N tokens, for each N the stream reaches."""
    wanted = sorted(points)
    seen: set[str] = set()
    ratios: dict[int, float] = {}
    n = 0
    for token in tokens:
        n += 1
        seen.add(token)
        if n in wanted:
            ratios[n] = len(seen) / n
            if n == wanted[-1]:
                break
    ratios[n] = len(seen) / n if n else 0.0  # the whole stream, when shorter than the points
    return ratios


def spacy_tokens(texts: Iterable[str]) -> Iterator[str]:
    """Tokens as the reference ratios were counted: spaCy's English tokenizer, no whitespace."""
    import spacy

    nlp = spacy.blank("en")
    for text in texts:
        yield from (t.text for t in nlp.make_doc(text) if not t.is_space)


def print_ratios(
    texts: Iterable[str], points: Iterable[int] = (1000, 2000, 5000, 8000, 100_000, 1_000_000)
) -> None:
    ratios = type_token_ratios(spacy_tokens(texts), points)
    print(f"{'tokens':>10} {'TTR synthetic':>14} {'TTR real':>9}")
    for n, ratio in ratios.items():
        real = REFERENCE_TTR.get(n)
        print(f"{n:>10,} {ratio:>14.3f} {'' if real is None else f'{real:.3f}':>9}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--arms-share", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--stats", action="store_true", help="print the type/token ratio")
    args = parser.parse_args()
    paths = write_corpus(args.folder, args.count, args.arms_share, args.seed)
    if args.stats:
        print_ratios(p.read_text(encoding="utf-8") for p in paths)


if __name__ == "__main__":
    main()
