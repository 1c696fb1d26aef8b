"""Capitalised common words inside a name are not cue words or goods."""

from __future__ import annotations

import pytest

from armstrace.nlp.mentions import inside_proper_name

UNION = "The court heard that the South African Transport and Allied Workers Union refused."


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (UNION, "Transport", True),
        (UNION, "Workers", True),
        ("Both states ratified the Arms Trade Treaty in 2014.", "Trade", True),
        ("Transport of weapons across the border is banned.", "Transport", False),
        ("Officials said Weapons were found.", "Weapons", False),
        ("Russia Has Fired North Korean Missiles Into Ukraine\n", "Missiles", False),
        ("A Headline\n\nArtillery rounds were shipped to Russia.", "Artillery", False),
        ("Iran sent Shahed drones to Russia.", "Shahed", False),
    ],
)
def test_a_capitalised_word_inside_a_name(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert inside_proper_name(text, start, start + len(word)) is expected
