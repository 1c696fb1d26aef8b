"""`armstrace import`: bad lines named with their reason, placeholders, stored documents."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from armstrace.batch import ingest_sources
from armstrace.export import PLACEHOLDER_FORMAT, collect_export
from armstrace.extract import load_extractor
from armstrace.imports import import_claims, import_lines
from armstrace.model.claim import Claim
from armstrace.settings import load_settings
from armstrace.store import open_store

from .samples import write_lines

TEXT = "Officials said North Korea shipped 300 rockets to Russia in 2023 aboard the Angara."
QUOTE = "shipped 300 rockets"
START = TEXT.index(QUOTE)


def _record(**changes: Any) -> dict[str, Any]:
    """A valid exported line for a document that is not in the store."""
    record: dict[str, Any] = {
        "id": "a1b2c3d4e5f6a1b2c3d4e5f6",
        "doc": "colleague_note",
        "type": "transfer",
        "supplier": "KP",
        "recipient": "RU",
        "item": {"category": "rockets"},
        "quantity": {"value": 300, "unit": "items", "qualifier": "exact"},
        "when": "2023",
        "evidence": {"text": QUOTE, "start": START, "end": START + len(QUOTE)},
        "curation_status": "confirmed",
        "credibility": 3,
        "document": {"title": "A colleague's note", "publisher": "Desk", "reliability": "C"},
        "audit": [{"at": "2024-05-01T10:00:00+00:00", "user": "ana", "action": "confirm"}],
    }
    record.update(changes)
    return {key: value for key, value in record.items() if value is not None}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "expected a JSON object, found list"),
        (json.dumps(_record(evidence=None)), "'evidence' is a required property"),
        (json.dumps(_record(type="gift")), "type: 'gift' is not one of"),
        (json.dumps(_record(curation_status="maybe")), "curation_status: 'maybe' is not one of"),
        (json.dumps(_record(credibility=9)), "credibility: 9 is not a whole number from 1 to 6"),
        (
            json.dumps(_record(audit=[{"at": "2024-05-01", "action": "x"}])),
            "audit/0: user and action",
        ),
        (
            json.dumps(_record(audit=[{"user": "a", "action": "x", "at": "May"}])),
            "'May' is not an ISO",
        ),
        (json.dumps(_record(document={"reliability": "Z"})), "document/reliability: 'Z'"),
        (json.dumps(_record(colour="red")), "Additional properties are not allowed"),
    ],
)
def test_import_reports_a_bad_line_with_its_number_and_reason(
    sqlite_url: str, tmp_path: Path, line: str, reason: str
) -> None:
    good = _record()
    path = write_lines(tmp_path / "in.jsonl", [good, line])
    with open_store(sqlite_url) as store:
        summary = import_claims(store, path)
        stored = [claim.id for claim in store.query_claims()]
    assert [(p.line, reason in p.reason) for p in summary.problems] == [(2, True)], summary
    assert stored == [good["id"]]


def test_import_creates_a_placeholder_document_with_the_metadata(store_url: str) -> None:
    with open_store(store_url) as store:
        summary = import_lines(store, [json.dumps(_record())])
        documents = store.documents()
        export = collect_export(store)
        claim = store.query_claims()[0]
    assert summary.placeholders == ["colleague_note"]
    assert [(d.stem, d.title, d.publisher) for d in documents] == [
        ("colleague_note", "A colleague's note", "Desk")
    ]
    assert export.document(claim).format == PLACEHOLDER_FORMAT
    assert export.reliability == {"Desk": "C"}
    assert (claim.curation_status, claim.credibility) == ("confirmed", 3)
    assert [e.user for e in export.audit[claim.id]] == ["ana"]


def test_import_checks_evidence_against_a_stored_document(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "colleague_note.txt").write_text(TEXT + "\n", encoding="utf-8")
    wrong = _record(
        id="ffffffffffffffffffffffff", evidence={"text": "shipped 300", "start": 0, "end": 11}
    )
    with open_store(sqlite_url) as store:
        ingest_sources([str(folder)], store, load_extractor(), settings=load_settings())
        summary = import_lines(store, [json.dumps(_record()), json.dumps(wrong)])
        documents = store.documents()
    assert summary.imported == 1 and summary.placeholders == []
    assert [(p.line, p.reason) for p in summary.problems] == [
        (2, "evidence 0..11 does not match the text of document 'colleague_note' in this store")
    ]
    assert len(documents) == 1


def test_import_leaves_claims_already_stored_as_they_are(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        import_lines(store, [json.dumps(_record())])
        again = import_lines(store, [json.dumps(_record(curation_status="rejected"))])
        claim = store.query_claims()[0]
    assert (again.imported, again.already_stored) == (0, 1)
    assert claim.curation_status == "confirmed"


def test_import_accepts_plain_extract_output(sqlite_url: str) -> None:
    spec = {
        key: _record()[key] for key in ("doc", "type", "supplier", "recipient", "item", "evidence")
    }
    with open_store(sqlite_url) as store:
        summary = import_lines(store, [json.dumps(spec)])
        claim = store.query_claims()[0]
    assert summary.imported == 1
    assert claim.id == Claim.from_record(spec).id
    assert claim.curation_status == "extracted"


def test_import_cli_exits_1_and_names_the_bad_line(
    run_cli: Callable[..., CompletedProcess[str]], tmp_path: Path
) -> None:
    path = write_lines(tmp_path / "in.jsonl", [_record(), "", "{oops"])
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = run_cli("import", str(path), "--db", db, "--format", "json")
    assert result.returncode == 1, result.stderr
    assert (
        result.stderr.strip()
        == f"armstrace: {path}:3: not JSON: Expecting property name enclosed in double quotes at column 2"
    )
    body = json.loads(result.stdout)
    assert (body["imported"], body["placeholders"], body["ok"]) == (1, ["colleague_note"], False)
    table = run_cli("import", str(path), "--db", db)
    assert "already stored" in table.stdout and table.returncode == 1


def test_import_cli_refuses_a_missing_file(
    run_cli: Callable[..., CompletedProcess[str]], tmp_path: Path
) -> None:
    result = run_cli(
        "import", str(tmp_path / "nope.jsonl"), "--db", f"sqlite:///{tmp_path / 'x.db'}"
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"armstrace: {tmp_path / 'nope.jsonl'}: cannot read: ")
