"""Domain knowledge as validated data: actors, places, weapons and capitals, and their lookups.

    from armstrace.gazetteer import load_gazetteer
    gaz = load_gazetteer()
    gaz.lookup_actor("Pyongyang")            # ["KP"]
    gaz.lookup_actor("Defense Intelligence Agency")   # ["kr-dia", "us-dia"]: caller decides

Data live in src/armstrace/data/{actors,places,weapons} and data/countries.yml; nothing is read
at import.
"""

from armstrace.gazetteer.index import NameHit, compact, normalise
from armstrace.gazetteer.load import DEFAULT_DATA_DIR, check_data, load_gazetteer
from armstrace.gazetteer.records import (
    ACTOR_KINDS,
    PLACE_KINDS,
    POINT_KINDS,
    Actor,
    Capital,
    Gazetteer,
    Place,
    Weapon,
)

__all__ = [
    "ACTOR_KINDS",
    "DEFAULT_DATA_DIR",
    "PLACE_KINDS",
    "POINT_KINDS",
    "Actor",
    "Capital",
    "Gazetteer",
    "NameHit",
    "Place",
    "Weapon",
    "check_data",
    "compact",
    "load_gazetteer",
    "normalise",
]
