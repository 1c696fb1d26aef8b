"""`csv`: the transfers register (`register.py`) as comma-separated values.

A header row with the column names, then one row per finding. Lines end in "\\n" and cells
are quoted only where needed, so two exports of the same store diff line by line.
"""

from __future__ import annotations

import csv
from typing import IO

from armstrace.export.dataset import ExportSet
from armstrace.export.register import COLUMNS, register_rows, row_values


def write(export: ExportSet, fh: IO[str]) -> None:
    """The register with a header row."""
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in register_rows(export):
        writer.writerow(row_values(row))
