"""Name to gazetteer entry: ranked candidates with reasons, never a silent guess.

Why ranked lists: "DIA" is Seoul's or Washington's Defense Intelligence Agency depending on
the story, and "Hizbolla" is only probably Hezbollah. The caller (an analyst, or code with
context) picks; a single candidate with score 1.0 is the only sure answer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from armstrace.errors import UsageError
from armstrace.gazetteer import Gazetteer, compact, load_gazetteer, normalise
from armstrace.gazetteer.index import NameHit, actor_forms
from armstrace.resolve.features import KINDS, compare_designations, compare_names
from armstrace.resolve.vessels import vessel_key

STRENGTH_SCORES = {"name": 0.95, "demonym": 0.85, "weak": 0.6}
"""An exact listed form: a strong name is near-sure, a weak one needs context."""
FUZZY_WEIGHT = 0.9
"""A fuzzy match never outranks an exact listed form."""
FUZZY_FLOOR = 0.7
"""Fuzzy matches below this (after weighting) are not worth showing."""
CONTAINED_WEIGHT = 0.85
"""A listed form found inside a longer name ("NIS" in "South Korea's NIS")."""

_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry a name may stand for: its id, a 0..1 score and why."""

    id: str
    score: float
    reasons: tuple[str, ...]
    label: str

    def to_record(self) -> dict[str, object]:
        return {"id": self.id, "label": self.label, "score": self.score, "reasons": self.reasons}


def resolve_name(
    name: str, kind: str = "actor", *, limit: int = 10, gazetteer: Gazetteer | None = None
) -> list[Candidate]:
    """Candidates for `name` among the gazetteer's actors, places or weapons, best first.

    Vessels have no gazetteer: the one candidate is the vessel key (IMO number or name).
    """
    if kind not in KINDS:
        raise UsageError(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
    if not name or not name.strip():
        raise UsageError("name: an empty name cannot be resolved")
    if kind == "vessel":
        key = vessel_key(name)
        if key is None:
            return []
        reason = "IMO number in the name" if key.startswith("imo:") else "normalised vessel name"
        return [Candidate(key, 1.0, (reason,), name.strip())]
    gaz = gazetteer or load_gazetteer()
    found: dict[str, _Found] = {}
    if kind == "actor":
        _exact_actors(name, gaz, found)
    elif kind == "place":
        for place in gaz.lookup_place(name):
            what = f"{place.kind} in {place.country}"
            _add(found, place.name, place.name, STRENGTH_SCORES["name"], f"listed name ({what})")
    else:
        for weapon in gaz.lookup_weapon(name):
            reason = f"listed designation or alias ({weapon.category})"
            _add(found, weapon.designation, weapon.designation, STRENGTH_SCORES["name"], reason)
    _fuzzy(name, kind, gaz, found)
    ranked = sorted(found.values(), key=lambda f: (-f.score, f.id))
    return [Candidate(f.id, f.score, tuple(f.reasons), f.label) for f in ranked[:limit]]


@dataclass(frozen=True)
class Mention:
    """A listed actor form found inside a longer name: its token position, length and hits."""

    start: int
    length: int
    text: str
    hits: tuple[NameHit, ...]


def contained_actors(name: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Listed actor forms inside `name`, longest first and not overlapping, in text order.

    "South Korea's NIS (via Yonhap)" holds "south korea" (KR), "nis" (kr-nis) and "yonhap".
    A possessive "'s" is dropped first, so "Korea's" is read as "Korea".
    """
    gaz = gazetteer or load_gazetteer()
    tokens = normalise(_POSSESSIVE.sub("", name)).split()
    covered: set[int] = set()
    found: list[Mention] = []
    for length in range(len(tokens), 0, -1):
        for start in range(len(tokens) - length + 1):
            span = range(start, start + length)
            if covered.intersection(span):
                continue
            text = " ".join(tokens[start : start + length])
            hits = gaz.lookup_actor_hits(text)
            if hits:
                found.append(Mention(start, length, text, tuple(hits)))
                covered.update(span)
    return sorted(found, key=lambda mention: mention.start)


@dataclass
class _Found:
    id: str
    label: str
    score: float
    reasons: list[str]


def _add(found: dict[str, _Found], entry_id: str, label: str, score: float, reason: str) -> None:
    entry = found.setdefault(entry_id, _Found(entry_id, label, 0.0, []))
    entry.score = max(entry.score, round(score, 3))
    if reason not in entry.reasons:
        entry.reasons.append(reason)


def _exact_actors(name: str, gaz: Gazetteer, found: dict[str, _Found]) -> None:
    by_id = {actor_id.casefold(): actor_id for actor_id in gaz.actors}
    exact = by_id.get(name.strip().casefold())
    if exact is not None:
        _add(found, exact, gaz.actors[exact].name, 1.0, f"the id of {gaz.actors[exact].name}")
    hits = gaz.lookup_actor_hits(name)
    shared = {hit.actor_id for hit in hits}
    for hit in hits:
        actor = gaz.actors[hit.actor_id]
        reason = f"{hit.form!r} is a {hit.strength} form of {actor.name} ({actor.kind})"
        if len(shared) > 1:
            reason += f"; the form also names {', '.join(sorted(shared - {hit.actor_id}))}"
        _add(found, actor.id, actor.name, STRENGTH_SCORES[hit.strength], reason)
    if found:
        return
    for mention in contained_actors(name, gaz):
        for hit in mention.hits:
            actor = gaz.actors[hit.actor_id]
            score = STRENGTH_SCORES[hit.strength] * CONTAINED_WEIGHT
            reason = f"contains {hit.form!r}, a {hit.strength} form of {actor.name} ({actor.kind})"
            _add(found, actor.id, actor.name, score, reason)


def _fuzzy(name: str, kind: str, gaz: Gazetteer, found: dict[str, _Found]) -> None:
    forms = _forms(gaz, kind)
    query = compact(name) if kind == "item" else normalise(name)
    if not query:
        return
    scorer = fuzz.ratio if kind == "item" else fuzz.token_set_ratio
    exact = set(found)
    best: dict[str, tuple[float, str, str]] = {}
    matches = process.extract(query, list(forms), scorer=scorer, score_cutoff=60, limit=50)
    for form, _score, _index in matches:
        if form == query:
            continue  # the exact form was looked up above, with its strength
        for entry_id, label, original in forms[form]:
            if kind == "item":
                score, why = compare_designations(name, original)
            else:
                score, why = compare_names(name, original)
            if score is None or entry_id in exact or score * FUZZY_WEIGHT < FUZZY_FLOOR:
                continue
            if score > best.get(entry_id, (0.0, "", ""))[0]:
                best[entry_id] = (score, label, f"close to {original!r}: {why}")
    for entry_id, (score, label, reason) in best.items():
        _add(found, entry_id, label, score * FUZZY_WEIGHT, reason)


@functools.cache
def _forms(gaz: Gazetteer, kind: str) -> dict[str, list[tuple[str, str, str]]]:
    """Normalised form -> [(entry id, label, form as listed)] for fuzzy search (built once)."""
    table: dict[str, list[tuple[str, str, str]]] = {}

    def add(pairs: Iterable[tuple[str, str, str]]) -> None:
        for entry_id, label, form in pairs:
            key = compact(form) if kind == "item" else normalise(form)
            if key and (entry_id, label, form) not in table.get(key, []):
                table.setdefault(key, []).append((entry_id, label, form))

    if kind == "actor":
        for actor in gaz.actors.values():
            add((actor.id, actor.name, form) for form, _strength in actor_forms(actor))
    elif kind == "place":
        for place in gaz.places:
            add((place.name, place.name, form) for form in (place.name, *place.aliases))
    else:
        for weapon in gaz.weapons:
            forms = (weapon.designation, *weapon.aliases)
            add((weapon.designation, weapon.designation, form) for form in forms)
    return table
