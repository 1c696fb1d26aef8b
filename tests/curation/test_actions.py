"""Curation actions: each change and its audit entry, written together or not at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from armstrace.curation import (
    audit_trail,
    confirm_claim,
    edit_claim,
    reject_claim,
    set_credibility,
    set_reliability,
)
from armstrace.errors import UsageError
from armstrace.store import Store, StoredClaim

from .conftest import Sample


def _claim(store: Store, claim_id: str) -> StoredClaim:
    [claim] = [c for c in store.query_claims() if c.id == claim_id]
    return claim


def _recent(at: datetime) -> bool:
    return at.tzinfo is not None and datetime.now(UTC) - at < timedelta(minutes=5)


@pytest.mark.parametrize(
    ("action", "name", "status"),
    [(confirm_claim, "confirm", "confirmed"), (reject_claim, "reject", "rejected")],
)
def test_status_actions_write_change_and_audit(
    store: Store, sample: Sample, action: Any, name: str, status: str
) -> None:
    claim = action(store, sample.shells, "ana", note="read the source")
    assert claim.curation_status == status == _claim(store, sample.shells).curation_status
    [entry] = audit_trail(store, "claim", sample.shells)
    assert (entry.user, entry.action, entry.target_type, entry.note) == (
        "ana", name, "claim", "read the source",
    )  # fmt: skip
    assert entry.before == {"curation_status": "extracted"}
    assert entry.after == {"curation_status": status}
    assert _recent(entry.at)


def test_status_action_repeated_writes_nothing(store: Store, sample: Sample) -> None:
    confirm_claim(store, sample.shells, "ana")
    confirm_claim(store, sample.shells, "ana")
    assert len(audit_trail(store)) == 1


def test_edit_claim_keeps_id_and_audits_changed_fields(store: Store, sample: Sample) -> None:
    changes = {"supplier": "Pyongyang", "recipient": "RU", "quantity": 3000, "when": "2023-09"}
    claim = edit_claim(store, sample.shells, "ana", changes, note="NIS briefing, p. 2")
    assert claim.id == sample.shells
    assert claim.curation_status == "edited"
    assert (claim.supplier, claim.quantity_value, claim.when_start) == ("KP", 3000, "2023-09")
    assert claim.evidence_text == "North Korea sent artillery shells to Russia in 2023"
    [entry] = audit_trail(store, target_id=sample.shells)
    assert entry.action == "edit" and entry.note == "NIS briefing, p. 2"
    assert entry.before == {"quantity": None, "when": "2023", "curation_status": "extracted"}
    assert entry.after == {
        "quantity": {"value": 3000, "unit": "items", "qualifier": "exact"},
        "when": "2023-09",
        "curation_status": "edited",
    }
    assert _claim(store, sample.shells) == claim


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"item": "mrl"}, "item_category", "mrl"),
        ({"item": {"designation": "Fajr-5"}}, "item_designation", "Fajr-5"),
        ({"quantity": {"qualifier": "at_least"}}, "quantity_qualifier", "at_least"),
        ({"conveyance": None}, "conveyance_kind", None),
        ({"via": ["Syria", "TR"]}, "via", ("SY", "TR")),
        ({"hedge": "alleged"}, "hedge", "alleged"),
        ({"type": "transfer"}, "type", "transfer"),
        ({"when": {"start": "2009-10", "end": "2009-11"}}, "when_end", "2009-11"),
        ({"source": "Israel Defense Forces"}, "source", "Israel Defense Forces"),
        ({"concealment": "hidden_in_cargo"}, "concealment", "hidden_in_cargo"),
    ],
)
def test_edit_claim_accepts_spec_values(
    store: Store, sample: Sample, changes: dict[str, Any], field: str, value: Any
) -> None:
    claim = edit_claim(store, sample.rockets, "ana", changes)
    assert getattr(claim, field) == value


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"evidence": {"text": "x", "start": 0, "end": 1}}, "evidence cannot be edited"),
        ({"doc": "other"}, "doc cannot be edited"),
        ({"colour": "red"}, "'colour' is not a claim field"),
        ({"supplier": "Narnia"}, "supplier 'Narnia' is not a known actor"),
        ({"supplier": "Korea"}, r"supplier 'Korea' is ambiguous \(KP, KR\)"),
        ({"item": "lasers"}, "item category 'lasers' is not one of"),
        ({"hedge": "certain"}, "hedge 'certain' is not one of"),
        ({"conveyance": {"kind": "balloon"}}, "conveyance kind 'balloon'"),
        ({"quantity": {"unit": "crates"}}, "the edit leaves an invalid claim: quantity/unit"),
        ({"when": "last year"}, "the edit leaves an invalid claim: when"),
        ({"supplier": "IR"}, "the changes leave the claim as it is"),
        ({}, "no changes given"),
    ],
)
def test_edit_claim_refuses_bad_changes_and_writes_nothing(
    store: Store, sample: Sample, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        edit_claim(store, sample.rockets, "ana", changes)
    assert _claim(store, sample.rockets).curation_status == "extracted"
    assert audit_trail(store) == []


def test_set_credibility_grades_confirms_and_clears(store: Store, sample: Sample) -> None:
    claim = set_credibility(store, sample.rockets, 2, "ana")
    assert (claim.credibility, claim.curation_status) == (2, "confirmed")
    set_credibility(store, sample.rockets, None, "ben")
    first, second = audit_trail(store, "claim", sample.rockets)
    assert (first.before, first.after) == (
        {"credibility": None, "curation_status": "extracted"},
        {"credibility": 2, "curation_status": "confirmed"},
    )
    assert (second.user, second.before, second.after) == (
        "ben", {"credibility": 2}, {"credibility": None},
    )  # fmt: skip
    assert _claim(store, sample.rockets).credibility is None


@pytest.mark.parametrize("value", [0, 7, 2.5, True, "2"])
def test_set_credibility_refuses_values_outside_1_to_6(
    store: Store, sample: Sample, value: Any
) -> None:
    with pytest.raises(UsageError, match="credibility must be a whole number from 1 to 6"):
        set_credibility(store, sample.rockets, value, "ana")


def test_set_credibility_refuses_a_rejected_claim(store: Store, sample: Sample) -> None:
    reject_claim(store, sample.rockets, "ana")
    with pytest.raises(UsageError, match="is rejected; confirm or edit it before grading"):
        set_credibility(store, sample.rockets, 3, "ana")


def test_confirm_refuses_an_edited_claim(store: Store, sample: Sample) -> None:
    edit_claim(store, sample.rockets, "ana", {"hedge": "reported"})
    with pytest.raises(UsageError, match="was edited"):
        confirm_claim(store, sample.rockets, "ana")


@pytest.mark.parametrize(
    "action",
    [
        lambda s, i: confirm_claim(s, i, "ana"),
        lambda s, i: reject_claim(s, i, "ana"),
        lambda s, i: edit_claim(s, i, "ana", {"hedge": "alleged"}),
        lambda s, i: set_credibility(s, i, 3, "ana"),
    ],
)
def test_actions_refuse_unknown_claim_ids(store: Store, sample: Sample, action: Any) -> None:
    with pytest.raises(UsageError, match="claim 'nope': no such claim"):
        action(store, "nope")


@pytest.mark.parametrize(
    ("publisher", "stored_as"),
    [("harbour watch", "Harbour Watch"), ("NIS", "kr-nis"), ("Reuters", "reuters")],
)
def test_set_reliability_grades_known_publishers(
    store: Store, sample: Sample, publisher: str, stored_as: str
) -> None:
    assert set_reliability(store, publisher, "b", "ana") == stored_as
    set_reliability(store, publisher, "C", "ana")
    first, second = audit_trail(store, "publisher", stored_as)
    assert (first.before, first.after) == ({"reliability": None}, {"reliability": "B"})
    assert (second.before, second.after) == ({"reliability": "B"}, {"reliability": "C"})


@pytest.mark.parametrize(
    ("publisher", "grade", "message"),
    [
        ("Harbour Watch", "G", "reliability must be one of A, B, C, D, E, F"),
        ("Nobody Weekly", "A", "'Nobody Weekly' is neither the publisher of a stored document"),
        ("North Korea", "A", "neither the publisher"),
        ("", "A", "empty name"),
    ],
)
def test_set_reliability_refuses_bad_input(
    store: Store, sample: Sample, publisher: str, grade: str, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        set_reliability(store, publisher, grade, "ana")
    assert audit_trail(store) == []


def test_audit_trail_filters_by_type_and_target(store: Store, sample: Sample) -> None:
    confirm_claim(store, sample.rockets, "ana")
    reject_claim(store, sample.shells, "ana")
    set_reliability(store, "Harbour Watch", "A", "ana")
    assert [e.target_id for e in audit_trail(store)] == [
        sample.rockets, sample.shells, "Harbour Watch",
    ]  # fmt: skip
    assert [e.action for e in audit_trail(store, "claim")] == ["confirm", "reject"]
    assert [e.action for e in audit_trail(store, target_id=sample.shells)] == ["reject"]
    assert audit_trail(store)[0].to_record()["at"].endswith("+00:00")
