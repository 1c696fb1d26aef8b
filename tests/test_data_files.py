"""The packaged data files: all load, cover what the spec names, and cite their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.gazetteer import DEFAULT_DATA_DIR, check_data, load_gazetteer
from armstrace.model.claim import CATEGORIES

SPEC_STATES = ["KP", "KR", "RU", "IR", "SY", "IL", "US", "CN", "UA", "AE", "TH", "LB", "PS", "SD",
               "ES", "LY", "BD", "ID", "PK", "PH", "YE", "MM"]  # fmt: skip
SPEC_GROUPS = ["hezbollah", "hamas", "fatah", "plo", "houthis", "wagner", "pij", "ltte"]
SPEC_BODIES = ["UN", "EU", "NATO"]


def test_data_files_load_without_errors() -> None:
    gaz, errors = check_data()
    assert errors == []
    assert gaz is not None


@pytest.mark.parametrize("actor_id", SPEC_STATES + SPEC_GROUPS + SPEC_BODIES)
def test_data_files_hold_every_spec_actor(actor_id: str) -> None:
    assert load_gazetteer().actor(actor_id).id == actor_id


def test_data_files_cover_iso_3166_and_enough_groups() -> None:
    kinds = [a.kind for a in load_gazetteer().actors.values()]
    assert kinds.count("state") >= 249
    assert kinds.count("group") >= 40


def test_data_files_upper_case_ids_are_states_or_spec_bodies() -> None:
    for actor in load_gazetteer().actors.values():
        if actor.kind == "state":
            assert len(actor.id) == 2 and actor.id.isupper(), actor.id
        elif actor.id.isupper():
            assert actor.id in SPEC_BODIES, actor.id


def test_data_files_weapons_are_many_and_categorised() -> None:
    weapons = load_gazetteer().weapons
    assert len(weapons) >= 120
    assert {w.category for w in weapons} <= set(CATEGORIES)


def test_data_files_places_have_coordinates_to_two_places() -> None:
    """Only factories may lack coordinates (plants whose exact site we are unsure of)."""
    for place in load_gazetteer().places:
        if place.lat is None or place.lon is None:
            assert place.kind == "factory", place.name
            continue
        assert round(place.lat, 2) == place.lat and round(place.lon, 2) == place.lon, place.name


def test_data_files_capitals_place_every_inhabited_state() -> None:
    """Only territories with no city in GeoNames (Antarctica, Bouvet Island, Tokelau, ...) lack one."""
    gaz = load_gazetteer()
    states = {a.id for a in gaz.actors.values() if a.kind == "state"}
    assert set(gaz.capitals) <= states
    assert set(SPEC_STATES) <= set(gaz.capitals)
    assert len(states - set(gaz.capitals)) <= 6
    assert gaz.capitals["KP"].name == "Pyongyang"


@pytest.mark.parametrize("folder", ["actors/", "places/", "weapons/", "countries.yml"])
def test_data_files_sources_name_each_folder(folder: str) -> None:
    sources = (DEFAULT_DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert f"data/{folder}" in sources
    assert "2026-11-24" in sources


@pytest.mark.parametrize("folder", ["actors", "places", "weapons"])
def test_data_files_are_yaml_only(folder: str) -> None:
    odd = [p.name for p in Path(DEFAULT_DATA_DIR / folder).iterdir() if p.suffix != ".yml"]
    assert odd == []
