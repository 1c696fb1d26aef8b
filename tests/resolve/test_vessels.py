"""Vessel keys: one key per ship however the name is written; IMO numbers win."""

from __future__ import annotations

import pytest

from armstrace.errors import UsageError
from armstrace.resolve import imo_is_valid, vessel_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("MV Francop", "vessel:francop"),
        ("M/V FRANCOP", "vessel:francop"),
        ("M.V. Francop", "vessel:francop"),
        ("the Francop", "vessel:francop"),
        ("Francop", "vessel:francop"),
        ("MS Victoria", "vessel:victoria"),
        ("Jihan 1", "vessel:jihan 1"),
        ("ANL Australia", "vessel:anl australia"),
        ("Light (IMO 8706155)", "imo:8706155"),
        ("Chong Chon Gang, IMO no. 7937317", "imo:7937317"),
        ("Light (IMO 8706156)", "vessel:light"),
        ("", None),
        (None, None),
    ],
)
def test_vessel_key_normalises_names_and_prefers_imo(name: str | None, key: str | None) -> None:
    assert vessel_key(name) == key


def test_vessel_key_given_imo_wins_over_name() -> None:
    assert vessel_key("MV Francop", imo="IMO 9203863") == "imo:9203863"


def test_vessel_key_refuses_invalid_given_imo() -> None:
    with pytest.raises(UsageError, match=r"'9203864' is not a valid IMO number"):
        vessel_key("MV Francop", imo="9203864")


@pytest.mark.parametrize(
    ("imo", "valid"),
    [
        ("9203863", True),
        ("8706155", True),
        ("9203864", False),
        ("920386", False),
        ("x203863", False),
    ],
)
def test_imo_is_valid_checks_the_check_digit(imo: str, valid: bool) -> None:
    assert imo_is_valid(imo) is valid
