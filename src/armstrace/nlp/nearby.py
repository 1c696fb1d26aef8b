"""Hand each clause only the mentions of its sentence that can bear on it, found by position."""

from __future__ import annotations

from bisect import bisect_left
from typing import Generic, Protocol, TypeVar

from armstrace.nlp.attribution import Attribution
from armstrace.nlp.mentions import ActorMention, ItemMention

# How far from a clause its sentence's parties, items and asserters still bear on it. Longer
# than any real sentence, so only a run-on "sentence" (a table dump, a list with no full stop)
# is cut into independent stretches: without it, every clause of such a text would look at
# every mention in it, and time would grow with the square of its length.
_CLAUSE_REACH = 1000


class Nearby:
    """A sentence's mentions handed out per clause, those starting within _CLAUSE_REACH of it,
    in their original order (which later steps read as precedence)."""

    def __init__(
        self,
        parties: list[ActorMention],
        items: list[ItemMention],
        attributions: list[Attribution],
    ) -> None:
        self._parties = _ByStart(parties)
        self._items = _ByStart(items)
        self._attributions = _ByStart(attributions)

    def around(
        self, clause: tuple[int, int]
    ) -> tuple[list[ActorMention], list[ItemMention], list[Attribution]]:
        lo, hi = clause[0] - _CLAUSE_REACH, clause[1] + _CLAUSE_REACH
        return (
            self._parties.between(lo, hi),
            self._items.between(lo, hi),
            self._attributions.between(lo, hi),
        )


class _Positioned(Protocol):
    @property
    def start(self) -> int: ...


_T = TypeVar("_T", bound=_Positioned)


class _ByStart(Generic[_T]):
    """Elements with a start offset, found by position in logarithmic time."""

    def __init__(self, elements: list[_T]) -> None:
        self._elements = elements
        self._order = sorted(range(len(elements)), key=lambda i: elements[i].start)
        self._starts = [elements[i].start for i in self._order]

    def between(self, lo: int, hi: int) -> list[_T]:
        if not self._starts or (self._starts[0] >= lo and self._starts[-1] < hi):
            return self._elements
        chosen = self._order[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]
        return [self._elements[i] for i in sorted(chosen)]
