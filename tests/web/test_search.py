"""Full-text search over documents on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm)."""

from __future__ import annotations

import pytest

from armstrace.errors import UsageError
from armstrace.model import Document
from armstrace.store import open_store
from armstrace.store.search import find_all, search_documents


@pytest.mark.parametrize(
    ("query", "stems"),
    [
        ("북한", {"nis_briefing"}),  # two syllables: the pair index, not a trigram
        ("러시아에", {"nis_briefing"}),
        ("снаряды", {"tass_note"}),
        ("СНАРЯДЫ", {"tass_note"}),  # any case, Cyrillic too
        ("containers", {"ledger"}),
        ("CONTAINERS OF", {"ledger"}),
        ("Hezbollah through Syria", {"ledger"}),
        ("Ко", {"tass_note"}),
        ("КО", {"tass_note"}),  # two characters, any case
        ("и.", {"tass_note"}),  # the last two characters of its text
        ("zq", set()),
        ("<script>", {"ledger"}),
        ("100%", set()),
        ("nothing like this", set()),
    ],
)
def test_search_finds_words_in_any_script(seeded_url: str, query: str, stems: set[str]) -> None:
    with open_store(seeded_url) as store:
        page = search_documents(store, query)
    assert {hit.stem for hit in page.hits} == stems
    assert page.total == len(stems)


def test_search_snippet_highlights_the_match(seeded_url: str) -> None:
    with open_store(seeded_url) as store:
        hit = search_documents(store, "북한").hits[0]
    assert hit.highlights
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "북한"


def test_search_index_follows_new_documents_in_the_same_transaction(seeded_url: str) -> None:
    text = "Sudan received Serbian mortars via the port of Bar, a customs note said."
    with open_store(seeded_url) as store:
        assert search_documents(store, "Serbian mortars").total == 0
        store.save_document(
            Document(source="/in/bar.txt", stem="bar", text=text, format="text", raw=text.encode()),
            [],
        )
        page = search_documents(store, "serbian MORTARS")
    assert [hit.stem for hit in page.hits] == ["bar"]


def test_search_pages_through_hits(seeded_url: str) -> None:
    with open_store(seeded_url) as store:
        first = search_documents(store, "о", limit=1)
        second = search_documents(store, "о", limit=1, offset=1)
    assert first.total == second.total >= 1
    assert first.hits != second.hits or first.total == 1


@pytest.mark.parametrize("query", ["", "   ", "x" * 201])
def test_search_refuses_empty_or_huge_queries(seeded_url: str, query: str) -> None:
    with open_store(seeded_url) as store, pytest.raises(UsageError, match="search: the query"):
        search_documents(store, query)


@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("Rockets, ROCKETS and rockets", "rockets", ((0, 7), (9, 16), (21, 28))),
        ("북한은 북한", "북한", ((0, 2), (4, 6))),
        ("nothing", "x", ()),
    ],
)
def test_find_all_ignores_case(
    haystack: str, needle: str, expected: tuple[tuple[int, int], ...]
) -> None:
    assert find_all(haystack, needle) == expected
