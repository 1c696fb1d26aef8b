"""The third blind set: the checks every annotated set passes (tests/corpus/gold_checks.py).

These tests never run the extractor: the set is for measuring, once per release candidate.
"""

from __future__ import annotations

from pathlib import Path

from corpus.gold_checks import FullyAnnotatedSetChecks


class TestBlind3Gold(FullyAnnotatedSetChecks):
    folder = Path(__file__).resolve().parent
    words = (550, 900)
    document_count = 8
