"""Decode munition markings: a whole marking (`decode_marking`) or those in a text.

Never a guess: text that no rule reads, or that a rule rejects (a calibre no weapon of that
class has), gives None or nothing. In running text, rules that could also match dates or
quantities (lot codes, "152 mm") are read only with a marking cue ("stencil", "lot",
"marking") in the same sentence; a text that is nothing but the marking needs no cue.
"""

from __future__ import annotations

import logging
import re
from typing import NamedTuple

from armstrace.markings.rules import MarkingReading, RuleSet, fold, load_rules
from armstrace.model.claim import Claim
from armstrace.store.records import StoredClaim

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")

MAX_MARKING_CHARS = 64
"""A marking is short; longer input to `decode_marking` is not one marking."""


class FoundMarking(NamedTuple):
    """A marking found in a text: its character span and what it says."""

    start: int
    end: int
    reading: MarkingReading


def decode_marking(text: str, rules: RuleSet | None = None) -> MarkingReading | None:
    """What one marking says ("방-122", "17-88-1234", "ОФ-462"), or None if no rule reads it."""
    if not isinstance(text, str):
        return None
    marking = " ".join(text.split())
    if not marking or len(marking) > MAX_MARKING_CHARS:
        return None
    folded = fold(marking)
    for rule in (rules or load_rules()).rules:
        match = rule.pattern.fullmatch(folded)
        if match is None:
            continue
        reading = rule.read(match, marking)
        if reading is not None:
            log.debug("%r read by %s", marking, rule.name)
            return reading
    return None


def find_markings(
    text: str, rules: RuleSet | None = None, *, require_cues: bool = True
) -> list[FoundMarking]:
    """Every marking in `text`, in order, as (start, end, reading); overlaps keep the first rule.

    `require_cues=False` reads lot codes and calibres without a cue word: for a short text
    the user says holds only markings ("ОФ-462 17-88-1234").
    """
    if not isinstance(text, str) or not text:
        return []
    ruleset = rules or load_rules()
    folded = fold(text)
    found: list[FoundMarking] = []
    for rule in ruleset.rules:
        for match in rule.pattern.finditer(folded):
            start, end = match.span()
            if any(start < f.end and f.start < end for f in found):
                continue
            if require_cues and rule.needs_cue and not _near_cue(folded, start, end, ruleset):
                continue
            reading = rule.read(match, text[start:end])
            if reading is not None:
                found.append(FoundMarking(start, end, reading))
    return sorted(found, key=lambda f: (f.start, f.end))


def markings_for_claim(claim: str | Claim | StoredClaim) -> list[FoundMarking]:
    """The markings in a claim's evidence text (spans are offsets into that text)."""
    if isinstance(claim, Claim):
        return find_markings(claim.evidence.text)
    if isinstance(claim, StoredClaim):
        return find_markings(claim.evidence_text)
    return find_markings(claim)


def _near_cue(text: str, start: int, end: int, rules: RuleSet) -> bool:
    """A cue word within the window around the match, in the same sentence."""
    before = _SENTENCE_END.split(text[max(0, start - rules.window) : start])[-1]
    after = _SENTENCE_END.split(text[end : end + rules.window])[0]
    return bool(rules.cues.search(before) or rules.cues.search(after))
