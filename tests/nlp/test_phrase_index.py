"""Phrase indexes share one automaton per group: each must still see only its own phrases."""

from __future__ import annotations

import gc

from armstrace.nlp.phrases import PhraseIndex, PhraseMatcher, _shared

TEXT = "The Grad rockets went by rail; a grad student took the train."


def test_indexes_sharing_a_key_keep_their_own_values() -> None:
    goods = PhraseIndex([("Grad", "rockets")], lower=True, group="test-values")
    people = PhraseIndex([("grad student", "person"), ("grad", "degree")], lower=True,
                         group="test-values")  # fmt: skip
    assert [(s, e, v) for s, e, _k, v in goods.find(TEXT)] == [
        (4, 8, "rockets"),
        (33, 37, "rockets"),
    ]
    assert [(s, e, v) for s, e, _k, v in people.find(TEXT)] == [
        (4, 8, "degree"),
        (33, 45, "person"),
    ]


def test_an_index_made_after_a_scan_is_found_in_the_same_text() -> None:
    rail = PhraseMatcher(["by rail"])
    assert [m.group() for m in rail.finditer(TEXT)] == ["by rail"]
    train = PhraseMatcher(["the train"])  # the shared automaton is rebuilt, the cache dropped
    assert [m.group() for m in train.finditer(TEXT)] == ["the train"]
    assert [m.group() for m in rail.finditer(TEXT)] == ["by rail"]


def test_a_collected_index_leaves_the_shared_automaton() -> None:
    group = "test-collect"
    kept = PhraseIndex([("rockets", 1)], lower=True, group=group)
    gone = PhraseIndex([("train", 2)], lower=True, group=group)
    _folded, hits = _shared(group, True).hits(TEXT)
    assert len(hits) == 2
    del gone
    gc.collect()
    _folded, hits = _shared(group, True).hits(TEXT)
    assert len(hits) == 1
    assert [v for _s, _e, _k, v in kept.find(TEXT)] == [1]


def test_case_sensitive_and_folded_indexes_do_not_mix() -> None:
    exact = PhraseIndex([("Grad", "name")], lower=False, group="test-case")
    folded = PhraseIndex([("grad", "word")], lower=True, group="test-case")
    assert [v for _s, _e, _k, v in exact.find(TEXT)] == ["name"]
    assert [v for _s, _e, _k, v in folded.find(TEXT)] == ["word", "word"]
