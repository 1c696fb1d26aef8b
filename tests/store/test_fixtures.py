"""The pg_url fixture: skipped locally without a server, a failure under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("ci", "exit_code", "outcome"),
    [("true", 1, "ARMSTRACE_TEST_PG is not set; under CI=true"), ("", 0, "1 skipped")],
    ids=["ci", "local"],
)
def test_pg_url_without_server_fails_only_under_ci(
    tmp_path: Path, ci: str, exit_code: int, outcome: str
) -> None:
    (tmp_path / "test_needs_pg.py").write_text("def test_needs_pg(pg_url):\n    pass\n")
    env = {**os.environ, "CI": ci, "PYTHONPATH": str(TESTS_DIR)}
    env.pop("ARMSTRACE_TEST_PG", None)
    command = [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider", "-rs"]
    run = subprocess.run(
        [*command, "--rootdir", str(tmp_path), str(tmp_path / "test_needs_pg.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == exit_code, run.stdout
    assert outcome in run.stdout
