"""build_findings: grouping across documents, independent sources, credibility."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from armstrace.analysis.findings import Finding, build_findings
from armstrace.resolve import Judgement
from armstrace.store import StoredClaim

from .conftest import claim, document

DOCS = [
    document(1, "wire_a", "Daily Wire"),
    document(2, "wire_b", "Evening Post"),
    document(3, "wire_c", "Evening Post"),
    document(4, "wire_d", None),
]


def _only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def test_two_documents_quoting_the_same_body_are_one_source() -> None:
    claims = [
        claim(1, "wire_a", source="South Korea's NIS", when="2023"),
        claim(2, "wire_b", source="the National Intelligence Service (via Yonhap)", when="2023"),
    ]
    finding = _only(build_findings(claims, DOCS))
    assert finding.documents == ("wire_a", "wire_b")
    assert finding.independent_sources == 1 and finding.single_source
    [source] = finding.sources
    assert (source.key, source.documents, source.relays) == (
        "kr-nis", ("wire_a", "wire_b"), ("Yonhap",),
    )  # fmt: skip
    assert finding.credibility == finding.suggested_credibility == 6
    assert "a single source" in finding.credibility_reason


def test_different_bodies_are_two_sources() -> None:
    claims = [
        claim(1, "wire_a", source="South Korea's NIS", when="2023"),
        claim(2, "wire_b", source="Ukrainian intelligence officials", when="2023-10"),
    ]
    finding = _only(build_findings(claims, DOCS))
    assert [s.key for s in finding.sources] == ["UA", "kr-nis"]
    assert finding.independent_sources == 2 and not finding.single_source
    assert finding.suggested_credibility == 3


def test_unstated_sources_fall_back_to_distinct_publishers() -> None:
    claims = [
        claim(1, "wire_a"),
        claim(2, "wire_b"),
        claim(3, "wire_c"),  # the same publisher as wire_b
        claim(4, "wire_d"),  # no publisher: the document stands alone
    ]
    finding = _only(build_findings(claims, DOCS))
    assert [s.key for s in finding.sources] == [
        "document:wire_d", "publisher:daily wire", "publisher:evening post",
    ]  # fmt: skip
    assert finding.independent_sources == 3 and finding.suggested_credibility == 2


def test_a_state_voice_is_counted_with_its_agency() -> None:
    claims = [
        claim(1, "wire_a", source="South Korea's NIS", when="2023"),
        claim(2, "wire_b", source="South Korean officials", when="2023"),
    ]
    finding = _only(build_findings(claims, DOCS))
    [source] = finding.sources
    assert source.key == "kr-nis" and len(source.claims) == 2
    assert any("generic voice" in reason for reason in source.reasons)


def test_reliability_grades_raise_the_suggestion() -> None:
    claims = [
        claim(1, "wire_a", source="NIS", when="2023"),
        claim(2, "wire_b", source="Reuters", when="2023"),
    ]
    grades = {"kr-nis": "A", "Reuters": "B"}
    finding = _only(build_findings(claims, DOCS, reliability=grades))
    assert {s.key: s.reliability for s in finding.sources} == {"kr-nis": "A", "reuters": "B"}
    assert finding.suggested_credibility == 2
    assert "2 graded A/B" in finding.credibility_reason


def test_a_denial_lowers_the_suggestion_and_is_no_support() -> None:
    claims = [
        claim(1, "wire_a", source="NIS", when="2023"),
        claim(2, "wire_b", source="Russia's foreign ministry", hedge="denied", when="2023"),
    ]
    finding = _only(build_findings(claims, DOCS, reliability={"kr-nis": "B"}))
    assert finding.independent_sources == 1
    assert {s.key: s.supporting for s in finding.sources} == {"kr-nis": True, "RU": False}
    assert finding.suggested_credibility == 4 and "1 claim denies it" in finding.credibility_reason


@pytest.mark.parametrize(
    ("dates", "groups"),
    [
        (["2009", "2011"], [["2009"], ["2011"]]),
        (["2009", "2009-11"], [["2009", "2009-11"]]),
        (["2023-03", {"start": "2023-01", "end": "2023-06"}, "2023-09"],
         [["2023-03", {"start": "2023-01", "end": "2023-06"}], ["2023-09"]]),
        (["2022", {"start": "2023"}, "2025-01"], [["2022"], [{"start": "2023"}, "2025-01"]]),
        (["2023", None], [["2023", None]]),
        (["2009", "2011", None], [["2009"], ["2011"], [None]]),
        ([None, None], [[None, None]]),
    ],
)  # fmt: skip
def test_periods_that_overlap_group_and_disjoint_ones_do_not(
    dates: list[object], groups: list[list[object]]
) -> None:
    claims = [claim(1 + n % 3, f"wire_{'abc'[n % 3]}", when=when) for n, when in enumerate(dates)]
    when_of = {c.id: str(c.when) for c in claims}
    findings = build_findings(claims, DOCS)
    got = sorted(sorted(when_of[i] for i in f.claim_ids) for f in findings)
    assert got == sorted(sorted(str(when) for when in group) for group in groups)


def test_interdictions_split_by_vessel_and_year() -> None:
    fields = {"type": "interdiction", "supplier": "IR", "recipient": "hezbollah",
              "item_category": "rockets"}  # fmt: skip
    claims = [
        claim(1, "wire_a", when="2009-11", conveyance_name="MV Francop", **fields),
        claim(2, "wire_b", when="2009", conveyance_name="the FRANCOP", **fields),
        claim(3, "wire_c", when="2009-11", conveyance_name="Hansa India", **fields),
        claim(4, "wire_d", when="2011", conveyance_name="MV Francop", **fields),
        claim(1, "wire_a", when="2009-11-04", **fields),  # no vessel, fits two: own group
    ]
    findings = build_findings(claims, DOCS)
    grouped = sorted(((f.vessel, f.period_start, len(f.claim_ids)) for f in findings), key=str)
    assert grouped == [
        ("vessel:francop", "2009", 2),
        ("vessel:francop", "2011", 1),
        ("vessel:hansa india", "2009-11", 1),
        (None, "2009-11-04", 1),
    ]


def test_rejected_claims_are_left_out_and_edited_values_count() -> None:
    rejected = claim(1, "wire_a", when="2023", curation_status="rejected")
    edited = claim(2, "wire_b", when="2023", curation_status="edited", supplier="IR")
    kept = claim(3, "wire_c", when="2023")
    findings = build_findings([rejected, edited, kept], DOCS)
    assert sorted((f.supplier, f.claim_ids) for f in findings) == [
        ("IR", (edited.id,)), ("KP", (kept.id,)),
    ]  # fmt: skip


def test_finding_records_quantities_hedges_and_period() -> None:
    claims = [
        claim(1, "wire_a", when={"start": "2023-08", "end": "2023-10"}, quantity_value=1000,
              quantity_unit="containers", quantity_qualifier="approx", hedge="reported"),
        claim(2, "wire_b", when="2023-09", quantity_value=1200, quantity_unit="containers",
              quantity_qualifier="exact", hedge="alleged"),
    ]  # fmt: skip
    finding = _only(build_findings(claims, DOCS))
    assert (finding.period_start, finding.period_end, finding.dated) == ("2023-08", "2023-10", True)
    assert [q["value"] for q in finding.quantities] == [1000, 1200]
    assert finding.hedges == ("alleged", "reported")
    assert finding.to_record()["quantities"][0]["unit"] == "containers"


def test_finding_ids_are_stable_and_overrides_beat_suggestions() -> None:
    claims = [claim(1, "wire_a", when="2023"), claim(2, "wire_b", when="2023")]
    first = _only(build_findings(claims, DOCS))
    again = _only(build_findings(list(reversed(claims)), DOCS))
    assert first.id == again.id and len(first.id) == 16
    overruled = _only(build_findings(claims, DOCS, overrides={first.id: 1}))
    assert (overruled.credibility, overruled.credibility_set_by) == (1, "analyst")
    assert overruled.suggested_credibility == first.suggested_credibility == 3
    assert first.credibility_set_by == "suggested"


def _merge(n: int, left: str, right: str, retracted: bool = False) -> Judgement:
    at = datetime(2025, 1, 1, tzinfo=UTC)
    return Judgement(n, at, "ana", left, right, "actor", "same", "alias",
                     retracted_at=at if retracted else None)  # fmt: skip


def test_judgements_merge_aliases_into_one_finding_until_split() -> None:
    claims: list[StoredClaim] = [
        claim(1, "wire_a", recipient="houthis", when="2015"),
        claim(2, "wire_b", recipient="ansarallah", when="2015"),
    ]
    apart = build_findings(claims, DOCS)
    merged = _only(build_findings(claims, DOCS, judgements=[_merge(1, "ansarallah", "houthis")]))
    split = build_findings(claims, DOCS, judgements=[_merge(1, "ansarallah", "houthis", True)])
    assert len(apart) == 2 and merged.recipient == "houthis" and len(merged.claim_ids) == 2
    assert split == apart


def test_build_findings_does_not_change_its_input() -> None:
    original = claim(2, "wire_b", recipient="ansarallah", when="2015")
    copy = dataclasses.replace(original)
    build_findings([original], DOCS, judgements=[_merge(1, "ansarallah", "houthis")])
    assert original == copy
