"""`armstrace marking`: decode a munition marking, or find the markings in a stored document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, FormatOption, error_line, open_store, stdout, write_json
from armstrace.errors import UsageError

if TYPE_CHECKING:
    from armstrace.markings import FoundMarking

NAME = "marking"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace marking 방-122`\n"
    "- `armstrace marking 17-88-1234 --format json`\n"
    "- `armstrace marking --doc lot_markings_1980s`\n"
)


def command(
    text: Annotated[
        str | None,
        typer.Argument(metavar="TEXT", help="A marking (방-122, 17-88-1234, ОФ-462) or a text."),
    ] = None,
    doc: Annotated[
        str | None,
        typer.Option(metavar="STEM", help="Find the markings in this stored document instead."),
    ] = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Decode a marking: item, calibre, factory, year and batch, and the rule that read it.

    TEXT is first read as one marking; if it is not one, the markings inside it are listed
    (in a text longer than a few markings, lot codes and Latin "mm" calibres only next to a
    word such as "stencil" or "lot").
    Exit code 1 with "no rule matches" when nothing decodes.
    """
    from armstrace.markings import FoundMarking, decode_marking, find_markings
    from armstrace.markings.decode import MAX_MARKING_CHARS

    if (text is None) == (doc is None):
        raise UsageError("give either TEXT or --doc STEM")
    if text is not None:
        source = repr(text)
        reading = decode_marking(text)
        if reading is not None:
            found = [FoundMarking(0, len(text), reading)]
        else:  # a few markings typed together need no cue word; a longer text does
            found = find_markings(text, require_cues=len(text) > MAX_MARKING_CHARS)
    else:
        source, found = f"document {doc}", _in_document(db, str(doc))
    if not found:
        error_line(f"no rule matches {source}")
        raise typer.Exit(1)
    records = [{"start": f.start, "end": f.end, **f.reading.to_record()} for f in found]
    if output == "json":
        write_json(records)
    else:
        stdout.print(_table(records))


def _in_document(db: str | None, stem: str) -> list[FoundMarking]:
    from armstrace.markings import find_markings

    with open_store(db) as store:
        rows = [row for row in store.documents() if row.stem == stem]
        if not rows:
            raise UsageError(f"--doc {stem}: no stored document with this stem")
        return [m for row in rows for m in find_markings(store.get_document_text(row.id))]


def _table(records: list[dict[str, Any]]) -> Table:
    table = Table(title="Markings")
    for name in ("marking", "item", "calibre", "factory", "year", "batch", "rule"):
        table.add_column(name, overflow="fold")
    for r in records:
        calibre = r["caliber_mm"]
        table.add_row(
            r["text"], r["item"] or (r["category"] or ""),
            f"{calibre:g} mm" if calibre is not None else "", r["factory"] or "",
            str(r["year"] or ""), r["batch"] or "", f"{r['rule']}: {r['explanation']}",
        )  # fmt: skip
    return table
