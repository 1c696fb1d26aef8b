"""`armstrace marking`: decode TEXT or a stored document's markings; exit 1 when none."""

from __future__ import annotations

import json
from collections.abc import Callable
from subprocess import CompletedProcess

from armstrace.model import Document
from armstrace.store import open_store

Run = Callable[..., CompletedProcess[str]]


def test_marking_cli_decodes_one_marking_as_json(run_cli: Run) -> None:
    result = run_cli("marking", "방-122", "--format", "json")
    assert result.returncode == 0, result.stderr
    (reading,) = json.loads(result.stdout)
    assert (reading["item"], reading["caliber_mm"], reading["rule"]) == (
        "122 mm rocket for a multiple rocket launcher", 122.0, "hangul/방.v1",
    )  # fmt: skip


def test_marking_cli_table_shows_year_and_rule(run_cli: Run) -> None:
    result = run_cli("marking", "17-88-1234")
    assert result.returncode == 0, result.stderr
    for text in ("17-88-1234", "1988", "1234", "lot-code/factory-year-batch.v1"):
        assert text in result.stdout


def test_marking_cli_lists_markings_inside_a_text(run_cli: Run) -> None:
    result = run_cli(
        "marking", "The crate stencil read 3-85-12 next to ОФ-462.", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    assert [r["text"] for r in json.loads(result.stdout)] == ["3-85-12", "ОФ-462"]


def test_marking_cli_reads_a_few_markings_typed_together_without_cues(run_cli: Run) -> None:
    result = run_cli("marking", "ОФ-462 17-88-1234", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [(r["text"], r["year"]) for r in json.loads(result.stdout)] == [
        ("ОФ-462", None), ("17-88-1234", 1988),
    ]  # fmt: skip


def test_marking_cli_exits_1_when_no_rule_matches(run_cli: Run) -> None:
    result = run_cli("marking", "hello world")
    assert result.returncode == 1
    assert result.stderr.strip() == "armstrace: no rule matches 'hello world'"
    assert result.stdout == ""


def test_marking_cli_reads_a_stored_document(run_cli: Run, sqlite_url: str) -> None:
    text = "Photographs show the marking 방-122 and a stencil 17-86-21 on the crates."
    with open_store(sqlite_url) as store:
        store.save_document(Document(source="a.txt", stem="crates", text=text, format="text"), [])
    result = run_cli("marking", "--doc", "crates", "--format", "json", "--db", sqlite_url)
    assert result.returncode == 0, result.stderr
    assert [(r["start"], r["text"]) for r in json.loads(result.stdout)] == [
        (text.index("방"), "방-122"), (text.index("17-86"), "17-86-21"),
    ]  # fmt: skip
    missing = run_cli("marking", "--doc", "nope", "--db", sqlite_url)
    assert missing.returncode == 2 and "--doc nope: no stored document" in missing.stderr
    both = run_cli("marking", "방-122", "--doc", "crates", "--db", sqlite_url)
    assert both.returncode == 2 and "give either TEXT or --doc STEM" in both.stderr
