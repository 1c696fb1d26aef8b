"""Evaluation: score claims against gold annotations and explain the misses.

`score` reproduces the official scorer's figures (shared/eval/score.py); `report` renders
them with per-document misses and false alarms; `run` (imported on its own, as it pulls in the
readers and the extractor) extracts claims from a folder of documents for scoring.
"""

from armstrace.evaluate.report import errors_as_dicts, format_errors, format_scores
from armstrace.evaluate.score import (
    LEVELS,
    DocumentComparison,
    Figures,
    LevelResult,
    Scores,
    claim_tuples,
    load_claims,
    score,
)

__all__ = [
    "LEVELS",
    "DocumentComparison",
    "Figures",
    "LevelResult",
    "Scores",
    "claim_tuples",
    "errors_as_dicts",
    "format_errors",
    "format_scores",
    "load_claims",
    "score",
]
