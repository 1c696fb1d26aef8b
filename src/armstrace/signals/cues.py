"""Cue lists for document signals, read from data/signals/*.yml and compiled once.

Why data: what counts as an AI notice, an anonymous source or an opinion label is wording
that reviewers extend as they meet it; the patterns and the outlets list are checked on
load, and a bad one raises a DataFileError naming the file and key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from armstrace.errors import DataFileError
from armstrace.gazetteer.yamlfile import read_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "signals"

PLACES = ("title", "text", "top")
"""Where a pattern is searched: the title, the whole text, or the text's first lines."""


@dataclass(frozen=True)
class PatternCues:
    """A signal found by regular expressions in the title and/or text."""

    kind: str
    reason: str
    places: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    top_lines: int
    once: bool
    """Report only the first match: a label is one fact, however often it is repeated."""


@dataclass(frozen=True)
class Outlet:
    """A state or party-run outlet: its gazetteer id, the party, domains and credit lines."""

    actor: str
    party: str
    domains: tuple[str, ...]
    credits: tuple[str, ...]


@dataclass(frozen=True)
class PartyCues:
    """How to tell a party's own statement: outlets, agency kinds, state web domains."""

    kind: str
    reason: str
    agency_kinds: frozenset[str]
    outlets: tuple[Outlet, ...]
    domain_suffixes: tuple[str, ...]


@dataclass(frozen=True)
class SignalCues:
    patterns: tuple[PatternCues, ...]
    party: PartyCues


@functools.cache
def load_cues(data_dir: Path = DATA_DIR) -> SignalCues:
    """Every cue file in the folder (cached); party_press.yml is the outlet list."""
    patterns = []
    party = None
    for path in sorted(data_dir.glob("*.yml")):
        shown = f"signals/{path.name}"
        content = read_yaml(path, shown)
        if not isinstance(content, dict):
            raise DataFileError(shown, "expected a mapping at the top level")
        if path.stem == "party_press":
            party = _party(content, shown)
        else:
            patterns.append(_patterns(content, shown))
    if party is None:
        raise DataFileError("signals/party_press.yml", "file missing")
    return SignalCues(tuple(patterns), party)


def _text(content: Mapping[str, Any], key: str, shown: str) -> str:
    value = content.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(shown, f"{key}: missing")
    return " ".join(value.split())


def _strings(content: Mapping[str, Any], key: str, shown: str) -> list[str]:
    value = content.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(shown, f"{key}: expected a list of strings")
    return value


def _patterns(content: Mapping[str, Any], shown: str) -> PatternCues:
    places = _strings(content, "in", shown)
    if not places or set(places) - set(PLACES):
        raise DataFileError(shown, f"in: expected some of {PLACES}, not {places}")
    compiled = []
    for source in _strings(content, "patterns", shown):
        try:
            compiled.append(re.compile(source, re.IGNORECASE | re.MULTILINE))
        except re.error as exc:
            raise DataFileError(shown, f"patterns: {source!r}: {exc}") from exc
    if not compiled:
        raise DataFileError(shown, "patterns: expected at least one")
    return PatternCues(
        kind=_text(content, "kind", shown),
        reason=_text(content, "reason", shown),
        places=tuple(places),
        patterns=tuple(compiled),
        top_lines=int(content.get("top_lines", 5)),
        once=content.get("once") is True,
    )


def _party(content: Mapping[str, Any], shown: str) -> PartyCues:
    outlets = []
    for raw in content.get("outlets") or []:
        if not isinstance(raw, dict) or not raw.get("actor") or not raw.get("party"):
            raise DataFileError(shown, f"outlets: each needs actor and party, not {raw!r}")
        outlets.append(
            Outlet(
                actor=str(raw["actor"]),
                party=str(raw["party"]),
                domains=tuple(d.lower() for d in _strings(raw, "domains", shown)),
                credits=tuple(_strings(raw, "credits", shown)),
            )
        )
    return PartyCues(
        kind=_text(content, "kind", shown),
        reason=_text(content, "reason", shown),
        agency_kinds=frozenset(_strings(content, "agency_kinds", shown)),
        outlets=tuple(outlets),
        domain_suffixes=tuple(s.lower() for s in _strings(content, "domain_suffixes", shown)),
    )
