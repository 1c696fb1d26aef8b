"""resolve_name: ranked gazetteer candidates with reasons; it never picks for the caller."""

from __future__ import annotations

import pytest

from armstrace.errors import UsageError
from armstrace.resolve import contained_actors, resolve_name


@pytest.mark.parametrize(
    ("name", "kind", "top"),
    [
        ("NIS", "actor", "kr-nis"),
        ("the National Intelligence Service", "actor", "kr-nis"),
        ("kp", "actor", "KP"),
        ("Hizbolla", "actor", "hezbollah"),
        ("Najin", "place", "Rajin"),
        ("Rajjin", "place", "Rajin"),
        ("KN 23", "item", "KN-23"),
        ("Hwasong-11", "item", "KN-23"),
        ("M/V Francop", "vessel", "vessel:francop"),
    ],
)
def test_resolve_name_ranks_the_right_entry_first(name: str, kind: str, top: str) -> None:
    candidates = resolve_name(name, kind)
    assert candidates[0].id == top
    assert candidates[0].reasons


def test_resolve_name_exact_id_is_sure_and_fuzzy_is_not() -> None:
    assert resolve_name("hezbollah")[0].score == 1.0
    fuzzy = resolve_name("Hizbolla")[0]
    assert 0.7 <= fuzzy.score < 0.95
    assert "close to" in fuzzy.reasons[0]


def test_resolve_name_returns_every_entry_an_ambiguous_form_names() -> None:
    candidates = resolve_name("DIA")
    assert [c.id for c in candidates[:2]] == ["kr-dia", "us-dia"]
    assert candidates[0].score == candidates[1].score < 0.95
    assert "also names us-dia" in candidates[0].reasons[0]


def test_resolve_name_finds_forms_inside_a_longer_name() -> None:
    ids = [c.id for c in resolve_name("South Korea's NIS")]
    assert {"KR", "kr-nis"} <= set(ids[:3])


def test_contained_actors_reads_possessives_and_keeps_text_order() -> None:
    mentions = contained_actors("South Korea's NIS (via Yonhap)")
    assert [m.text for m in mentions] == ["south korea", "nis", "yonhap"]


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [("NIS", "person", "kind: 'person' is not one of"), ("  ", "actor", "empty name")],
)
def test_resolve_name_refuses_bad_arguments(name: str, kind: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        resolve_name(name, kind)
