"""Signals that should lower trust in a document, each with its evidence and a reason.

Four kinds, cue lists in data/signals: `ai_generated` (an AI-content notice),
`anonymous_source` (a defector, "sources said", unnamed officials), `opinion` (an opinion,
commentary or analysis label at the top), and `party_press_release` (published by a state
organ or party-run outlet, by publisher name, web address or dateline credit). A signal is
a fact about the document, not a verdict: the analyst weighs it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from armstrace.analysis.records import DocumentLike
from armstrace.gazetteer import Gazetteer, load_gazetteer
from armstrace.model.document import Document
from armstrace.signals.cues import PartyCues, PatternCues, SignalCues, load_cues

log = logging.getLogger(__name__)

Where = Literal["title", "text", "publisher", "source"]
_CREDIT_CHARS = 300
"""Dateline credits ("(KCNA)") count only this near the start of the text."""


@dataclass(frozen=True)
class Signal:
    """One reason to trust a document less: what, where (field and span), and why."""

    kind: str
    where: Where
    start: int
    end: int
    evidence: str
    reason: str

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "where": self.where, "start": self.start, "end": self.end,
            "evidence": self.evidence, "reason": self.reason,
        }  # fmt: skip


def detect_signals(
    document: DocumentLike,
    *,
    text: str | None = None,
    cues: SignalCues | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Signal]:
    """Every signal in the document's title, text, publisher and source address.

    `text` is needed for a `DocumentRow` (which carries none); for a `Document` its own
    text is used unless `text` is given. Spans index the field named in `where`.
    """
    cues = cues or load_cues()
    body = text if text is not None else (document.text if isinstance(document, Document) else "")
    found: list[Signal] = []
    for pattern_cues in cues.patterns:
        found.extend(_pattern_signals(pattern_cues, document.title or "", body))
    found.extend(_party_signals(cues.party, document, body, gazetteer or load_gazetteer()))
    log.debug("%s: %d signals", document.stem, len(found))
    return found


def _pattern_signals(cues: PatternCues, title: str, body: str) -> list[Signal]:
    fields: list[tuple[Where, str, int]] = []
    if "title" in cues.places:
        fields.append(("title", title, len(title)))
    if "text" in cues.places:
        fields.append(("text", body, len(body)))
    elif "top" in cues.places:
        fields.append(("text", body, _top_end(body, cues.top_lines)))
    found: list[Signal] = []
    for where, value, limit in fields:
        for pattern in cues.patterns:
            for match in pattern.finditer(value, 0, limit):
                if any(_overlaps(s, where, match) for s in found):
                    continue
                found.append(
                    Signal(
                        cues.kind, where, match.start(), match.end(), match.group(0), cues.reason
                    )
                )
    found.sort(key=lambda s: (s.where != "title", s.start))
    return found[:1] if cues.once else found


def _overlaps(signal: Signal, where: str, match: re.Match[str]) -> bool:
    return signal.where == where and signal.start < match.end() and match.start() < signal.end


def _top_end(body: str, lines: int) -> int:
    """The offset where the first `lines` non-empty lines of the text end."""
    for seen, match in enumerate(re.finditer(r"[^\n]*\S[^\n]*", body), start=1):
        if seen == lines:
            return match.end()
    return len(body)


def _party_signals(
    cues: PartyCues, document: DocumentLike, body: str, gazetteer: Gazetteer
) -> list[Signal]:
    found: list[Signal] = []
    outlets = {o.actor: o for o in cues.outlets}
    publisher = document.publisher or ""
    for actor_id in gazetteer.lookup_actor(publisher) if publisher.strip() else []:
        actor = gazetteer.actors.get(actor_id)
        if actor_id in outlets:
            name = actor.name if actor else actor_id
            why = f"{cues.reason}: {name} speaks for {outlets[actor_id].party}"
        elif actor is not None and actor.kind in cues.agency_kinds:
            why = f"{cues.reason}: {actor.name} is a state organ of {actor.country or 'a state'}"
        else:
            continue
        found.append(Signal(cues.kind, "publisher", 0, len(publisher), publisher, why))
        break
    host = _host(document.source)
    if host:
        for outlet in cues.outlets:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                found.append(_source_signal(cues, document.source, f"an outlet of {outlet.party}"))
                break
        else:
            suffix = next((s for s in cues.domain_suffixes
                           if host.endswith(s) or host == s.lstrip(".")), None)  # fmt: skip
            if suffix is not None:
                found.append(
                    _source_signal(cues, document.source, f"a state web domain ({suffix})")
                )
    top = body[:_CREDIT_CHARS]
    for outlet in cues.outlets:
        for credit in outlet.credits:
            match = re.search(rf"\(\s*{re.escape(credit)}\s*\)", top)
            if match is not None:
                why = f"{cues.reason}: dateline credit of {credit}, which speaks for {outlet.party}"
                found.append(
                    Signal(cues.kind, "text", match.start(), match.end(), match.group(0), why)
                )
                return found
    return found


def _source_signal(cues: PartyCues, source: str | None, what: str) -> Signal:
    value = source or ""
    return Signal(cues.kind, "source", 0, len(value), value, f"{cues.reason}: {what}")


def _host(source: str | None) -> str | None:
    if not source or "://" not in source:
        return None
    host = urlsplit(source).hostname
    return host.lower() if host else None
