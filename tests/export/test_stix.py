"""STIX 2.1: the bundle passes the OASIS validator; ids and confidence follow the claims."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from stix2validator import ValidationOptions, validate_string

from armstrace.export import ExportSet, get_exporter
from armstrace.export.stix import stix_id

from .samples import SampleStore


def _bundle(export: ExportSet) -> str:
    buffer = io.StringIO()
    get_exporter("stix").write(export, buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bundle(sample_export: ExportSet) -> str:
    """The sample's bundle, built once (stix2 objects are slow to build)."""
    return _bundle(sample_export)


@pytest.fixture(scope="module")
def objects(bundle: str) -> dict[str, dict[str, Any]]:
    return {obj["id"]: obj for obj in json.loads(bundle)["objects"]}


def test_stix_bundle_passes_the_stix2_validator(bundle: str) -> None:
    results = validate_string(bundle, ValidationOptions(version="2.1"))
    assert results.is_valid, [str(error) for error in results.errors]


def test_stix_export_twice_gives_the_same_bundle(sample_export: ExportSet, bundle: str) -> None:
    assert _bundle(sample_export) == bundle


def test_stix_ids_come_from_claim_and_actor_ids(
    sample: SampleStore, objects: dict[str, dict[str, Any]]
) -> None:
    relationship = objects[stix_id("relationship", sample.graded)]
    assert relationship["source_ref"] == stix_id("identity", "KP")
    assert relationship["target_ref"] == stix_id("identity", "RU")
    assert objects[stix_id("identity", "KP")]["name"] == "North Korea"
    assert stix_id("relationship", "x") == stix_id("relationship", "x") != stix_id("note", "x")


def test_stix_confidence_follows_credibility(
    sample: SampleStore, objects: dict[str, dict[str, Any]]
) -> None:
    assert objects[stix_id("relationship", sample.graded)]["confidence"] == 70
    assert "confidence" not in objects[stix_id("relationship", sample.confirmed)]


def test_stix_cites_the_evidence_in_an_external_reference(
    sample: SampleStore, sample_export: ExportSet, objects: dict[str, dict[str, Any]]
) -> None:
    claim = next(c for c in sample_export.claims if c.id == sample.graded)
    reference = objects[stix_id("relationship", claim.id)]["external_references"][0]
    assert reference["description"] == claim.evidence_text
    assert reference["external_id"] == f"{claim.doc}:{claim.evidence_start}-{claim.evidence_end}"


def test_stix_carries_judgements_and_leaves_out_rejected_claims(
    sample: SampleStore, objects: dict[str, dict[str, Any]]
) -> None:
    opinion = objects[stix_id("opinion", sample.confirmed)]
    assert (opinion["opinion"], opinion["authors"]) == ("strongly-agree", ["test-analyst"])
    assert opinion["explanation"] == "matches the minister's statement"
    notes = [o for o in objects.values() if o["type"] == "note" and o.get("authors")]
    assert {n["abstract"] for n in notes} >= {"analyst confirm", "analyst edit"}
    assert stix_id("relationship", sample.rejected) not in objects
    assert stix_id("note", sample.rejected) not in objects


def test_stix_report_per_document_lists_its_objects(objects: dict[str, dict[str, Any]]) -> None:
    reports = [o for o in objects.values() if o["type"] == "report"]
    assert {r["name"] for r in reports} >= {
        "From 6,700 to 33,000: How Seoul and Washington Counted Pyongyang's Containers"
    }
    for report in reports:
        assert all(ref in objects for ref in report["object_refs"]), report["name"]
