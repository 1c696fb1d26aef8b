"""The claim JSON Schema: it matches the spec and the model, and the extractor's output obeys it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from armstrace.model.claim import (
    CATEGORIES,
    CLAIM_TYPES,
    CONCEALMENTS,
    CONVEYANCE_KINDS,
    HEDGES,
    QUALIFIERS,
    UNITS,
    Claim,
    Conveyance,
    Evidence,
    Item,
    Quantity,
)
from armstrace.schema import claim_errors, load_claim_schema

VALID: dict[str, Any] = {
    "doc": "000_example",
    "type": "interdiction",
    "supplier": "IR",
    "recipient": "hezbollah",
    "via": ["SY"],
    "item": {"category": "rockets", "designation": "107 mm", "caliber_mm": 107},
    "quantity": {"value": 3000, "unit": "items", "qualifier": "approx"},
    "when": {"start": "2009-11", "end": "2009-11-04"},
    "source": "IDF",
    "hedge": "confirmed",
    "conveyance": {"kind": "ship", "name": "MV Francop"},
    "seized_by": "IL",
    "concealment": "hidden_in_cargo",
    "evidence": {"text": "rockets were found", "start": 10, "end": 28},
}


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(load_claim_schema())


def test_schema_vocabularies_match_the_model() -> None:
    schema = load_claim_schema()
    props, defs = schema["properties"], schema["$defs"]
    assert props["type"]["enum"] == list(CLAIM_TYPES)
    assert sorted(props["hedge"]["enum"]) == sorted(HEDGES)
    assert props["quantity"]["properties"]["unit"]["enum"] == list(UNITS)
    assert props["quantity"]["properties"]["qualifier"]["enum"] == list(QUALIFIERS)
    assert props["conveyance"]["properties"]["kind"]["enum"] == list(CONVEYANCE_KINDS)
    assert props["concealment"]["enum"] == list(CONCEALMENTS)
    assert defs["category"]["enum"] == list(CATEGORIES)


def test_schema_accepts_a_full_record() -> None:
    assert claim_errors(VALID) == []


def test_schema_accepts_model_records() -> None:
    claim = Claim(
        doc="d",
        type="transfer",
        evidence=Evidence("shells", 4, 10),
        supplier="KP",
        recipient="RU",
        item=Item("artillery_ammunition", "152 mm", 152.0),
        quantity=Quantity(5000, "items", "range", 7000),
        when="2023-08",
        conveyance=Conveyance("rail"),
    )
    assert claim_errors(claim.to_record()) == []


def test_schema_accepts_support_without_item() -> None:
    record = {k: VALID[k] for k in ("doc", "supplier", "recipient", "evidence")}
    assert claim_errors({**record, "type": "support"}) == []


def _without(key: str) -> dict[str, Any]:
    return {k: v for k, v in VALID.items() if k != key}


def _with(path: str, value: Any) -> dict[str, Any]:
    record = copy.deepcopy(VALID)
    *parents, last = path.split(".")
    target = record
    for key in parents:
        target = target[key]
    target[last] = value
    return record


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (_without("doc"), "'doc' is a required property"),
        (_without("evidence"), "'evidence' is a required property"),
        (_without("item"), "'item' is a required property"),
        ({**_with("type", "transfer"), "recipient": None}, "None is not of type 'string'"),
        ({k: v for k, v in _with("type", "transfer").items() if k != "supplier"}, "'supplier'"),
        (_with("type", "sale"), "'sale' is not one of"),
        (_with("item.category", "guns"), "'guns' is not one of"),
        (_with("supplier", "North Korea"), "does not match"),
        (_with("via", ["sy"]), None),
        (_with("when", "2009-13"), "is not valid under any of the given schemas"),
        (_with("when", {}), "is not valid under any of the given schemas"),
        (_with("when", {"start": "2009", "until": "2010"}), "not valid under any"),
        (_with("hedge", "likely"), "'likely' is not one of"),
        (_with("quantity.unit", "pieces"), "'pieces' is not one of"),
        (_with("quantity.qualifier", "range"), "'max' is a required property"),
        (_with("conveyance.kind", "train"), "'train' is not one of"),
        (_with("concealment", "smuggled"), "'smuggled' is not one of"),
        (_with("evidence.start", 30), "evidence start 30 is after end 28"),
        (_with("evidence.end", 20), "evidence spans 10 characters"),
        (_with("evidence.start", -1), "-1 is less than the minimum of 0"),
        (_with("evidence.text", ""), "should be non-empty"),
        ({**VALID, "confidence": 0.9}, "Additional properties are not allowed"),
        (_with("item.colour", "green"), "Additional properties are not allowed"),
    ],
)
def test_schema_rejects_broken_records(record: dict[str, Any], message: str | None) -> None:
    errors = claim_errors(record)
    if message is None:  # a lower-case slug is a valid group id: this one must pass
        assert errors == []
    else:
        assert any(message in error for error in errors), errors


def test_schema_accepts_dev_gold(shared_dir: Path) -> None:
    gold = shared_dir / "corpus" / "dev" / "gold.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    problems = {n: claim_errors(json.loads(line)) for n, line in enumerate(lines, 1)}
    assert {n: e for n, e in problems.items() if e} == {}


def test_extract_output_validates_and_quotes_the_document(
    shared_dir: Path, run_cli: Callable[..., CompletedProcess[str]]
) -> None:
    docs = sorted((shared_dir / "corpus" / "dev" / "docs").glob("*.txt"))
    result = run_cli("extract", *map(str, docs), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    texts = {path.stem: path.read_text(encoding="utf-8") for path in docs}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert claim_errors(record) == [], line
        evidence = record["evidence"]
        assert texts[record["doc"]][evidence["start"] : evidence["end"]] == evidence["text"]
