"""`armstrace ingest`: idempotent reruns, hostile inputs, a summary naming every source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from armstrace.store import open_store

Run = Callable[..., CompletedProcess[str]]


def test_ingest_twice_adds_nothing_the_second_time(
    run_cli: Run, good_folder: Path, store_url: str
) -> None:
    first = run_cli("ingest", str(good_folder), "--db", store_url)
    assert first.returncode == 0, first.stderr
    with open_store(store_url) as store:
        counts = store.counts()
    assert counts["documents"] == 3
    assert counts["failures"] == 0

    second = run_cli("ingest", str(good_folder), "--db", store_url)
    assert second.returncode == 0, second.stderr
    assert "duplicates (already stored)" in second.stdout
    assert second.stdout.count("duplicate  ") == 3
    with open_store(store_url) as store:
        assert store.counts() == counts


def test_ingest_reports_each_bad_input_and_stores_the_good_ones(
    run_cli: Run, mixed_folder: Path, sqlite_url: str
) -> None:
    folder = mixed_folder
    result = run_cli("ingest", str(folder), "--db", sqlite_url)

    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    lines = result.stdout.splitlines()
    for name in ("good.txt", "truncated.html", "korean.txt"):
        assert any(ln.startswith("ok ") and name in ln for ln in lines), (name, lines)
    for name, reason in [
        ("empty.txt", "no text"),
        ("random.txt", " "),
        ("huge.txt", "ARMSTRACE_MAX_TEXT_CHARS"),
    ]:
        failed = [ln for ln in lines if ln.startswith("failed ") and f"{name}: " in ln]
        assert len(failed) == 1, (name, lines)
        assert reason in failed[0].split(f"{name}: ", 1)[1], failed
        assert f"armstrace: {folder / name}: " in result.stderr
    with open_store(sqlite_url) as store:
        stored = {Path(row.source).name: row.id for row in store.documents()}
        failures = {Path(row.source).name: row.reason for row in store.failures()}
        korean = store.get_document_text(stored["korean.txt"])
    assert set(stored) == {"good.txt", "truncated.html", "korean.txt"}
    assert korean == (folder / "korean.txt").read_bytes().decode("euc-kr")
    assert set(failures) == {"empty.txt", "random.txt", "huge.txt"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest"], "Missing argument"),
        (
            ["ingest", "x.txt", "--db", "sqlite:////proc/nope/x.db"],
            "armstrace: sqlite:////proc/nope",
        ),
        (["claims", "--type", "sale"], "'sale' is not one of"),
        (["claims", "--since", "2009-13"], "armstrace: since: '2009-13' is not a date"),
        (["frobnicate"], "No such command"),
    ],
)
def test_cli_usage_errors_exit_2_without_traceback(
    run_cli: Run, tmp_path: Path, args: list[str], message: str
) -> None:
    result = run_cli(*args, ARMSTRACE_DB=f"sqlite:///{tmp_path / 'u.db'}")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert message in " ".join(result.stderr.split()), result.stderr


def test_ingest_debug_shows_the_traceback(run_cli: Run) -> None:
    result = run_cli("--debug", "ingest", "x.txt", "--db", "nonsense")
    assert result.returncode != 0
    assert "Traceback" in result.stderr
