"""What the assembler remembers while it reads one document, shared by every reading step.

The steps (seizures, production, transfers, tables, epithets, denials) are mixins of one
`Assembler`; the attributes they share are declared here once, with their types, so each step
can be read, and type-checked, on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from armstrace.model.claim import Claim, Conveyance, When
from armstrace.nlp.anaphora import AnaphoraState
from armstrace.nlp.context import DocumentMentions, scan_document
from armstrace.nlp.items import ItemEntry
from armstrace.nlp.mentions import ItemMention
from armstrace.nlp.quantities import SUPPORT_CATEGORIES, BoundQuantity
from armstrace.nlp.sentences import Sentence
from armstrace.nlp.tables import Table
from armstrace.parse.date import DateResolver


@dataclass
class Frame:
    """One interdiction being described across sentences."""

    paragraph: int
    evidence: tuple[int, int]
    seized_by: str | None = None
    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    conveyance: Conveyance | None = None
    when: When | None = None
    hedge: str = "confirmed"
    source: str | None = None
    concealment: str | None = None
    entries: list[tuple[ItemEntry, tuple[int, int]]] = field(default_factory=list)
    quantities: list[tuple[BoundQuantity, tuple[int, int]]] = field(default_factory=list)
    made_by: list[str] = field(default_factory=list)
    idle: int = 0
    last_index: int = 0
    end_user_set: bool = False
    origins: list[str] = field(default_factory=list)
    origins_cover: bool = True  # every item so far carries the same maker


@dataclass
class Flow:
    """The parties of a flow just read, lent to later sentences that name only a figure."""

    suppliers: list[str]
    recipients: list[str]
    sentence: int
    source: str | None = None
    goods: list[ItemEntry] = field(default_factory=list)  # what was moved, for "its systems"


def recent(flow: Flow | None, index: int, within: int) -> Flow | None:
    """`flow` if it was read at most `within` sentences before sentence `index`."""
    return flow if flow and index - flow.sentence <= within else None


class ReadingState:
    """The document, its mentions, and what has been read of it so far."""

    def __init__(
        self, text: str, doc_id: str, published: str | None = None, deadline: float | None = None
    ) -> None:
        self.deadline = deadline  # time.monotonic() past which reading stops (Overtime)
        self.text = text
        self.doc_id = doc_id
        self.dates = DateResolver(published=published)
        self.published = published
        self.mentions: DocumentMentions = scan_document(text)
        self.claims: list[Claim] = []
        self.frame: Frame | None = None
        self.closed: Frame | None = None  # the last frame closed, reopened by "the seizure"
        self.flow: Flow | None = None
        self.unit_flows: dict[str, Flow] = {}  # the last flow counted in containers, tons ...
        self.support_flow: Flow | None = None
        self.flows: Counter[tuple[str, str]] = Counter()
        self.last_unit: str | None = None
        self.last_subject: str | None = None
        self.cargo_origin: str | None = None
        self.mortar_bombs = bool(re.search(r"\bmortar\s+(?:bombs?|shells?|rounds?)\b", text, re.I))
        self.sentences: list[Sentence] = []
        self.table: Table | None = None
        self.anaphora = AnaphoraState()
        states = [(n, a) for a, n in self.mentions.counts.items() if a.isupper() and len(a) == 2]
        self.anaphora.home = max(states)[1] if states else None
        self.previous_caption: tuple[str, ItemMention] | None = None
        self.topic: tuple[int, str] | None = None  # a short sentence naming one party, its index

    def _dominant(self) -> tuple[str, str] | None:
        """The (supplier, recipient) pair read most often so far."""
        return self.flows.most_common(1)[0][0] if self.flows else None

    def _one_kind_moved(self, index: int, within: int) -> Flow | None:
        """The flow read at most `within` sentences before `index`, if it moved one kind of
        goods: what "its systems", "four more" or "the main source" refer back to."""
        flow = recent(self.flow, index, within)
        return flow if flow is not None and len(flow.goods) == 1 else None

    def _goods_between(self, start: int, end: int) -> list[ItemMention]:
        """Item mentions in [start, end) that are goods ("Yemeni forces" are not)."""
        return [
            i
            for i in self.mentions.between("items", start, end)
            if i.category not in SUPPORT_CATEGORIES
        ]
