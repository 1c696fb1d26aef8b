"""Normalisation and lookups: folded forms find the same entries; ambiguity stays a list."""

from __future__ import annotations

import pytest

from armstrace.gazetteer import compact, load_gazetteer, normalise


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Hizballah", "hizballah"),
        ("  HAMAS ", "hamas"),
        ("the U.S.", "the us"),
        ("Democratic People\u2019s Republic of Korea", "democratic peoples republic of korea"),
        ("al-Qa'ida", "al qaida"),
        ("Séléka", "seleka"),
        ("Türkiye", "turkiye"),
        ("Tumangang\u2013Khasan", "tumangang khasan"),
        ("Kanggye  General\tTractor Plant No. 26", "kanggye general tractor plant no 26"),
        ("RFE/RL", "rfe rl"),
    ],
)
def test_normalise_folds_case_accents_and_punctuation(text: str, key: str) -> None:
    assert normalise(text) == key


@pytest.mark.parametrize("text", ["KN-23", "KN 23", "kn23", "KN\u201123"])
def test_compact_ignores_spaces_and_hyphens(text: str) -> None:
    assert compact(text) == "kn23"


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("Pyongyang", ["KP"]),
        ("DPRK", ["KP"]),
        ("the DPRK", ["KP"]),
        ("Democratic People\u2019s Republic of Korea", ["KP"]),
        ("North Koreans", ["KP"]),
        ("Soviet", ["RU"]),
        ("the former Soviet Union", ["RU"]),
        ("the Kremlin", ["RU"]),
        ("Yugoslavia", ["RS"]),
        ("Czechoslovakia", ["CZ"]),
        ("East Germany", ["DE"]),
        ("Gaza", ["PS"]),
        ("the West Bank", ["PS"]),
        ("Palestinians", ["PS"]),
        ("the U.S.", ["US"]),
        ("the UAE", ["AE"]),
        ("Britain", ["GB"]),
        ("Kiev", ["UA"]),
        ("Hizballah", ["hezbollah"]),
        ("Hizbullah", ["hezbollah"]),
        ("Izz ad-Din al-Qassam Brigades", ["hamas"]),
        ("Ansarullah", ["houthis"]),
        ("PMC Wagner", ["wagner"]),
        ("Tamil Tigers", ["ltte"]),
        ("Daesh", ["islamic-state"]),
        ("ISIL", ["islamic-state"]),
        ("Palestinian Islamic Jihad", ["pij"]),
        ("Rapid Support Forces", ["rapid-support-forces"]),
        ("NIS", ["kr-nis"]),
        ("National Intelligence Agency", ["kr-nis"]),
        ("State Department", ["us-state-department"]),
        ("Israeli Defence Forces", ["il-idf"]),
        ("UN Panel of Experts", ["un-poe"]),
        ("Defense Intelligence Agency", ["kr-dia", "us-dia"]),
        ("Korea", ["KP", "KR"]),
        ("Atlantis", []),
    ],
)
def test_lookup_actor_finds_ids(name: str, ids: list[str]) -> None:
    assert load_gazetteer().lookup_actor(name) == ids


@pytest.mark.parametrize(
    ("name", "strength"),
    [("North Korea", "name"), ("North Korean", "demonym"), ("the North", "weak")],
)
def test_lookup_actor_hits_say_how_sure_the_form_is(name: str, strength: str) -> None:
    hits = load_gazetteer().lookup_actor_hits(name)
    assert [(h.actor_id, h.strength) for h in hits] == [("KP", strength)]


def test_lookup_actor_hits_keep_an_ambiguous_form_weak_for_every_reading() -> None:
    """The loader forbids a form strong for one actor and used by another, so all are weak."""
    hits = load_gazetteer().lookup_actor_hits("DIA")
    assert {h.strength for h in hits} == {"weak"}
    assert [h.actor_id for h in hits] == sorted(h.actor_id for h in hits)


@pytest.mark.parametrize(
    ("name", "designation"),
    [
        ("KN 23", "KN-23"),
        ("Hwasong-11", "KN-23"),
        ("Kumsong-3", "GeumSeong-3"),
        ("Shahab 3", "Shahab-3"),
    ],
)
def test_lookup_weapon_finds_designation(name: str, designation: str) -> None:
    assert [w.designation for w in load_gazetteer().lookup_weapon(name)] == [designation]


def test_weapon_follows_lineage() -> None:
    gaz = load_gazetteer()
    assert gaz.weapon("Shahab-3").based_on == "Nodong"
    assert gaz.weapon(gaz.weapon("Shahab-3").based_on or "").origin == "KP"
    with pytest.raises(KeyError):
        gaz.weapon("Hwasong-11")  # an alias, not a designation


@pytest.mark.parametrize(
    ("name", "country"),
    [("Najin", "KP"), ("Bandar Abbas", "IR"), ("Lattakia", "SY"), ("Dunay", "RU")],
)
def test_lookup_place_gives_its_country(name: str, country: str) -> None:
    assert [p.country for p in load_gazetteer().lookup_place(name)] == [country]
