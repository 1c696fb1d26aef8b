"""The loader: a valid folder loads, and each kind of mistake names its file and key."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from armstrace.errors import DataFileError
from armstrace.gazetteer import Capital, Gazetteer, check_data, load_gazetteer

WriteData = Callable[[Mapping[str, str | None]], Path]


def test_load_gazetteer_reads_a_valid_folder(write_data: WriteData) -> None:
    gaz = load_gazetteer(write_data({}))
    assert set(gaz.actors) == {"XA", "XB", "xa-army"}
    assert gaz.actor("xa-army").country == "XA"
    assert gaz.places[0].lat == 10.5
    assert [w.designation for w in gaz.weapons] == ["XR-1", "XR-2"]
    assert gaz.weapons[0].family == "rockets"
    assert gaz.weapons[0].caliber_mm == 122.0
    assert gaz.capitals["XA"] == Capital("XA", "Xan City", 11.5, -21.0)
    assert "XB" not in gaz.capitals


def test_load_gazetteer_without_countries_file_has_no_capitals(write_data: WriteData) -> None:
    assert dict(load_gazetteer(write_data({"countries.yml": None})).capitals) == {}


def test_load_gazetteer_caches_the_default_folder() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_gazetteer_actor_raises_keyerror_for_unknown_id(write_data: WriteData) -> None:
    with pytest.raises(KeyError):
        load_gazetteer(write_data({})).actor("ZZ")


def test_load_gazetteer_shared_weak_name_is_allowed(write_data: WriteData) -> None:
    gaz = load_gazetteer(write_data({}))
    assert gaz.lookup_actor("the Kingdom") == ["XA", "XB"]


_ACTOR_B = "id: XB\nkind: state\nname: Borduria\n"

BAD_CASES = [
    # (files changed, file named in the message, text the message holds)
    (
        {"countries.yml": "xa-army: {capital: Xan City, lat: 1, lon: 2}\n"},
        "data/countries.yml",
        "xa-army: the key is a state's ISO 3166-1 alpha-2 code",
    ),
    (
        {"countries.yml": "XQ: {capital: Nowhere, lat: 1, lon: 2}\n"},
        "data/countries.yml",
        "XQ: not a state id in data/actors",
    ),
    (
        {"countries.yml": "XA: {capital: Xan City, lat: 1}\n"},
        "data/countries.yml",
        "XA: lon: missing (required)",
    ),
    (
        {"countries.yml": "XA: {capital: Xan City, lat: 91, lon: 2}\n"},
        "data/countries.yml",
        "XA: lat: 91 out of range",
    ),
    ({"countries.yml": "- XA\n"}, "data/countries.yml", "expected a mapping of state codes"),
    (
        {"actors/XB.yml": _ACTOR_B + "names: [Xan]\n"},
        "data/actors/XB.yml",
        "names: 'Xan' also claimed by XA.yml",
    ),
    (
        {"actors/XB.yml": _ACTOR_B + "demonyms: [Xanaduan]\n"},
        "data/actors/XB.yml",
        "demonyms: 'Xanaduan' also claimed by XA.yml",
    ),
    (
        {"actors/XB.yml": _ACTOR_B + "names_weak: [XAN]\n"},
        "data/actors/XA.yml",
        "names: 'Xan' also claimed by XB.yml",
    ),
    (
        {"actors/XB.yml": _ACTOR_B + "names: [Borduria, DPRK, DPRK]\n"},
        "data/actors/XB.yml",
        "names: duplicate 'DPRK'",
    ),
    (
        {"actors/XB.yml": _ACTOR_B + "names: [Bord]\nnames_weak: [Bord]\n"},
        "data/actors/XB.yml",
        "names_weak: duplicate 'Bord' (also in names)",
    ),
    ({"actors/XB.yml": _ACTOR_B + "flag: red\n"}, "data/actors/XB.yml", "flag: unknown key"),
    ({"actors/XB.yml": "id: XB\nkind: state\n"}, "data/actors/XB.yml", "name: missing"),
    ({"actors/XB.yml": "id: XC\nkind: state\nname: C\n"}, "data/actors/XB.yml", "differs"),
    ({"actors/XB.yml": "id: XB\nkind: empire\nname: B\n"}, "data/actors/XB.yml", "kind: unknown"),
    ({"actors/XB.yml": "id: Xb\nkind: state\nname: B\n"}, "data/actors/XB.yml", "id: 'Xb'"),
    ({"actors/XB.yml": _ACTOR_B + "see: [XQ]\n"}, "data/actors/XB.yml", "see: unknown actor id"),
    ({"actors/XB.yml": _ACTOR_B + "parent: XQ\n"}, "data/actors/XB.yml", "parent: unknown"),
    ({"actors/XB.yml": _ACTOR_B + "qid: 423\n"}, "data/actors/XB.yml", "qid: expected text"),
    ({"actors/XB.yml": _ACTOR_B + "qid: X423\n"}, "data/actors/XB.yml", "qid: 'X423'"),
    ({"actors/XB.yml": _ACTOR_B + "name: again\n"}, "data/actors/XB.yml", "name: duplicate key"),
    ({"actors/XB.yml": "id: [unclosed\n"}, "data/actors/XB.yml", "invalid YAML"),
    ({"actors/XB.yml": "- id: XB\n"}, "data/actors/XB.yml", "expected a mapping"),
    (
        {"actors/xa-army.yml": "id: xa-army\nkind: agency\nname: A\ncountry: xa-army\n"},
        "data/actors/xa-army.yml",
        "country: 'xa-army' is not a state id",
    ),
    (
        {"places/ports.yml": "- {name: P, kind: port, country: XA, lat: 91, lon: 0}\n"},
        "data/places/ports.yml",
        "[1] P: lat: 91 out of range",
    ),
    (
        {"places/ports.yml": "- {name: P, kind: port, country: XA, lat: 9}\n"},
        "data/places/ports.yml",
        "give both lat and lon",
    ),
    (
        {"places/ports.yml": "- {name: P, kind: port, country: XQ}\n"},
        "data/places/ports.yml",
        "country: unknown actor id 'XQ'",
    ),
    (
        {"places/ports.yml": "- {name: P, kind: moon, country: XA}\n"},
        "data/places/ports.yml",
        "kind: unknown value 'moon'",
    ),
    (
        {
            "places/ports.yml": "- {name: P, kind: port, country: XA}\n"
            "- {name: Q, aliases: [p], kind: city, country: XA}\n"
        },
        "data/places/ports.yml",
        "[2] Q: aliases: 'p' already names 'P'",
    ),
    (
        {"places/ports.yml": "- {name: Port of Xan, aliases: [XAN], kind: port, country: XA}\n"},
        "data/places/ports.yml",
        "[1] Port of Xan: aliases: 'XAN' is already a form of actor 'XA'",
    ),
    ({"places/ports.yml": "name: P\n"}, "data/places/ports.yml", "expected a list of entries"),
    (
        {"weapons/rockets.yml": "- {designation: R, category: rayguns}\n"},
        "data/weapons/rockets.yml",
        "[1] R: category: unknown value 'rayguns'",
    ),
    (
        {"weapons/rockets.yml": "- {designation: R, category: rockets, origin: XQ}\n"},
        "data/weapons/rockets.yml",
        "origin: unknown actor id 'XQ'",
    ),
    (
        {"weapons/rockets.yml": "- {designation: R, category: rockets, based_on: S}\n"},
        "data/weapons/rockets.yml",
        "based_on: 'S' is not another entry",
    ),
    (
        {"weapons/rockets.yml": "- {designation: R, category: rockets, caliber_mm: -5}\n"},
        "data/weapons/rockets.yml",
        "caliber_mm: -5 out of range",
    ),
    (
        {"weapons/rockets.yml": "- {designation: R, category: rockets, caliber_mm: true}\n"},
        "data/weapons/rockets.yml",
        "caliber_mm: expected a number",
    ),
    (
        {
            "weapons/rockets.yml": None,
            "weapons/a.yml": "- {designation: R-1, category: rockets}\n",
            "weapons/b.yml": "- {designation: S, aliases: [R 1], category: rockets}\n",
        },
        "data/weapons/b.yml",
        "aliases: 'R 1' already names 'R-1' in data/weapons/a.yml",
    ),
]


@pytest.mark.parametrize(("files", "shown", "reason"), BAD_CASES)
def test_load_gazetteer_rejects_bad_data(
    write_data: WriteData, files: dict[str, str | None], shown: str, reason: str
) -> None:
    root = write_data(files)
    with pytest.raises(DataFileError):
        load_gazetteer(root)
    _, errors = check_data(root)
    messages = [str(e) for e in errors]
    assert any(m.startswith(f"{shown}: ") and reason in m for m in messages), messages


def test_load_gazetteer_missing_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "data" / "actors").mkdir(parents=True)
    with pytest.raises(DataFileError, match=r"data/places: folder missing"):
        load_gazetteer(tmp_path / "data")


def test_check_data_reports_every_error_at_once(write_data: WriteData) -> None:
    root = write_data(
        {
            "actors/XB.yml": _ACTOR_B + "see: [XQ]\nflag: red\n",
            "weapons/rockets.yml": "- {designation: R, category: rayguns}\n",
        }
    )
    gaz, errors = check_data(root)
    assert gaz is None
    assert len(errors) == 2
    assert {e.path for e in errors} == {"data/actors/XB.yml", "data/weapons/rockets.yml"}


@pytest.mark.parametrize(("code", "name"), [("NO", "Norway"), ("ON", "yes"), ("XA", "off")])
def test_load_gazetteer_reads_yaml11_booleans_as_text(
    write_data: WriteData, code: str, name: str
) -> None:
    actor = f"id: {code}\nkind: state\nname: {name}\nnames: [{name}]\n"
    gaz = load_gazetteer(write_data({f"actors/{code}.yml": actor}))
    assert isinstance(gaz, Gazetteer)
    assert (gaz.actor(code).id, gaz.actor(code).name) == (code, name)
