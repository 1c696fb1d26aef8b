"""The briefing as plain records: what the HTML template, the PDF and `--format json` show.

Why records and not HTML strings: the web app, the CLI and tests read the same content, and
every sentence carries the numbers of the citations it rests on, so "every sentence cited"
can be checked on the data, not by parsing a page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from armstrace.report.topic import Topic


@dataclass(frozen=True)
class Citation:
    """A note: the document and the exact sentence a statement rests on.

    Claims read from the same sentence share one note (`claim_ids` lists them).
    """

    number: int
    claim_ids: tuple[str, ...]
    doc: str
    document: str
    publisher: str | None
    published: str | None
    url: str | None
    evidence: str
    start: int
    end: int
    placeholder: bool = False
    """The document was imported without its text: the quote is as the export gave it."""


@dataclass(frozen=True)
class Statement:
    """One sentence of the brief and the citations it rests on (empty for counts)."""

    text: str
    citations: tuple[int, ...] = ()


@dataclass(frozen=True)
class FindingView:
    """A finding as the brief shows it: a heading, how well sourced, and its cited sentences."""

    id: str
    heading: str
    sourcing: str
    credibility: int
    credibility_meaning: str
    credibility_reason: str
    credibility_set_by: str
    independent_sources: int
    single_source: bool
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Chart:
    """An estimates chart (inline SVG) for one unit, and the points it could not place."""

    title: str
    unit: str
    svg: str
    caption: str
    undrawn: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class ReliabilityRow:
    """A publisher or asserting body, its grade, and how much of the brief rests on it."""

    name: str
    role: str
    grade: str | None
    meaning: str
    documents: int
    claims: int


@dataclass(frozen=True)
class Brief:
    """Everything a briefing shows, in reading order."""

    topic: Topic
    title: str
    subtitle: str
    prepared: date
    figures: tuple[tuple[str, str], ...]
    key_points: tuple[Statement, ...]
    charts: tuple[Chart, ...]
    contradictions: tuple[Statement, ...]
    findings: tuple[FindingView, ...]
    network_svg: str | None
    network_caption: str
    reliability: tuple[ReliabilityRow, ...]
    citations: tuple[Citation, ...]
    notes: tuple[str, ...] = field(default=())

    def to_record(self) -> dict[str, Any]:
        """JSON-ready, without the SVG drawings (they are in the HTML and PDF)."""
        record = asdict(self)
        record["prepared"] = self.prepared.isoformat()
        record["topic"] = asdict(self.topic) | {"kind": self.topic.kind}
        record["charts"] = [
            {k: v for k, v in asdict(chart).items() if k != "svg"} for chart in self.charts
        ]
        record.pop("network_svg")
        return record
