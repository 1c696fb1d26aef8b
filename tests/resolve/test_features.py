"""Match features: a score and a reason an analyst can read, or None when not comparable."""

from __future__ import annotations

import pytest

from armstrace.resolve.features import (
    compare,
    compare_aliases,
    compare_countries,
    compare_designations,
    compare_ids,
    compare_imo,
    compare_names,
    compare_vessel_names,
)


def test_compare_ids_is_exact_and_case_sensitive() -> None:
    assert compare_ids("KP", "KP") == (1.0, "same id 'KP'")
    assert compare_ids("KP", "kp")[0] == 0.0


@pytest.mark.parametrize(
    ("left", "right", "kind", "score", "reason"),
    [
        ("NIS", "National Intelligence Service", "actor", 1.0, "both are names of actor kr-nis"),
        ("DPRK", "Pyongyang", "actor", 1.0, "both are names of actor KP"),
        ("NIS", "Yonhap", "actor", 0.0, "'NIS' names kr-nis but 'Yonhap' names yonhap"),
        ("NIS", "Ministry of Silly Walks", "actor", None, "is not in the gazetteer"),
        ("Najin", "Rajin", "place", 1.0, "both are names of place Rajin"),
        ("Hwasong-11", "KN-23", "item", 1.0, "both are names of item KN-23"),
    ],
)
def test_compare_aliases_uses_the_gazetteer(
    left: str, right: str, kind: str, score: float | None, reason: str
) -> None:
    got_score, got_reason = compare_aliases(left, right, kind)
    assert got_score == score
    assert reason in got_reason


def test_compare_names_scores_spelling_variants_high_and_strangers_low() -> None:
    close, reason = compare_names("Hizbolla", "Hezbollah")
    far, _ = compare_names("Hezbollah", "Houthis")
    assert close is not None and far is not None
    assert close > 0.8 > far
    assert "token-set" in reason


def test_compare_names_tempers_a_name_inside_a_longer_one() -> None:
    score, reason = compare_names("Korea", "North Korea")
    assert score is not None and score < 0.9
    assert "token-set 100" in reason


def test_compare_designations_ignores_spaces_and_hyphens() -> None:
    assert compare_designations("KN 23", "KN-23")[0] == 1.0


@pytest.mark.parametrize(
    ("left", "right", "score"),
    [
        ("imo:9203863", "Francop (IMO 9203863)", 1.0),
        ("imo:9203863", "imo:8706155", 0.0),
        ("MV Francop", "imo:9203863", None),
    ],
)
def test_compare_imo(left: str, right: str, score: float | None) -> None:
    assert compare_imo(left, right)[0] == score


def test_compare_vessel_names_ignores_prefixes() -> None:
    assert compare_vessel_names("M/V FRANCOP", "the Francop")[0] == 1.0


@pytest.mark.parametrize(
    ("left", "right", "score"),
    [("Rajin", "Nampo", 1.0), ("Rajin", "Vostochny", 0.0), ("Rajin", "Atlantis", None)],
)
def test_compare_countries_for_places(left: str, right: str, score: float | None) -> None:
    assert compare_countries(left, right)[0] == score


@pytest.mark.parametrize(
    ("kind", "features"),
    [
        ("actor", {"id", "alias", "name"}),
        ("place", {"id", "alias", "name", "country"}),
        ("item", {"id", "alias", "designation"}),
        ("vessel", {"id", "imo", "vessel_name"}),
    ],
)
def test_compare_applies_the_features_of_each_kind(kind: str, features: set[str]) -> None:
    assert set(compare("a", "b", kind)) == features
