"""flag_claim: which instruments a claim falls under, and where its date falls."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from subprocess import CompletedProcess
from typing import Any

import pytest

from armstrace.model import Claim, Document, Evidence, Item
from armstrace.sanctions import SanctionFlag, flag_claim
from armstrace.store import open_store

Run = Callable[..., CompletedProcess[str]]
_offsets = itertools.count(0, 50)


def _claim(supplier: str, recipient: str, category: str | None = "rockets", **fields: Any) -> Claim:
    start = next(_offsets)
    text = f"{supplier} shipped {category} to {recipient}."
    return Claim(
        doc=fields.pop("doc", "report"),
        type=fields.pop("type", "transfer"),
        supplier=supplier,
        recipient=recipient,
        item=Item(category) if category else None,
        evidence=Evidence(text, start, start + len(text)),
        **fields,
    )


def _flags(claim: Claim, document: Document | None = None) -> dict[str, SanctionFlag]:
    return {flag.instrument: flag for flag in flag_claim(claim, document)}


def _doc(published: str | None) -> Document:
    return Document(source="r.txt", stem="report", text="x", format="text", published=published)


@pytest.mark.parametrize(
    ("claim", "instrument", "timing", "months"),
    [
        (_claim("KP", "RU", "artillery_ammunition", when="2024"), "unscr-1874", "in_force", None),
        (_claim("KP", "hezbollah", "munitions", type="interdiction", when="2009-12"),
         "unscr-2270", "predates", 75),
        (_claim("KP", "IR", "ballistic_missiles", when="2005-03"), "unscr-1718", "predates", 19),
        (_claim("KP", "IR", "ballistic_missiles", when="2006"), "unscr-1718", "straddles", None),
        (_claim("IR", "hezbollah", when="2012"), "unscr-1747", "in_force", None),
        (_claim("IR", "hezbollah", when="2018"), "unscr-1747", "suspended", None),
        (_claim("IR", "hezbollah", when="2018"), "unscr-2231-annex-b-arms", "in_force", None),
        (_claim("IR", "houthis", when="2021-01"), "unscr-2231-annex-b-arms", "after_end", 3),
        (_claim("IR", "RU", "aircraft", when={"end": "2025-10"}), "unscr-1747", "in_force", None),
        (_claim("IR", "SY", when={"start": "2015-06", "end": "2016-06"}),
         "unscr-2231-annex-b-arms", "straddles", None),
        (_claim("KP", "RU", "munitions"), "unscr-2270", "undated", None),
    ],
)  # fmt: skip
def test_sanctions_flag_timing(
    claim: Claim, instrument: str, timing: str, months: int | None
) -> None:
    flag = _flags(claim)[instrument]
    assert (flag.timing, flag.months) == (timing, months)


def test_sanctions_flag_says_predates_by_months_in_its_reason() -> None:
    flag = _flags(_claim("KP", "IR", "ballistic_missiles", when="2005-03"))["unscr-1718"]
    assert flag.reason == (
        "KP as supplier; ballistic_missiles covered; 2005-03 predates it by 19 month(s)"
    )
    assert flag.to_record()["source"] == "https://undocs.org/S/RES/1718(2006)"


def test_sanctions_undated_claim_reported_before_the_instrument_predates_it() -> None:
    claim = _claim("KP", "IR", "ballistic_missiles")
    early = _flags(claim, _doc("2005-03"))["unscr-1718"]
    assert (early.timing, early.months) == ("predates", 19)
    assert "undated, but reported 2005-03" in early.reason
    assert _flags(claim, _doc("2020"))["unscr-1718"].timing == "undated"


def test_sanctions_since_claim_runs_to_its_report_date() -> None:
    claim = _claim("IR", "houthis", when={"start": "2019"})
    assert _flags(claim, _doc("2019-12"))["unscr-2231-annex-b-arms"].timing == "in_force"
    assert _flags(claim, _doc("2022-05"))["unscr-2231-annex-b-arms"].timing == "straddles"


def test_sanctions_eu_measures_bind_only_eu_counterparties() -> None:
    assert "eu-2014-512-cfsp" not in _flags(_claim("KP", "RU", when="2024"))
    german = _flags(_claim("DE", "RU", when="2015"))["eu-2014-512-cfsp"]
    assert (german.roles, german.timing) == (("RU as recipient",), "in_force")


def test_sanctions_categories_covered_partly_or_not() -> None:
    flags = _flags(_claim("KP", "IR", "rockets", when="2008"))
    assert flags["unscr-1718"].coverage == "may apply"
    assert "range of 25 km" in flags["unscr-1718"].reason
    assert flags["unscr-1874"].coverage == "covered"  # all arms from the DPRK
    assert "unscr-1718" not in _flags(_claim("KP", "IR", "small_arms", when="2008"))
    to_korea = _flags(_claim("RU", "KP", "small_arms", when="2012"))["unscr-1874"]
    assert to_korea.coverage == "may apply" and "notification" in to_korea.reason
    houthis_2016 = _flags(_claim("IR", "houthis", "small_arms", when="2016-06"))
    assert houthis_2016["unscr-2216"].coverage == "may apply"
    assert "unscr-2624" in houthis_2016  # listed, but "predates"
    assert houthis_2016["unscr-2624"].timing == "predates"


def test_sanctions_check_every_hop_of_a_claim_via_a_transit_state() -> None:
    flags = _flags(_claim("KP", "hezbollah", "rockets", via=["IR"], when="2009"))
    assert flags["unscr-1874"].roles == ("KP as supplier",)
    assert flags["unscr-1747"].roles == ("IR as supplier",)
    assert flags["unscr-1701"].roles == ("hezbollah as recipient",)


@pytest.mark.parametrize(
    "claim",
    [
        _claim("KP", "hezbollah", "training", type="support", when="2009"),
        _claim("KP", "hezbollah", None, type="support", when="2009"),
        Claim(doc="d", type="production", supplier="KP", item=Item("rockets"),
              evidence=Evidence("KP makes rockets.", 0, 17)),
        _claim("FR", "DE", when="2020"),
    ],
)  # fmt: skip
def test_sanctions_no_flags_for_support_production_or_unsanctioned(claim: Claim) -> None:
    assert flag_claim(claim) == []


def test_sanctions_flag_stored_claims_and_cli(store_url: str, run_cli: Run) -> None:
    claims = [
        _claim("KP", "RU", "artillery_ammunition", when="2023", doc="stored"),
        _claim("CN", "PK", "aircraft", when="2023", doc="stored"),
    ]
    with open_store(store_url) as store:
        store.save_document(
            Document(source="s.txt", stem="stored", text="x" * 400, format="text",
                     published="2024-01"), claims,
        )  # fmt: skip
        stored = store.query_claims(supplier="KP")
        row = store.documents()[0]
    assert [f.instrument for f in flag_claim(stored[0], row)][:3] == [
        "unscr-1718", "unscr-1874", "unscr-2270",
    ]  # fmt: skip
    result = run_cli("sanctions", "--flagged-only", "--format", "json", "--db", store_url)
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [item["claim"]["supplier"] for item in listed] == ["KP"]
    assert "unscr-2270" in {f["instrument"] for f in listed[0]["flags"]}
    table = run_cli("sanctions", "--supplier", "kp", "--db", store_url)
    assert "unscr-2270: in force" in table.stdout
    known = run_cli("sanctions", "--instruments", "--format", "json")
    assert "unscr-1718" in {i["id"] for i in json.loads(known.stdout)}
