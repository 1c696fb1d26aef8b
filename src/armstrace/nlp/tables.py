"""Read tables in article text: "| Date | Seized by | Vessel | Cargo found |" rows.

HTML tables reach the extractor as pipe-separated lines (the HTML reader keeps cells that way).
Each column gets a role from its header; each data row then states one event: a seizure, or a
figure for a flow, with the row as its evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(r"\b(?:date|as\s+of|when|year|month|period|reported)\b", re.I)),
    (
        "seizer",
        re.compile(
            r"\b(?:seized\s+by|seizing|interdicted\s+by|intercepted\s+by|stopped\s+by|navy|authority|by\s+whom)\b",
            re.I,
        ),
    ),
    (
        "vessel",
        re.compile(r"\b(?:vessel|ship|boat|conveyance|aircraft|carrier|dhow|flight)\b", re.I),
    ),
    (
        "source",
        re.compile(
            r"\b(?:estimate\s+by|estimated\s+by|source|according\s+to|reported\s+by|claimed\s+by|figure\s+from)\b",
            re.I,
        ),
    ),
    ("supplier", re.compile(r"\b(?:supplier|from|origin|exporter|seller|sender)\b", re.I)),
    (
        "recipient",
        re.compile(
            r"\b(?:recipient|destination|buyer|end\s+user|bound\s+for|importer|^to$)\b", re.I
        ),
    ),
    (
        "cargo",
        re.compile(
            r"\b(?:cargo|items?|weapons|found|contents|materiel|equipment|what|systems?|seized|type|model|"
            r"kind|designation)\b",
            re.I,
        ),
    ),
    (
        "quantity",
        re.compile(
            r"\b(?:containers|tons|tonnes|shipments|troops|rounds|quantity|number|count|value|us\$|usd|shells|rockets|missiles)\b",
            re.I,
        ),
    ),
]
_INTERDICTION_HEADER = re.compile(r"seiz|intercept|interdict|confiscat", re.I)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Table:
    roles: list[str | None]
    headers: list[str]
    interdiction: bool
    rows: list[list[Cell]] = field(default_factory=list)

    def cells(self, row: list[Cell], role: str) -> list[Cell]:
        """Every cell of the row whose column has this role, in order."""
        return [row[i] for i, r in enumerate(self.roles) if r == role and i < len(row)]

    def cell(self, row: list[Cell], role: str) -> Cell | None:
        for index, column_role in enumerate(self.roles):
            if column_role == role and index < len(row):
                return row[index]
        return None


def split_cells(text: str, start: int, end: int) -> list[Cell]:
    """Cells of one pipe-separated line, with offsets into `text`."""
    cells: list[Cell] = []
    line = text[start:end]
    positions = [m.start() for m in re.finditer(r"\|", line)]
    if line.strip() and not line.lstrip().startswith("|"):
        positions.insert(0, -1)
    for left, right in zip(positions, [*positions[1:], len(line)], strict=False):
        raw = line[left + 1 : right]
        stripped = raw.strip()
        if not stripped and right == len(line):
            continue
        offset = start + left + 1 + (len(raw) - len(raw.lstrip()))
        cells.append(Cell(offset, offset + len(stripped), stripped))
    return cells


def is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|") and line.count("|") >= 2


def is_separator(line: str) -> bool:
    return bool(_SEPARATOR.match(line))


def read_header(cells: list[Cell]) -> Table:
    roles: list[str | None] = []
    for cell in cells:
        role = next((name for name, pattern in _ROLES if pattern.search(cell.text)), None)
        roles.append(role)
    headers = [c.text for c in cells]
    return Table(roles, headers, any(_INTERDICTION_HEADER.search(h) for h in headers))


def quantity_unit(table: Table) -> str | None:
    """The unit a "quantity" column counts, from its header ("Containers", "Tons")."""
    for header, role in zip(table.headers, table.roles, strict=True):
        if role != "quantity":
            continue
        low = header.lower()
        for unit, words in (("containers", "container"), ("tons", "ton"), ("shipments", "shipment"),
                            ("persons", "troop"), ("usd", "$"), ("usd", "usd")):  # fmt: skip
            if words in low:
                return unit
        return "items"
    return None
