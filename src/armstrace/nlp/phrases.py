"""Dictionary matching with Aho-Corasick: every gazetteer name and lexicon term in one pass.

Why not one big regex alternation: Python's `re` tries each alternative at each position, which
made scanning the thousands of names and terms the slowest step of extraction. The automaton
finds all of them in time linear in the text. Matching is on a folded copy of the text with the
same length, so offsets stay valid for the original.
"""

from __future__ import annotations

import re
import threading
import weakref
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


_Hit = tuple[int, int, str, object]  # (end index, length, key, value) as the automaton reports
_Entry = tuple[int, int, str, object]  # (owner, length, key, value) stored in the automaton


class _SharedAutomaton:
    """One automaton for every phrase index of a case mode (lower-cased or not).

    Extraction asks some 25 indexes (names, goods, cue lists) about the same document; scanning
    it once for all of them, and handing each index its own hits, saves the other passes. Built
    lazily, and again when an index joins later."""

    def __init__(self, lower: bool) -> None:
        self.lower = lower
        self._entries: dict[str, list[_Entry]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._lock = threading.Lock()
        self._local = threading.local()
        self._owners = 0

    def join(self, entries: dict[str, object]) -> int:
        """Add one index's keys; returns the index's owner number."""
        with self._lock:
            owner = self._owners
            self._owners += 1
            for key, value in entries.items():
                self._entries.setdefault(key, []).append((owner, len(key), key, value))
            self._automaton = None
        return owner

    def leave(self, owner: int) -> None:
        """Drop a collected index's keys (the automaton is rebuilt when next needed)."""
        with self._lock:
            for key in list(self._entries):
                kept = [entry for entry in self._entries[key] if entry[0] != owner]
                if kept:
                    self._entries[key] = kept
                else:
                    del self._entries[key]
            self._automaton = None

    def _built(self) -> ahocorasick.Automaton:
        automaton = self._automaton
        if automaton is None:
            with self._lock:
                if self._automaton is None:
                    built = ahocorasick.Automaton()
                    for key, owners in self._entries.items():
                        built.add_word(key, tuple(owners))
                    if self._entries:
                        built.make_automaton()
                    self._automaton = built
                automaton = self._automaton
        return automaton

    def hits(self, text: str) -> tuple[str, dict[int, list[_Hit]]]:
        """The folded text and every index's raw hits in it (the last text's are kept)."""
        if not self._entries:
            return fold(text, lower=self.lower), {}
        automaton = self._built()
        cached = getattr(self._local, "cached", None)
        if cached is not None and cached[0] is text and cached[1] is automaton:
            return cached[2], cached[3]
        folded = fold(text, lower=self.lower)
        by_owner: dict[int, list[_Hit]] = {}
        for end_index, owners in automaton.iter(folded):
            for owner, length, key, value in owners:
                found = by_owner.get(owner)
                if found is None:
                    found = by_owner[owner] = []
                found.append((end_index, length, key, value))
        self._local.cached = (text, automaton, folded, by_owner)
        return folded, by_owner


_SHARED: dict[tuple[str, bool], _SharedAutomaton] = {}
_SHARED_LOCK = threading.Lock()


def _shared(group: str, lower: bool) -> _SharedAutomaton:
    with _SHARED_LOCK:
        if (group, lower) not in _SHARED:
            _SHARED[group, lower] = _SharedAutomaton(lower)
        return _SHARED[group, lower]


class PhraseIndex:
    """Maps every variant of every phrase to a value; `find` returns longest whole-word hits.

    Indexes of one `group` are scanned together: extraction's share one pass per document."""

    def __init__(
        self,
        entries: Iterable[tuple[str, object]],
        *,
        lower: bool,
        plural: bool = False,
        group: str = "extraction",
        variant: re.Pattern[str] | None = None,
    ) -> None:
        self.lower = lower
        self.variant = variant  # a model suffix a key ending in a digit may take ("F-16" + "C/D")
        seen: dict[str, object] = {}
        for phrase, value in entries:
            for form in variants(phrase, plural=plural):
                key = form.lower() if lower else form
                if key and key not in seen:
                    seen[key] = value
        self._empty = not seen
        self._shared = _shared(group, lower)
        self._owner = self._shared.join(seen) if seen else -1
        if seen:
            weakref.finalize(self, self._shared.leave, self._owner)

    def find(self, text: str) -> list[tuple[int, int, str, object]]:
        """(start, end, matched key, value), longest first, not overlapping, on word boundaries."""
        if self._empty:
            return []
        folded, by_owner = self._shared.hits(text)
        hits: list[tuple[int, int, str, object]] = []
        for end_index, length, key, value in by_owner.get(self._owner, ()):
            start = end_index - length + 1
            end = end_index + 1
            if (
                start > 0
                and (_WORD.match(folded[start - 1]) or folded[start - 1] == "-")
                and _WORD.match(folded[start])
            ):
                continue
            if end < len(folded) and _WORD.match(folded[end]) and _WORD.match(folded[end - 1]):
                suffix = (
                    self.variant.match(folded, end) if self.variant and key[-1].isdigit() else None
                )
                if suffix is None:
                    continue
                end = suffix.end()  # "F-16C/D", "Su-30MK2": a model of the system named
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
