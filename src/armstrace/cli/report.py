"""`armstrace report`: a briefing on a flow, an actor or an item, as HTML and PDF."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, Literal

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, choice, open_store, stdout, write_json
from armstrace.cli.export import write_file
from armstrace.errors import UsageError
from armstrace.model.claim import CATEGORIES

if TYPE_CHECKING:
    from armstrace.report import Brief

NAME = "report"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace report --supplier KP --recipient RU -o kp-ru.pdf`\n"
    "- `armstrace report --actor hezbollah -o hezbollah.html -o hezbollah.pdf`\n"
    "- `armstrace report --item artillery_ammunition --format json`\n"
)
SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def command(
    supplier: Annotated[
        str | None, typer.Option(metavar="ACTOR", help="A flow: the giver (with --recipient).")
    ] = None,
    recipient: Annotated[
        str | None, typer.Option(metavar="ACTOR", help="A flow: the receiver (with --supplier).")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(metavar="ACTOR", help="One actor: what it gave, got or seized.")
    ] = None,
    item: Annotated[
        str | None,
        typer.Option(metavar="CATEGORY", callback=choice(CATEGORIES), help="One item category."),
    ] = None,
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the brief here: FILE.pdf or FILE.html (repeat for both).",
        ),
    ] = None,
    db: DbOption = None,
    output_format: Annotated[
        Literal["table", "json"],
        typer.Option("--format", help="table: the key figures; json: the whole brief as data."),
    ] = "table",
) -> None:
    """Write a briefing: key figures, the bottom line, the estimates chart, the findings with
    every sentence cited to its document and sentence, the network, and source reliability.

    Name one topic: a flow (--supplier and --recipient), an actor (--actor) or an item
    (--item). Files are written as PDF or HTML by their suffix; without -o only the key
    figures are shown.
    """
    from armstrace.report import Topic, build_brief, render_html, render_pdf

    topic = Topic.of(supplier=supplier, recipient=recipient, actor=actor, item=item)
    kinds = [(path, _kind(path)) for path in outputs or []]
    with open_store(db) as store:
        brief = build_brief(store, topic, prepared=date.today())
    for path, kind in kinds:
        content: bytes | str = render_pdf(brief) if kind == "pdf" else render_html(brief)
        write_file(path, partial(_put, content), binary=kind == "pdf")
    if output_format == "json":
        write_json(brief.to_record() | {"files": [str(path) for path, _ in kinds]})
        return
    _print(brief, [path for path, _ in kinds])


def _put(content: bytes | str, fh: IO[Any]) -> None:
    fh.write(content)


def _kind(path: Path) -> str:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"{path}: the brief is written as .pdf or .html, not {path.suffix!r}")
    return kind


def _print(brief: Brief, paths: list[Path]) -> None:
    table = Table(title=brief.title)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for label, value in brief.figures:
        table.add_row(label, value)
    stdout.print(table)
    for point in brief.key_points:
        stdout.print(f"- {point.text}", markup=False)
    for path in paths:
        stdout.print(f"written    {path}", markup=False)
    if not paths:
        stdout.print("Add -o FILE.pdf or -o FILE.html to write the brief.", markup=False)
