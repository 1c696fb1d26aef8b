"""The JSON API on the seeded store: filters, pages, reader, analyses, curation, uploads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from armstrace.gazetteer import load_gazetteer

from .conftest import csrf


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", 6),
        ("type=transfer", 6),
        ("supplier=KP", 5),
        ("actor=SY", 1),  # an intermediary counts as an actor
        ("actor=hezbollah", 1),
        ("item=rockets", 1),
        ("item=artillery_ammunition", 2),
        ("since=2024", 1),
        ("until=2023-12", 1),
        ("hedge=alleged", 1),
        ("source=nis", 2),  # the asserting body
        ("source=harbour", 3),  # or the publisher
        ("q=북한", 2),  # claims of documents whose text matches
        ("q=снаряды&supplier=KP", 1),
        ("status=confirmed", 0),
    ],
)
def test_api_claims_filters(client: TestClient, query: str, count: int) -> None:
    body = client.get(f"/api/claims?{query}").json()
    assert body["total"] == count
    assert body["total_is_lower_bound"] is False
    assert len(body["items"]) == count


def test_api_claims_pages_and_ids(client: TestClient) -> None:
    first = client.get("/api/claims?limit=2").json()
    second = client.get("/api/claims?limit=2&offset=2").json()
    assert first["total"] == second["total"] == 6
    assert {c["id"] for c in first["items"]}.isdisjoint(c["id"] for c in second["items"])
    ids = [first["items"][1]["id"], first["items"][0]["id"]]
    by_ids = client.get(f"/api/claims?ids={','.join(ids)}").json()
    assert [c["id"] for c in by_ids["items"]] == ids
    claim = first["items"][0]
    assert (
        claim["link"] == f"/documents/{claim['document_id']}?claim={claim['id']}#ev-{claim['id']}"
    )
    assert claim["document"]["stem"] == claim["doc"]


def test_api_reader_runs_rebuild_the_text_and_mark_every_claim(client: TestClient) -> None:
    listing = client.get("/api/documents").json()
    ledger = next(d for d in listing["items"] if d["stem"] == "ledger")
    doc = client.get(f"/api/documents/{ledger['id']}").json()
    assert "".join(run["text"] for run in doc["runs"]) == client.get(
        f"/api/documents/{ledger['id']}"
    ).json()["runs"][0]["text"] + "".join(run["text"] for run in doc["runs"][1:])
    covered = {cid for run in doc["runs"] for cid in run["claims"]}
    assert covered == {c["id"] for c in doc["claims"]}
    anchors = [cid for run in doc["runs"] for cid in run["anchors"]]
    assert sorted(anchors) == sorted(covered)
    for claim in doc["claims"]:
        marked = "".join(r["text"] for r in doc["runs"] if claim["id"] in r["claims"])
        assert marked == claim["evidence"]["text"]


def test_api_search_returns_snippets_with_highlights(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "снаряды"}).json()
    assert body["total"] == 1
    assert body["total_is_lower_bound"] is False
    hit = body["items"][0]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "снаряды"


def test_api_estimates_keep_every_figure_with_its_source(client: TestClient) -> None:
    series = client.get("/api/estimates?supplier=kp&recipient=RU&unit=containers").json()
    assert sorted(p["value"] for p in series["points"]) == [6700, 10000, 13000]
    assert {p["asserted_by"] for p in series["points"]} >= {"NIS", "officials"}
    flows = client.get("/api/estimates/flows").json()["items"]
    assert flows[0] == {"supplier": "KP", "recipient": "RU", "unit": "containers", "points": 3}


def test_api_network_edges_and_hop_claims(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges["KP", "RU"]["claims"] == 5
    assert ("IR", "SY") in edges and ("SY", "hezbollah") in edges  # hops through the intermediary
    hop = client.get("/api/network/hop?from=SY&to=hezbollah").json()
    assert [c["supplier"] for c in hop["claims"]] == ["IR"]
    assert client.get("/api/network/hop?from=RU&to=KP").status_code == 404
    routes = client.get("/api/network/paths?source=IR&target=hezbollah").json()
    assert routes["routes"][0]["nodes"] == ["IR", "SY", "hezbollah"]
    narrowed = client.get("/api/network?category=rockets").json()
    assert {(e["source"], e["target"]) for e in narrowed["edges"]} == {
        ("IR", "SY"),
        ("SY", "hezbollah"),
    }


def test_api_actor_flows_and_timeline(client: TestClient) -> None:
    actor = client.get("/api/actors/KP").json()
    assert actor["name"] == "North Korea"
    assert [f["recipient"] for f in actor["outgoing"]] == ["RU"]
    assert sum(t["out"] for t in actor["timeline"]) == 5
    listing = client.get("/api/actors").json()["items"]
    assert listing[0]["id"] in ("KP", "RU")
    assert client.get("/api/actors/nobody-at-all").status_code == 404


def test_api_map_places_flows_at_capitals(client: TestClient) -> None:
    data = client.get("/api/map").json()
    kp_ru = next(f for f in data["flows"] if (f["supplier"], f["recipient"]) == ("KP", "RU"))
    pyongyang = load_gazetteer().capitals["KP"]
    assert kp_ru["from"] == [pyongyang.lat, pyongyang.lon]
    assert 37 < pyongyang.lat < 43 and 124 < pyongyang.lon < 131  # in North Korea
    assert any(p["kind"] == "port" for p in data["places"])


def test_api_overview_and_openapi(client: TestClient) -> None:
    overview = client.get("/api/overview").json()
    assert overview["counts"]["claims"] == 6
    assert overview["largest_flows"][0]["supplier"] == "KP"
    schema = client.get("/api/openapi.json").json()
    assert {"/api/claims", "/api/search", "/api/network", "/api/estimates"} <= set(schema["paths"])
    assert not any(not p.startswith("/api") for p in schema["paths"])


def test_api_curation_writes_the_audit_log(client: TestClient) -> None:
    token = {"X-CSRF-Token": csrf(client)}
    claim = client.get("/api/claims?supplier=IR").json()["items"][0]
    cid = claim["id"]
    confirmed = client.post(f"/api/claims/{cid}/confirm", json={"note": "checked"}, headers=token)
    assert confirmed.json()["curation_status"] == "confirmed"
    edited = client.patch(
        f"/api/claims/{cid}", json={"changes": {"hedge": "reported"}}, headers=token
    ).json()
    assert edited["hedge"] == "reported" and edited["curation_status"] == "edited"
    graded = client.put(f"/api/claims/{cid}/credibility", json={"credibility": 2}, headers=token)
    assert graded.json()["credibility"] == 2
    audit = client.get(f"/api/audit?target_id={cid}").json()["items"]
    assert [e["action"] for e in audit] == ["credibility", "edit", "confirm"]
    assert audit[1]["before"]["hedge"] == "alleged" and audit[1]["after"]["hedge"] == "reported"
    assert audit[2]["user"] == "tester" and audit[2]["note"] == "checked"
    assert client.get("/api/claims?credibility_max=2").json()["total"] == 1
    rel = client.put(
        "/api/publishers/reliability",
        json={"publisher": "Harbour Review", "reliability": "B"},
        headers=token,
    )
    assert rel.status_code == 200
    assert {p["name"]: p["reliability"] for p in client.get("/api/publishers").json()["items"]}[
        "Harbour Review"
    ] == "B"


def test_api_merge_and_split_entities(client: TestClient) -> None:
    token = {"X-CSRF-Token": csrf(client)}
    made = client.post(
        "/api/entities/merge",
        json={"left": "hamas", "right": "PS", "reason": "test", "kind": "actor"},
        headers=token,
    )
    assert made.status_code == 200, made.text
    judgement = made.json()
    assert client.get("/api/entities/judgements?active=true").json()["total"] == 1
    split = client.post(f"/api/entities/judgements/{judgement['id']}/split", headers=token)
    assert split.json()["retracted_by"] == "tester"
    actions = [e["action"] for e in client.get("/api/audit?target_type=judgement").json()["items"]]
    assert actions == ["split", "merge"]


def test_api_upload_ingests_in_the_background(client: TestClient, tmp_path: Path) -> None:
    token = {"X-CSRF-Token": csrf(client)}
    text = "Customs officers said Iran shipped 2,000 rifles to the Houthis by dhow in 2023."
    response = client.post(
        "/api/uploads",
        files=[("files", ("../../etc/dhow report.txt", text.encode(), "text/plain"))],
        headers=token,
    )
    assert response.status_code == 202, response.text
    job = client.get(f"/api/uploads/{response.json()['id']}").json()
    assert job["status"] == "done" and job["stored"] == 1
    stored_as = job["files"][0]["stored_as"]
    assert stored_as.startswith("dhow_report-") and stored_as.endswith(".txt")
    assert [p.name for p in (tmp_path / "uploads").iterdir()] == [stored_as]
    assert client.get("/api/search?q=dhow").json()["total"] == 1


@pytest.mark.parametrize(
    ("name", "size", "status"),
    [("notes.exe", 10, 415), ("report.meta.json", 10, 415), ("big.txt", 2048, 413)],
)
def test_api_upload_refuses_unknown_suffixes_and_large_files(
    make_client: Callable[..., TestClient], tmp_path: Path, name: str, size: int, status: int
) -> None:
    client = make_client(upload_max_bytes=1024)  # SQLite only: nothing reaches the store
    response = client.post(
        "/api/uploads",
        files=[("files", (name, b"x" * size, "application/octet-stream"))],
        headers={"X-CSRF-Token": csrf(client)},
    )
    assert response.status_code == status
    assert response.json()["status"] == status
    assert not (tmp_path / "uploads").exists() or not any((tmp_path / "uploads").iterdir())


def test_api_responses_carry_security_headers(local_client: TestClient) -> None:
    client = local_client
    for path in ("/", "/api/claims", "/static/css/app.css"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
    assert client.get("/api/claims").headers["cache-control"] == "no-store"
