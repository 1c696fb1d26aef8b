"""Crash safety of curation: an analyst's process killed with SIGKILL in the middle of a run of
edits loses no committed edit, leaves no change without its audit row (nor the reverse), and
the store takes new edits after the restart. (`armstrace ingest` killed mid-run is tested in
tests/cli/test_crash.py.)"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
import sqlalchemy

from armstrace.curation import audit_trail, edit_claim
from armstrace.store import StoredClaim, open_store

from .curation_worker import CLAIMS, USER, claim_ids, step

WORKER = Path(__file__).with_name("curation_worker.py")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
STEPS_PER_RUN = 80
"""Kill the worker once this many more edits have returned."""


def _progress(path: Path) -> list[int]:
    if not path.exists():
        return []
    return [int(line) for line in path.read_text(encoding="ascii").split()]


def _run_and_kill(url: str, progress: Path, first: int, env: dict[str, str], log: Path) -> None:
    command = [sys.executable, str(WORKER), url, str(progress), str(first)]
    with log.open("ab") as stderr:
        worker = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 120
        while len([i for i in _progress(progress) if i >= first]) < STEPS_PER_RUN:
            assert worker.poll() is None, f"the worker stopped: {log.read_text()}"
            assert time.monotonic() < deadline, "the worker made no progress in 120 s"
            time.sleep(0.005)
        worker.send_signal(signal.SIGKILL)
        assert worker.wait(timeout=30) == -signal.SIGKILL
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def _quantity(claim: StoredClaim) -> Any:
    quantity = claim.to_record().get("quantity")
    return quantity["value"] if quantity else None


def _check_consistent(url: str, progress: Path, claims_before: int) -> int:
    """Every committed step once, in order, with its change; returns the number committed."""
    with open_store(url) as store:
        ids = claim_ids(store)
        entries = [entry for entry in audit_trail(store, "claim") if entry.user == USER]
        claims = {claim.id: claim for claim in store.query_claims()}
    steps = [int((entry.note or "").removeprefix("step ")) for entry in entries]
    assert steps == list(range(len(steps)))  # none lost, none twice, none half-written
    returned = _progress(progress)
    assert set(returned) <= set(steps)
    assert len(steps) - (max(returned) + 1) in (0, 1)  # only the edit in flight may be unlogged
    expected: dict[str, dict[str, Any]] = {claim_id: {} for claim_id in ids}
    for i, entry in zip(steps, entries, strict=True):
        kind, value = step(i)
        assert entry.target_id == ids[i % CLAIMS]
        recorded = entry.after[kind]
        assert (recorded["value"] if kind == "quantity" else recorded) == value
        expected[entry.target_id][kind] = value
    for claim_id, state in expected.items():
        claim = claims[claim_id]
        assert _quantity(claim) == state.get("quantity"), claim_id
        assert claim.credibility == state.get("credibility"), claim_id
        assert claim.curation_status == ("edited" if "quantity" in state else "extracted")
    assert len(claims) == claims_before
    return len(steps)


def _integrity(url: str) -> None:
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            orphans = connection.execute(
                sqlalchemy.text(
                    "SELECT count(*) FROM claims c LEFT JOIN documents d "
                    "ON d.id = c.document_id WHERE d.id IS NULL"
                )
            ).scalar_one()
            assert orphans == 0
            if engine.dialect.name == "sqlite":
                check = connection.exec_driver_sql("PRAGMA integrity_check").scalar_one()
                assert check == "ok"
    finally:
        engine.dispose()


@pytest.mark.slow
def test_curation_killed_midway_keeps_every_committed_edit_with_its_audit_row(
    store_url: str,
    run_cli: Callable[..., CompletedProcess[str]],
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    ingest = run_cli("ingest", str(EXAMPLES), "--db", store_url)
    assert ingest.returncode == 0, ingest.stderr
    with open_store(store_url) as store:
        claims_before = len(store.query_claims())
    assert claims_before >= CLAIMS
    progress, log = tmp_path / "progress.txt", tmp_path / "worker.stderr"

    committed = 0
    for _ in range(2):  # kill, check, restart where it stopped, kill again
        _run_and_kill(store_url, progress, committed, cli_env, log)
        committed = _check_consistent(store_url, progress, claims_before)
        _integrity(store_url)
    assert committed >= 2 * STEPS_PER_RUN

    with open_store(store_url) as store:  # nothing is left locked by the killed writer
        claim_id = claim_ids(store)[0]
        edited = edit_claim(store, claim_id, "after-crash", {"quantity": 10**6})
    assert _quantity(edited) == 10**6
