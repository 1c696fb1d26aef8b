"""Findings over a real store: grades, merges and the analyst's override, all persisted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from armstrace.analysis.findings import load_findings
from armstrace.curation import (
    audit_trail,
    publisher_grades,
    reject_claim,
    set_finding_credibility,
    set_reliability,
)
from armstrace.errors import UsageError
from armstrace.model import Claim, Document, Evidence, Item
from armstrace.resolve import merge, query_canonical_claims, split
from armstrace.store import Store, open_store

REPORTS = {
    # stem: (publisher, text, source, recipient)
    "seoul_wire": ("Seoul Wire", "Shells went north to Russia, the NIS said.", "NIS", "RU"),
    "tokyo_daily": ("Tokyo Daily", "Shells reached Russia, South Korea's NIS said.",
                    "South Korea's NIS", "RU"),
    "kyiv_post": ("Kyiv Post", "Shells reached the Russian army, officials said.", None,
                  "ru-armed-forces"),
}  # fmt: skip


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """Three reports of North Korean shells in 2023: two quote the NIS, one its own officials."""
    with open_store(store_url) as opened:
        for stem, (publisher, text, source, recipient) in REPORTS.items():
            document = Document(f"/in/{stem}.txt", stem, text, "text", raw=text.encode(),
                                publisher=publisher)  # fmt: skip
            claim = Claim(stem, "transfer", Evidence(text, 0, len(text)), supplier="KP",
                          recipient=recipient, item=Item("artillery_ammunition"), when="2023",
                          source=source, hedge="reported")  # fmt: skip
            opened.save_document(document, [claim])
        yield opened


def _groups(store: Store) -> list[tuple[str | None, tuple[str, ...]]]:
    return sorted((f.recipient, f.documents) for f in load_findings(store))


def test_load_findings_counts_circular_reporting_once(store: Store) -> None:
    [nis] = load_findings(store, recipient="RU")
    assert nis.documents == ("seoul_wire", "tokyo_daily")
    assert [s.key for s in nis.sources] == ["kr-nis"] and nis.single_source
    assert [f.documents for f in load_findings(store, single_source=False)] == []


def test_merge_then_split_restores_the_original_grouping(store: Store) -> None:
    original = _groups(store)
    assert len(original) == 2
    judgement = merge(store, "ru-armed-forces", "RU", "ana", "the army stands for the state")
    [merged] = load_findings(store)
    assert merged.recipient == "RU" and len(merged.documents) == 3
    assert merged.independent_sources == 2  # the NIS and the Kyiv Post
    assert [f.recipient for f in load_findings(store, recipient="ru-armed-forces")] == ["RU"]
    split(store, judgement.id, "ana")
    assert _groups(store) == original


def test_reliability_and_override_are_used_and_audited(store: Store) -> None:
    merge(store, "ru-armed-forces", "RU", "ana", "the army stands for the state")
    set_reliability(store, "NIS", "A", "ana")
    set_reliability(store, "kyiv post", "B", "ana")
    [finding] = load_findings(store)
    assert finding.suggested_credibility == 2 and finding.credibility_set_by == "suggested"
    set_finding_credibility(store, finding.id, 4, "ben", note="the army figure is disputed")
    [overruled] = load_findings(store)
    assert (overruled.credibility, overruled.credibility_set_by) == (4, "analyst")
    assert overruled.suggested_credibility == 2
    [entry] = audit_trail(store, "finding", finding.id)
    assert (entry.user, entry.before, entry.after, entry.note) == (
        "ben", {"credibility": None}, {"credibility": 4}, "the army figure is disputed",
    )  # fmt: skip
    set_finding_credibility(store, finding.id, None, "ben")
    assert load_findings(store)[0].credibility_set_by == "suggested"


def test_set_finding_credibility_refuses_unknown_findings_and_bad_values(store: Store) -> None:
    with pytest.raises(UsageError, match="finding 0000000000000000: no such finding"):
        set_finding_credibility(store, "0000000000000000", 3, "ana")
    finding_id = load_findings(store)[0].id
    with pytest.raises(UsageError, match="credibility must be a whole number from 1 to 6"):
        set_finding_credibility(store, finding_id, 0, "ana")
    assert audit_trail(store) == []


def test_rejected_claims_leave_their_finding(store: Store) -> None:
    claim_id = next(c.id for c in store.query_claims() if c.doc == "kyiv_post")
    reject_claim(store, claim_id, "ana")
    assert [f.recipient for f in load_findings(store)] == ["RU"]


def test_query_canonical_claims_finds_every_member_of_a_merged_group(store: Store) -> None:
    assert [c.doc for c in query_canonical_claims(store, recipient="RU")] == [
        "seoul_wire", "tokyo_daily",
    ]  # fmt: skip
    merge(store, "ru-armed-forces", "RU", "ana", "the army stands for the state")
    found = query_canonical_claims(store, recipient="ru-armed-forces", limit=2, offset=1)
    assert [(c.doc, c.recipient) for c in found] == [("seoul_wire", "RU"), ("tokyo_daily", "RU")]
    assert [c.doc for c in store.query_claims(recipient="RU")] == ["seoul_wire", "tokyo_daily"]


def test_publisher_grades_lists_what_analysts_graded(store: Store) -> None:
    set_reliability(store, "Tokyo Daily", "C", "ana")
    set_reliability(store, "NIS", "A", "ana")
    assert publisher_grades(store) == {"Tokyo Daily": "C", "kr-nis": "A"}
