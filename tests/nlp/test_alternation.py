"""Cue lists grouped under their first letter match exactly what the plain alternation matches."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from armstrace.nlp.lexicon import grouped_alternation, load_lexicon, phrase_pattern

PHRASES = ["to", "towards", "for", "from", "bound for", "via", "by way of", "through", "in", "into"]
WORDS = [*PHRASES, "Iran", "the", " ", ", ", "-", "TO", "From", "s", "es", "x"]


def _plain(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def _spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@given(st.lists(st.sampled_from(WORDS), max_size=30).map("".join))
@example("bound for Iran, towards Syria by way of Iraq")
def test_grouped_alternation_matches_like_the_plain_one(text: str) -> None:
    ordered = sorted(PHRASES, key=len, reverse=True)
    body = lambda p: re.escape(p).replace(r"\ ", r"\s+")  # noqa: E731
    grouped = grouped_alternation(ordered, body)
    assert grouped != _plain(ordered)  # the grouping happened
    for flags in (0, re.I):
        for suffix in ("", r"\s+Iran", r"(?:s|es)?\b"):
            assert _spans(rf"(?:{grouped}){suffix}", text, flags) == _spans(
                rf"(?:{_plain(ordered)}){suffix}", text, flags
            )


def test_grouping_is_skipped_where_order_across_letters_could_matter() -> None:
    body = re.escape
    assert grouped_alternation(["The war", "the"], body) == "The\\ war|the"  # T and t
    assert grouped_alternation(["-made", "made"], body) == "\\-made|made"  # not a letter


def test_every_lexicon_cue_list_still_finds_each_of_its_phrases() -> None:
    triggers = load_lexicon().triggers
    for phrases in (triggers["interdiction"], triggers["production"]["verbs"]):
        pattern = re.compile(phrase_pattern(phrases), re.I)
        for phrase in phrases:
            assert pattern.search(f"they {phrase} it"), phrase


@given(
    st.lists(
        st.sampled_from([*WORDS, "Ship", "SHIP", "ship", "Sierra Leone", "s"]), max_size=30
    ).map("".join)
)
def test_case_insensitive_grouping_matches_like_the_plain_one(text: str) -> None:
    phrases = sorted(
        ["ship", "Sierra Leone", "Sea", "tanker", "Tug", "vessel"], key=len, reverse=True
    )
    body = lambda p: re.escape(p).replace(r"\ ", r"\s+")  # noqa: E731
    grouped = grouped_alternation(phrases, body, ignore_case=True)
    assert "|" in grouped and grouped.count("s(?:") == 1  # "ship", "Sierra Leone", "Sea" share one
    assert _spans(rf"(?:{grouped})", text, re.I) == _spans(rf"(?:{_plain(phrases)})", text, re.I)
