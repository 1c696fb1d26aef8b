"""Score predicted claims against gold claims, level by level (claims.md, "How it is scored").

Why our own scorer next to the official one (shared/eval/score.py): `armstrace evaluate` has to
say *why* a figure is what it is — which gold tuples were missed and which predictions were
false alarms — so it keeps the tuples, not only the counts. Its figures must equal the official
scorer's exactly; a test runs both on the same input. Claims are plain spec records (dicts), so
gold files, `extract` output and stored claims are all scored the same way.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from armstrace.errors import InputError, Unreadable

LEVELS = ("relations", "items", "quantities", "interdictions")
"""The scored levels, in the order the official scorer prints them."""

Record = Mapping[str, Any]
ScoredTuple = tuple[Any, ...]

_QUANTITY_TOLERANCE = 0.01
_VESSEL_PREFIX = re.compile(r"^(?:mv|m/v|m\.v\.)\s+")
_YEAR = re.compile(r"\d{4}")
_SPACES = re.compile(r"\s+")


def normalise_actor(actor: object) -> str | None:
    """Actor ids compare case-blind: two letters are a state code (upper), the rest lower."""
    if actor is None:
        return None
    text = str(actor).strip()
    return text.upper() if len(text) == 2 and text.isalpha() else text.lower()


def fold_spaces(text: str) -> str:
    """Whitespace-folded text, so line breaks inside an evidence span do not matter."""
    return _SPACES.sub(" ", text).strip()


def _category(record: Record) -> str | None:
    return (record.get("item") or {}).get("category") or None


def _vessel(record: Record) -> str | None:
    name = (record.get("conveyance") or {}).get("name")
    if not name:
        return None
    return _VESSEL_PREFIX.sub("", _SPACES.sub(" ", name.strip().lower()))


def _year(when: object) -> str | None:
    if isinstance(when, dict):
        when = when.get("start") or when.get("end")
    if not when:
        return None
    found = _YEAR.match(str(when))
    return found.group(0) if found else None


def claim_tuples(record: Record) -> dict[str, ScoredTuple]:
    """The tuples one claim contributes, by level; levels a claim does not reach are absent."""
    kind = record.get("type")
    supplier = normalise_actor(record.get("supplier"))
    recipient = normalise_actor(record.get("recipient"))
    category = _category(record)
    tuples: dict[str, ScoredTuple] = {
        "relations": (kind, supplier, recipient),
        "items": (kind, supplier, recipient, category),
    }
    quantity = record.get("quantity") or {}
    value = quantity.get("value")
    if isinstance(value, int | float):
        tuples["quantities"] = (
            kind,
            supplier,
            recipient,
            category,
            quantity.get("unit"),
            float(value),
        )
    if kind == "interdiction":
        tuples["interdictions"] = (_vessel(record), _year(record.get("when")))
    return tuples


@dataclass(frozen=True)
class LevelResult:
    """One level of one document: how many tuples matched, and the ones that did not."""

    hits: int
    missed: tuple[ScoredTuple, ...]
    false_alarms: tuple[ScoredTuple, ...]

    @property
    def predicted(self) -> int:
        return self.hits + len(self.false_alarms)

    @property
    def gold(self) -> int:
        return self.hits + len(self.missed)


@dataclass(frozen=True)
class DocumentComparison:
    """Gold against prediction for one document, with the grounding count."""

    doc: str
    levels: Mapping[str, LevelResult]
    claims: int
    grounded: int


@dataclass(frozen=True)
class Figures:
    """Micro-averaged counts of one level over all documents."""

    hits: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded as the official scorer rounds them."""
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "hits": self.hits,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class Scores:
    """The result of one evaluation: figures per level, grounding, and per-document detail."""

    levels: Mapping[str, Figures]
    grounded: float | None
    documents: tuple[DocumentComparison, ...]

    def to_dict(self) -> dict[str, Any]:
        """The official scorer's `--json` object (levels, then `grounded` if texts were given)."""
        out: dict[str, Any] = {level: self.levels[level].as_dict() for level in LEVELS}
        if self.grounded is not None:
            out["grounded"] = self.grounded
        return out


def _sort_key(tup: ScoredTuple) -> tuple[str, ...]:
    return tuple("" if value is None else str(value) for value in tup)


def _within_tolerance(predicted: float, gold: float) -> bool:
    return abs(predicted - gold) <= _QUANTITY_TOLERANCE * max(abs(gold), 1e-9)


def _compare_quantities(
    gold: Iterable[ScoredTuple], predicted: Iterable[ScoredTuple]
) -> LevelResult:
    """Greedy one-to-one matching with a 1% tolerance on the value.

    Greedy matching depends on order, so both sides are deduplicated and visited in the
    official scorer's order (values compared as strings, None as "").
    """
    gold_list = sorted(set(gold), key=_sort_key)
    unmatched = sorted(set(predicted), key=_sort_key)
    missed: list[ScoredTuple] = []
    for want in gold_list:
        partner = next(
            (
                got
                for got in unmatched
                if got[:5] == want[:5] and _within_tolerance(got[5], want[5])
            ),
            None,
        )
        if partner is None:
            missed.append(want)
        else:
            unmatched.remove(partner)
    hits = len(gold_list) - len(missed)
    return LevelResult(hits, tuple(missed), tuple(unmatched))


def _compare_sets(gold: set[ScoredTuple], predicted: set[ScoredTuple]) -> LevelResult:
    return LevelResult(
        hits=len(gold & predicted),
        missed=tuple(sorted(gold - predicted, key=_sort_key)),
        false_alarms=tuple(sorted(predicted - gold, key=_sort_key)),
    )


def _tuples_by_level(records: Sequence[Record]) -> dict[str, list[ScoredTuple]]:
    by_level: dict[str, list[ScoredTuple]] = {level: [] for level in LEVELS}
    for record in records:
        for level, tup in claim_tuples(record).items():
            by_level[level].append(tup)
    return by_level


def _is_grounded(record: Record, folded_text: str | None) -> bool:
    evidence = (record.get("evidence") or {}).get("text") or ""
    return (
        folded_text is not None and bool(evidence.strip()) and fold_spaces(evidence) in folded_text
    )


def compare_document(
    doc: str, gold: Sequence[Record], predicted: Sequence[Record], text: str | None = None
) -> DocumentComparison:
    """Compare one document's claims; `text` (when known) is used to check grounding."""
    gold_tuples = _tuples_by_level(gold)
    predicted_tuples = _tuples_by_level(predicted)
    levels = {
        level: (
            _compare_quantities(gold_tuples[level], predicted_tuples[level])
            if level == "quantities"
            else _compare_sets(set(gold_tuples[level]), set(predicted_tuples[level]))
        )
        for level in LEVELS
    }
    folded = fold_spaces(text) if text is not None else None
    grounded = sum(_is_grounded(record, folded) for record in predicted)
    return DocumentComparison(doc, levels, claims=len(predicted), grounded=grounded)


def score(
    gold: Mapping[str, Sequence[Record]],
    predicted: Mapping[str, Sequence[Record]],
    texts: Mapping[str, str | None] | None = None,
) -> Scores:
    """Score every document that has gold claims; predictions for other documents are ignored.

    `texts` maps a document stem to its extracted text. When given, `grounded` is the share of
    predicted claims whose whitespace-folded evidence occurs in the folded text (a document
    missing from `texts` grounds none of its claims).
    """
    documents = tuple(
        compare_document(doc, claims, predicted.get(doc, ()), texts.get(doc) if texts else None)
        for doc, claims in gold.items()
    )
    levels = {
        level: Figures(
            hits=sum(d.levels[level].hits for d in documents),
            predicted=sum(d.levels[level].predicted for d in documents),
            gold=sum(d.levels[level].gold for d in documents),
        )
        for level in LEVELS
    }
    grounded: float | None = None
    if texts is not None:
        total = sum(d.claims for d in documents)
        grounded = round(sum(d.grounded for d in documents) / total, 3) if total else 0.0
    return Scores(levels, grounded, documents)


def group_by_doc(records: Iterable[Record]) -> dict[str, list[Record]]:
    """Claims grouped by their `doc`, in first-seen order."""
    by_doc: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_doc[str(record.get("doc"))].append(record)
    return dict(by_doc)


def load_claims(path: str | Path) -> dict[str, list[Record]]:
    """Read a JSON-lines claims file (gold or predicted) into claims grouped by document."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(str(path), f"cannot read claims file: {exc}") from exc
    records: list[Record] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {number}: not JSON: {exc}") from exc
        if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
            raise InputError(str(path), f"line {number}: not a claim (an object with a 'doc')")
        records.append(record)
    return group_by_doc(records)
