"""Saving documents with their claims: one transaction, idempotent, exact round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from armstrace.errors import InputError, StoreError, UsageError
from armstrace.model import Claim, Item, Quantity
from armstrace.store import SaveResult, Store
from armstrace.store.tables import ClaimTable, DocumentTable

from .samples import (
    TEXT,
    full_interdiction,
    make_claim,
    make_document,
    shells_transfer,
    support_claim,
)


def test_save_document_stores_document_and_claims(store: Store) -> None:
    document = make_document(title="Cargo report", publisher="Example Monitor", published="2024")
    result = store.save_document(document, [full_interdiction(), support_claim()])
    assert result == SaveResult("stored", result.document_id, 2)
    assert store.has_document(document.content_hash)
    assert store.counts() == {"documents": 1, "claims": 2, "failures": 0}
    [listed] = store.documents()
    assert (listed.id, listed.stem, listed.title, listed.publisher, listed.published) == (
        result.document_id, "report_a", "Cargo report", "Example Monitor", "2024",
    )  # fmt: skip
    assert (listed.status, listed.content_hash, listed.claims) == ("ok", document.content_hash, 2)
    assert store.get_document_text(result.document_id) == TEXT


def test_save_document_second_save_is_duplicate(store: Store) -> None:
    first = store.save_document(make_document(), [support_claim()])
    again = store.save_document(make_document(), [support_claim(), shells_transfer()])
    assert again == SaveResult("duplicate", first.document_id, 0)
    assert store.counts() == {"documents": 1, "claims": 1, "failures": 0}


def test_save_document_repeated_claim_is_saved_once(store: Store) -> None:
    result = store.save_document(make_document(), [support_claim(), support_claim()])
    assert result.claims == 1
    assert len(store.query_claims()) == 1


def test_save_document_keeps_status_and_filters_by_it(store: Store) -> None:
    store.save_document(make_document("on_topic"), [])
    store.save_document(make_document("recipes"), [], status="off_topic")
    assert [d.stem for d in store.documents(status="off_topic")] == ["recipes"]
    assert [d.stem for d in store.documents(status="ok")] == ["on_topic"]


def test_save_document_rejects_unknown_status(store: Store) -> None:
    with pytest.raises(UsageError, match="'failed'"):
        store.save_document(make_document(), [], status="failed")


@pytest.mark.parametrize(
    "claim",
    [
        full_interdiction(),
        shells_transfer(),
        support_claim(),
        make_claim(type="production", supplier="KP", item=Item("fuzes"), facility="Plant 9"),
        make_claim(when="2009-03", quantity=Quantity(3, "tons", "range", 4.5), hedge="denied"),
        make_claim(when={"end": "2024"}, item=Item("small_arms_ammunition", caliber_mm=7.62)),
    ],
    ids=["interdiction", "transfer", "support", "production", "range", "until"],
)
def test_save_document_claim_round_trips_to_record(store: Store, claim: Claim) -> None:
    store.save_document(make_document(), [claim])
    [stored] = store.query_claims()
    assert stored.id == claim.id
    assert stored.curation_status == "extracted"
    assert stored.to_record() == {
        "id": claim.id,
        **claim.to_record(),
        "curation_status": "extracted",
    }
    again = stored.to_claim()
    assert again.to_record() == claim.to_record()
    assert (again.extractor_version, again.extracted_at) == (
        claim.extractor_version,
        datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
    )


def test_save_document_whole_numbers_come_back_as_int(store: Store) -> None:
    claim = make_claim(quantity=Quantity(120, "items"), item=Item("rockets", caliber_mm=122))
    store.save_document(make_document(), [claim])
    [stored] = store.query_claims()
    assert stored.to_record()["quantity"]["value"] == 120
    assert type(stored.quantity_value) is int
    assert type(stored.caliber_mm) is int
    assert stored.to_claim().id == claim.id


def test_save_document_failed_claim_rolls_back_document(store: Store) -> None:
    broken = make_claim(type=None)  # NOT NULL violation after the document row is written
    with pytest.raises(StoreError, match=r"cannot save /data/in/report_a.txt"):
        store.save_document(make_document(), [support_claim(), broken])
    assert store.counts() == {"documents": 0, "claims": 0, "failures": 0}


def test_save_document_same_stem_clash_names_the_input(store: Store) -> None:
    store.save_document(make_document(), [support_claim()])
    edited = make_document(text=TEXT + " Updated.")
    with pytest.raises(InputError, match=r"^/data/in/report_a.txt: claim .* same stem"):
        store.save_document(edited, [support_claim()])
    assert store.counts()["documents"] == 1


def test_save_document_one_transaction_per_document(store: Store) -> None:
    store.save_document(make_document("one"), [support_claim("one")])
    store.save_document(make_document("two"), [support_claim("two"), shells_transfer("two")])
    with store.engine.connect() as connection:
        per_document = dict(
            connection.execute(
                select(DocumentTable.stem, func.count(ClaimTable.id))
                .join(ClaimTable)
                .group_by(DocumentTable.stem)
            ).all()
        )
    assert per_document == {"one": 1, "two": 2}


def test_get_document_text_unknown_id_is_usage_error(store: Store) -> None:
    with pytest.raises(UsageError, match="no document with id 42"):
        store.get_document_text(42)
