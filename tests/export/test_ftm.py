"""FollowTheMoney: every entity validates against the FtM model and every link resolves."""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any, cast

import pytest
from followthemoney import model
from followthemoney.schema import ValidationData

from armstrace.export import ExportSet, get_exporter
from armstrace.export.ftm import entity_id

from .samples import SampleStore


def _entities(export: ExportSet) -> list[dict[str, Any]]:
    buffer = io.StringIO()
    get_exporter("ftm").write(export, buffer)
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


@pytest.fixture(scope="module")
def entities(sample_export: ExportSet) -> list[dict[str, Any]]:
    """The sample's entities, built once."""
    return _entities(sample_export)


def test_ftm_entities_validate_against_the_model(entities: list[dict[str, Any]]) -> None:
    for data in entities:
        proxy = model.get_proxy(data)
        assert proxy.schema.validate(cast(ValidationData, proxy.to_dict())) is None, data["id"]
    schemata = Counter(data["schema"] for data in entities)
    assert {"PublicBody", "Document", "Event", "Trip", "Vessel", "UnknownLink"} <= set(schemata)


def test_ftm_every_entity_reference_resolves(entities: list[dict[str, Any]]) -> None:
    ids = {data["id"] for data in entities}
    assert len(ids) == len(entities)
    for data in entities:
        for prop, value in model.get_proxy(data).itervalues():
            if prop.type.name == "entity":
                assert value in ids, (data["id"], prop.name, value)


def test_ftm_claim_event_has_parties_and_proof(
    sample: SampleStore, entities: list[dict[str, Any]]
) -> None:
    by_id = {data["id"]: data for data in entities}
    event = by_id[entity_id("claim", sample.graded)]["properties"]
    assert event["organizer"] == [entity_id("actor", "KP")]
    assert event["involved"] == [entity_id("actor", "RU")]
    assert event["proof"] == [entity_id("doc", "ledger_container_estimates")]
    assert "Credibility 2" in event["notes"][0]
    roles = {
        data["properties"]["role"][0]
        for data in by_id.values()
        if data["schema"] == "UnknownLink"
        and data["properties"]["object"] == [entity_id("claim", sample.graded)]
    }
    assert roles == {"supplier", "recipient"}
    assert entity_id("claim", sample.rejected) not in by_id


def test_ftm_a_named_ship_makes_the_event_a_trip(entities: list[dict[str, Any]]) -> None:
    vessels = {data["id"] for data in entities if data["schema"] == "Vessel"}
    trips = [data for data in entities if data["schema"] == "Trip"]
    assert trips and all(set(t["properties"]["vehicle"]) <= vessels for t in trips)


def test_ftm_export_is_sorted_and_repeatable(
    sample_export: ExportSet, entities: list[dict[str, Any]]
) -> None:
    assert _entities(sample_export) == entities
    assert [data["id"] for data in entities] == sorted(data["id"] for data in entities)
