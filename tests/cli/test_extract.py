"""`armstrace extract`: JSON lines only on stdout; bad files reported on stderr."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

Run = Callable[..., CompletedProcess[str]]


def test_extract_prints_only_json_lines_and_reports_bad_files(
    run_cli: Run, good_folder: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    alone = run_cli("extract", str(good_folder), "--format", "jsonl")
    assert alone.returncode == 0, alone.stderr
    for line in alone.stdout.splitlines():  # nothing but claim records on stdout
        record = json.loads(line)
        assert {"doc", "type", "evidence"} <= record.keys()
        assert record["doc"] in {"nis", "report_0000", "report_0001"}

    result = run_cli("extract", str(empty), str(good_folder), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert result.stdout == alone.stdout
    errors = result.stderr.splitlines()
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"armstrace: {empty}: ")
    assert errors[1].startswith(f"armstrace: {tmp_path / 'missing.txt'}: ")
    assert "Traceback" not in result.stderr


def test_extract_table_format(run_cli: Run, good_folder: Path) -> None:
    result = run_cli("extract", str(good_folder / "nis.txt"), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert not result.stdout.lstrip().startswith("{")
