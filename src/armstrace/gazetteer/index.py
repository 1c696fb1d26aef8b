"""Normalised lookup tables: surface form -> entries, ambiguity kept as a list.

Why fold: reports write "Hizballah", "HIZBALLAH", "U.S.", "the U.S" and "Kh‑35" (with a
non-breaking hyphen) for the same thing. Actor and place forms are case-folded, accents
stripped, curly quotes straightened, periods and apostrophes dropped and other punctuation
turned into spaces. Weapon designations are folded harder (`compact`): "KN-23", "KN 23" and
"KN23" are one key, and "7.62×39mm" (multiplication sign) is "7.62x39mm".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armstrace.gazetteer.records import Actor, Place, Weapon

STRENGTHS = ("name", "demonym", "weak")
"""How sure a form is, best first: a strong name, a demonym, a name that needs context."""

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u00d7": "x",
    }
)  # fmt: skip
_DROP = re.compile(r"[.']")
_PUNCT = re.compile(r"[\W_]+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """The lookup key of an actor or place form ("the U.S." -> "the us")."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _DROP.sub("", text)
    return _PUNCT.sub(" ", text).strip()


def compact(text: str) -> str:
    """The lookup key of a weapon designation: letters and digits only ("KN-23" -> "kn23")."""
    return _NON_ALNUM.sub("", normalise(text))


@dataclass(frozen=True)
class NameHit:
    """One actor a surface form points to, how sure that form is, and the form as listed."""

    actor_id: str
    strength: str
    form: str


@dataclass(frozen=True)
class NameIndex:
    """The three lookup tables a `Gazetteer` answers from."""

    actors: Mapping[str, tuple[NameHit, ...]]
    places: Mapping[str, tuple[Place, ...]]
    weapons: Mapping[str, tuple[Weapon, ...]]


def actor_forms(actor: Actor) -> Iterable[tuple[str, str]]:
    """Every (form, strength) an actor lists, its canonical name counted as a strong name."""
    yield actor.name, "name"
    for form in actor.names:
        yield form, "name"
    for form in actor.demonyms:
        yield form, "demonym"
    for form in actor.names_weak:
        yield form, "weak"


def build_indexes(
    actors: Mapping[str, Actor], places: Iterable[Place], weapons: Iterable[Weapon]
) -> NameIndex:
    """Build every table once; hits are ordered best strength first, then by id."""
    actor_table: dict[str, list[NameHit]] = {}
    for actor in actors.values():
        for form, strength in actor_forms(actor):
            key = normalise(form)
            hits = actor_table.setdefault(key, [])
            if not any(h.actor_id == actor.id and h.strength == strength for h in hits):
                hits.append(NameHit(actor.id, strength, form))
    rank = {s: i for i, s in enumerate(STRENGTHS)}
    ordered = {
        key: tuple(sorted(hits, key=lambda h: (rank[h.strength], h.actor_id)))
        for key, hits in actor_table.items()
    }

    place_table: dict[str, list[Place]] = {}
    for place in places:
        for form in {normalise(f) for f in (place.name, *place.aliases)}:
            place_table.setdefault(form, []).append(place)

    weapon_table: dict[str, list[Weapon]] = {}
    for weapon in weapons:
        for form in {compact(f) for f in (weapon.designation, *weapon.aliases)}:
            weapon_table.setdefault(form, []).append(weapon)

    return NameIndex(
        actors=ordered,
        places={k: tuple(v) for k, v in place_table.items()},
        weapons={k: tuple(v) for k, v in weapon_table.items()},
    )
