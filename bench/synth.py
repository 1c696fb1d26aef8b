"""Seeded synthetic corpora: arms-trade reports and off-topic news, any number of them.

Reports read like short news analyses (400 to 800 words): a headline, attributed transfer,
seizure and shipment sentences over the gazetteer's states, armed groups, weapons and ports,
mixed with the background sentences real articles carry (history, reactions, caveats).
Off-topic articles (council budgets, football, weather, markets) name no weapons at all.

    .venv/bin/python bench/synth.py OUT_DIR 1000 --arms-share 0.1 --seed 7
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from armstrace.gazetteer import load_gazetteer

SUPPLIERS = ["KP", "IR", "RU", "BY", "CN", "SY", "MM", "ER", "PK", "TR"]
BODIES = ["South Korea's National Intelligence Service", "the UN Panel of Experts",
          "Conflict Armament Research", "US officials", "Ukraine's military intelligence",
          "the US State Department", "Israeli officials", "a UN report"]  # fmt: skip
HEDGES = ["said", "reported", "claimed", "alleged", "confirmed", "believes"]
QUANT = ["dozens of", "hundreds of", "at least 300", "some 1,000", "about 40", "more than 10,000",
         "several containers of", "two shipments of", "12", "an estimated 2 million"]  # fmt: skip
CONVEY = ["by rail", "by sea", "aboard a cargo ship", "on Il-76 cargo flights", "in trucks",
          "through the port of {port}", "in containers declared as machinery parts"]  # fmt: skip
ARMS = [
    "{supplier} shipped {qty} {weapon} to {recipient} {conv} in {year}, {body} {hedge}.",
    "{body} {hedge} that {recipient} had received {qty} {weapon} from {supplier}.",
    "Customs officers seized {qty} {weapon} bound for {recipient} {conv}, according to {body}.",
    "The {weapon} recovered near the front line were made in {supplier}, {body} {hedge}.",
    "{supplier} is suspected of supplying {weapon} to {recipient} since {year}.",
    "According to {body}, {recipient} used {weapon} supplied by {supplier} in attacks in {year}.",
    "A vessel carrying {qty} {weapon} from {supplier} to {recipient} was intercepted {conv}.",
]
BACKGROUND = [
    "The allegation could not be independently verified.",
    "Officials declined to comment on the report when contacted on {day}.",
    "The two governments have deepened their military cooperation over the past decade.",
    "Analysts say satellite imagery shows increased activity at the railway station.",
    "The ministry denied the accusations and called them a provocation.",
    "Sanctions adopted in {year} prohibit such transfers, but enforcement has been uneven.",
    "Researchers compared lot numbers and markings on recovered debris with earlier samples.",
    "Diplomats said the issue would be raised at the next meeting of the Security Council.",
    "The report is based on interviews, shipping records and photographs taken on site.",
    "It is unclear how many of the shipments reached their destination.",
]
OFF_TOPIC = [
    "The city council approved a budget of {money} for public libraries on {day}.",
    "The home side won {score} after a late goal in the second half, the coach said.",
    "Forecasters expect heavy rain across the region this weekend, with temperatures near {temp} degrees.",
    "Shares in the retailer rose {pct} percent after it reported stronger holiday sales.",
    "The festival will return next summer with more than {count} performers and food stalls.",
    "Residents complained about delays on the commuter line during the morning rush.",
    "The university announced a new scholarship for students in engineering and medicine.",
    "Local farmers said the harvest was better than expected despite a dry spring.",
    "The museum's new exhibition opens on {day} and runs until the end of the year.",
    "Officials said the bridge repairs would be finished ahead of schedule.",
    "The central bank left interest rates unchanged, citing steady inflation.",
    "Tickets for the concert sold out within an hour, the organisers said.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass(frozen=True)
class Vocabulary:
    states: list[str]
    groups: list[str]
    weapons: list[str]
    ports: list[str]


def vocabulary() -> Vocabulary:
    """Surface forms from the gazetteer, so the extractor meets names it knows."""
    gazetteer = load_gazetteer()
    actors = gazetteer.actors
    states = [actors[code].name for code in SUPPLIERS if code in actors]
    recipients = [a.name for a in actors.values() if a.kind == "group"]
    weapons = [w.designation for w in gazetteer.weapons]
    ports = [p.name for p in gazetteer.places if p.kind == "port"]
    return Vocabulary(states, recipients, weapons, ports)


def report(rng: random.Random, vocab: Vocabulary) -> str:
    """One arms-trade article: about one sentence in three reports a transfer."""
    supplier = rng.choice(vocab.states)
    recipient = rng.choice(vocab.groups + vocab.states)
    title = f"{supplier} and {recipient}: new evidence of arms transfers"
    paragraphs = []
    for _ in range(rng.randint(5, 9)):
        sentences = []
        for _ in range(rng.randint(4, 6)):
            template = rng.choice(ARMS if rng.random() < 0.35 else BACKGROUND)
            sentences.append(_fill(template, rng, vocab, supplier, recipient))
        paragraphs.append(" ".join(sentences))
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def off_topic(rng: random.Random) -> str:
    """One article about something else entirely."""
    paragraphs = []
    for _ in range(rng.randint(5, 9)):
        sentences = [
            rng.choice(OFF_TOPIC).format(
                money=f"${rng.randint(2, 90)} million",
                day=rng.choice(DAYS),
                score=f"{rng.randint(1, 4)}-{rng.randint(0, 3)}",
                temp=rng.randint(5, 30),
                pct=rng.randint(1, 9),
                count=rng.randint(50, 400),
            )
            for _ in range(rng.randint(4, 6))
        ]
        paragraphs.append(" ".join(sentences))
    return "Around town this week\n\n" + "\n\n".join(paragraphs) + "\n"


def _fill(
    template: str, rng: random.Random, vocab: Vocabulary, supplier: str, recipient: str
) -> str:
    if rng.random() < 0.3:  # articles mention other parties too
        supplier = rng.choice(vocab.states)
    text = template.format(
        supplier=supplier, recipient=recipient, weapon=rng.choice(vocab.weapons),
        qty=rng.choice(QUANT), conv=rng.choice(CONVEY), body=rng.choice(BODIES),
        hedge=rng.choice(HEDGES), year=rng.randint(2005, 2024), day=rng.choice(DAYS),
    ).replace("{port}", rng.choice(vocab.ports))  # fmt: skip
    return text[0].upper() + text[1:]


def articles(count: int, arms_share: float, seed: int) -> Iterator[tuple[str, str]]:
    """(name, text) pairs; exactly round(count * arms_share) are arms-trade reports."""
    rng = random.Random(seed)
    vocab = vocabulary()
    arms = round(count * arms_share)
    kinds = [True] * arms + [False] * (count - arms)
    rng.shuffle(kinds)
    for n, is_arms in enumerate(kinds):
        if is_arms:
            yield f"report_{n:06d}", report(rng, vocab)
        else:
            yield f"news_{n:06d}", off_topic(rng)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--arms-share", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.folder, args.count, args.arms_share, args.seed)


if __name__ == "__main__":
    main()
