"""`armstrace evaluate`: the official scorer's figures, plus what was missed and why."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

Run = Callable[..., CompletedProcess[str]]

# A tuple no extractor will find in the text below, so it is always a miss.
UNLIKELY = {
    "doc": "alpha",
    "type": "transfer",
    "supplier": "ltte",
    "recipient": "wagner",
    "item": {"category": "mines"},
    "quantity": {"value": 12, "unit": "shipments", "qualifier": "exact"},
    "evidence": {"text": "The harbour was quiet.", "start": 0, "end": 22},
}


def test_evaluate_lists_misses_and_reports_missing_documents(run_cli: Run, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "alpha.txt").write_text("The harbour was quiet. Fishing boats came in.\n", "utf-8")
    gold = tmp_path / "gold.jsonl"
    lines = [UNLIKELY, {**UNLIKELY, "doc": "absent"}]
    gold.write_text("".join(json.dumps(c) + "\n" for c in lines), encoding="utf-8")

    as_json = run_cli("evaluate", str(gold), "--docs", str(docs), "--format", "json")
    assert as_json.returncode == 1
    assert as_json.stderr.startswith("armstrace: absent: not found in ")
    result = json.loads(as_json.stdout)
    assert result["items"]["gold"] == 2
    assert result["items"]["hits"] == 0
    missed = {e["doc"]: e["items"]["missed"] for e in result["errors"]}
    assert missed["alpha"] == [["transfer", "ltte", "wagner", "mines"]]

    as_text = run_cli("evaluate", str(gold), "--docs", str(docs))
    assert as_text.stdout.startswith("level")
    assert "items       missed       transfer ltte → wagner mines" in as_text.stdout
    assert "quantities  missed       transfer ltte → wagner mines 12 shipments" in as_text.stdout


def test_evaluate_bad_gold_line_is_an_input_error(run_cli: Run, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{oops\n", encoding="utf-8")
    result = run_cli("evaluate", str(gold), "--docs", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"armstrace: {gold}: line 1: not JSON")


def test_evaluate_equals_official_scorer_on_extract_output(
    run_cli: Run, shared_dir: Path, tmp_path: Path
) -> None:
    dev = shared_dir / "corpus" / "dev"
    extracted = run_cli("extract", *map(str, sorted((dev / "docs").glob("*.txt"))))
    assert extracted.returncode == 0, extracted.stderr
    pred = tmp_path / "pred.jsonl"
    pred.write_text(extracted.stdout, encoding="utf-8")
    scorer = [sys.executable, str(shared_dir / "eval" / "score.py")]
    official = subprocess.run(
        [*scorer, str(dev / "gold.jsonl"), str(pred), "--docs", str(dev / "docs"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    ours = run_cli(
        "evaluate", str(dev / "gold.jsonl"), "--docs", str(dev / "docs"), "--format", "json",
        "--no-show-errors",
    )  # fmt: skip
    assert ours.returncode == 0, ours.stderr
    assert json.loads(ours.stdout) == json.loads(official.stdout)


def test_evaluate_lists_errors_at_the_levels_asked(run_cli: Run, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "alpha.txt").write_text("The harbour was quiet. Fishing boats came in.\n", "utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(UNLIKELY) + "\n", encoding="utf-8")

    done = run_cli("evaluate", str(gold), "--docs", str(docs), "--level", "relations")
    assert done.returncode == 0, done.stderr
    assert "relations   missed       transfer ltte → wagner" in done.stdout
    assert "items       missed" not in done.stdout

    refused = run_cli("evaluate", str(gold), "--docs", str(docs), "--level", "vessels")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "armstrace: --level vessels: not one of relations, items, quantities, interdictions"
    )
