"""`armstrace export`: every format to a file, filters, stdout, and usage errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from typer.testing import CliRunner

from armstrace.cli.app import app
from armstrace.export import Exporter, exporters

from .samples import SampleStore


@pytest.mark.parametrize("exporter", exporters(), ids=lambda e: e.name)
def test_export_cli_writes_every_format_to_a_file(
    sample: SampleStore, tmp_path: Path, exporter: Exporter
) -> None:
    name, path = exporter.name, tmp_path / f"out{exporter.suffix}"
    result = CliRunner().invoke(
        app, ["export", "--format", name, "-o", str(path), "--db", sample.url]
    )
    assert result.exit_code == 0, result.output
    assert path.stat().st_size > 100
    assert name in result.output and not list(tmp_path.glob("*.partial"))


def test_export_cli_filters_and_writes_stdout(
    run_cli: Callable[..., CompletedProcess[str]], sample: SampleStore
) -> None:
    result = run_cli(
        "export", "--format", "jsonl", "--supplier", "kp", "--recipient", "RU", "--db", sample.url
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and {(r["supplier"], r["recipient"]) for r in records} == {("KP", "RU")}


def test_export_cli_refuses_an_unknown_format(
    run_cli: Callable[..., CompletedProcess[str]], sample: SampleStore
) -> None:
    result = run_cli("export", "--format", "kml", "--db", sample.url)
    assert result.returncode == 2
    assert (
        "'kml' is not one of: csv, ftm, geojson, graphml, json, jsonl, stix, xlsx" in result.stderr
    )
