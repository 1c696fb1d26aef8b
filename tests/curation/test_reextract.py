"""Re-extraction never loses or overrides an analyst's decision (the issue's acceptance test)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from armstrace.batch import ingest_sources
from armstrace.curation import (
    audit_trail,
    confirm_claim,
    edit_claim,
    reextract,
    reject_claim,
    set_credibility,
)
from armstrace.extract import Extractor, load_extractor
from armstrace.settings import load_settings
from armstrace.store import Store, StoredClaim

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
DOCUMENTS = ("nodong_to_shahab.txt", "victoria_c704.txt", "jihan1_dhow.txt")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return load_extractor()


def _span(claim: StoredClaim) -> tuple[str, str, int, int]:
    return claim.doc, claim.type, claim.evidence_start, claim.evidence_end


def test_reextract_keeps_edits_rejections_and_their_audit(
    store: Store, extractor: Extractor
) -> None:
    summary = ingest_sources(
        [str(EXAMPLES / name) for name in DOCUMENTS], store, extractor, settings=load_settings()
    )
    assert summary.ok and summary.claims >= 3
    before = store.query_claims()
    edited, rejected, graded = before[0], before[1], before[2]
    edit_claim(store, edited.id, "ana", {"recipient": "SY", "quantity": 42}, note="p. 3")
    reject_claim(store, rejected.id, "ana", note="misread")
    set_credibility(store, graded.id, 2, "ana")
    curated = {c.id: c for c in store.query_claims() if c.curation_status != "extracted"}
    trail = audit_trail(store)

    result = reextract(store, extractor, "ben")

    after = {c.id: c for c in store.query_claims()}
    for claim_id, claim in curated.items():
        assert after[claim_id] == claim  # edit, rejection and grade intact, value for value
    assert (after[edited.id].recipient, after[edited.id].quantity_value) == ("SY", 42)
    assert after[rejected.id].curation_status == "rejected"
    assert audit_trail(store)[: len(trail)] == trail  # earlier entries untouched
    [edit_entry] = audit_trail(store, "claim", edited.id)
    assert edit_entry.after["recipient"] == "SY" and edit_entry.note == "p. 3"
    # nothing came back beside what it already was: one claim per reading, as before
    assert Counter(_span(c) for c in after.values()) == Counter(_span(c) for c in before)
    assert len(after) == len(before)
    # one audit entry per document, by the user who ran it
    documents = store.documents()
    entries = audit_trail(store, "document")
    assert sorted(e.target_id for e in entries) == sorted(str(d.id) for d in documents)
    assert {e.user for e in entries} == {"ben"} and {e.action for e in entries} == {"reextract"}
    kept = {e.target_id: e.after["curated_kept"] for e in entries}
    assert sum(kept.values()) == len(curated) == 3
    assert sum(d.curated_kept for d in result.documents) == 3 and result.ok


def test_reextract_replaces_uncurated_claims_only(store: Store, extractor: Extractor) -> None:
    ingest_sources([str(EXAMPLES / DOCUMENTS[0])], store, extractor, settings=load_settings())
    first = store.query_claims()
    confirm_claim(store, first[0].id, "ana")
    result = reextract(store, extractor, "ana")
    [document] = result.documents
    assert (document.before, document.written, document.curated_kept) == (
        len(first) - 1, len(first) - 1, 1,
    )  # fmt: skip
    assert {c.id for c in store.query_claims()} == {c.id for c in first}
