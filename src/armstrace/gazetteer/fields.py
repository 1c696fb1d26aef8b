"""Turn one parsed YAML entry into a record, checking its own keys and values.

Checks that need other entries (ids that must exist, names claimed twice) live in
`crosscheck.py`; this module only knows the entry in front of it. Every error names the
file and the key, so a data contributor can fix it without reading Python.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from armstrace.errors import DataFileError
from armstrace.gazetteer.records import ACTOR_KINDS, PLACE_KINDS, Actor, Capital, Place, Weapon
from armstrace.model.claim import CATEGORIES

ACTOR_KEYS = ("id", "kind", "name", "names", "names_weak", "demonyms", "country", "parent",
              "qid", "see")  # fmt: skip
PLACE_KEYS = ("name", "aliases", "kind", "country", "lat", "lon", "qid")
WEAPON_KEYS = ("designation", "aliases", "category", "caliber_mm", "origin", "based_on")
CAPITAL_KEYS = ("capital", "lat", "lon")

_STATE_ID = re.compile(r"^[A-Z]{2}$")
_ACTOR_ID = re.compile(r"^(?:[A-Z]{2,4}|[a-z0-9]+(?:-[a-z0-9]+)*)$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


class _Entry:
    """Typed access to one mapping, raising DataFileError(shown, "<where>key: reason")."""

    def __init__(self, raw: object, shown: str, where: str, keys: tuple[str, ...]) -> None:
        self.shown = shown
        self.where = where
        if not isinstance(raw, Mapping):
            raise self.error("", f"expected a mapping, got {type(raw).__name__}")
        self.raw: Mapping[Any, Any] = raw
        unknown = [str(k) for k in raw if k not in keys]
        if unknown:
            raise self.error(unknown[0], f"unknown key (allowed: {', '.join(keys)})")

    def error(self, key: str, reason: str) -> DataFileError:
        label = f"{self.where}{key}: " if key else self.where
        return DataFileError(self.shown, f"{label}{reason}")

    def text(self, key: str) -> str:
        value = self.optional_text(key)
        if value is None:
            raise self.error(key, "missing (required)")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.error(key, f"expected text, got {value!r} (quote it)")
        if not value.strip() or value != value.strip():
            raise self.error(key, f"empty or padded text {value!r}")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.error(key, "expected a list")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or not item.strip() or item != item.strip():
                raise self.error(key, f"expected non-empty text, got {item!r}")
            if item in seen:
                raise self.error(key, f"duplicate {item!r}")
            seen.add(item)
        return tuple(value)

    def number(self, key: str, low: float, high: float) -> float | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, f"expected a number, got {value!r}")
        if not math.isfinite(value) or not low <= value <= high:
            raise self.error(key, f"{value!r} out of range [{low}, {high}]")
        return float(value)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.error(key, f"unknown value {value!r} (allowed: {', '.join(allowed)})")
        return value

    def qid(self) -> str | None:
        value = self.optional_text("qid")
        if value is not None and not _QID.match(value):
            raise self.error("qid", f"{value!r} is not a Wikidata id like Q423")
        return value


def parse_actor(raw: object, shown: str) -> Actor:
    """One `data/actors/<id>.yml` file's content as an Actor."""
    entry = _Entry(raw, shown, "", ACTOR_KEYS)
    actor_id = entry.text("id")
    kind = entry.choice("kind", ACTOR_KINDS)
    if not _ACTOR_ID.match(actor_id):
        raise entry.error("id", f"{actor_id!r} is neither an upper-case code nor a slug")
    if kind == "state" and not _STATE_ID.match(actor_id):
        raise entry.error("id", f"{actor_id!r}: a state's id is its ISO 3166-1 alpha-2 code")
    names, weak, demonyms = entry.texts("names"), entry.texts("names_weak"), entry.texts("demonyms")
    _check_disjoint(entry, {"names": names, "names_weak": weak, "demonyms": demonyms})
    see = entry.texts("see")
    return Actor(
        id=actor_id, kind=kind, name=entry.text("name"), names=names, names_weak=weak,
        demonyms=demonyms, country=entry.optional_text("country"),
        parent=entry.optional_text("parent"), qid=entry.qid(), see=see,
    )  # fmt: skip


def _check_disjoint(entry: _Entry, lists: dict[str, tuple[str, ...]]) -> None:
    seen: dict[str, str] = {}
    for key, forms in lists.items():
        for form in forms:
            if form in seen:
                raise entry.error(key, f"duplicate {form!r} (also in {seen[form]})")
            seen[form] = key


def parse_place(raw: object, shown: str, position: int) -> Place:
    """One entry of a `data/places/*.yml` list as a Place."""
    where = f"[{position}] "
    if isinstance(raw, Mapping) and isinstance(raw.get("name"), str):
        where = f"[{position}] {raw['name']}: "
    entry = _Entry(raw, shown, where, PLACE_KEYS)
    lat, lon = entry.number("lat", -90, 90), entry.number("lon", -180, 180)
    if (lat is None) != (lon is None):
        raise entry.error("lat", "give both lat and lon, or neither")
    return Place(
        name=entry.text("name"), aliases=entry.texts("aliases"),
        kind=entry.choice("kind", PLACE_KINDS), country=entry.text("country"),
        lat=lat, lon=lon, qid=entry.qid(),
    )  # fmt: skip


def parse_capital(code: object, raw: object, shown: str) -> Capital:
    """One `CODE: {capital, lat, lon}` entry of `data/countries.yml` as a Capital."""
    entry = _Entry(raw, shown, f"{code}: ", CAPITAL_KEYS)
    if not isinstance(code, str) or not _STATE_ID.match(code):
        raise entry.error("", "the key is a state's ISO 3166-1 alpha-2 code")
    lat, lon = entry.number("lat", -90, 90), entry.number("lon", -180, 180)
    if lat is None or lon is None:
        raise entry.error("lat" if lat is None else "lon", "missing (required)")
    return Capital(country=code, name=entry.text("capital"), lat=lat, lon=lon)


def parse_weapon(raw: object, shown: str, position: int, family: str) -> Weapon:
    """One entry of a `data/weapons/<family>.yml` list as a Weapon."""
    where = f"[{position}] "
    if isinstance(raw, Mapping) and isinstance(raw.get("designation"), str):
        where = f"[{position}] {raw['designation']}: "
    entry = _Entry(raw, shown, where, WEAPON_KEYS)
    return Weapon(
        designation=entry.text("designation"), aliases=entry.texts("aliases"),
        category=entry.choice("category", CATEGORIES),
        caliber_mm=entry.number("caliber_mm", 1, 1000), origin=entry.optional_text("origin"),
        based_on=entry.optional_text("based_on"), family=family,
    )  # fmt: skip
