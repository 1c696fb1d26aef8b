"""Two `armstrace ingest` processes on overlapping folders and a web user curating through the
REST API, all at once on one store: every document stored once, every edit kept with its
audit entry, and no "database is locked" (or any other error) reaching anyone."""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
from fastapi.testclient import TestClient

from armstrace.curation import audit_trail
from armstrace.store import open_store
from armstrace.web import WebSettings, create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
DOCUMENTS = 90
OVERLAP = 30
"""Folder A holds reports 0..59, folder B reports 30..89: 30 are given to both processes."""
MIN_EDITS = 40
WEB_USER = "web-analyst"


def write_reports(folder: Path, numbers: range) -> None:
    """Short distinct reports; report n has the same bytes in every folder."""
    folder.mkdir(parents=True)
    for n in numbers:
        (folder / f"report_{n:03d}.txt").write_text(
            f"Report {n}. Iran shipped {n + 100} rockets to the Houthis by dhow in "
            f"{2000 + n % 25}, the U.S. Navy said. North Korea sent {n + 7} trainloads of "
            "artillery shells to Russia, according to South Korean intelligence.\n",
            encoding="utf-8",
        )


def _summary(stdout: str) -> tuple[int, int]:
    """(ingested, duplicates) from `armstrace ingest`'s summary table."""
    found = dict(re.findall(r"^\W*(ingested|duplicates)\b.*?(\d+)\W*$", stdout, re.M))
    return int(found["ingested"]), int(found["duplicates"])


@dataclass
class Curator:
    """A web user editing claims in a loop until told to stop; keeps every response."""

    client: TestClient
    claim_ids: list[str]
    stop: threading.Event = field(default_factory=threading.Event)
    sent: list[tuple[str, str, int]] = field(default_factory=list)
    """(claim id, kind, value) of every edit the server accepted."""
    errors: list[str] = field(default_factory=list)

    def run(self) -> None:
        token = {"X-CSRF-Token": self.client.get("/api/session").json()["csrf_token"]}
        i = 0
        while not self.stop.is_set() or len(self.sent) < MIN_EDITS:
            claim_id = self.claim_ids[i % len(self.claim_ids)]
            if i % 2 == 0:
                kind, value = "quantity", 1000 + i
                body: dict[str, Any] = {"changes": {"quantity": value}, "note": f"edit {i}"}
                response = self.client.patch(f"/api/claims/{claim_id}", json=body, headers=token)
            else:
                kind, value = "credibility", (i // 2) % 6 + 1
                body = {"credibility": value, "note": f"edit {i}"}
                url = f"/api/claims/{claim_id}/credibility"
                response = self.client.put(url, json=body, headers=token)
            if response.status_code == 200:
                self.sent.append((claim_id, kind, value))
            else:
                self.errors.append(f"{response.status_code} {response.text}")
            i += 1


@pytest.mark.slow
def test_two_ingests_and_a_web_curator_at_once_lose_nothing(
    store_url: str,
    armstrace_cmd: list[str],
    cli_env: dict[str, str],
    run_cli: Callable[..., CompletedProcess[str]],
    tmp_path: Path,
) -> None:
    seed = run_cli("ingest", str(EXAMPLES), "--db", store_url)
    assert seed.returncode == 0, seed.stderr
    with open_store(store_url) as store:
        seeded = store.documents()
        claim_ids = sorted(claim.id for claim in store.query_claims())[:7]
    write_reports(tmp_path / "a", range(0, DOCUMENTS - OVERLAP))
    write_reports(tmp_path / "b", range(OVERLAP, DOCUMENTS))
    settings = WebSettings(
        db_url=store_url, team=False, upload_dir=tmp_path / "uploads", local_user=WEB_USER
    )
    app = create_app(settings)
    curator = Curator(TestClient(app), claim_ids)
    thread = threading.Thread(target=curator.run)
    thread.start()
    try:
        ingests = [
            subprocess.Popen(
                [*armstrace_cmd, "ingest", str(tmp_path / folder), "--db", store_url],
                env=cli_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for folder in ("a", "b")
        ]
        outputs = [process.communicate(timeout=240) for process in ingests]
    finally:
        curator.stop.set()
        thread.join(timeout=120)
        app.state.store.close()

    for process, (_, stderr) in zip(ingests, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert not [line for line in stderr.splitlines() if line.startswith("armstrace:")]
        assert "locked" not in stderr and "Traceback" not in stderr
    totals = [_summary(stdout) for stdout, _ in outputs]
    assert sum(ingested for ingested, _ in totals) == DOCUMENTS
    assert sum(duplicates for _, duplicates in totals) == OVERLAP
    assert curator.errors == []
    assert len(curator.sent) >= MIN_EDITS

    with open_store(store_url) as store:
        documents = store.documents()
        claims = store.query_claims()
        entries = [e for e in audit_trail(store, "claim") if e.user == WEB_USER]
        failures = store.failures()
    assert failures == []
    assert len(documents) == len(seeded) + DOCUMENTS
    assert len({row.content_hash for row in documents}) == len(documents)
    assert len({row.stem for row in documents}) == len(documents)
    assert len({claim.id for claim in claims}) == len(claims)

    assert len(entries) == len(curator.sent)  # every accepted edit has its audit row
    final: dict[tuple[str, str], int] = {}
    for entry, (claim_id, kind, value) in zip(entries, curator.sent, strict=True):
        recorded = entry.after[kind]
        assert entry.target_id == claim_id
        assert (recorded["value"] if kind == "quantity" else recorded) == value
        final[claim_id, kind] = value
    by_id = {claim.id: claim for claim in claims}
    for (claim_id, kind), value in final.items():
        record = by_id[claim_id].to_record() | {"credibility": by_id[claim_id].credibility}
        stored = record["quantity"]["value"] if kind == "quantity" else record["credibility"]
        assert stored == value, (claim_id, kind)
