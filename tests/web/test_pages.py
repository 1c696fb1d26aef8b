"""Pages render on the seeded store, escape what documents contain, and their forms work."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from .conftest import csrf, sign_in

PAGES = [
    "/", "/claims", "/claims?q=북한", "/claims?type=transfer&hedge=reported&offset=2",
    "/documents", "/documents?q=снаряды", "/actors", "/actors/KP", "/network",
    "/network?focus=KP", "/estimates", "/estimates?supplier=KP&recipient=RU&unit=containers",
    "/map", "/curation", "/upload", "/audit",
]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_layout_and_token(local_client: TestClient, path: str) -> None:
    response = local_client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert '<main id="main"' in response.text
    assert re.search(r'<meta name="csrf-token" content="[\w-]{20,}">', response.text)
    assert "<script>" not in response.text  # no inline scripts (CSP script-src 'self')


def _document_id(client: TestClient, stem: str) -> int:
    items = client.get("/api/documents").json()["items"]
    return int(next(d["id"] for d in items if d["stem"] == stem))


def test_pages_reader_escapes_document_text_and_title(local_client: TestClient) -> None:
    page = local_client.get(f"/documents/{_document_id(local_client, 'ledger')}").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Ledger &lt;b&gt;of&lt;/b&gt; shipments" in page
    assert "javascript:" not in page  # a document URL that is not http(s) is not linked


def test_pages_reader_marks_the_claim_asked_for(local_client: TestClient) -> None:
    claim = local_client.get("/api/claims?supplier=IR").json()["items"][0]
    page = local_client.get(claim["link"].split("#")[0]).text
    assert f'id="ev-{claim["id"]}"' in page
    assert re.search(r'<a class="ev current" href="#claim-' + claim["id"], page)
    assert f'<li id="claim-{claim["id"]}" class="current"' in page


def test_pages_claim_form_confirms_and_shows_the_audit(local_client: TestClient) -> None:
    claim = local_client.get("/api/claims?supplier=IR").json()["items"][0]
    response = local_client.post(
        f"/claims/{claim['id']}/curate",
        data={"action": "confirm", "note": "read the source", "csrf_token": csrf(local_client)},
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/claims/{claim['id']}?done=")
    page = local_client.get(response.headers["location"]).text
    assert "read the source" in page and "confirm saved" in page
    assert "read the source" in local_client.get("/audit").text


def test_pages_claim_edit_form_sends_only_changed_fields(local_client: TestClient) -> None:
    claim = local_client.get("/api/claims?supplier=IR").json()["items"][0]
    form = {
        "action": "edit", "type": "transfer", "supplier": "IR", "recipient": "hezbollah",
        "via": "SY", "item_category": "rockets", "item_designation": "", "quantity_value": "",
        "when": "2019", "source": "", "hedge": "alleged", "csrf_token": csrf(local_client),
    }  # fmt: skip
    assert local_client.post(f"/claims/{claim['id']}/curate", data=form).status_code == 303
    audit = local_client.get(f"/api/audit?target_id={claim['id']}").json()["items"]
    assert audit[0]["action"] == "edit"
    assert audit[0]["after"] == {"when": "2019", "curation_status": "edited"}


def test_pages_curation_errors_come_back_as_a_message(local_client: TestClient) -> None:
    claim = local_client.get("/api/claims?supplier=IR").json()["items"][0]
    response = local_client.post(
        f"/claims/{claim['id']}/curate",
        data={"action": "edit", "supplier": "Atlantis", "csrf_token": csrf(local_client)},
    )
    assert "error=" in response.headers["location"]


def test_pages_upload_form_works_without_javascript(local_client: TestClient) -> None:
    response = local_client.post(
        "/upload",
        data={"csrf_token": csrf(local_client)},
        files=[("files", ("note.txt", b"Iran sent drones to Russia in 2022.", "text/plain"))],
    )
    assert response.status_code == 303
    page = local_client.get(response.headers["location"]).text
    assert "note.txt" in page and "done" in page


def test_pages_team_mode_sign_in_and_admin_pages(make_client: Callable[..., TestClient]) -> None:
    client = make_client(team=True)
    assert client.get("/").headers["location"] == "/login?next=%2F"
    assert "Sign in" in client.get("/login").text
    token = sign_in(client, "ada")
    assert "vera" in client.get("/admin/users").text
    added = client.post(
        "/admin/users",
        data={
            "name": "newbie",
            "role": "viewer",
            "password": "a good long password",
            "csrf_token": token,
        },
    )
    assert "added" in added.headers["location"]
    made = client.post("/account/tokens", data={"label": "cron", "csrf_token": token})
    assert made.status_code == 200 and "shown only now" in made.text
