"""The API's one error shape, pinned: {"ok": false, "error": str, "errors": list, "status": int}."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from armstrace.web.errors import error_body

from .conftest import csrf


def test_error_body_shape_is_pinned() -> None:
    assert error_body(404, "no claim 'x'") == {
        "ok": False,
        "error": "no claim 'x'",
        "errors": [],
        "status": 404,
    }


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/claims/does-not-exist", 404, "no claim with id 'does-not-exist'"),
        ("/api/documents/999999", 404, "no document with id 999999"),
        ("/api/claims?limit=0", 422, "limit"),
        ("/api/claims?since=last-week", 422, "since"),
        ("/api/claims?type=gift", 422, "type: 'gift' is not one of"),
        ("/api/estimates?supplier=KP&recipient=RU&unit=barrels", 422, "unit"),
        ("/api/search?q=", 422, "q"),
        ("/vendor/../pyproject.toml", 404, ""),
        ("/vendor/leaflet/package.json", 404, "not a served library file"),
    ],
)
def test_error_api_errors_have_one_shape(
    local_client: TestClient, path: str, status: int, words: str
) -> None:
    response = local_client.get(path)
    assert response.status_code == status
    if path.startswith("/api"):
        body = response.json()
        assert set(body) == {"ok", "error", "errors", "status"}
        assert body["ok"] is False and body["status"] == status
        assert words in body["error"]
        assert isinstance(body["errors"], list)


def test_error_validation_lists_every_problem(local_client: TestClient) -> None:
    body = local_client.get("/api/claims?limit=0&offset=-1").json()
    assert body["status"] == 422
    assert {tuple(e["loc"]) for e in body["errors"]} == {("query", "limit"), ("query", "offset")}


def test_error_missing_csrf_token_is_refused(local_client: TestClient) -> None:
    claim_id = local_client.get("/api/claims?limit=1").json()["items"][0]["id"]
    response = local_client.post(f"/api/claims/{claim_id}/confirm")
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]
    wrong = local_client.post(f"/api/claims/{claim_id}/confirm", headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403


def test_error_pages_get_an_html_error_page(local_client: TestClient) -> None:
    response = local_client.get("/claims/does-not-exist")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no claim with id" in response.text


def test_error_team_mode_api_needs_a_user(make_client: Callable[..., TestClient]) -> None:
    team = make_client(team=True)
    response = team.get("/api/claims")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {
        "ok": False,
        "error": "sign in first, or send an API token (Bearer)",
        "errors": [],
        "status": 401,
    }


def test_error_usage_errors_from_curation_are_400(local_client: TestClient) -> None:
    claim_id = local_client.get("/api/claims?limit=1").json()["items"][0]["id"]
    response = local_client.patch(
        f"/api/claims/{claim_id}",
        json={"changes": {"evidence": "rewritten"}},
        headers={"X-CSRF-Token": csrf(local_client)},
    )
    assert response.status_code == 400
    assert "evidence cannot be edited" in response.json()["error"]
