"""Fuzz the workbench's REST API from its own OpenAPI schema (schemathesis): whatever the
request, no 5xx and no response that breaks the schema. The server is `armstrace serve` on
127.0.0.1, in local mode, over the sample corpus; writes carry the CSRF token, so curation
and uploads are fuzzed too, not only refused."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from armstrace.web import WebSettings, create_app

from .conftest import PG_ENV, pg_schema

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
EXAMPLES_PER_OPERATION = 25
CHECKS = [not_a_server_error, response_schema_conformance]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def fuzz_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A fresh database for the module: a SQLite file, or a schema of the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('fuzz-db') / 'armstrace.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set; under CI=true the PostgreSQL tests must run")
        pytest.skip(f"{PG_ENV} is not set")
    with pg_schema(base) as url:
        yield url


@pytest.fixture(scope="module")
def workbench(
    fuzz_db: str, tmp_path_factory: pytest.TempPathFactory, armstrace_cmd: list[str]
) -> Iterator[str]:
    """`armstrace serve` on the ingested sample corpus; yields its base URL."""
    home = tmp_path_factory.mktemp("fuzz")
    db_url = fuzz_db
    env = {"ARMSTRACE_HOME": str(home), "ARMSTRACE_USER": "fuzzer", "PATH": "/usr/bin:/bin"}
    ingest = subprocess.run(
        [*armstrace_cmd, "ingest", str(EXAMPLES), "--db", db_url],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert ingest.returncode == 0, ingest.stderr
    port = _free_port()
    log = (home / "serve.log").open("wb")
    server = subprocess.Popen(
        [*armstrace_cmd, "serve", "--db", db_url, "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, (home / "serve.log").read_text()
            try:
                if requests.get(f"{base}/api/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "armstrace serve did not start in 60 s"
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def session(workbench: str) -> requests.Session:
    """A browser-like session: the CSRF cookie set, the token sent as a header."""
    browser = requests.Session()
    token = browser.get(f"{workbench}/api/session", timeout=10).json()["csrf_token"]
    browser.headers["X-CSRF-Token"] = token
    return browser


def _fuzz(operation: schemathesis.APIOperation, base_url: str, session: requests.Session) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=base_url, session=session, checks=CHECKS)

    run()


@pytest.mark.slow
def test_api_fuzz_finds_no_server_error_or_schema_violation(
    workbench: str, session: requests.Session
) -> None:
    raw = session.get(f"{workbench}/api/openapi.json", timeout=10).json()
    schema = schemathesis.openapi.from_dict(raw)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20  # the whole API, not a stub
    failures = []
    for operation in operations:
        try:
            _fuzz(operation, workbench, session)
        except (Exception, BaseExceptionGroup) as exc:  # collect every operation's failures
            failures.append(f"{operation.label}: {' '.join(str(exc).split())[:600]}")
    assert not failures, "\n".join(failures)


OUT_OF_RANGE = 2**31  # one past PostgreSQL's INTEGER


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", f"/api/documents?offset={OUT_OF_RANGE}"),
        ("GET", f"/api/documents/{OUT_OF_RANGE}"),
        ("GET", f"/api/search?q=rockets&offset={OUT_OF_RANGE}"),
        ("GET", f"/api/network?document_id={OUT_OF_RANGE}"),
        ("POST", f"/api/entities/judgements/{OUT_OF_RANGE}/split"),
    ],
)
def test_api_refuses_out_of_range_integers(
    store_url: str, tmp_path: Path, method: str, url: str
) -> None:
    settings = WebSettings(db_url=store_url, team=False, upload_dir=tmp_path / "uploads")
    app = create_app(settings)
    try:
        client = TestClient(app, raise_server_exceptions=False)
        token = client.get("/api/session").json()["csrf_token"]
        response = client.request(method, url, headers={"X-CSRF-Token": token})
    finally:
        app.state.store.close()
    assert response.status_code == 422, response.text
