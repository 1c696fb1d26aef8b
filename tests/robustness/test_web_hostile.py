"""Hostile text reaches the workbench only as text: markup that a page showed (escaped) is
stored as characters and rendered escaped again, under a CSP that forbids inline scripts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from fastapi.testclient import TestClient
from lxml import html

from armstrace.web import WebSettings, create_app

from .badfiles import HOSTILE_TITLE, VISIBLE_MARKUP, hostile_html


def _active_markup(page: str) -> list[str]:
    """Anything in `page` a browser would run or load from elsewhere."""
    found = []
    for element in html.document_fromstring(page).iter():
        if not isinstance(element.tag, str):
            continue  # comments
        if element.tag in ("iframe", "object", "embed"):
            found.append(element.tag)
        if element.tag == "script" and (element.text or "").strip():
            found.append("inline script")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{element.tag} {name}")
            if name in ("src", "href", "action") and not value.startswith(("/", "#", "?")):
                found.append(f"{element.tag} {name}={value}")
    return found


def test_workbench_renders_hostile_document_text_escaped(
    sqlite_url: str, tmp_path: Path, run_cli: Callable[..., CompletedProcess[str]]
) -> None:
    path = tmp_path / "hostile.html"
    path.write_bytes(hostile_html())
    done = run_cli("ingest", str(path), "--db", sqlite_url)
    assert done.returncode == 0, done.stderr
    settings = WebSettings(db_url=sqlite_url, team=False, upload_dir=tmp_path / "uploads")
    app = create_app(settings)
    try:
        client = TestClient(app)
        listing = client.get("/api/documents").json()["items"]
        assert [item["title"] for item in listing] == [HOSTILE_TITLE]  # JSON keeps the text
        reader_url = f"/documents/{listing[0]['id']}"
        pages = {url: client.get(url) for url in ("/", "/documents", reader_url, "/claims")}
    finally:
        app.state.store.close()
    for url, response in pages.items():
        assert response.status_code == 200, url
        assert _active_markup(response.text) == [], url
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert HOSTILE_TITLE in html.document_fromstring(pages["/documents"].text).text_content()
    assert VISIBLE_MARKUP in html.document_fromstring(pages[reader_url].text).text_content()
