"""Judgements in the store: merge, distinguish and split, append-only and audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from armstrace.curation import audit_trail
from armstrace.errors import UsageError
from armstrace.model import Claim, Document, Evidence
from armstrace.resolve import (
    Judgement,
    Resolver,
    canonical_id,
    distinguish,
    list_judgements,
    merge,
    split,
)
from armstrace.store import Store, open_store

TEXT = "Ansarallah fighters received rockets from Iran."


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A store with one claim whose recipient, "ansarallah", is not in the gazetteer."""
    with open_store(store_url) as opened:
        document = Document("/in/a.txt", "a", TEXT, "text", raw=TEXT.encode())
        claim = Claim("a", "transfer", Evidence(TEXT, 0, len(TEXT)), supplier="IR",
                      recipient="ansarallah")  # fmt: skip
        opened.save_document(document, [claim])
        yield opened


def test_merge_records_judgement_and_audit_entry(store: Store) -> None:
    judgement = merge(store, "ansarallah", "Houthis", "ana", "same movement")
    assert (judgement.left_id, judgement.right_id) == ("ansarallah", "houthis")
    assert (judgement.verdict, judgement.kind, judgement.user) == ("same", "actor", "ana")
    assert judgement.active
    [entry] = audit_trail(store, "judgement", str(judgement.id))
    assert (entry.action, entry.user, entry.before, entry.note) == (
        "merge", "ana", None, "same movement",
    )  # fmt: skip
    assert entry.after == {
        "left_id": "ansarallah", "right_id": "houthis", "kind": "actor", "verdict": "same",
        "reason": "same movement",
    }  # fmt: skip


def test_canonical_id_prefers_the_gazetteer_id_and_split_restores_it(store: Store) -> None:
    judgement = merge(store, "ansarallah", "houthis", "ana", "same movement")
    assert canonical_id(store, "ansarallah") == "houthis"
    assert canonical_id(store, "houthis") == "houthis"
    retracted = split(store, judgement.id, "ben", note="different faction after all")
    assert retracted.retracted_by == "ben" and not retracted.active
    assert canonical_id(store, "ansarallah") == "ansarallah"
    [kept] = list_judgements(store)
    assert kept.id == judgement.id and kept.retracted_at is not None  # never deleted
    entry = audit_trail(store, "judgement", str(judgement.id))[-1]
    assert (entry.action, entry.user, entry.before) == (
        "split", "ben", {"retracted_at": None, "retracted_by": None},
    )  # fmt: skip
    assert entry.after["retracted_by"] == "ben"
    assert list_judgements(store, active_only=True) == []


def test_merge_vessels_by_name_and_imo(store: Store) -> None:
    judgement = merge(store, "M/V Francop", "imo:9203863", "ana", "same hull", kind="vessel")
    assert (judgement.left_id, judgement.right_id) == ("vessel:francop", "imo:9203863")
    assert canonical_id(store, "vessel:francop") == "imo:9203863"


@pytest.mark.parametrize(
    ("left", "right", "kind", "message"),
    [
        ("KP", "kp", "actor", "are the same id 'KP'"),
        ("KP", "Narnia", "actor", "'Narnia' is neither in the gazetteer nor in any stored claim"),
        ("Hizbolla", "IR", "actor", "did you mean hezbollah"),
        ("DIA", "KR", "actor", "'DIA' is ambiguous: it names kr-dia, us-dia"),
        ("KP", "RU", "person", "kind: 'person' is not one of"),
    ],
)
def test_merge_refuses_bad_ids(
    store: Store, left: str, right: str, kind: str, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        merge(store, left, right, "ana", "why not", kind=kind)
    assert list_judgements(store) == [] and audit_trail(store) == []


def test_merge_needs_a_reason_and_a_user(store: Store) -> None:
    with pytest.raises(UsageError, match="reason"):
        merge(store, "ansarallah", "houthis", "ana", "  ")
    with pytest.raises(UsageError, match="user name is required"):
        merge(store, "ansarallah", "houthis", "", "same")


def test_merge_refuses_what_is_already_one_or_judged_different(store: Store) -> None:
    merge(store, "ansarallah", "houthis", "ana", "same movement")
    with pytest.raises(UsageError, match="already one entity"):
        merge(store, "houthis", "ansarallah", "ana", "again")
    different = distinguish(store, "hezbollah", "hamas", "ana", "different groups")
    with pytest.raises(UsageError, match=rf"judged different \(judgement {different.id}\)"):
        merge(store, "hamas", "hezbollah", "ben", "typo")
    with pytest.raises(UsageError, match="are merged"):
        distinguish(store, "houthis", "ansarallah", "ana", "no")


def test_split_refuses_unknown_and_retracted_judgements(store: Store) -> None:
    with pytest.raises(UsageError, match="judgement 99: no such judgement"):
        split(store, 99, "ana")
    judgement = merge(store, "ansarallah", "houthis", "ana", "same")
    split(store, judgement.id, "ana")
    with pytest.raises(UsageError, match="already retracted by ana"):
        split(store, judgement.id, "ana")


def _judgement(n: int, left: str, right: str, verdict: str = "same") -> Judgement:
    at = datetime(2025, 1, n, tzinfo=UTC)
    return Judgement(n, at, "ana", left, right, "actor", verdict, "test")


def test_resolver_unions_transitively_and_picks_the_smallest_known_id() -> None:
    resolver = Resolver(
        [_judgement(1, "zeta", "beta"), _judgement(2, "beta", "alpha")],
        known_ids=frozenset({"zeta"}),
    )
    assert {resolver.canonical(x) for x in ("alpha", "beta", "zeta")} == {"zeta"}
    assert resolver.members("alpha") == ["alpha", "beta", "zeta"]
    assert (
        Resolver([_judgement(1, "zeta", "beta")], known_ids=frozenset()).canonical("zeta") == "beta"
    )


def test_resolver_ignores_retracted_and_different_judgements() -> None:
    retracted = _judgement(1, "a", "b")
    retracted = Judgement(**{**retracted.__dict__, "retracted_at": retracted.at})
    resolver = Resolver([retracted, _judgement(2, "a", "c", "different")], known_ids=frozenset())
    assert resolver.canonical("b") == "b" and resolver.canonical("c") == "c"
