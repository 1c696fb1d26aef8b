"""Explain an evaluation: the figures table, then per document what was missed and what was
predicted that the gold does not hold.

Why: a recall of 0.4 says nothing about what to fix; "missed: transfer KP → RU
artillery_ammunition in 004_..." does. Errors are shown at the items and quantities levels,
where a developer can act on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from armstrace.evaluate.score import LEVELS, DocumentComparison, ScoredTuple, Scores

ERROR_LEVELS = ("items", "quantities")
"""Levels whose misses and false alarms are listed per document."""


def format_scores(scores: Scores) -> str:
    """The figures as the official scorer prints them (one row per level, then grounded)."""
    lines = [f"{'level':<14}{'P':>7}{'R':>7}{'F1':>7}{'hits':>7}{'pred':>7}{'gold':>7}"]
    for level in LEVELS:
        fig = scores.levels[level]
        lines.append(
            f"{level:<14}{fig.precision:>7.3f}{fig.recall:>7.3f}{fig.f1:>7.3f}"
            f"{fig.hits:>7}{fig.predicted:>7}{fig.gold:>7}"
        )
    if scores.grounded is not None:
        lines.append(f"{'grounded':<14}{scores.grounded:.3f}")
    return "\n".join(lines)


def format_tuple(level: str, tup: ScoredTuple) -> str:
    """A scored tuple as a developer reads it: `transfer KP → RU mrl 5,000 items`."""
    if level == "interdictions":
        vessel, year = tup
        return f"vessel {vessel or '-'}, year {year or '-'}"
    kind, supplier, recipient, *rest = tup
    parts = [str(kind), f"{supplier or '-'} → {recipient or '-'}"]
    if rest:
        parts.append(rest[0] or "(no category)")
    if len(rest) == 3:
        unit, value = rest[1], rest[2]
        parts.append(f"{format_number(value)} {unit or '(no unit)'}")
    return " ".join(parts)


def format_errors(scores: Scores, levels: Sequence[str] = ERROR_LEVELS) -> str:
    """Per document, each missed gold tuple and each false alarm, at the given levels."""
    blocks = [_document_block(d, levels) for d in scores.documents]
    shown = [block for block in blocks if block]
    if not shown:
        return f"No misses or false alarms at the {' and '.join(levels)} level(s)."
    return "\n\n".join(shown)


def errors_as_dicts(scores: Scores, levels: Sequence[str] = ERROR_LEVELS) -> list[dict[str, Any]]:
    """The same detail as JSON-ready objects (tuples as lists), one per document with errors."""
    out = []
    for comparison in scores.documents:
        entry: dict[str, Any] = {"doc": comparison.doc}
        for level in levels:
            result = comparison.levels[level]
            if result.missed or result.false_alarms:
                entry[level] = {
                    "missed": [list(t) for t in result.missed],
                    "false_alarms": [list(t) for t in result.false_alarms],
                }
        if len(entry) > 1:
            out.append(entry)
    return out


def _document_block(comparison: DocumentComparison, levels: Sequence[str]) -> str:
    lines = []
    for level in levels:
        result = comparison.levels[level]
        lines += [f"  {level:<11} missed       {format_tuple(level, t)}" for t in result.missed]
        lines += [
            f"  {level:<11} false alarm  {format_tuple(level, t)}" for t in result.false_alarms
        ]
    return "\n".join([comparison.doc, *lines]) if lines else ""


def format_number(value: float) -> str:
    """1000000.0 → "1,000,000"; fractions keep their digits (2.5 → "2.5")."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
