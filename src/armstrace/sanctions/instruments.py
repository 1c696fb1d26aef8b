"""Sanctions instruments read from data/sanctions/*.yml and validated.

Why data: resolutions, decisions and their dates are facts an analyst must be able to check
against the source URL and extend; each entry names its body, dates, scope and source.
A malformed file raises a DataFileError naming the file, the instrument and the key.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from armstrace.analysis.dates import parse_date
from armstrace.errors import DataFileError
from armstrace.gazetteer.yamlfile import read_yaml
from armstrace.model.claim import CATEGORIES

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "sanctions"

NON_MATERIEL = ("training", "construction", "troops")
MATERIEL = tuple(c for c in CATEGORIES if c not in NON_MATERIEL)
"""What `categories: all` means: every claim category that is a thing, not a service."""

ROLES = ("supplier", "recipient")


@dataclass(frozen=True)
class Period:
    """A stretch of time the instrument was in force; `end` None means still in force."""

    start: date
    end: date | None
    note: str | None = None


@dataclass(frozen=True)
class Scope:
    """Whom and what an instrument covers: actors in a role, and item categories.

    A category in `partly` is covered only in part (the flag says "may apply", with the
    reason), even when `categories` is "all".
    """

    actors: frozenset[str]
    roles: frozenset[str]
    categories: frozenset[str]
    partly: frozenset[str]
    partly_reason: str | None


@dataclass(frozen=True)
class Instrument:
    """One resolution, decision, statute or order."""

    id: str
    title: str
    body: str
    adopted: date
    periods: tuple[Period, ...]
    binds: frozenset[str] | None
    """None: binds every state and person; else the actor ids it binds (e.g. EU members)."""
    scope: tuple[Scope, ...]
    summary: str
    source: str

    @property
    def end(self) -> date | None:
        return self.periods[-1].end

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "adopted": self.adopted.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "periods": [
                {"start": p.start.isoformat(), "end": p.end.isoformat() if p.end else None,
                 "note": p.note}
                for p in self.periods
            ],
            "binds": sorted(self.binds) if self.binds is not None else "all",
            "scope": [
                {"actors": sorted(s.actors), "as": sorted(s.roles),
                 "categories": sorted(s.categories), "partly": sorted(s.partly)}
                for s in self.scope
            ],
            "summary": self.summary,
            "source": self.source,
        }  # fmt: skip


@functools.cache
def load_instruments(data_dir: Path = DATA_DIR) -> tuple[Instrument, ...]:
    """Every instrument in the folder's YAML files, in file then entry order (cached)."""
    instruments: list[Instrument] = []
    seen: set[str] = set()
    for path in sorted(data_dir.glob("*.yml")):
        shown = f"sanctions/{path.name}"
        content = read_yaml(path, shown)
        entries = content.get("instruments") if isinstance(content, dict) else None
        if not isinstance(entries, list):
            raise DataFileError(shown, "instruments: expected a list")
        for raw in entries:
            instrument = _instrument(raw, shown)
            if instrument.id in seen:
                raise DataFileError(shown, f"{instrument.id}: id used twice")
            seen.add(instrument.id)
            instruments.append(instrument)
    return tuple(instruments)


def _instrument(raw: Any, shown: str) -> Instrument:
    if not isinstance(raw, dict):
        raise DataFileError(shown, f"expected an instrument mapping, not {raw!r}")
    ident = str(raw.get("id") or "")
    where = f"{shown}: {ident or '(no id)'}"

    def text(key: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise DataFileError(where, f"{key}: missing")
        return " ".join(value.split())

    text("id")
    adopted = _date(raw.get("adopted"), where, "adopted")
    periods = tuple(_period(p, where) for p in raw.get("periods") or [])
    if not periods:
        end = raw.get("end")
        periods = (Period(adopted, _date(end, where, "end") if end is not None else None),)
    for a, b in itertools.pairwise(periods):
        if a.end is None or a.end > b.start:
            raise DataFileError(where, "periods: must be in order and not overlap")
    binds = raw.get("binds", "all")
    scope = raw.get("scope")
    if not isinstance(scope, list) or not scope:
        raise DataFileError(where, "scope: expected a non-empty list")
    return Instrument(
        id=ident,
        title=text("title"),
        body=text("body"),
        adopted=adopted,
        periods=periods,
        binds=None if binds == "all" else frozenset(_strings(binds, where, "binds")),
        scope=tuple(_scope(s, where) for s in scope),
        summary=text("summary"),
        source=text("source"),
    )


def _date(value: Any, where: str, key: str) -> date:
    span = parse_date(value)
    if span is None or span.first != span.last:
        raise DataFileError(where, f"{key}: expected a date YYYY-MM-DD, not {value!r}")
    return span.first


def _period(raw: Any, where: str) -> Period:
    if not isinstance(raw, dict):
        raise DataFileError(where, f"periods: expected a mapping, not {raw!r}")
    end = raw.get("end")
    return Period(
        start=_date(raw.get("start"), where, "periods.start"),
        end=_date(end, where, "periods.end") if end is not None else None,
        note=raw.get("note"),
    )


def _strings(value: Any, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
        raise DataFileError(where, f"{key}: expected a list of strings, not {value!r}")
    return value


def _categories(value: Any, where: str, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if value == "all":
        return frozenset(MATERIEL)
    found = _strings(value, where, key)
    unknown = sorted(set(found) - set(CATEGORIES))
    if unknown:
        raise DataFileError(where, f"{key}: unknown categories {unknown}")
    return frozenset(found)


def _scope(raw: Any, where: str) -> Scope:
    if not isinstance(raw, Mapping):
        raise DataFileError(where, f"scope: expected a mapping, not {raw!r}")
    roles = _strings(raw.get("as"), where, "scope.as")
    if set(roles) - set(ROLES):
        raise DataFileError(where, f"scope.as: roles are {ROLES}, not {roles}")
    partly = _categories(raw.get("partly"), where, "scope.partly")
    categories = _categories(raw.get("categories"), where, "scope.categories") - partly
    if not categories and not partly:
        raise DataFileError(where, "scope: names no categories")
    reason = raw.get("partly_reason")
    if partly and not reason:
        raise DataFileError(where, "scope.partly_reason: missing")
    return Scope(
        actors=frozenset(_strings(raw.get("actors"), where, "scope.actors")),
        roles=frozenset(roles),
        categories=categories,
        partly=partly,
        partly_reason=" ".join(str(reason).split()) if reason else None,
    )
