"""Tables for people: claims and documents as Rich tables, and the ruled table of records.

Why here: `extract`, `claims` and `documents` show the same kinds of rows; one rendering keeps
them consistent. Input is the spec's claim record (a dict), whether it came from the
extractor or the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from armstrace.evaluate.report import format_number

if TYPE_CHECKING:
    from armstrace.store import DocumentRow

_EVIDENCE_CHARS = 240


def claims_table(records: Sequence[Mapping[str, Any]]) -> Table:
    """One row per claim: who gave what to whom (how many, when, how sure), and the evidence.

    Two columns that share the width, so the table stays readable in an 80-column terminal.
    """
    title = f"{len(records)} claim" + ("" if len(records) == 1 else "s")
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("claim", ratio=2, overflow="fold")
    table.add_column("document and evidence", ratio=3, overflow="fold")
    for record in records:
        details = [
            _quantity(record.get("quantity")),
            _when(record.get("when")),
            record.get("hedge") or "",
            f"source: {record['source']}" if record.get("source") else "",
        ]
        claim = Text.assemble((f"{record.get('type', '')} {_parties(record)}", "bold"))
        for line in (_item(record.get("item")), " · ".join(d for d in details if d)):
            if line:
                claim.append("\n" + line)
        evidence = Text.assemble((str(record.get("doc", "")), "dim"))
        evidence.append("\n" + _shorten((record.get("evidence") or {}).get("text", "")))
        table.add_row(claim, evidence)
    return table


def documents_table(rows: Iterable[DocumentRow]) -> Table:
    """One row per stored document with its claim count."""
    table = Table(title="Documents")
    for name in ("id", "stem", "title", "publisher", "published", "status", "claims"):
        table.add_column(
            name, overflow="fold", justify="right" if name in ("id", "claims") else "left"
        )
    for row in rows:
        table.add_row(
            str(row.id),
            row.stem,
            row.title or "",
            row.publisher or "",
            row.published or "",
            row.status,
            str(row.claims),
        )
    return table


def ruled_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> Table:
    """Records with long values: full width, long cells wrap, a rule between rows."""
    table = Table(title=title, show_lines=True, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _parties(record: Mapping[str, Any]) -> str:
    text = f"{record.get('supplier') or '?'} → {record.get('recipient') or '?'}"
    via = record.get("via")
    return f"{text} (via {', '.join(via)})" if via else text


def _item(item: Mapping[str, Any] | None) -> str:
    if not item:
        return ""
    designation = item.get("designation")
    return f"{item['category']} ({designation})" if designation else str(item["category"])


def _quantity(quantity: Mapping[str, Any] | None) -> str:
    if not quantity:
        return ""
    qualifier = quantity.get("qualifier", "exact")
    amount = format_number(quantity["value"])
    if qualifier == "range" and quantity.get("max") is not None:
        return f"{amount}–{format_number(quantity['max'])} {quantity['unit']}"
    text = f"{amount} {quantity['unit']}"
    return text if qualifier == "exact" else f"{text} ({qualifier})"


def _when(when: str | Mapping[str, str] | None) -> str:
    if not when:
        return ""
    if isinstance(when, str):
        return when
    return f"{when.get('start', '…')} – {when.get('end', '…')}"


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EVIDENCE_CHARS else flat[: _EVIDENCE_CHARS - 1] + "…"
