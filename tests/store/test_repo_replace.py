"""replace_claims: re-extraction swaps extracted claims and never touches curated ones."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select, update

from armstrace.errors import UsageError
from armstrace.store import Store
from armstrace.store.tables import ClaimTable, DocumentTable

from .samples import (
    full_interdiction,
    make_claim,
    make_document,
    shells_transfer,
    support_claim,
)


def _curate(store: Store, claim_id: str, status: str, credibility: int) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            update(ClaimTable)
            .where(ClaimTable.id == claim_id)
            .values(curation_status=status, credibility=credibility)
        )


def test_replace_claims_keeps_curated_claims(store: Store) -> None:
    supported, shells, seized = support_claim(), shells_transfer(), full_interdiction()
    document_id = store.save_document(make_document(), [supported, shells, seized]).document_id
    _curate(store, supported.id, "confirmed", 2)
    _curate(store, shells.id, "rejected", 5)

    rerun_supported = dataclasses.replace(supported, hedge="reported", source="a new reading")
    fresh = make_claim(phrase="Hezbollah fighters", supplier="IR", recipient="hezbollah")
    written = store.replace_claims(document_id, [rerun_supported, shells, fresh])

    assert written == 1
    after = {claim.id: claim for claim in store.query_claims()}
    assert set(after) == {supported.id, shells.id, fresh.id}
    assert after[supported.id].to_record() == {
        "id": supported.id, **supported.to_record(), "curation_status": "confirmed",
    }  # fmt: skip
    assert (after[supported.id].credibility, after[shells.id].curation_status) == (2, "rejected")
    assert after[fresh.id].curation_status == "extracted"


def test_replace_claims_replaces_every_extracted_claim(store: Store) -> None:
    document_id = store.save_document(make_document(), [support_claim()]).document_id
    newer = dataclasses.replace(shells_transfer(), extractor_version="armstrace.extractor.v2")
    assert store.replace_claims(document_id, [newer, newer]) == 1
    assert [claim.id for claim in store.query_claims()] == [newer.id]
    with store.engine.connect() as connection:
        version = connection.scalar(
            select(DocumentTable.extractor_version).where(DocumentTable.id == document_id)
        )
    assert version == "armstrace.extractor.v2"


def test_replace_claims_with_nothing_clears_extracted(store: Store) -> None:
    document_id = store.save_document(make_document(), [support_claim()]).document_id
    assert store.replace_claims(document_id, []) == 0
    assert store.counts()["claims"] == 0


def test_replace_claims_unknown_document_is_usage_error(store: Store) -> None:
    with pytest.raises(UsageError, match="no document with id 7"):
        store.replace_claims(7, [support_claim()])
