"""The curation commands: JSON out, one error line, exit codes.

Successful runs use Typer's runner on the app object (an interpreter start per command costs
a second or more); how errors reach the user is checked on the console script itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
from typer.testing import CliRunner

from armstrace.cli.app import app
from armstrace.errors import UsageError
from armstrace.model import Document
from armstrace.store import open_store

from .conftest import TEXT, sample_claims

Run = Callable[..., CompletedProcess[str]]


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A SQLite store holding the sample report (publisher "Harbour Watch")."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with open_store(url) as store:
        document = Document("/in/francop.txt", "francop", TEXT, "text", raw=TEXT.encode(),
                            publisher="Harbour Watch")  # fmt: skip
        store.save_document(document, sample_claims())
    return url


def _run(db: str, *args: str, user: str = "ana") -> Any:
    """Run a command in-process with --db and --format json; its parsed output."""
    env = {"ARMSTRACE_USER": user, "COLUMNS": "200"}
    result = CliRunner().invoke(app, [*args, "--db", db, "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _claim_id(kind: str) -> str:
    [claim_id] = [c.id for c in sample_claims() if c.type == kind]
    return claim_id


def test_cli_curate_edit_grade_and_audit(db: str) -> None:
    claim_id = _claim_id("transfer")
    edited = _run(db, "curate", "edit", claim_id, "--set", "supplier=KP", "--set",
                  "when=2023-09", "--set", "quantity=1200", "--note", "p. 2")  # fmt: skip
    assert (edited["when"], edited["quantity"]["value"], edited["curation_status"]) == (
        "2023-09", 1200, "edited",
    )  # fmt: skip
    graded = _run(db, "curate", "credibility", claim_id, "3", user="ben")
    assert graded["credibility"] == 3
    entries = _run(db, "audit", "--target", claim_id)
    assert [(e["user"], e["action"]) for e in entries] == [("ana", "edit"), ("ben", "credibility")]
    assert (entries[0]["after"]["when"], entries[0]["note"]) == ("2023-09", "p. 2")
    result = CliRunner().invoke(app, ["audit", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "credibility" in result.stdout


def test_cli_reliability_entities_and_findings(db: str) -> None:
    assert _run(db, "reliability", "harbour watch", "b") == [
        {"publisher": "Harbour Watch", "reliability": "B"}
    ]
    assert _run(db, "reliability") == [{"publisher": "Harbour Watch", "reliability": "B"}]
    assert _run(db, "entities", "resolve", "Hizbolla")[0]["id"] == "hezbollah"
    merged = _run(db, "entities", "merge", "hezbollah", "houthis", "--reason", "test")
    assert merged["verdict"] == "same" and merged["active"] is True
    findings = _run(db, "findings", "--recipient", "HEZBOLLAH")
    assert sorted(f["type"] for f in findings) == ["interdiction", "support"]
    [rockets] = [f for f in findings if f["type"] == "interdiction"]
    assert rockets["sources"][0]["key"] == "il-idf" and rockets["single_source"] is True
    assert rockets["vessel"] == "vessel:francop" and rockets["sources"][0]["reliability"] is None
    override = _run(db, "curate", "finding", rockets["id"], "2")
    assert override == {"finding": rockets["id"], "credibility": 2}
    [again] = _run(db, "findings", "--type", "interdiction")
    assert (again["credibility"], again["credibility_set_by"]) == (2, "analyst")
    assert _run(db, "entities", "split", str(merged["id"]))["active"] is False
    assert len(_run(db, "entities", "list", "--active")) == 0
    assert len(_run(db, "findings", "--recipient", "hezbollah")) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["curate", "confirm", "nope"], "claim 'nope': no such claim"),
        (["curate", "edit", "nope", "--set", "colour"], "--set 'colour': expected FIELD=VALUE"),
        (["reliability", "Nobody Weekly", "A"], "'Nobody Weekly' is neither the publisher"),
        (["entities", "split", "7"], "judgement 7: no such judgement"),
        (["entities", "merge", "KP", "KP", "--reason", "x"], "are the same id 'KP'"),
    ],
)
def test_cli_curation_refuses_bad_input(db: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert isinstance(result.exception, UsageError)
    assert message in str(result.exception)


def test_cli_curation_error_is_one_line_and_exit_2(run_cli: Run, db: str) -> None:
    result = run_cli("curate", "confirm", "nope", "--db", db)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "armstrace: claim 'nope': no such claim (see `armstrace claims --format json`)"
    ]


@pytest.mark.slow
def test_cli_reextract_keeps_curated_claims(run_cli: Run, db: str) -> None:
    claim_id = _claim_id("support")
    _run(db, "curate", "reject", claim_id)
    result = run_cli("reextract", "--db", db, "--format", "json", ARMSTRACE_USER="cy")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["failed"] == [] and summary["documents"][0]["curated_kept"] == 1
    claims = _run(db, "claims")
    assert [c["curation_status"] for c in claims if c["id"] == claim_id] == ["rejected"]
    [entry] = _run(db, "audit", "--type", "document")
    assert (entry["user"], entry["action"]) == ("cy", "reextract")
