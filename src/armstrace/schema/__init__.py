"""The claim record as a JSON Schema (draft 2020-12), shipped with the package.

Why a schema file beside `model/claim.py`: people who consume `armstrace extract` output from
other languages need the contract as data. The schema holds one check JSON Schema cannot
express — an evidence span's offsets must agree with its text — as the keyword
`x-evidence-span`, which `claim_validator()` enforces and other validators ignore.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "claim.schema.json"


@cache
def load_claim_schema() -> dict[str, Any]:
    """The parsed schema (read once)."""
    text = files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _evidence_span(
    validator: Any, enabled: Any, evidence: Any, schema: Mapping[str, Any]
) -> Iterator[Any]:
    from jsonschema import ValidationError

    if not enabled or not isinstance(evidence, dict):
        return
    text, start, end = evidence.get("text"), evidence.get("start"), evidence.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        return  # the type keywords report this
    if start > end:
        yield ValidationError(f"evidence start {start} is after end {end}")
    elif isinstance(text, str) and end - start != len(text):
        yield ValidationError(
            f"evidence spans {end - start} characters ({start}..{end}) but its text has {len(text)}"
        )


@cache
def _validator_class() -> Any:
    # jsonschema is imported on first use: importing it costs most of a second (its format
    # checkers), which every command line start would otherwise pay
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {"x-evidence-span": _evidence_span})


def claim_validator() -> Any:
    """A validator for one claim record, with the evidence-span check switched on."""
    return _validator_class()(load_claim_schema())


def claim_errors(record: object) -> list[str]:
    """Every problem with one record, as `path: message` lines; empty when it is valid."""
    found = sorted(
        claim_validator().iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path]
    )
    return [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}" for e in found]
