"""Checks that span entries: ids that must exist, and forms claimed by two entries.

Why strict: a strong name that points at two actors would make the extractor guess. A form
that is genuinely ambiguous ("Defense Intelligence Agency": South Korea's or the US's) must
be listed in `names_weak` of every actor that uses it, so the ambiguity is on record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from armstrace.errors import DataFileError
from armstrace.gazetteer.index import actor_forms, compact, normalise
from armstrace.gazetteer.records import Actor, Capital, Place, Weapon

T = TypeVar("T")

_LIST_KEY = {"name": "names", "demonym": "demonyms", "weak": "names_weak"}


@dataclass(frozen=True)
class Located(Generic[T]):
    """A record, its file, and its position there (from 1; 0 for a one-entry file)."""

    record: T
    shown: str
    position: int = 0

    def where(self, label: str) -> str:
        return f"[{self.position}] {label}: " if self.position else ""


def check_actors(actors: Mapping[str, Located[Actor]]) -> list[DataFileError]:
    """Links between actors exist and no strong form belongs to two actors."""
    errors: list[DataFileError] = []
    for located in actors.values():
        actor, shown = located.record, located.shown
        if actor.country is not None:
            target = actors.get(actor.country)
            if target is None or target.record.kind != "state":
                errors.append(DataFileError(shown, f"country: {actor.country!r} is not a state id"))
            elif actor.kind in ("state", "group"):
                errors.append(DataFileError(shown, f"country: not used for kind {actor.kind!r}"))
        if actor.parent is not None and (actor.parent not in actors or actor.parent == actor.id):
            errors.append(DataFileError(shown, f"parent: unknown actor id {actor.parent!r}"))
        for other in actor.see:
            if other not in actors or other == actor.id:
                errors.append(DataFileError(shown, f"see: unknown actor id {other!r}"))
    errors.extend(_check_actor_forms(actors))
    return errors


def _check_actor_forms(actors: Mapping[str, Located[Actor]]) -> list[DataFileError]:
    claims: dict[str, list[tuple[str, str, str]]] = {}
    for actor_id in sorted(actors):
        for form, strength in actor_forms(actors[actor_id].record):
            claims.setdefault(normalise(form), []).append((actor_id, strength, form))
    errors: list[DataFileError] = []
    for key, hits in claims.items():
        if not key:
            actor_id, _, form = hits[0]
            errors.append(DataFileError(actors[actor_id].shown, f"{form!r}: nothing to match"))
            continue
        own: dict[str, set[str]] = {}
        for actor_id, strength, _form in hits:
            own.setdefault(actor_id, set()).add(strength)
        for actor_id, strengths in own.items():
            if len(strengths) > 1 and "weak" in strengths:
                errors.append(
                    DataFileError(actors[actor_id].shown, f"names_weak: {key!r} is also strong")
                )
        if len(own) < 2:
            continue
        for actor_id, strength, form in hits:
            if strength == "weak":
                continue
            others = sorted(f"{a}.yml" for a in own if a != actor_id)
            errors.append(
                DataFileError(
                    actors[actor_id].shown,
                    f"{_LIST_KEY[strength]}: {form!r} also claimed by {', '.join(others)}"
                    " (list it in names_weak of each if it is ambiguous)",
                )
            )
    return errors


def check_places(
    places: Sequence[Located[Place]], actors: Mapping[str, Located[Actor]]
) -> list[DataFileError]:
    """Countries exist; no two places, nor a place and an actor, share a name or alias.

    A place stands for its country, so a form that is already an actor's name ("Luanda")
    would give a matcher two readings of one word: the port entry says "Port of Luanda".
    """
    actor_forms_of: dict[str, str] = {}
    for actor_id in sorted(actors):
        for form, _strength in actor_forms(actors[actor_id].record):
            actor_forms_of.setdefault(normalise(form), actor_id)
    errors: list[DataFileError] = []
    owners: dict[str, Located[Place]] = {}
    for located in places:
        place = located.record
        where = located.where(place.name)
        if place.country not in actors:
            errors.append(
                DataFileError(located.shown, f"{where}country: unknown actor id {place.country!r}")
            )
        for form in (place.name, *place.aliases):
            key = "name" if form == place.name else "aliases"
            if normalise(form) in actor_forms_of:
                errors.append(
                    DataFileError(
                        located.shown,
                        f"{where}{key}: {form!r} is already a form of actor"
                        f" {actor_forms_of[normalise(form)]!r}",
                    )
                )
            first = owners.setdefault(normalise(form), located)
            if first is not located:
                errors.append(
                    DataFileError(
                        located.shown,
                        f"{where}aliases: {form!r} already names {first.record.name!r}"
                        f" in {first.shown}",
                    )
                )
    return errors


def check_capitals(
    capitals: Sequence[Capital], actors: Mapping[str, Located[Actor]], shown: str
) -> list[DataFileError]:
    """Every capital belongs to a state of data/actors."""
    return [
        DataFileError(shown, f"{capital.country}: not a state id in data/actors")
        for capital in capitals
        if capital.country not in actors or actors[capital.country].record.kind != "state"
    ]


def check_weapons(weapons: Sequence[Located[Weapon]], actor_ids: set[str]) -> list[DataFileError]:
    """Origins exist, designations and aliases are unique, `based_on` points at an entry."""
    errors: list[DataFileError] = []
    owners: dict[str, Located[Weapon]] = {}
    for located in weapons:
        weapon = located.record
        where = located.where(weapon.designation)
        if weapon.origin is not None and weapon.origin not in actor_ids:
            errors.append(
                DataFileError(located.shown, f"{where}origin: unknown actor id {weapon.origin!r}")
            )
        for form in (weapon.designation, *weapon.aliases):
            first = owners.setdefault(compact(form), located)
            if first is not located:
                key = "designation" if form == weapon.designation else "aliases"
                errors.append(
                    DataFileError(
                        located.shown,
                        f"{where}{key}: {form!r} already names {first.record.designation!r}"
                        f" in {first.shown}",
                    )
                )
    for located in weapons:
        weapon = located.record
        if weapon.based_on is None:
            continue
        target = owners.get(compact(weapon.based_on))
        if target is None or target is located:
            errors.append(
                DataFileError(
                    located.shown,
                    f"{located.where(weapon.designation)}based_on: {weapon.based_on!r}"
                    " is not another entry in the catalogue",
                )
            )
    return errors
