"""Dictionary matching with Aho-Corasick: every gazetteer name and lexicon term in one pass.

Why not one big regex alternation: Python's `re` tries each alternative at each position, which
made scanning the thousands of names and terms the slowest step of extraction. The automaton
finds all of them in time linear in the text. Matching is on a folded copy of the text with the
same length, so offsets stay valid for the original.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import ahocorasick

_FOLD = str.maketrans(
    {
        "\u00a0": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\t": " ",
        "\n": " ",
    }
)
_WORD = re.compile(r"[\w]")


_REPLACEMENTS = (("\u00a0", " "), ("\u2010", "-"), ("\u2011", "-"), ("\u2013", "-"), ("\u2019", "'"),
                 ("\u2018", "'"), ("\t", " "), ("\n", " "))  # fmt: skip
_FOLDED = threading.local()


def fold(text: str, *, lower: bool) -> str:
    """Same-length normal form: spaces, hyphens and apostrophes unified; optionally lower case.

    The last document's two forms are kept, since every matcher folds the same text."""
    cached: tuple[str, str, str] | None = getattr(_FOLDED, "value", None)
    if cached is not None and cached[0] is text:
        return cached[2] if lower else cached[1]
    folded = text
    for old, new in _REPLACEMENTS:
        if old in folded:
            folded = folded.replace(old, new)
    lowered = folded.lower()
    if len(lowered) != len(folded):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    _FOLDED.value = (text, folded, lowered)
    return lowered if lower else folded


def variants(phrase: str, *, plural: bool) -> set[str]:
    """Surface variants: hyphen or space or nothing between parts, and plural endings."""
    base = re.sub(r"\s+", " ", phrase.translate(_FOLD).strip())
    forms = {base}
    if "-" in base:
        forms |= {base.replace("-", " "), base.replace("-", "")}
    elif " " in base and len(base.split()) == 2:
        forms.add(base.replace(" ", "-"))
    if plural:
        forms |= {f + "s" for f in forms} | {f + "es" for f in forms}
    return forms


class PhraseIndex:
    """Maps every variant of every phrase to a value; `find` returns longest whole-word hits."""

    def __init__(
        self, entries: Iterable[tuple[str, object]], *, lower: bool, plural: bool = False
    ) -> None:
        self.lower = lower
        self._automaton = ahocorasick.Automaton()
        seen: dict[str, object] = {}
        for phrase, value in entries:
            for form in variants(phrase, plural=plural):
                key = form.lower() if lower else form
                if key and key not in seen:
                    seen[key] = value
        for key, value in seen.items():
            self._automaton.add_word(key, (len(key), key, value))
        if seen:
            self._automaton.make_automaton()
        self._empty = not seen

    def find(self, text: str) -> list[tuple[int, int, str, object]]:
        """(start, end, matched key, value), longest first, not overlapping, on word boundaries."""
        if self._empty:
            return []
        folded = fold(text, lower=self.lower)
        hits: list[tuple[int, int, str, object]] = []
        for end_index, (length, key, value) in self._automaton.iter(folded):
            start = end_index - length + 1
            end = end_index + 1
            if (
                start > 0
                and (_WORD.match(folded[start - 1]) or folded[start - 1] == "-")
                and _WORD.match(folded[start])
            ):
                continue
            if end < len(folded) and _WORD.match(folded[end]) and _WORD.match(folded[end - 1]):
                continue
            hits.append((start, end, key, value))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[tuple[int, int, str, object]] = []
        for hit in hits:
            if kept and hit[0] < kept[-1][1]:
                if hit[1] - hit[0] > kept[-1][1] - kept[-1][0]:
                    kept[-1] = hit
                continue
            kept.append(hit)
        return kept


class PhraseMatch:
    """The part of `re.Match` the cue code uses: start(), end(), group(0)."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, index: int = 0) -> str:
        return self._text


class PhraseMatcher:
    """A phrase list with the `finditer`/`search` interface of a compiled regex.

    The whole document is scanned once (Aho-Corasick) and later calls for spans of the same text
    slice that scan, so asking each sentence and clause for its cues costs no rescanning.
    """

    def __init__(self, phrases: Iterable[str], *, lower: bool = True, plural: bool = False) -> None:
        self._index = PhraseIndex(((p, None) for p in phrases), lower=lower, plural=plural)
        self._local = threading.local()

    def _scan(self, text: str) -> tuple[list[int], list[PhraseMatch]]:
        cached = getattr(self._local, "cached", None)
        if cached is not None and cached[0] is text:
            return cached[1], cached[2]
        matches = [PhraseMatch(s, e, text[s:e]) for s, e, _k, _v in self._index.find(text)]
        starts = [m.start() for m in matches]
        self._local.cached = (text, starts, matches)
        return starts, matches

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[PhraseMatch]:
        end = len(text) if endpos is None else endpos
        starts, matches = self._scan(text)
        for match in matches[bisect_left(starts, pos) :]:
            if match.start() >= end:
                break
            if match.end() <= end:
                yield match

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> PhraseMatch | None:
        return next(self.finditer(text, pos, endpos), None)
