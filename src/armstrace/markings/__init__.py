"""Munition markings: lot codes, Korean prefixes, calibres and Soviet item codes, decoded.

    from armstrace.markings import decode_marking, find_markings
    decode_marking("방-122")        # 122 mm rocket for a multiple rocket launcher
    decode_marking("17-88-1234")    # factory 17, year 1988, batch 1234
    find_markings(document_text)    # [(start, end, reading), ...]

Rules are data in src/armstrace/data/markings/*.yml (see SOURCES.md there).
"""

from armstrace.markings.decode import (
    FoundMarking,
    decode_marking,
    find_markings,
    markings_for_claim,
)
from armstrace.markings.rules import MarkingReading, RuleSet, expand_year, load_rules

__all__ = [
    "FoundMarking",
    "MarkingReading",
    "RuleSet",
    "decode_marking",
    "expand_year",
    "find_markings",
    "load_rules",
    "markings_for_claim",
]
