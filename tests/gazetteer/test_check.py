"""`python -m armstrace.gazetteer.check`: exit 0 with a summary, 1 with every problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from armstrace.gazetteer.check import main


def test_check_module_exits_zero_on_packaged_data() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "armstrace.gazetteer.check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")
    assert done.stdout.count("\n") == 1


def test_check_main_lists_errors_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    for sub in ("actors", "places", "weapons"):
        (root / sub).mkdir(parents=True)
    (root / "actors" / "XA.yml").write_text("id: XA\nkind: state\nname: A\ncolour: red\n")
    (root / "weapons" / "w.yml").write_text("- {designation: W, category: lasers}\n")
    assert main([str(root)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        err[0] == "data/actors/XA.yml: colour: unknown key (allowed: id, kind, name, names, "
        "names_weak, demonyms, country, parent, qid, see)"
    )
    assert err[1].startswith("data/weapons/w.yml: [1] W: category: unknown value 'lasers'")
    assert err[-1] == "2 problem(s) in the data files"


def test_check_main_rejects_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 2
    assert "usage:" in capsys.readouterr().err
