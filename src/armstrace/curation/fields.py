"""Checking an analyst's edit of a claim against the spec before anything is written.

Why a module of its own: an edit arrives as loose values (from the command line, a web form,
a notebook) and must leave a record the JSON Schema accepts, with actors as gazetteer ids.
The evidence span is what the claim is cited by, so it can never be edited.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from armstrace.errors import UsageError
from armstrace.gazetteer import load_gazetteer
from armstrace.model.claim import (
    CATEGORIES,
    CLAIM_FIELDS,
    CONCEALMENTS,
    CONVEYANCE_KINDS,
    HEDGES,
)
from armstrace.schema import claim_errors

EDITABLE_FIELDS = CLAIM_FIELDS
"""The spec's fields an analyst may change: all of them but `doc` and `evidence`, which are fixed."""
LOCKED_FIELDS = ("doc", "evidence", "id", "curation_status", "credibility")
_ACTOR_FIELDS = ("supplier", "recipient", "seized_by")
_SHORTHAND = {"item": "category", "quantity": "value", "conveyance": "kind"}
"""A plain value for an object field sets this key: `item=rockets`, `quantity=3000`."""


def apply_changes(
    claim_id: str, record: Mapping[str, Any], changes: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The edited record and the changed fields' values before and after.

    `changes` maps spec fields to new values; None removes an optional field. Object fields
    (item, quantity, conveyance) given as a dict are merged into the current value (a key set
    to None is removed); a plain value sets the main key. Raises UsageError naming the claim,
    the field and the reason when the result would not be a valid claim record.
    """
    if not changes:
        raise UsageError(f"claim {claim_id}: no changes given")
    edited = copy.deepcopy(dict(record))
    for field, value in changes.items():
        if field in LOCKED_FIELDS:
            raise UsageError(f"claim {claim_id}: {field} cannot be edited")
        if field not in EDITABLE_FIELDS:
            raise UsageError(
                f"claim {claim_id}: {field!r} is not a claim field; "
                f"editable: {', '.join(EDITABLE_FIELDS)}"
            )
        new = _clean(claim_id, field, value, edited.get(field))
        if new is None:
            edited.pop(field, None)
        else:
            edited[field] = new
    problems = claim_errors(edited)
    if problems:
        raise UsageError(f"claim {claim_id}: the edit leaves an invalid claim: {problems[0]}")
    changed = [f for f in EDITABLE_FIELDS if record.get(f) != edited.get(f)]
    if not changed:
        raise UsageError(f"claim {claim_id}: the changes leave the claim as it is")
    before = {field: copy.deepcopy(record.get(field)) for field in changed}
    after = {field: copy.deepcopy(edited.get(field)) for field in changed}
    return edited, before, after


def clean_actor(claim_id: str, field: str, value: object) -> str:
    """A gazetteer actor id for `value`: an id (any case) or a name naming exactly one actor."""
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"claim {claim_id}: {field} must be an actor id, not {value!r}")
    gaz = load_gazetteer()
    text = value.strip()
    by_id = {actor_id.casefold(): actor_id for actor_id in gaz.actors}
    if text.casefold() in by_id:
        return by_id[text.casefold()]
    found = gaz.lookup_actor(text)
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(
            f"claim {claim_id}: {field} {text!r} is ambiguous ({', '.join(found)}); give the id"
        )
    raise UsageError(f"claim {claim_id}: {field} {text!r} is not a known actor id or name")


def _clean(claim_id: str, field: str, value: Any, current: Any) -> Any:
    if value is None:
        return None
    if field in _ACTOR_FIELDS:
        return clean_actor(claim_id, field, value)
    if field == "via":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            raise UsageError(f"claim {claim_id}: via must be a list of actor ids")
        return [clean_actor(claim_id, "via", actor) for actor in items] or None
    if field in _SHORTHAND:
        return _clean_object(claim_id, field, value, current)
    vocabulary = {"hedge": HEDGES, "concealment": CONCEALMENTS}.get(field)
    if vocabulary is not None and value not in vocabulary:
        raise UsageError(
            f"claim {claim_id}: {field} {value!r} is not one of {', '.join(vocabulary)}"
        )
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    return value


def _clean_object(claim_id: str, field: str, value: Any, current: Any) -> dict[str, Any] | None:
    if isinstance(value, dict):
        merged = dict(current) if isinstance(current, dict) else {}
        for key, part in value.items():
            if part is None:
                merged.pop(key, None)
            else:
                merged[key] = part
    else:
        merged = dict(current) if isinstance(current, dict) else {}
        merged[_SHORTHAND[field]] = value
        if field == "quantity":
            merged.setdefault("unit", "items")
            merged.setdefault("qualifier", "exact")
    if field == "item" and merged.get("category") not in CATEGORIES:
        raise UsageError(
            f"claim {claim_id}: item category {merged.get('category')!r} is not one of the "
            "spec's categories (e.g. artillery_ammunition, rockets, atgm)"
        )
    if field == "conveyance" and merged.get("kind") not in CONVEYANCE_KINDS:
        raise UsageError(
            f"claim {claim_id}: conveyance kind {merged.get('kind')!r} is not one of "
            f"{', '.join(CONVEYANCE_KINDS)}"
        )
    return merged or None
