"""The workbench in real headless Chromium on the sample corpus."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import PASSWORD, shoot

pytestmark = pytest.mark.e2e

PAGES = [
    ("/", "overview", "#overview-chart[data-ready]"),
    ("/claims", "claims", "#claims-table tbody tr"),
    ("/documents", "documents", "table tbody tr"),
    ("/actors", "actors", "#actors-table tbody tr"),
    ("/actors/KP", "actor", "#timeline-chart[data-ready]"),
    ("/network", "network", "#graph[data-ready]"),
    ("/estimates", "estimates", "#estimates-chart[data-ready]"),
    ("/map", "map", "#map[data-ready] path.leaflet-interactive"),
    ("/curation", "curation", "ul.queue li"),
    ("/upload", "upload", "#upload-form"),
    ("/audit", "audit", "#audit-table"),
]


@pytest.mark.parametrize(("path", "name", "ready"), PAGES, ids=[p[1] for p in PAGES])
def test_e2e_every_page_opens(live_url: str, page: Any, path: str, name: str, ready: str) -> None:
    page.goto(live_url + path)
    page.wait_for_selector(ready, state="attached", timeout=15000)
    assert page.locator("h1").first.is_visible()
    shoot(page, f"page-{name}")


def test_e2e_document_reader_highlights_claims(live_url: str, page: Any) -> None:
    page.goto(live_url + "/documents")
    page.get_by_role("link", name=re.compile("Francop", re.I)).first.click()
    page.wait_for_selector("#doc-text a.ev mark")
    page.locator(".claim-list a.jump").first.click()
    lit = page.locator("#doc-text a.ev.lit").first
    assert lit.is_visible()
    shoot(page, "reader")


def test_e2e_network_edge_to_claim_to_sentence(live_url: str, page: Any) -> None:
    page.goto(live_url + "/network")
    page.wait_for_selector("#graph[data-ready]")
    target = page.evaluate(
        """() => {
            const box = document.getElementById("graph");
            const edge = box.cy.edges().sort((a, b) => b.data("claims") - a.data("claims"))[0];
            const mid = edge.renderedMidpoint();
            const rect = box.getBoundingClientRect();
            return {x: rect.left + mid.x, y: rect.top + mid.y,
                    source: edge.data("source"), target: edge.data("target")};
        }"""
    )
    page.mouse.click(target["x"], target["y"])
    page.wait_for_selector("#hop-claims li")
    heading = page.locator("#hop-h").inner_text()
    assert heading == f"Hop {target['source']} → {target['target']}"
    shoot(page, "network-hop")
    first = page.locator("#hop-claims li").first
    evidence = first.locator("q").inner_text().rstrip("…")
    claim_id = first.get_attribute("data-claim")
    first.locator("a.read-sentence").click()
    page.wait_for_url(re.compile(rf"/documents/\d+\?claim={claim_id}#ev-{claim_id}$"))
    highlighted = page.locator(f'#doc-text a.ev.current[data-claims~="{claim_id}"]')
    assert highlighted.count() >= 1
    assert highlighted.first.is_visible()
    marked = "".join(highlighted.all_inner_texts())
    assert evidence[:60] in " ".join(marked.split()) or evidence[:60] in marked
    assert page.locator(f"#claim-{claim_id}.current").is_visible()
    shoot(page, "network-sentence")


def test_e2e_curate_a_claim_and_find_it_in_the_audit_log(live_url: str, page: Any) -> None:
    page.goto(live_url + "/claims?type=interdiction")
    page.locator("#claims-table a.claim-link").first.click()
    page.wait_for_selector("#confirm-claim")
    claim_id = page.url.rsplit("/", 1)[-1]
    page.fill("#note", "checked against the seizure report")
    page.click("#confirm-claim")
    page.wait_for_selector("p.notice.ok")
    assert "confirm saved" in page.locator("p.notice.ok").inner_text()
    assert "checked against the seizure report" in page.locator("#claim-audit").inner_text()
    shoot(page, "claim-confirmed")
    page.goto(live_url + "/audit")
    row = page.locator("#audit-table tbody tr").first
    text = row.inner_text()
    assert (
        "confirm" in text and "e2e-analyst" in text and "checked against the seizure report" in text
    )
    assert claim_id[:12] in text
    shoot(page, "audit-log")


def test_e2e_claims_filters_and_text_search(live_url: str, page: Any) -> None:
    page.goto(live_url + "/claims")
    page.fill("#f-q", "Francop")
    page.click("button:has-text('Filter')")
    page.wait_for_selector("#doc-hits:not([hidden]) #hits-list li mark")
    assert "francop" in page.locator("#hits-list li mark").first.inner_text().lower()
    assert "q=Francop" in page.url
    page.select_option("#f-type", "interdiction")
    page.wait_for_function("() => location.search.includes('type=interdiction')")
    rows = page.locator("#claims-body tr")
    assert rows.count() >= 1
    assert all(
        t.startswith("interdiction")
        for t in page.locator("#claims-body a.claim-link").all_inner_texts()
    )
    shoot(page, "claims-filtered")


def test_e2e_claims_say_when_the_total_is_capped(bulk_live_url: str, page: Any) -> None:
    page.goto(bulk_live_url + "/claims")
    status = page.locator("#claims-status")
    assert status.inner_text().startswith("1–50 of 10,000+")  # rendered by the server
    page.fill("#f-q", "needle")
    page.click("button:has-text('Filter')")  # now by claims.js, from /api/claims
    page.wait_for_function("() => location.search.includes('q=needle')")
    page.wait_for_selector("#doc-hits:not([hidden])")
    assert page.locator("#hits-total").inner_text() == "1,000+"
    assert status.inner_text().startswith("1–50 of 10,000+")
    status.locator("a[rel=next]").click()
    page.wait_for_function(
        "() => document.getElementById('claims-status').innerText.startsWith('51–100 of 10,000+')"
    )
    shoot(page, "claims-capped-total")


def test_e2e_upload_shows_progress_until_ingested(live_url: str, page: Any, tmp_path: Path) -> None:
    report = tmp_path / "e2e_dhow_report.txt"
    report.write_text(
        "The navy said it seized 1,500 rifles from Iran bound for the Houthis aboard a dhow in 2021.",
        encoding="utf-8",
    )
    page.goto(live_url + "/upload")
    page.set_input_files("#files", str(report))
    page.click("#upload-button")
    page.wait_for_selector("#job-status[data-finished]", timeout=30000)
    status = page.locator("#job-status").inner_text()
    assert status.startswith("done: 1 stored"), status
    assert page.locator("#ingest-bar").get_attribute("value") == "1"
    shoot(page, "upload-done")


def test_e2e_team_mode_signs_in(team_url: str, page: Any) -> None:
    page.goto(team_url + "/claims")
    page.wait_for_url(re.compile(r"/login\?next=%2Fclaims$"))
    shoot(page, "login")
    page.fill("#name", "e2e-ana")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(re.compile(r"/claims$"))
    assert "e2e-ana" in page.locator(".who").inner_text()
    page.click("button:has-text('Sign out')")
    page.wait_for_url(re.compile(r"/login$"))
