"""Team mode: every route refuses an anonymous caller and the role just below its own."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Mount

from armstrace.auth.roles import below
from armstrace.web.access import route_access

from .conftest import USERS, csrf, sign_in

PUBLIC = {
    "GET /login",
    "POST /login",
    "GET /static",
    "GET /vendor/{name:path}",
    "GET /api/session",
    "GET /api/health",
}
"""The only routes anyone may use: signing in, and what the sign-in page needs."""

SAMPLE_PARAMS = {
    "claim_id": "0123456789abcdef01234567",
    "document_id": "1",
    "actor_id": "KP",
    "job_id": "nojob",
    "judgement_id": "1",
    "token_id": "1",
    "name": "vera",
    "name:path": "leaflet/leaflet.js",
}


def _routes(client: TestClient) -> list[tuple[str, str]]:
    found = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Mount):
            found.append(("GET", route.path))
            continue
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                found.append((method, route.path))
    return found


def _url(path: str) -> str:
    return re.sub(r"\{([^}]+)\}", lambda m: SAMPLE_PARAMS[m.group(1)], path)


@pytest.fixture
def team(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(team=True)


def test_access_table_covers_every_route_and_nothing_else(team: TestClient) -> None:
    table = route_access(team.app)  # type: ignore[arg-type]
    routes = {f"{m} {p}" for m, p in _routes(team)}
    assert routes == set(table)
    assert {key for key, level in table.items() if level == "anonymous"} == PUBLIC


def test_access_every_route_refuses_anonymous_callers(team: TestClient) -> None:
    table = route_access(team.app)  # type: ignore[arg-type]
    checked = 0
    for method, path in _routes(team):
        if table[f"{method} {path}"] == "anonymous":
            continue
        token = csrf(team)
        response = team.request(method, _url(path), headers={"X-CSRF-Token": token})
        if path.startswith("/api"):
            assert response.status_code == 401, (method, path, response.text)
            assert response.json()["ok"] is False
        else:
            assert response.status_code == 303, (method, path)
            assert response.headers["location"].startswith("/login?next=")
        checked += 1
    assert checked > 40


@pytest.mark.parametrize("role", ["analyst", "admin"])
def test_access_routes_refuse_the_role_below(
    make_client: Callable[..., TestClient], role: str
) -> None:
    client = make_client(team=True)
    weaker = below(role)
    assert weaker is not None
    name = next(n for n, r in USERS.items() if r == weaker)
    token = sign_in(client, name)
    table = route_access(client.app)  # type: ignore[arg-type]
    needing = [(m, p) for m, p in _routes(client) if table[f"{m} {p}"] == role]
    assert needing, f"no route needs {role}"
    for method, path in needing:
        response = client.request(method, _url(path), headers={"X-CSRF-Token": token})
        assert response.status_code == 403, (method, path, response.status_code, response.text)


def test_access_viewer_routes_refuse_nobody_signed_in_and_admit_a_viewer(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(team=True)
    assert client.get("/api/claims").status_code == 401
    sign_in(client, "vera")
    assert client.get("/api/claims").status_code == 200
    assert client.get("/claims").status_code == 200
    assert client.get("/curation").status_code == 403


def test_access_unknown_route_is_a_json_404(team: TestClient) -> None:
    response = team.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["ok"] is False
