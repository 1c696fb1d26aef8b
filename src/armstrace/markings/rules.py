"""Marking rules read from data/markings/*.yml: each turns a regex match into a reading.

Why rules are data: the codes, calibres, prefixes and the year pivot are facts an ordnance
specialist should be able to check and extend without reading Python. A file that is
malformed raises a DataFileError naming the file and key; nothing is read at import.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from armstrace.errors import DataFileError
from armstrace.gazetteer.yamlfile import read_yaml
from armstrace.model.claim import CATEGORIES

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "markings"

_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТУХаеорсух", "ABEKMHOPCTYXaeopcyx")
"""Cyrillic letters that look like Latin ones; folded one to one, so offsets are kept."""
DASHES = "-–‐‑−"


def fold(text: str) -> str:
    """Text with Cyrillic look-alikes as Latin letters and every dash as "-" (same length)."""
    return text.translate(_HOMOGLYPHS).translate({ord(d): "-" for d in DASHES[1:]})


@dataclass(frozen=True)
class MarkingReading:
    """What a marking says, and which rule said so."""

    text: str
    rule: str
    explanation: str
    item: str | None = None
    category: str | None = None
    caliber_mm: float | None = None
    factory: str | None = None
    year: int | None = None
    batch: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text, "item": self.item, "category": self.category,
            "caliber_mm": self.caliber_mm, "factory": self.factory, "year": self.year,
            "batch": self.batch, "rule": self.rule, "explanation": self.explanation,
        }  # fmt: skip


Reader = Callable[[re.Match[str], str], MarkingReading | None]


@dataclass(frozen=True)
class Rule:
    """A compiled pattern (matched on folded text) and how to read a match."""

    name: str
    pattern: re.Pattern[str]
    needs_cue: bool
    read: Reader


@dataclass(frozen=True)
class RuleSet:
    """Every rule in the order they are tried, and the cue words for running text."""

    rules: tuple[Rule, ...]
    cues: re.Pattern[str]
    window: int


@functools.cache
def load_rules(data_dir: Path = DATA_DIR) -> RuleSet:
    """Read and compile every marking rule (cached per folder)."""
    rules = [
        *_item_code_rules(_read(data_dir, "item_codes.yml")),
        *_hangul_rules(_read(data_dir, "hangul.yml")),
        *_lot_rules(_read(data_dir, "lot_codes.yml")),
        *_calibre_rules(_read(data_dir, "calibres.yml")),
    ]
    cues = _read(data_dir, "cues.yml")
    words = _list(cues, "cues", "cues.yml")
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in words) + r")\b", re.I)
    return RuleSet(tuple(rules), pattern, int(cues.get("window", 100)))


def _read(data_dir: Path, name: str) -> Mapping[str, Any]:
    content = read_yaml(data_dir / name, f"markings/{name}")
    if not isinstance(content, dict):
        raise DataFileError(f"markings/{name}", "expected a mapping at the top level")
    return content


def _list(content: Mapping[str, Any], key: str, shown: str) -> list[Any]:
    value = content.get(key)
    if not isinstance(value, list) or not value:
        raise DataFileError(f"markings/{shown}", f"{key}: expected a non-empty list")
    return value


def _field(entry: Any, key: str, shown: str) -> Any:
    if not isinstance(entry, dict) or entry.get(key) in (None, ""):
        raise DataFileError(f"markings/{shown}", f"{key}: missing in {entry!r}")
    return entry[key]


def _category(entry: Any, shown: str) -> str:
    category = str(_field(entry, "category", shown))
    if category not in CATEGORIES:
        raise DataFileError(f"markings/{shown}", f"category: {category!r} is not a claim category")
    return category


def _compile(source: str, shown: str) -> re.Pattern[str]:
    try:
        return re.compile(rf"(?<![\w\-]){source}(?![\w]|-\w)", re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"markings/{shown}", f"pattern {source!r}: {exc}") from exc


@dataclass(frozen=True)
class _ItemCode:
    """Reads a designation: the item is fixed by the code."""

    rule: str
    explanation: str
    item: str
    category: str
    caliber_mm: float | None

    def __call__(self, match: re.Match[str], text: str) -> MarkingReading:
        return MarkingReading(
            text, self.rule, self.explanation, item=self.item, category=self.category,
            caliber_mm=self.caliber_mm,
        )  # fmt: skip


@dataclass(frozen=True)
class _Prefix:
    """Reads a Hangul prefix and calibre; a calibre the class does not have reads nothing."""

    rule: str
    explanation: str
    item: str
    category: str
    calibres: frozenset[float]

    def __call__(self, match: re.Match[str], text: str) -> MarkingReading | None:
        caliber = float(match.group("caliber"))
        if caliber not in self.calibres:
            return None
        return MarkingReading(
            text, self.rule, self.explanation, item=f"{caliber:g} mm {self.item}",
            category=self.category, caliber_mm=caliber,
        )  # fmt: skip


@dataclass(frozen=True)
class _LotCode:
    """Reads factory, year (by the pivot) and batch from the pattern's named groups."""

    rule: str
    explanation: str
    pivot: int

    def __call__(self, match: re.Match[str], text: str) -> MarkingReading:
        return MarkingReading(
            text, self.rule, self.explanation, factory=match.group("factory"),
            year=expand_year(match.group("year"), self.pivot), batch=match.group("batch"),
        )  # fmt: skip


@dataclass(frozen=True)
class _Calibre:
    """Reads a calibre; one that is not a standard calibre reads nothing."""

    rule: str
    explanation: str
    calibres: frozenset[float]

    def __call__(self, match: re.Match[str], text: str) -> MarkingReading | None:
        caliber = float(match.group("caliber").replace(",", "."))
        if caliber not in self.calibres:
            return None
        return MarkingReading(text, self.rule, self.explanation, caliber_mm=caliber)


def _item_code_rules(content: Mapping[str, Any]) -> list[Rule]:
    shown = "item_codes.yml"
    rules = []
    for entry in _list(content, "codes", shown):
        codes = [str(c) for c in _field(entry, "codes", shown)]
        item, category = str(_field(entry, "item", shown)), _category(entry, shown)
        caliber = entry.get("caliber_mm")
        forms = sorted({fold(code) for code in codes}, key=len, reverse=True)
        pieces = ["[-\\s]?".join(map(re.escape, re.split(r"[-\s]+", f))) for f in forms]
        name = f"item-code/{codes[0]}.v1"
        explanation = f"Soviet/Russian designation {' = '.join(codes)}: {item}"
        reader = _ItemCode(
            name, explanation, item, category, float(caliber) if caliber is not None else None
        )
        rules.append(Rule(name, _compile("|".join(pieces), shown), False, reader))
    return rules


def _hangul_rules(content: Mapping[str, Any]) -> list[Rule]:
    shown = "hangul.yml"
    rules = []
    for entry in _list(content, "prefixes", shown):
        prefix = str(_field(entry, "prefix", shown))
        term, meaning = _field(entry, "term", shown), _field(entry, "meaning", shown)
        attested = "attested in reporting" if entry.get("attested") else "not yet attested"
        name = f"hangul/{prefix}.v1"
        reader = _Prefix(
            rule=name,
            explanation=(
                f"Korean {prefix} = {term}, {meaning}; the number is the calibre in mm ({attested})"
            ),
            item=str(_field(entry, "item", shown)),
            category=_category(entry, shown),
            calibres=frozenset(float(c) for c in _field(entry, "calibres", shown)),
        )
        pattern = _compile(rf"{re.escape(prefix)}\s?-\s?(?P<caliber>\d{{2,3}})", shown)
        rules.append(Rule(name, pattern, False, reader))
    return rules


def _lot_rules(content: Mapping[str, Any]) -> list[Rule]:
    shown = "lot_codes.yml"
    pivot = content.get("pivot")
    if not isinstance(pivot, int) or not 0 <= pivot <= 99:
        raise DataFileError(f"markings/{shown}", f"pivot: expected 0..99, not {pivot!r}")
    years = f"two-digit years 00-{pivot:02d} are 20xx, {pivot + 1:02d}-99 are 19xx"
    rules = []
    for entry in _list(content, "rules", shown):
        name = str(_field(entry, "name", shown))
        pattern = _compile(str(_field(entry, "pattern", shown)).replace("[-–]", "-"), shown)
        missing = {"factory", "year", "batch"} - set(pattern.groupindex)
        if missing:
            raise DataFileError(
                f"markings/{shown}", f"{name}: pattern lacks groups {sorted(missing)}"
            )
        reader = _LotCode(name, f"{_field(entry, 'explanation', shown)}; {years}", pivot)
        rules.append(Rule(name, pattern, bool(entry.get("needs_cue", True)), reader))
    return rules


def expand_year(digits: str, pivot: int) -> int:
    """A two-digit year by the pivot: "88" → 1988, "23" → 2023 (pivot 29); four digits kept."""
    value = int(digits)
    if len(digits) >= 4:
        return value
    return 2000 + value if value <= pivot else 1900 + value


def _calibre_rules(content: Mapping[str, Any]) -> list[Rule]:
    shown = "calibres.yml"
    known = frozenset(float(c) for c in _list(content, "calibres", shown))
    rules = []
    for entry in _list(content, "rules", shown):
        name = str(_field(entry, "name", shown))
        pattern = _compile(str(_field(entry, "pattern", shown)).replace("[-–]", "-"), shown)
        reader = _Calibre(name, str(_field(entry, "explanation", shown)), known)
        rules.append(Rule(name, pattern, bool(entry.get("needs_cue", False)), reader))
    return rules
