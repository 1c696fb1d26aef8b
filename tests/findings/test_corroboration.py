"""Who asserts a claim, relays set aside, and the credibility rule."""

from __future__ import annotations

import pytest

from armstrace.analysis.corroboration import (
    Source,
    attribute,
    publisher_key,
    split_relays,
    suggest_credibility,
)


@pytest.mark.parametrize(
    ("source", "asserted", "relays"),
    [
        ("NIS (via Yonhap)", ["NIS"], ["Yonhap"]),
        ("according to Reuters", ["Reuters"], []),
        ("Reuters, citing the NIS", ["the NIS"], ["Reuters"]),
        ("the NIS, as reported by Reuters", ["the NIS"], ["Reuters"]),
        ("UN Panel of Experts (cargo); Israel (end user)", ["UN Panel of Experts (cargo)",
                                                            "Israel (end user)"], []),
        ("Secretary of the Council (quoted on Iranian state television)",
         ["Secretary of the Council"], ["Iranian state television"]),
    ],
)  # fmt: skip
def test_split_relays_sets_relays_aside(
    source: str, asserted: list[str], relays: list[str]
) -> None:
    assert split_relays(source) == (asserted, relays)


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("South Korea's NIS", "kr-nis"),
        ("the National Intelligence Service", "kr-nis"),
        ("NIS (via Yonhap)", "kr-nis"),
        ("South Korea's National Intelligence Service (NIS)", "kr-nis"),
        ("Reuters, citing the NIS", "kr-nis"),
        ("according to Reuters", "reuters"),
        ("Israeli Defence Forces", "il-idf"),
        ("South Korean officials", "KR"),
        ("South Korean Defense Ministry", "kr-mnd"),
        ("a media outlet (via Yonhap News Agency)", "yonhap"),
        ("a North Korean defector", "name:north korean defector"),
        ("Officials", "publisher:harbour watch"),
        ("In its hold they", "publisher:harbour watch"),
        (None, "publisher:harbour watch"),
    ],
)
def test_attribute_finds_the_underlying_body(source: str | None, key: str) -> None:
    [found] = attribute(source, "Harbour Watch", "doc")
    assert found.key == key
    assert found.reason


def test_attribute_without_source_or_publisher_is_the_document() -> None:
    [found] = attribute(None, None, "report_7")
    assert found.key == "document:report_7"


def test_attribute_counts_each_body_a_claim_names() -> None:
    found = attribute("UN Panel of Experts (cargo); Israel (end user)", "X", "doc")
    assert [f.key for f in found] == ["un-poe", "IL"]


def test_publisher_key_uses_the_gazetteer_for_known_outlets() -> None:
    assert publisher_key("Reuters") == ("reuters", "Reuters")
    assert publisher_key("Harbour Watch") == ("publisher:harbour watch", "Harbour Watch")


def _source(key: str, grade: str | None = None, supporting: bool = True) -> Source:
    return Source(key, key, grade, ("d",), ("c",), (), ("r",), supporting)


@pytest.mark.parametrize(
    ("sources", "denials", "value", "reason"),
    [
        ([_source("a", "A"), _source("b", "B")], 0, 2, "2 independent sources, 2 graded A/B"),
        ([_source("a"), _source("b"), _source("c")], 0, 2, "3 independent sources"),
        ([_source("a", "A"), _source("b")], 0, 3, "possibly true: 2 independent sources"),
        ([_source("a", "B")], 0, 3, "possibly true: a single source (a, graded B)"),
        ([_source("a", "C")], 0, 4, "doubtful"),
        ([_source("a", "E")], 0, 5, "improbable"),
        ([_source("a")], 0, 6, "cannot be judged: a single source (a, graded nothing)"),
        ([_source("a", "A"), _source("b", "A")], 1, 3, "one step lower: 1 claim denies it"),
        ([_source("a", "A", supporting=False)], 1, 5, "every source denies it"),
    ],
)
def test_suggest_credibility_follows_the_documented_rule(
    sources: list[Source], denials: int, value: int, reason: str
) -> None:
    got, why = suggest_credibility(sources, denials)
    assert got == value
    assert reason in why
