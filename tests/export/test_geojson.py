"""GeoJSON: valid RFC 7946 (schema in this folder), flows from origin to destination."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from armstrace.export import ExportSet, get_exporter
from armstrace.store import DocumentRow, StoredClaim

from .samples import SampleStore

SCHEMA = json.loads((Path(__file__).with_name("geojson.schema.json")).read_text("utf-8"))


def _collection(export: ExportSet) -> dict[str, Any]:
    buffer = io.StringIO()
    get_exporter("geojson").write(export, buffer)
    data: dict[str, Any] = json.loads(buffer.getvalue())
    return data


def _claim(
    claim_id: str, supplier: str, recipient: str, evidence: str, **extra: Any
) -> StoredClaim:
    return StoredClaim(
        id=claim_id, document_id=1, doc="note", type="transfer", evidence_text=evidence,
        evidence_start=0, evidence_end=len(evidence), extractor_version="test",
        extracted_at=datetime(2024, 1, 1, tzinfo=UTC), curation_status="extracted",
        supplier=supplier, recipient=recipient, item_category="munitions", **extra,
    )  # fmt: skip


def _export(*claims: StoredClaim) -> ExportSet:
    document = DocumentRow(1, "note", "note.txt", None, None, None, "ok", "0" * 64, len(claims))
    return ExportSet.of(claims, [document])


def test_geojson_sample_export_is_valid_rfc7946(sample_export: ExportSet) -> None:
    errors = list(Draft202012Validator(SCHEMA).iter_errors(_collection(sample_export)))
    assert errors == []


def test_geojson_schema_rejects_what_rfc7946_forbids() -> None:
    validator = Draft202012Validator(SCHEMA)
    line = {"type": "LineString", "coordinates": [[200.0, 10.0], [0.0, 0.0]]}
    bad = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "geometry": line, "properties": {}}],
    }
    assert not validator.is_valid(bad)
    assert not validator.is_valid({"type": "FeatureCollection", "features": [], "crs": {}})


def test_geojson_flow_starts_at_the_named_port(
    sample: SampleStore, sample_export: ExportSet
) -> None:
    flows = [
        f for f in _collection(sample_export)["features"] if f["properties"]["feature"] == "flow"
    ]
    rajin = [f for f in flows if f["properties"]["route"][0] == "Rajin"]
    assert rajin and rajin[0]["properties"]["supplier"] == "KP"
    assert rajin[0]["geometry"]["coordinates"][0] == [130.3, 42.24]
    assert all(sample.rejected not in f["properties"]["claim_ids"] for f in flows)


def test_geojson_names_ports_as_points(sample_export: ExportSet) -> None:
    points = [f for f in _collection(sample_export)["features"] if f["geometry"]["type"] == "Point"]
    assert {(p["properties"]["name"], p["properties"]["kind"]) for p in points} >= {
        ("Rajin", "port")
    }


def test_geojson_groups_claims_on_one_route_into_one_flow() -> None:
    claims = [
        _claim("a", "KP", "RU", "Shells left Rajin for Vostochny.", hedge="reported"),
        _claim("b", "KP", "RU", "More shells left Rajin for Vostochny.", hedge="confirmed"),
    ]
    (flow,) = _collection(_export(*claims))["features"][:1]
    assert flow["properties"]["route"] == ["Rajin", "Vostochny"]
    assert (flow["properties"]["claims"], flow["properties"]["hedges"]) == (
        2,
        ["confirmed", "reported"],
    )


@pytest.mark.parametrize(
    ("supplier", "recipient", "evidence", "geometry"),
    [
        ("RU", "US", "The cargo left Vostochny for the United States.", "MultiLineString"),
        ("IR", "hezbollah", "Iran sent rockets to Hezbollah.", "LineString"),
    ],
)
def test_geojson_cuts_lines_at_the_antimeridian(
    supplier: str, recipient: str, evidence: str, geometry: str
) -> None:
    (flow, *_) = _collection(_export(_claim("c", supplier, recipient, evidence)))["features"]
    assert flow["geometry"]["type"] == geometry
    if geometry == "MultiLineString":
        first, second = flow["geometry"]["coordinates"]
        assert first[-1][0] == 180.0 and second[0][0] == -180.0
        assert first[-1][1] == second[0][1]
    assert Draft202012Validator(SCHEMA).is_valid({"type": "FeatureCollection", "features": [flow]})
