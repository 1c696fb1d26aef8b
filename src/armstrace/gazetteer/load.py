"""Read and validate data/actors, data/places, data/weapons and data/countries.yml into a
`Gazetteer`.

Nothing is read at import: `load_gazetteer()` reads on first call and caches the result for
the packaged data directory. `check_data()` collects every problem instead of stopping at
the first, for `python -m armstrace.gazetteer.check` and CI.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from types import MappingProxyType

from armstrace.errors import DataFileError
from armstrace.gazetteer.crosscheck import (
    Located,
    check_actors,
    check_capitals,
    check_places,
    check_weapons,
)
from armstrace.gazetteer.fields import parse_actor, parse_capital, parse_place, parse_weapon
from armstrace.gazetteer.records import Actor, Capital, Gazetteer, Place, Weapon
from armstrace.gazetteer.yamlfile import read_yaml

log = logging.getLogger(__name__)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
"""The data shipped in the package: src/armstrace/data."""

_SUBDIRS = ("actors", "places", "weapons")
_COUNTRIES = "countries.yml"
"""State id → capital; a data folder without it has no capitals (nothing is drawn)."""


def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """The validated gazetteer; raises the first DataFileError found (cached for the default)."""
    if data_dir is None:
        return _load_default()
    return _load(Path(data_dir))


@functools.cache
def _load_default() -> Gazetteer:
    return _load(DEFAULT_DATA_DIR)


def _load(data_dir: Path) -> Gazetteer:
    gazetteer, errors = check_data(data_dir)
    if errors or gazetteer is None:
        for error in errors[1:]:
            log.error("%s", error)
        raise errors[0]
    return gazetteer


def check_data(data_dir: Path | None = None) -> tuple[Gazetteer | None, list[DataFileError]]:
    """Load everything and return (gazetteer, []) or (None, every error found)."""
    root = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    errors: list[DataFileError] = []
    for sub in _SUBDIRS:
        if not (root / sub).is_dir():
            errors.append(DataFileError(_shown(root, root / sub), "folder missing"))
    if errors:
        return None, errors
    actors = _read_actors(root, errors)
    places: list[Located[Place]] = []
    weapons: list[Located[Weapon]] = []
    for _path, shown, entries in _read_lists(root, "places", errors):
        for position, raw in enumerate(entries, start=1):
            try:
                places.append(Located(parse_place(raw, shown, position), shown, position))
            except DataFileError as exc:
                errors.append(exc)
    for path, shown, entries in _read_lists(root, "weapons", errors):
        for position, raw in enumerate(entries, start=1):
            try:
                weapon = parse_weapon(raw, shown, position, family=path.stem)
            except DataFileError as exc:
                errors.append(exc)
                continue
            weapons.append(Located(weapon, shown, position))
    capitals = _read_capitals(root, errors)
    errors.extend(check_actors(actors))
    errors.extend(check_places(places, actors))
    errors.extend(check_weapons(weapons, set(actors)))
    errors.extend(check_capitals(capitals, actors, _shown(root, root / _COUNTRIES)))
    if errors:
        return None, errors
    gazetteer = Gazetteer(
        actors=MappingProxyType({k: actors[k].record for k in sorted(actors)}),
        places=tuple(p.record for p in places),
        weapons=tuple(w.record for w in weapons),
        capitals=MappingProxyType({c.country: c for c in capitals}),
    )
    log.debug(
        "gazetteer: %d actors, %d places, %d weapons, %d capitals from %s",
        len(gazetteer.actors), len(gazetteer.places), len(gazetteer.weapons),
        len(gazetteer.capitals), root,
    )  # fmt: skip
    return gazetteer, []


def _shown(root: Path, path: Path) -> str:
    """The path as error messages show it: from the data folder's name down."""
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def _read_actors(root: Path, errors: list[DataFileError]) -> dict[str, Located[Actor]]:
    """One file per actor; the file name must equal the id."""
    actors: dict[str, Located[Actor]] = {}
    for path in _yaml_files(root / "actors"):
        shown = _shown(root, path)
        try:
            actor = parse_actor(read_yaml(path, shown), shown)
        except DataFileError as exc:
            errors.append(exc)
            continue
        if actor.id != path.stem:
            errors.append(DataFileError(shown, f"id: {actor.id!r} differs from the file name"))
            continue
        actors[actor.id] = Located(actor, shown)
    return actors


def _read_capitals(root: Path, errors: list[DataFileError]) -> list[Capital]:
    """data/countries.yml: one `CODE: {capital, lat, lon}` per state, in file order."""
    path = root / _COUNTRIES
    if not path.is_file():
        return []
    shown = _shown(root, path)
    try:
        content = read_yaml(path, shown)
    except DataFileError as exc:
        errors.append(exc)
        return []
    if not isinstance(content, dict):
        errors.append(DataFileError(shown, "expected a mapping of state codes"))
        return []
    capitals: list[Capital] = []
    for code, raw in content.items():
        try:
            capitals.append(parse_capital(code, raw, shown))
        except DataFileError as exc:
            errors.append(exc)
    return capitals


def _read_lists(
    root: Path, sub: str, errors: list[DataFileError]
) -> list[tuple[Path, str, list[object]]]:
    """Files that hold a YAML list of entries: (path, shown path, entries)."""
    found: list[tuple[Path, str, list[object]]] = []
    for path in _yaml_files(root / sub):
        shown = _shown(root, path)
        try:
            content = read_yaml(path, shown)
        except DataFileError as exc:
            errors.append(exc)
            continue
        if not isinstance(content, list):
            errors.append(DataFileError(shown, "expected a list of entries"))
            continue
        found.append((path, shown, content))
    return found
