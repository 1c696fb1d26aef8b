"""Crash safety: `armstrace ingest` killed with SIGKILL mid-run loses and duplicates nothing."""

from __future__ import annotations

import signal
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest
import sqlalchemy
from sqlalchemy.exc import SQLAlchemyError

from armstrace.store import open_store

DOCUMENTS = 300
KILL_AFTER = 20
"""Kill the ingest once this many documents are stored."""


def _stored_documents(engine: sqlalchemy.Engine) -> int:
    """Documents committed so far, or 0 while the schema does not exist yet."""
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and database and not Path(database).exists():
        return 0  # do not create the file: the ingest must be the one to create it
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(sqlalchemy.text("SELECT count(*) FROM documents")).scalar_one()
            )
    except SQLAlchemyError:
        return 0


def _claim_ids_by_doc(url: str) -> tuple[int, int, dict[str, set[str]]]:
    with open_store(url) as store:
        rows = store.documents()
        by_doc: dict[str, set[str]] = defaultdict(set)
        for claim in store.query_claims():
            by_doc[claim.doc].add(claim.id)
        for row in rows:
            by_doc.setdefault(row.stem, set())
    return len(rows), len({row.content_hash for row in rows}), dict(by_doc)


def _orphan_claims(url: str) -> int:
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            query = (
                "SELECT count(*) FROM claims c LEFT JOIN documents d ON d.id = c.document_id "
                "WHERE d.id IS NULL"
            )
            return int(connection.execute(sqlalchemy.text(query)).scalar_one())
    finally:
        engine.dispose()


@pytest.mark.slow
def test_ingest_killed_midway_then_rerun_stores_each_document_once(
    armstrace_cmd: list[str],
    cli_env: dict[str, str],
    run_cli: Callable[..., CompletedProcess[str]],
    corpus_writer: Callable[[Path, int], list[Path]],
    store_url: str,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    corpus_writer(folder, DOCUMENTS)
    command = [*armstrace_cmd, "ingest", str(folder), "--db", store_url]
    log = tmp_path / "killed-ingest.stderr"
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, env=cli_env, stdout=subprocess.DEVNULL, stderr=stderr)
    engine = sqlalchemy.create_engine(store_url)
    try:
        deadline = time.monotonic() + 120
        while _stored_documents(engine) < KILL_AFTER:
            assert process.poll() is None, f"ingest ended before the kill: {log.read_text()}"
            assert time.monotonic() < deadline, "ingest stored nothing within 120 s"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
        at_kill = _stored_documents(engine)
    finally:
        if process.poll() is None:
            process.kill()
        engine.dispose()
    assert KILL_AFTER <= at_kill < DOCUMENTS
    assert _orphan_claims(store_url) == 0

    rerun = run_cli("ingest", str(folder), "--db", store_url)
    assert rerun.returncode == 0, rerun.stderr
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = run_cli("ingest", str(folder), "--db", clean_url)
    assert clean.returncode == 0, clean.stderr

    documents, hashes, claims = _claim_ids_by_doc(store_url)
    assert (documents, hashes) == (DOCUMENTS, DOCUMENTS)
    assert claims == _claim_ids_by_doc(clean_url)[2]
    assert _orphan_claims(store_url) == 0
