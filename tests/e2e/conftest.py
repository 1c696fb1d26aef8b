"""A live workbench on the sample corpus, and Debian's Chromium driven by Playwright.

The server runs in a thread on 127.0.0.1 with a free port; Chromium resolves no other host.
Screenshots go to test-artifacts/e2e/. Skipped when Chromium or `npm ci`'s node_modules are
missing, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts" / "e2e"
CHROMIUM_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost"]
PASSWORD = "e2e password, long enough"


def _require(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; under CI=true the browser tests must run")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveServer:
    """uvicorn serving one app in a background thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the workbench did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store with examples/corpus ingested by the real extractor."""
    _require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    _require((REPO / "node_modules" / "cytoscape").is_dir(), "node_modules is missing (npm ci)")
    from armstrace.batch import ingest_sources
    from armstrace.extract import load_extractor
    from armstrace.settings import load_settings
    from armstrace.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'armstrace.db'}"
    with open_store(url) as store:
        summary = ingest_sources(
            [str(REPO / "examples" / "corpus")], store, load_extractor(), settings=load_settings()
        )
    assert summary.claims > 20, summary.failed
    return url


def _app(db_url: str, tmp: Path, team: bool) -> Any:
    from armstrace.web import WebSettings, create_app

    settings = WebSettings(
        db_url=db_url, team=team, upload_dir=tmp / "uploads", vendor_dir=REPO / "node_modules",
        local_user="e2e-analyst",
    )  # fmt: skip
    return create_app(settings)


@pytest.fixture(scope="session")
def live_url(corpus_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The workbench in local mode on the sample corpus."""
    app = _app(corpus_db, tmp_path_factory.mktemp("local"), team=False)
    with LiveServer(app) as server:
        yield server.url
    app.state.store.close()


@pytest.fixture(scope="session")
def team_url(corpus_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same store in team mode, with one analyst."""
    from armstrace.auth import add_user

    app = _app(corpus_db, tmp_path_factory.mktemp("team"), team=True)
    add_user(app.state.store, "e2e-ana", "analyst", PASSWORD)
    with LiveServer(app) as server:
        yield server.url
    app.state.store.close()


@pytest.fixture(scope="session")
def bulk_live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The workbench on a store with more claims and documents than the count caps."""
    _require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    _require((REPO / "node_modules" / "cytoscape").is_dir(), "node_modules is missing (npm ci)")
    from web.bulk import fill

    folder = tmp_path_factory.mktemp("bulk")
    url = f"sqlite:///{folder / 'armstrace.db'}"
    fill(url, documents=1_005, claims_per_document=10)
    app = _app(url, folder, team=False)
    with LiveServer(app) as server:
        yield server.url
    app.state.store.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page; any console error (a CSP violation, a failed request) fails the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: problems.append(str(e)))
    yield opened
    context.close()
    assert problems == []


def shoot(page: Any, name: str) -> Path:
    """Save a screenshot under test-artifacts/e2e/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
