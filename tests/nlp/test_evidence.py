"""Evidence is always a verbatim slice of the document, whatever the text looks like."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armstrace.extract import Extractor, load_extractor
from armstrace.nlp.pipeline import CLAIMS

FRAGMENTS = [
    "North Korea shipped 2,000 artillery shells to Russia.",
    "In March 2009, Israel intercepted the MV Example carrying rockets from Iran to Syria.",
    "Weapons on board included: 120mm mortars; hand grenades; Chinese ammunition for AK-47s.",
    "The Kremlin denied receiving drones.",
    "| Date | Seized by | Vessel | Cargo found |\n|---|---|---|---|\n| May 2021 | U.S. Navy | dhow | 3,000 rifles |",
    "Officials said some 35 tons of arms were seized.",
    "\u00a0北한 포탄 и снаряды “quoted” text…",
    "\n\n",
    "Hezbollah received training in Iran.",
]
_EXTRACTOR: Extractor | None = None


def _extractor() -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = load_extractor()
    return _EXTRACTOR


def _schema() -> dict[str, object]:
    path = resources.files("armstrace") / "schema" / "claim.schema.json"
    loaded: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), min_size=1, max_size=8),
       st.sampled_from([None, "2024", "2023-05", "2024-01-16"]))  # fmt: skip
def test_evidence_is_a_verbatim_slice(parts: list[str], published: str | None) -> None:
    text = " ".join(parts)
    validator = jsonschema.Draft202012Validator(_schema())
    for claim in _extractor().extract_text(text, "doc", published):
        ev = claim.evidence
        assert 0 <= ev.start < ev.end <= len(text)
        assert text[ev.start : ev.end] == ev.text
        validator.validate(claim.to_record())


def test_pipeline_component_writes_spans_when_asked() -> None:
    extractor = _extractor()
    assert CLAIMS in extractor.nlp.pipe_names
    doc = extractor.nlp.make_doc("Iran shipped rockets to Hezbollah via Syria in 2009.")
    doc.user_data["armstrace"] = {"doc_id": "x", "published": None, "spans": True}
    for _name, component in extractor.nlp.pipeline:
        doc = component(doc)
    assert [s.text for s in doc.spans["actor"]] == ["Iran", "Hezbollah", "Syria"]
    assert [s.label_ for s in doc.spans["item"]] == ["rockets"]
    assert [(c.supplier, c.recipient, c.via) for c in doc._.claims] == [("IR", "hezbollah", ["SY"])]


@pytest.mark.parametrize("size", [0, 1, 50_000])
def test_extract_handles_empty_tiny_and_long_text(size: int) -> None:
    text = ("North Korea sent shells to Russia. " * (size // 35 + 1))[:size]
    claims = _extractor().extract_text(text, "doc")
    assert all(text[c.evidence.start : c.evidence.end] == c.evidence.text for c in claims)
