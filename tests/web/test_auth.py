"""Team mode: passwords, sign-in and its limit, cookies, CSRF per session, API tokens."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from armstrace.auth import add_user, authenticate, hash_password, verify_password
from armstrace.auth.ratelimit import LoginLimiter
from armstrace.errors import UsageError
from armstrace.store import open_store
from armstrace.store.tables import ApiTokenTable, AuditLogTable, SessionTable, UserTable

from .conftest import PASSWORD, csrf, sign_in


def test_passwords_hash_with_argon2id_and_verify() -> None:
    hashed = hash_password("a long enough secret")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "a long enough secret")
    assert not verify_password(hashed, "a long enough secreT")
    assert not verify_password("not a hash", "a long enough secret")


@pytest.mark.parametrize("password", ["", "short", "123456789"])
def test_passwords_refuse_short_ones_without_echoing_them(password: str) -> None:
    with pytest.raises(UsageError, match="at least 10 characters") as caught:
        hash_password(password)
    assert password == "" or password not in str(caught.value)


def test_users_add_then_authenticate(store_url: str) -> None:
    with open_store(store_url) as store:
        add_user(store, "ana", "analyst", PASSWORD, by="test")
        assert authenticate(store, "ana", PASSWORD) is not None
        assert authenticate(store, "ana", "wrong password!") is None
        assert authenticate(store, "nobody", PASSWORD) is None
        with pytest.raises(UsageError, match="already exists"):
            add_user(store, "ana", "viewer", PASSWORD)
        with pytest.raises(UsageError, match="not a role"):
            add_user(store, "bob", "owner", PASSWORD)
        with pytest.raises(UsageError, match="not a valid user name"):
            add_user(store, "../etc", "viewer", PASSWORD)
        with store.engine.connect() as connection:
            stored = connection.execute(select(UserTable.password_hash)).scalar_one()
            audit = connection.execute(select(AuditLogTable.action)).scalars().all()
        assert PASSWORD not in stored
        assert audit == ["user.add"]


def test_sign_in_sets_a_hardened_session_cookie(make_client: Callable[..., TestClient]) -> None:
    client = make_client(team=True)
    response = client.post(
        "/login",
        data={"name": "ana", "password": PASSWORD, "csrf_token": csrf(client), "next": "/claims"},
    )
    assert response.status_code == 303 and response.headers["location"] == "/claims"
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("armstrace_session=")
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    assert client.get("/api/session").json()["user"] == "ana"


@pytest.mark.parametrize(
    ("settings", "base", "headers"),
    [
        ({"secure_cookies": True}, "https://testserver", {}),
        ({"trusted_proxies": ("testclient",)}, "http://testserver", {"X-Forwarded-Proto": "https"}),
    ],
)
def test_sign_in_cookie_is_secure_behind_tls(
    make_client: Callable[..., TestClient],
    settings: dict[str, object],
    base: str,
    headers: dict[str, str],
) -> None:
    client = TestClient(make_client(team=True, **settings).app, base_url=base)
    token = csrf(client)
    response = client.post(
        "/login",
        data={"name": "ana", "password": PASSWORD, "csrf_token": token},
        headers=headers,
        follow_redirects=False,
    )
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("armstrace_session=")
    )
    assert "Secure" in cookie


def test_sign_in_ignores_forwarded_proto_from_untrusted_clients(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(team=True)
    response = client.post(
        "/login",
        data={"name": "ana", "password": PASSWORD, "csrf_token": csrf(client)},
        headers={"X-Forwarded-Proto": "https"},
    )
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("armstrace_session=")
    )
    assert "Secure" not in cookie


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil"])
def test_sign_in_never_redirects_off_site(
    make_client: Callable[..., TestClient], target: str
) -> None:
    client = make_client(team=True)
    response = client.post(
        "/login",
        data={"name": "ana", "password": PASSWORD, "csrf_token": csrf(client), "next": target},
    )
    assert response.headers["location"] == "/"


def test_sign_in_needs_the_csrf_token(make_client: Callable[..., TestClient]) -> None:
    client = make_client(team=True)
    response = client.post("/login", data={"name": "ana", "password": PASSWORD})
    assert response.status_code == 403


def test_sign_in_is_rate_limited_per_account_and_address(
    make_client: Callable[..., TestClient], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(team=True, login_attempts=3)
    token = csrf(client)
    for _ in range(3):
        wrong = client.post(
            "/login", data={"name": "ana", "password": "not the password", "csrf_token": token}
        )
        assert wrong.status_code == 401
    blocked = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf_token": token})
    assert blocked.status_code == 429
    assert "too many failed attempts" in blocked.text
    other = client.post("/login", data={"name": "vera", "password": PASSWORD, "csrf_token": token})
    assert other.status_code == 303
    assert PASSWORD not in caplog.text and "not the password" not in caplog.text


def test_login_limiter_forgets_after_the_window() -> None:
    now = [0.0]
    limiter = LoginLimiter(attempts=2, window_s=60, clock=lambda: now[0])
    limiter.failed("Ana", "10.0.0.1")
    limiter.failed("ana", "10.0.0.1")
    assert limiter.retry_after("ana", "10.0.0.1") == 60
    assert limiter.retry_after("ana", "10.0.0.2") == 0
    now[0] = 61
    assert limiter.retry_after("ana", "10.0.0.1") == 0


def test_session_csrf_token_is_per_session(make_client: Callable[..., TestClient]) -> None:
    client = make_client(team=True)
    token = sign_in(client, "ana")
    claim_id = client.get("/api/claims?limit=1").json()["items"][0]["id"]
    stale = client.post(f"/api/claims/{claim_id}/confirm", headers={"X-CSRF-Token": "x" * 43})
    assert stale.status_code == 403
    ok = client.post(f"/api/claims/{claim_id}/confirm", headers={"X-CSRF-Token": token})
    assert ok.status_code == 200
    assert ok.json()["audit"][-1]["user"] == "ana"


def test_sign_out_ends_the_session(make_client: Callable[..., TestClient]) -> None:
    client = make_client(team=True)
    token = sign_in(client, "vera")
    cookie = client.cookies.get("armstrace_session")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    client.cookies.set("armstrace_session", cookie or "")
    assert client.get("/api/claims").status_code == 401


def test_tokens_work_for_scripts_and_are_stored_hashed(
    make_client: Callable[..., TestClient],
) -> None:
    browser = make_client(team=True)
    token = sign_in(browser, "ana")
    made = browser.post("/api/tokens", json={"label": "nightly"}, headers={"X-CSRF-Token": token})
    assert made.status_code == 201
    secret = made.json()["token"]
    script = TestClient(browser.app)
    bearer = {"Authorization": f"Bearer {secret}"}
    assert script.get("/api/claims?limit=1", headers=bearer).status_code == 200
    claim_id = script.get("/api/claims?limit=1", headers=bearer).json()["items"][0]["id"]
    # no CSRF token needed: a bearer token is not sent by browsers on their own
    assert script.post(f"/api/claims/{claim_id}/reject", headers=bearer).status_code == 200
    store = browser.app.state.store  # type: ignore[attr-defined]
    with store.engine.connect() as connection:
        hashes = connection.execute(select(ApiTokenTable.token_hash)).scalars().all()
        sessions = connection.execute(select(SessionTable.id_hash)).scalars().all()
    assert secret not in hashes and len(hashes[0]) == 64
    assert browser.cookies.get("armstrace_session") not in sessions
    listed = browser.get("/api/tokens").json()["items"]
    assert "token" not in listed[0] and listed[0]["last_used_at"] is not None
    revoke = browser.delete(f"/api/tokens/{listed[0]['id']}", headers={"X-CSRF-Token": token})
    assert revoke.status_code == 200
    refused = script.get("/api/claims", headers=bearer)
    assert refused.status_code == 401 and "not valid" in refused.json()["error"]


def test_tokens_of_a_disabled_user_stop_working(make_client: Callable[..., TestClient]) -> None:
    admin = make_client(team=True)
    viewer = TestClient(admin.app)
    viewer_token = sign_in(viewer, "vera")
    secret = viewer.post(
        "/api/tokens", json={"label": "x"}, headers={"X-CSRF-Token": viewer_token}
    ).json()["token"]
    admin_token = sign_in(admin, "ada")
    changed = admin.patch(
        "/api/users/vera", json={"disabled": True}, headers={"X-CSRF-Token": admin_token}
    )
    assert changed.json()["disabled"] is True
    assert viewer.get("/api/claims").status_code == 401
    assert (
        admin.get("/api/claims", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    )


def test_admin_cannot_lock_themselves_out(make_client: Callable[..., TestClient]) -> None:
    admin = make_client(team=True)
    token = sign_in(admin, "ada")
    response = admin.patch(
        "/api/users/ada", json={"role": "viewer"}, headers={"X-CSRF-Token": token}
    )
    assert response.status_code == 409


def test_local_mode_has_no_accounts(local_client: TestClient) -> None:
    assert local_client.get("/api/session").json()["mode"] == "local"
    assert local_client.get("/api/users").status_code == 409
    assert local_client.get("/login").status_code == 303
