"""Cut a document's text into runs, each knowing which claims' evidence covers it.

Why runs and not HTML: the reader page and its script render each run as a text node (inside
a <mark> when claims cover it), so document text is never parsed as markup. Claims from one
sentence often share a span; a run lists every claim that covers it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from armstrace.store import StoredClaim


@dataclass(frozen=True)
class Run:
    """text[start:end], covered by the evidence of `claim_ids` (empty: plain text)."""

    start: int
    end: int
    text: str
    claim_ids: tuple[str, ...] = ()
    first_of: tuple[str, ...] = ()
    """Claims whose evidence starts in this run (the anchor a link to the claim jumps to)."""


def runs(text: str, claims: Iterable[StoredClaim]) -> list[Run]:
    """The whole text as consecutive runs; evidence spans outside the text are clipped."""
    spans = []
    for claim in claims:
        start = max(0, min(claim.evidence_start, len(text)))
        end = max(start, min(claim.evidence_end, len(text)))
        if end > start:
            spans.append((start, end, claim.id))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    result = []
    anchored: set[str] = set()
    for start, end in pairwise(cuts):
        covering = tuple(cid for s, e, cid in spans if s <= start and end <= e)
        first = tuple(cid for cid in covering if cid not in anchored)
        anchored.update(first)
        result.append(Run(start, end, text[start:end], covering, first))
    return result
