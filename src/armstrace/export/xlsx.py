"""`xlsx`: the transfers register as an Excel workbook (openpyxl).

Sheets: "Register" (one row per finding, frozen header, filters on), "Sources" (every
document the register cites, with publisher and reliability) and "About" (what the columns
mean). The workbook's timestamps are fixed and its zip entries carry a fixed date, so the
same store gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from armstrace.export.dataset import ExportSet
from armstrace.export.register import COLUMNS, register_rows, row_values

FIXED_TIME = datetime(2020, 1, 1)
"""Written as the workbook's created/modified time and every zip entry's date."""
_WIDE = {"sources": 40, "documents": 30, "claim_ids": 30, "quantity": 30, "designations": 25}
ABOUT = (
    ("finding", "Claims about one event or flow across documents (armstrace findings)."),
    (
        "quantity",
        "Every figure the sources give, with its qualifier; the value, unit and "
        "qualifier columns are filled only when there is one figure.",
    ),
    ("status", "transferred, planned, denied or interdicted: what the sources say happened."),
    ("hedge", "How sure the sources are, in the spec's order of precedence."),
    (
        "credibility",
        "Admiralty scale 1 (confirmed) to 6 (cannot be judged); set_by says "
        "whether an analyst set it or it is suggested from the independent sources.",
    ),
    (
        "sources",
        "Independent sources (asserting bodies, else publishers) with reliability "
        "grades A..F where graded; source_count counts them.",
    ),
)


def build_workbook(export: ExportSet) -> Workbook:
    """The workbook in memory."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Register"
    rows = register_rows(export)
    _table(sheet, COLUMNS, [row_values(row) for row in rows])
    cited = sorted({stem for row in rows for stem in row.documents.split("; ") if stem})
    by_stem = {document.stem: document for document in export.documents.values()}
    sources = workbook.create_sheet("Sources")
    header = ("document", "title", "publisher", "published", "url", "reliability")
    _table(
        sources,
        header,
        [
            [
                stem,
                d.title or "",
                d.publisher or "",
                d.published or "",
                d.url or "",
                d.reliability or "",
            ]
            for stem in cited
            if (d := by_stem.get(stem)) is not None
        ],
    )
    about = workbook.create_sheet("About")
    _table(about, ("column", "meaning"), [list(pair) for pair in ABOUT])
    about.column_dimensions["B"].width = 100
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = "armstrace"
    return workbook


def write(export: ExportSet, fh: IO[bytes]) -> None:
    """The workbook's bytes, with fixed zip dates."""
    buffer = io.BytesIO()
    build_workbook(export).save(buffer)
    fh.write(_fixed_dates(buffer.getvalue()))


def _table(sheet: Worksheet, header: tuple[str, ...], rows: list[list[object]]) -> None:
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDE.get(
            name, max(12, len(name) + 2)
        )


def _fixed_dates(data: bytes) -> bytes:
    """The same zip with every entry dated FIXED_TIME, and the workbook's modified time too
    (openpyxl stamps the current time on both when it saves)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
