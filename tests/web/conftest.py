"""Fixtures for the workbench tests: a seeded store on each database, apps, clients, users."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from armstrace.auth import add_user
from armstrace.store import open_store
from armstrace.web import WebSettings, create_app

from .seed import seed

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
USERS = {"vera": "viewer", "ana": "analyst", "ada": "admin"}


@pytest.fixture
def seeded_url(store_url: str) -> str:
    """The store_url database (SQLite and PostgreSQL) holding the seed documents."""
    with open_store(store_url) as store:
        seed(store)
    return store_url


@pytest.fixture(scope="session")
def seeded_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the seed documents and the USERS, built once (argon2 is slow)."""
    path = tmp_path_factory.mktemp("seeded") / "armstrace.db"
    with open_store(f"sqlite:///{path}") as store:
        seed(store)
        for name, role in USERS.items():
            add_user(store, name, role, PASSWORD)
    # closing the last connection checkpoints the WAL into the file, so one file is copied
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def seeded_sqlite_url(seeded_sqlite_file: Path, tmp_path: Path) -> str:
    """A fresh copy of the seeded SQLite store (with users), for tests the database does not
    change: sign-in, access rules, pages."""
    copy = tmp_path / "store" / "armstrace.db"
    copy.parent.mkdir()
    shutil.copyfile(seeded_sqlite_file, copy)
    return f"sqlite:///{copy}"


def _factory(
    url: str, tmp_path: Path, opened: list[TestClient], users: bool
) -> Callable[..., TestClient]:
    def build(**changes: object) -> TestClient:
        settings = WebSettings(
            db_url=url,
            team=False,
            upload_dir=tmp_path / "uploads",
            vendor_dir=REPO / "node_modules",
            local_user="tester",
        ).but(**changes)
        app = create_app(settings)
        if settings.team and users:
            for name, role in USERS.items():
                add_user(app.state.store, name, role, PASSWORD)
        client = TestClient(app, follow_redirects=False)
        opened.append(client)
        return client

    return build


@pytest.fixture
def make_client(seeded_sqlite_url: str, tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Build a TestClient on the seeded SQLite store; keyword arguments change settings.

    Sign-in, access and page tests use SQLite only: they do not depend on the database.
    """
    opened: list[TestClient] = []
    yield _factory(seeded_sqlite_url, tmp_path, opened, users=False)
    for client in opened:
        client.app.state.store.close()  # type: ignore[attr-defined]


@pytest.fixture
def make_store_client(seeded_url: str, tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Like make_client, on SQLite and on PostgreSQL."""
    opened: list[TestClient] = []
    yield _factory(seeded_url, tmp_path, opened, users=True)
    for client in opened:
        client.app.state.store.close()  # type: ignore[attr-defined]


@pytest.fixture
def client(make_store_client: Callable[..., TestClient]) -> TestClient:
    """Local mode (one user, an admin, no sign-in), on SQLite and on PostgreSQL."""
    return make_store_client()


@pytest.fixture
def local_client(make_client: Callable[..., TestClient]) -> TestClient:
    """Local mode on SQLite only."""
    return make_client()


def csrf(client: TestClient) -> str:
    """The CSRF token for this client's cookie or session (sets the cookie if needed)."""
    token: str = client.get("/api/session").json()["csrf_token"]
    return token


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign `client` in through the login form; returns the session's CSRF token."""
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": csrf(client), "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf(client)
