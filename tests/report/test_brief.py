"""The briefing: its content is cited, its topic is checked, its HTML escapes document text."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from armstrace.batch import ingest_sources
from armstrace.errors import UsageError
from armstrace.extract import load_extractor
from armstrace.report import Brief, Topic, build_brief, render_html
from armstrace.settings import load_settings
from armstrace.store import open_store
from export.samples import SampleStore

PREPARED = date(2025, 1, 15)


@pytest.fixture(scope="module")
def kp_ru(sample: SampleStore) -> Brief:
    with open_store(sample.url) as store:
        return build_brief(store, Topic.of(supplier="kp", recipient="ru"), prepared=PREPARED)


def test_brief_every_finding_sentence_cites_its_evidence(sample: SampleStore, kp_ru: Brief) -> None:
    with open_store(sample.url) as store:
        claims = {claim.id: claim for claim in store.query_claims()}
    notes = {note.number: note for note in kp_ru.citations}
    assert kp_ru.findings
    for finding in kp_ru.findings:
        for statement in finding.statements:
            assert statement.citations, statement.text
            for number in statement.citations:
                note = notes[number]
                for claim_id in note.claim_ids:
                    assert claims[claim_id].evidence_text == note.evidence
    assert sorted(notes) == list(range(1, len(notes) + 1))


def test_brief_leaves_out_rejected_claims(sample: SampleStore, kp_ru: Brief) -> None:
    cited = {claim_id for note in kp_ru.citations for claim_id in note.claim_ids}
    assert sample.rejected not in cited
    assert {sample.confirmed, sample.graded, sample.edited} <= cited


def test_brief_figures_and_bottom_line(kp_ru: Brief) -> None:
    figures = dict(kp_ru.figures)
    assert kp_ru.title == "Arms flows from North Korea to Russia"
    assert int(figures["documents"]) >= 1 and int(figures["findings"]) == len(kp_ru.findings)
    assert kp_ru.key_points[0].text.startswith(f"{figures['claims']} claims from ")
    largest = next(p for p in kp_ru.key_points if p.text.startswith("The largest figure"))
    assert largest.citations and "containers" in largest.text


def test_brief_charts_the_container_figures(kp_ru: Brief) -> None:
    chart = kp_ru.charts[0]
    assert chart.unit == "containers"
    assert chart.svg.startswith("<svg") and chart.svg.count("<circle") >= 2
    assert all(statement.citations for statement in chart.undrawn)


def test_brief_record_is_json_without_drawings(kp_ru: Brief) -> None:
    record = json.loads(json.dumps(kp_ru.to_record()))
    assert record["topic"] == {
        "supplier": "KP",
        "recipient": "RU",
        "actor": None,
        "item": None,
        "kind": "flow",
    }
    assert "svg" not in record["charts"][0] and "network_svg" not in record
    assert record["prepared"] == "2025-01-15"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "a brief needs one topic"),
        ({"supplier": "KP"}, "a flow needs both --supplier and --recipient"),
        ({"actor": "KP", "item": "rockets"}, "a brief needs one topic"),
        ({"item": "shells"}, "item: 'shells' is not a category"),
    ],
)
def test_brief_topic_is_checked(arguments: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        Topic.of(**arguments)


@pytest.mark.parametrize(
    ("arguments", "title", "slug"),
    [
        ({"actor": "nato"}, "NATO", "NATO"),
        ({"actor": "Hezbollah"}, "Hezbollah", "hezbollah"),
        ({"item": "artillery_ammunition"}, "Artillery ammunition", "artillery_ammunition"),
    ],
)
def test_brief_topic_names_actors_and_items(
    arguments: dict[str, str], title: str, slug: str
) -> None:
    topic = Topic.of(**arguments)
    assert (topic.title, topic.slug) == (title, slug)


@pytest.mark.parametrize("arguments", [{"actor": "IR"}, {"item": "artillery_ammunition"}])
def test_brief_on_an_actor_or_an_item(sample: SampleStore, arguments: dict[str, str]) -> None:
    with open_store(sample.url) as store:
        brief = build_brief(store, Topic.of(**arguments), prepared=PREPARED)
    assert brief.findings and brief.citations
    assert brief.network_svg and brief.network_svg.startswith("<svg")


def test_brief_html_escapes_document_text(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "odd.txt").write_text(
        "North Korea shipped 200 <b>rockets</b> to Russia in 2023, officials said.\n", "utf-8"
    )
    sidecar = {
        "title": "<script>alert(1)</script>",
        "publisher": "A & B",
        "url": None,
        "published": None,
    }
    (folder / "odd.meta.json").write_text(json.dumps(sidecar), "utf-8")
    with open_store(sqlite_url) as store:
        ingest_sources([str(folder)], store, load_extractor(), settings=load_settings())
        html = render_html(build_brief(store, Topic.of(supplier="KP", recipient="RU")))
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>rockets</b>" not in html and "A &amp; B" in html


def test_report_cli_prints_figures_and_json(
    run_cli: Callable[..., CompletedProcess[str]], sample: SampleStore
) -> None:
    table = run_cli("report", "--supplier", "KP", "--recipient", "RU", "--db", sample.url)
    assert table.returncode == 0, table.stderr
    assert "Arms flows from North Korea to Russia" in table.stdout
    assert "Add -o FILE.pdf" in table.stdout
    usage = run_cli("report", "--actor", "KP", "-o", "brief.docx", "--db", sample.url)
    assert usage.returncode == 2
    assert (
        usage.stderr.strip()
        == "armstrace: brief.docx: the brief is written as .pdf or .html, not '.docx'"
    )


def test_brief_is_repeatable(sample: SampleStore, kp_ru: Brief) -> None:
    with open_store(sample.url) as store:
        again = build_brief(store, Topic.of(supplier="KP", recipient="RU"), prepared=PREPARED)
    assert again == kp_ru  # the network layout is seeded, the notes numbered in reading order
    assert render_html(again) == render_html(kp_ru)
