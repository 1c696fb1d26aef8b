"""The transfers register: one row per finding, the same in csv and in xlsx (openpyxl)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from armstrace.export import ExportSet, get_exporter
from armstrace.export.register import COLUMNS, REGISTER_TYPES, register_rows, status

from .samples import SampleStore


def _csv_rows(export: ExportSet) -> list[list[str]]:
    buffer = io.StringIO()
    get_exporter("csv").write(export, buffer)
    return list(csv.reader(io.StringIO(buffer.getvalue())))


def _xlsx(export: ExportSet, path: Path) -> Path:
    with path.open("wb") as fh:
        get_exporter("xlsx").write(export, fh)
    return path


def test_register_has_one_row_per_transfer_or_interdiction_finding(
    sample_export: ExportSet,
) -> None:
    header, *rows = _csv_rows(sample_export)
    findings = [f for f in sample_export.findings if f.type in REGISTER_TYPES]
    assert tuple(header) == COLUMNS
    assert [row[0] for row in rows] == [f.id for f in findings]
    assert len(rows) > 5


def test_register_row_reads_like_a_trade_register(
    sample: SampleStore, sample_export: ExportSet
) -> None:
    rows = [
        r for r in register_rows(sample_export) if r.supplier_id == "KP" and r.recipient_id == "RU"
    ]
    munitions = next(r for r in rows if r.item_category == "munitions")
    assert (munitions.supplier, munitions.recipient, munitions.status) == (
        "North Korea",
        "Russia",
        "transferred",
    )
    assert "13,000 containers" in munitions.quantity.split("; ")
    assert "about 6,700 containers" not in munitions.quantity  # the rejected claim
    assert munitions.sources.startswith("Northeast Ledger (B)")
    assert munitions.source_count == 1 and munitions.single_source is True
    assert sample.rejected not in munitions.claim_ids


def test_register_xlsx_reads_back_as_the_csv(sample_export: ExportSet, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(_xlsx(sample_export, tmp_path / "r.xlsx"))
    assert workbook.sheetnames == ["Register", "Sources", "About"]
    cells = [
        ["" if value is None else str(value) for value in row]
        for row in workbook["Register"].iter_rows(values_only=True)
    ]
    assert cells == [[_plain(v) for v in row] for row in _csv_rows(sample_export)]
    sources = list(workbook["Sources"].iter_rows(values_only=True))
    assert ("ledger_container_estimates", "Northeast Ledger") in {(r[0], r[2]) for r in sources}


def test_register_xlsx_is_byte_identical_across_exports(
    sample_export: ExportSet, tmp_path: Path
) -> None:
    first = _xlsx(sample_export, tmp_path / "a.xlsx").read_bytes()
    second = _xlsx(sample_export, tmp_path / "b.xlsx").read_bytes()
    assert first == second


@pytest.mark.parametrize(
    ("type_", "hedges", "expected"),
    [
        ("transfer", ("reported",), "transferred"),
        ("transfer", ("planned",), "planned"),
        ("transfer", ("denied",), "denied"),
        ("transfer", ("denied", "planned"), "planned"),
        ("transfer", ("confirmed", "denied"), "transferred"),
        ("interdiction", ("confirmed",), "interdicted"),
    ],
)
def test_register_status_from_type_and_hedges(
    sample_export: ExportSet, type_: str, hedges: tuple[str, ...], expected: str
) -> None:
    from dataclasses import replace

    finding = replace(sample_export.findings[0], type=type_, hedges=hedges)
    assert status(finding) == expected


def _plain(value: str) -> str:
    """openpyxl gives numbers back as numbers: "6700.0" in the sheet is "6700" in csv."""
    try:
        number = float(value)
    except ValueError:
        return value
    return str(int(number)) if number.is_integer() and "." not in value else value
