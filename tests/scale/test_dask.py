"""Dask ingest on a LocalCluster, and `armstrace ingest --workers/--dask/--no-prefilter`."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest
import sqlalchemy
from sqlalchemy.exc import SQLAlchemyError

from armstrace.scale import ingest_dask
from armstrace.store import open_store

from .conftest import OFF_TOPIC_TEXT, write_copies

Run = Callable[..., CompletedProcess[str]]


def test_dask_local_cluster_stores_each_document_once(sample_folder: Path, store_url: str) -> None:
    with open_store(store_url) as store:
        first = ingest_dask([str(sample_folder)], store, "local", workers=2, batch_size=3)
        second = ingest_dask([str(sample_folder)], store, "local", workers=2, batch_size=3)
        documents = store.documents()
    assert first.ok and first.ingested == len(documents) >= 14
    assert len({row.content_hash for row in documents}) == len(documents)
    assert second.ingested == 0 and second.duplicates == first.ingested
    assert first.claims > 20


def test_cli_ingest_workers_and_no_prefilter(
    run_cli: Run, sample_folder: Path, tmp_path: Path
) -> None:
    (sample_folder / "council_budget.txt").write_text(OFF_TOPIC_TEXT, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    filtered = run_cli("ingest", str(sample_folder), "--db", url, "--workers", "2")
    assert filtered.returncode == 0, filtered.stderr
    assert "off-topic (not extracted)" in filtered.stdout
    other = f"sqlite:///{tmp_path / 'all.db'}"
    unfiltered = run_cli(
        "ingest", str(sample_folder / "council_budget.txt"), "--db", other, "--no-prefilter"
    )
    assert unfiltered.returncode == 0, unfiltered.stderr
    assert "off-topic" not in unfiltered.stdout
    with open_store(url) as store:
        assert [row.stem for row in store.documents(status="off_topic")] == ["council_budget"]


@pytest.mark.parametrize("address", ["nonsense", "http://127.0.0.1:1"])
def test_cli_ingest_refuses_a_bad_dask_address(
    run_cli: Run, sample_folder: Path, address: str
) -> None:
    done = run_cli("ingest", str(sample_folder), "--dask", address)
    assert done.returncode == 2
    assert f"--dask {address}" in done.stderr
    assert "Traceback" not in done.stderr


def _stored(engine: sqlalchemy.Engine) -> int:
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(sqlalchemy.text("SELECT count(*) FROM documents")).scalar_one()
            )
    except SQLAlchemyError:
        return 0


@pytest.mark.slow
def test_dask_killed_midway_then_rerun_stores_each_document_once(
    armstrace_cmd: list[str], cli_env: dict[str, str], run_cli: Run, store_url: str, tmp_path: Path
) -> None:
    total = 400
    folder = tmp_path / "corpus"
    write_copies(folder, total)
    command = [
        *armstrace_cmd,
        "ingest",
        str(folder),
        "--db",
        store_url,
        "--dask",
        "local",
        "--workers",
        "2",
    ]
    process = subprocess.Popen(
        command,
        env=cli_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    engine = sqlalchemy.create_engine(store_url)
    try:
        deadline = time.monotonic() + 120
        while _stored(engine) < 64 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, "the run ended before it could be killed"
        os.killpg(process.pid, signal.SIGKILL)  # the client and its cluster's processes
        process.wait(timeout=30)
        killed_at = _stored(engine)
    finally:
        engine.dispose()
    assert 0 < killed_at < total
    rerun = run_cli("ingest", str(folder), "--db", store_url, "--dask", "local", "--workers", "2")
    assert rerun.returncode == 0, rerun.stderr
    with open_store(store_url) as store:
        rows = store.documents()
    assert len(rows) == total
    assert len({row.content_hash for row in rows}) == total
    assert len({row.stem for row in rows}) == total
