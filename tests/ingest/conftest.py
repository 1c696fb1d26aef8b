"""Shared fixtures of the ingest tests: the committed fixture files and a local web server."""

from __future__ import annotations

import contextlib
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from .files import FIXTURES


@pytest.fixture
def alone(tmp_path: Path) -> Callable[[str], Path]:
    """Copy one fixture into an empty folder, so no sidecar comes with it."""

    def copy(name: str) -> Path:
        return Path(shutil.copy(FIXTURES / name, tmp_path / name))

    return copy


@dataclass
class Page:
    """One canned answer of the local server."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    send_length: bool = True
    drip_s: float = 0.0  # pause between 100-byte pieces of the body


@dataclass
class Site:
    """A web server on 127.0.0.1 serving `pages` by path."""

    base: str
    pages: dict[str, Page]

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, Page]] = {}

    def do_GET(self) -> None:
        page = self.pages.get(self.path)
        if page is None:
            self.send_error(404, "Not Found")
            return
        time.sleep(page.delay_s)
        self.send_response(page.status)
        for name, value in page.headers.items():
            self.send_header(name, value)
        if page.send_length:
            self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client gave up
            if not page.drip_s:
                self.wfile.write(page.body)
            for start in range(0, len(page.body) if page.drip_s else 0, 100):
                self.wfile.write(page.body[start : start + 100])
                self.wfile.flush()
                time.sleep(page.drip_s)

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A local server the URL reader may reach (ARMSTRACE_ALLOW_PRIVATE_URLS=1)."""
    monkeypatch.setenv("ARMSTRACE_ALLOW_PRIVATE_URLS", "1")
    handler = type("Handler", (_Handler,), {"pages": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}", handler.pages)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
