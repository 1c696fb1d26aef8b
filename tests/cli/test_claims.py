"""`armstrace claims`, `documents` and `status` read what the store holds."""

from __future__ import annotations

import json
from collections.abc import Callable
from subprocess import CompletedProcess

import pytest

from armstrace.model import Claim, Document
from armstrace.model.claim import Conveyance, Evidence, Item, Quantity
from armstrace.store import open_store

Run = Callable[..., CompletedProcess[str]]

TEXT = (
    "North Korea sent 5,000 shells to Russia in 2023. Iran shipped rockets to Hezbollah in "
    "2009. Israel seized the MV Francop in November 2009."
)


def _evidence(phrase: str) -> Evidence:
    start = TEXT.index(phrase)
    return Evidence(phrase, start, start + len(phrase))


CLAIMS = {
    "shells": Claim(
        doc="sample",
        type="transfer",
        supplier="KP",
        recipient="RU",
        item=Item("artillery_ammunition"),
        quantity=Quantity(5000, "items"),
        when="2023",
        hedge="reported",
        evidence=_evidence("North Korea sent 5,000 shells to Russia in 2023."),
    ),
    "rockets": Claim(
        doc="sample",
        type="transfer",
        supplier="IR",
        recipient="hezbollah",
        item=Item("rockets"),
        when="2009",
        hedge="alleged",
        evidence=_evidence("Iran shipped rockets to Hezbollah in 2009."),
    ),
    "francop": Claim(
        doc="sample",
        type="interdiction",
        supplier="IR",
        recipient="hezbollah",
        item=Item("rockets"),
        when="2009-11",
        hedge="confirmed",
        seized_by="IL",
        conveyance=Conveyance("ship", "MV Francop"),
        evidence=_evidence("Israel seized the MV Francop in November 2009."),
    ),
}


def _fill(url: str) -> str:
    document = Document(source="sample.txt", stem="sample", text=TEXT, format="text", title="S")
    with open_store(url) as store:
        store.save_document(document, list(CLAIMS.values()))
    return url


@pytest.fixture
def filled_url(store_url: str) -> str:
    """A store (SQLite, then PostgreSQL) holding one document with the three claims above."""
    return _fill(store_url)


@pytest.fixture
def filled_sqlite(sqlite_url: str) -> str:
    """The same on SQLite only: the filters' SQL is tested on both databases in tests/store."""
    return _fill(sqlite_url)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ([], ["shells", "rockets", "francop"]),
        (["--supplier", "kp"], ["shells"]),
        (["--recipient", "Hezbollah", "--type", "interdiction"], ["francop"]),
        (["--category", "rockets", "--hedge", "alleged"], ["rockets"]),
        (["--since", "2010"], ["shells"]),
        (["--until", "2009-10"], ["rockets"]),
        (["--doc", "other", "--hedge", "confirmed"], []),
        (["--limit", "1", "--offset", "1"], ["rockets"]),
    ],
)
def test_claims_filters_narrow_the_list(
    run_cli: Run, filled_sqlite: str, filters: list[str], expected: list[str]
) -> None:
    result = run_cli("claims", "--db", filled_sqlite, "--format", "jsonl", *filters)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [CLAIMS[name].id for name in expected]
    for record in records:
        assert {k: v for k, v in record.items() if k not in ("id", "curation_status")} == next(
            c.to_record() for c in CLAIMS.values() if c.id == record["id"]
        )


def test_claims_json_and_table_formats(run_cli: Run, filled_url: str) -> None:
    as_json = run_cli("claims", "--db", filled_url, "--format", "json", "--type", "transfer")
    assert [r["type"] for r in json.loads(as_json.stdout)] == ["transfer", "transfer"]
    table = run_cli("claims", "--db", filled_url, "--supplier", "KP")
    assert table.returncode == 0, table.stderr
    assert "KP → RU" in table.stdout
    assert "5,000 items" in table.stdout


def test_documents_and_status_describe_the_store(run_cli: Run, filled_url: str) -> None:
    documents = run_cli("documents", "--db", filled_url, "--format", "json")
    assert documents.returncode == 0, documents.stderr
    (row,) = json.loads(documents.stdout)
    assert (row["stem"], row["title"], row["claims"]) == ("sample", "S", 3)

    status = run_cli("status", "--db", filled_url)
    assert status.returncode == 0, status.stderr
    assert "documents  1" in status.stdout
    assert "claims     3" in status.stdout


def test_status_masks_the_password(run_cli: Run) -> None:
    url = "postgresql://analyst:s3cret@127.0.0.1:1/armstrace"
    result = run_cli("status", "--db", url)
    assert result.returncode == 2
    assert "s3cret" not in result.stdout + result.stderr
    assert "***" in result.stderr
