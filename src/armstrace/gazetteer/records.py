"""The gazetteer's typed records: actors, places, weapons, capitals, and the loaded whole.

Plain frozen records with no I/O, so the extractor can hold them in spaCy components and
tests can build them by hand. Reading and validating the YAML lives in `load.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from armstrace.gazetteer.index import NameHit, NameIndex, build_indexes, compact, normalise

ACTOR_KINDS = ("state", "group", "agency", "body", "media", "company")
"""What an actor is; agencies, bodies and media assert claims, states and groups are parties."""

PLACE_KINDS = ("port", "rail_crossing", "border_crossing", "airfield", "factory", "city", "region")
"""`border_crossing` is a road crossing (Rafah); `rail_crossing` a rail link (Tumangang-Khasan)."""
POINT_KINDS = ("port", "rail_crossing", "border_crossing", "airfield", "factory")
"""Places that maps and exports draw as points of their own (cities and regions only locate)."""


@dataclass(frozen=True)
class Actor:
    """A state, armed group, agency, body, media outlet or company, with its surface forms."""

    id: str
    kind: str
    name: str
    names: tuple[str, ...]
    names_weak: tuple[str, ...]
    demonyms: tuple[str, ...]
    country: str | None
    parent: str | None
    qid: str | None
    see: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    """A port, crossing, airfield, factory, city or region; it stands for its `country`."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str
    lat: float | None
    lon: float | None
    qid: str | None


@dataclass(frozen=True)
class Capital:
    """Where a state is drawn on maps and in exports: its capital city, as a point.

    Not a place: capitals are already names of their states ("Pyongyang" is KP), so they stay
    out of the place lookups and only locate the state.
    """

    country: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Weapon:
    """One catalogue entry; `family` is the data file's stem (e.g. "rockets")."""

    designation: str
    aliases: tuple[str, ...]
    category: str
    caliber_mm: float | None
    origin: str | None
    based_on: str | None
    family: str


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Everything under data/, validated, with normalised lookups built once.

    Lookups never guess: when a surface form belongs to several entries, all are returned
    and the caller (the extractor, with context) decides.
    """

    actors: Mapping[str, Actor]
    places: tuple[Place, ...]
    weapons: tuple[Weapon, ...]
    capitals: Mapping[str, Capital] = field(default_factory=lambda: MappingProxyType({}))
    """State id → its capital (data/countries.yml)."""
    _index: NameIndex = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", build_indexes(self.actors, self.places, self.weapons))

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; KeyError if unknown."""
        return self.actors[actor_id]

    def lookup_actor(self, name: str) -> list[str]:
        """Actor ids for a name, alias or demonym; strong matches first, then weak ones."""
        ids: list[str] = []
        for hit in self.lookup_actor_hits(name):
            if hit.actor_id not in ids:
                ids.append(hit.actor_id)
        return ids

    def lookup_actor_hits(self, name: str) -> list[NameHit]:
        """Like `lookup_actor`, but each hit says whether the form is a name, weak or demonym.

        A leading "the" is dropped when the form with it is not listed ("the DPRK" -> KP).
        """
        key = normalise(name)
        hits = self._index.actors.get(key)
        if hits is None and key.startswith("the "):
            hits = self._index.actors.get(key[4:])
        return list(hits or ())

    def lookup_place(self, name: str) -> list[Place]:
        """Places whose name or alias matches (normalised)."""
        return list(self._index.places.get(normalise(name), ()))

    def lookup_weapon(self, name: str) -> list[Weapon]:
        """Catalogue entries whose designation or alias matches, ignoring spaces and hyphens."""
        return list(self._index.weapons.get(compact(name), ()))

    def weapon(self, designation: str) -> Weapon:
        """The entry with exactly this designation (normalised); KeyError if none."""
        for weapon in self.lookup_weapon(designation):
            if compact(weapon.designation) == compact(designation):
                return weapon
        raise KeyError(designation)
