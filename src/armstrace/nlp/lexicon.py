"""Load the cue-word tables in data/lexicon/ and compile them into regexes, once.

Why regexes over the raw text: evidence offsets must index the document's text exactly, and a
compiled alternation scans a whole article in one pass (no per-sentence model loading).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from armstrace.errors import DataFileError
from armstrace.nlp.phrases import PhraseMatcher


def _load(name: str) -> Any:
    path = resources.files("armstrace") / "data" / "lexicon" / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"data/lexicon/{name}", f"not valid YAML: {exc}") from exc


def grouped_alternation(
    phrases: list[str], body: Callable[[str], str], *, ignore_case: bool = False
) -> str:
    """`"|".join(body(p) for p in phrases)`, with the phrases gathered under their first letter.

    Python's `re` tries the alternatives of a group one by one at every position; under a shared
    first letter it tests one character per letter instead, which makes long cue lists several
    times faster to search. At a given position only phrases with the letter found there can
    match, and they keep their order, so the match is the same. When a phrase does not start with
    a letter or digit, or two first letters differ only in case (unless `ignore_case`: the pattern
    is compiled case-insensitive, so they are one letter), the plain alternation is kept."""
    firsts = [p[:1] for p in phrases]
    if not phrases or not all(c.isalnum() and c.isascii() for c in firsts):
        return "|".join(body(p) for p in phrases)
    if ignore_case:  # the pattern is matched case-insensitively: "S" and "s" are one letter
        firsts = [c.lower() for c in firsts]
    elif len({c.lower() for c in firsts}) != len(set(firsts)):
        return "|".join(body(p) for p in phrases)
    groups: dict[str, list[str]] = {}
    for first, phrase in zip(firsts, phrases, strict=True):
        groups.setdefault(first, []).append(body(phrase[1:]))
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())


def _flexible(phrase: str) -> str:
    body = re.escape(phrase)
    return body.replace(r"\ ", r"[\s\u00a0]+").replace(r"\-", r"[-\u2010\u2011\u2013\s]?")


def phrase_pattern(phrases: list[str], *, plural: bool = False) -> str:
    """One alternation, longest first, whitespace and hyphens flexible, whole words."""
    ordered = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not ordered:
        return r"(?!x)x"
    alternation = grouped_alternation(ordered, _flexible)
    ending = r"(?:s|es)?" if plural else ""
    left = r"(?<![\w-])"
    right = r"(?![\w])"
    return left + "(?:(?:" + alternation + ")" + ending + ")" + right


def compile_phrases(phrases: list[str], *, plural: bool = False) -> PhraseMatcher:
    """A case-insensitive matcher for a cue list, scanning each document once."""
    return PhraseMatcher([str(p) for p in phrases if p], lower=True, plural=plural)


@dataclass(frozen=True)
class Lexicon:
    """Every cue table, compiled. Build with `load_lexicon()`."""

    item_terms: tuple[tuple[str, str | None], ...]  # (term, category or None)
    items: dict[str, Any]
    triggers: dict[str, Any]
    hedges: dict[str, list[str]]
    attribution: dict[str, list[str]]
    roles: dict[str, list[str]]
    conveyance: dict[str, list[str]]
    concealment: dict[str, list[str]]
    quantities: dict[str, Any]
    not_parties: tuple[str, ...]  # names that hold a demonym yet name no party
    state_epithets: tuple[tuple[str, tuple[str, ...]], ...]  # ("Gulf state", (AE, SA, ...))


@cache
def load_lexicon() -> Lexicon:
    items = _load("items.yml")
    terms: list[tuple[str, str | None]] = []
    for entry in items:
        for term in entry["terms"]:
            terms.append((str(term), entry["category"]))
    return Lexicon(
        item_terms=tuple(terms),
        items={"entries": items},
        triggers=_load("triggers.yml"),
        hedges=_load("hedges.yml"),
        attribution=_load("attribution.yml"),
        roles=_load("roles.yml"),
        conveyance=_load("conveyance.yml"),
        concealment=_load("concealment.yml"),
        quantities=_load("quantities.yml"),
        not_parties=tuple(str(name) for name in _load("not_parties.yml")),
        state_epithets=tuple(
            (str(phrase), tuple(str(s) for s in entry["states"]))
            for entry in _load("state_epithets.yml")
            for phrase in entry["phrases"]
        ),
    )
