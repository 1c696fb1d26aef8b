"""jsonl export and import: the round trip through an empty store gives the same bytes."""

from __future__ import annotations

import io
import json

import pytest

from armstrace.export import ExportSet, collect_export, get_exporter
from armstrace.export.jsonl import EXTRA_KEYS
from armstrace.imports import import_lines
from armstrace.schema import claim_errors
from armstrace.store import open_store

from .samples import SampleStore


def _jsonl(export: ExportSet) -> str:
    buffer = io.StringIO()
    get_exporter("jsonl").write(export, buffer)
    return buffer.getvalue()


def test_jsonl_round_trip_through_an_empty_store_is_identical(
    sample_export: ExportSet, store_url: str
) -> None:
    first = _jsonl(sample_export)
    with open_store(store_url) as store:
        summary = import_lines(store, first.splitlines(), source="first.jsonl")
        again = _jsonl(collect_export(store))
    assert summary.ok, summary.problems
    assert summary.imported == len(sample_export.claims)
    assert again == first


def test_jsonl_round_trip_keeps_curation_and_audit(
    sample: SampleStore, sample_export: ExportSet, sqlite_url: str
) -> None:
    with open_store(sqlite_url) as store:
        import_lines(store, _jsonl(sample_export).splitlines())
        claims = {claim.id: claim for claim in store.query_claims()}
        publishers = collect_export(store).reliability
    assert claims[sample.confirmed].curation_status == "confirmed"
    assert claims[sample.rejected].curation_status == "rejected"
    assert claims[sample.edited].curation_status == "edited"
    assert claims[sample.edited].hedge == "reported"
    assert claims[sample.graded].credibility == 2
    assert publishers["Northeast Ledger"] == "B"


def test_jsonl_lines_carry_the_audit_entries(sample: SampleStore, sample_export: ExportSet) -> None:
    records = {r["id"]: r for r in map(json.loads, _jsonl(sample_export).splitlines())}
    confirmed = records[sample.confirmed]["audit"]
    assert [(e["user"], e["action"], e["note"]) for e in confirmed] == [
        ("test-analyst", "confirm", "matches the minister's statement")
    ]
    assert records[sample.edited]["audit"][0]["after"]["hedge"] == "reported"
    untouched = next(r for r in records.values() if r["curation_status"] == "extracted")
    assert "audit" not in untouched


def test_jsonl_lines_are_spec_records_plus_known_keys(sample_export: ExportSet) -> None:
    for line in _jsonl(sample_export).splitlines():
        record = json.loads(line)
        spec = {key: value for key, value in record.items() if key not in EXTRA_KEYS}
        assert claim_errors(spec) == [], line
        assert list(record) == sorted(record)


def test_jsonl_export_twice_gives_the_same_bytes(sample: SampleStore) -> None:
    with open_store(sample.url) as store:
        assert _jsonl(collect_export(store)) == _jsonl(collect_export(store))


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
def test_jsonl_json_array_holds_the_same_records(
    sample_export: ExportSet, output_format: str
) -> None:
    buffer = io.StringIO()
    get_exporter(output_format).write(sample_export, buffer)
    text = buffer.getvalue()
    records = (
        json.loads(text) if output_format == "json" else list(map(json.loads, text.splitlines()))
    )
    assert [r["id"] for r in records] == [claim.id for claim in sample_export.claims]
