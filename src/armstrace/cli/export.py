"""`armstrace export`: stored claims in the ecosystem's formats, to a file or stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.table import Table

from armstrace.cli import filters
from armstrace.cli.common import DbOption, choice, open_store, stdout
from armstrace.errors import UsageError
from armstrace.export.registry import exporters, get_exporter

NAME = "export"
FORMATS = tuple(exporter.name for exporter in exporters())
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace export --format jsonl -o claims.jsonl`\n"
    "- `armstrace export --format stix --supplier KP --recipient RU -o kp-ru.stix.json`\n"
    "- `armstrace export --format xlsx -o register.xlsx`\n"
    "- `armstrace export --format geojson --since 2023 > flows.geojson`\n\n"
    "**Formats**\n\n" + "".join(f"- `{e.name}`: {e.description}\n" for e in exporters())
)


def command(
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            callback=choice(FORMATS),
            help=f"One of {', '.join(FORMATS)}.",
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout."),
    ] = None,
    db: DbOption = None,
    type_: filters.Type = None,
    supplier: filters.Supplier = None,
    recipient: filters.Recipient = None,
    category: filters.Category = None,
    since: filters.Since = None,
    until: filters.Until = None,
    hedge: filters.Hedge = None,
    doc: filters.Doc = None,
) -> None:
    """Export stored claims, narrowed by the same filters as `armstrace claims`.

    `jsonl` (and `json`) keep everything, rejected claims and the audit trail included, and
    `armstrace import` reads them back. The register (csv, xlsx) has one row per finding;
    stix, ftm, geojson and graphml leave rejected claims out. Output is deterministic: the
    same store gives the same bytes. With -o, a summary is printed; without it, the export
    goes to stdout (xlsx only when stdout is not a terminal).
    """
    from armstrace.export import collect_export

    exporter = get_exporter(output_format)
    with open_store(db) as store:
        export = collect_export(
            store, type=type_, supplier=supplier, recipient=recipient, category=category,
            since=since, until=until, hedge=hedge, doc=doc,
        )  # fmt: skip
    if output is None:
        if exporter.binary and sys.stdout.isatty():
            raise UsageError(f"{exporter.name} is binary: give -o FILE or redirect stdout")
        exporter.write(export, sys.stdout.buffer if exporter.binary else sys.stdout)
        sys.stdout.flush()
        return
    write_file(output, lambda fh: exporter.write(export, fh), binary=exporter.binary)
    table = Table(title="Export")
    table.add_column("format")
    table.add_column("file", overflow="fold")
    table.add_column("claims", justify="right")
    table.add_column("documents", justify="right")
    table.add_row(exporter.name, str(output), str(len(export.claims)), str(len(export.documents)))
    stdout.print(table)


def write_file(path: Path, write: Callable[[IO[Any]], None], *, binary: bool = False) -> None:
    """Write through a temporary file beside `path`, so a failed write leaves no half file."""
    partial = path.with_name(path.name + ".partial")
    try:
        if binary:
            with partial.open("wb") as fh:
                write(fh)
        else:
            with partial.open("w", encoding="utf-8") as fh:
                write(fh)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
