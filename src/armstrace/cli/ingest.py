"""`armstrace ingest`: read documents, extract claims and keep both in the store."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from armstrace.cli.common import DbOption, error_line, open_store, stderr, stdout
from armstrace.settings import load_settings

if TYPE_CHECKING:
    from armstrace.batch import BatchSummary, IngestEvent

NAME = "ingest"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace ingest examples/corpus`\n"
    "- `armstrace ingest report.pdf https://example.org/article.html`\n"
    "- `armstrace ingest --db postgresql://analyst:secret@localhost/armstrace reports/`\n"
)
PROGRESS_ABOVE = 5
"""Show a progress bar for more inputs than this even when stderr is not a terminal."""
LIST_SOURCES_UP_TO = 30
"""The summary names every source up to this many; beyond it, only the failures."""


def command(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH|URL...",
            help="Files, folders (searched recursively) or http(s) URLs.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, metavar="N", help="Extract on N processes on this machine."
        ),
    ] = 1,
    no_prefilter: Annotated[
        bool,
        typer.Option(
            "--no-prefilter",
            help="Extract every document; by default those naming no arms-trade goods or "
            "no party are stored as off-topic without extraction.",
        ),
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Extract on a Dask cluster: tcp://HOST:PORT, or local (one process per core, "
            "or --workers N).",
        ),
    ] = None,
) -> None:
    """Read documents (text, HTML, PDF, URL), extract their claims and store both.

    A document already in the store (same bytes) is skipped, so running the same command
    twice adds nothing, and a run that was interrupted can simply be started again. A file
    that cannot be read is recorded with its reason and the others go on.

    Exit code: 0 all stored, 1 some inputs failed, 2 usage or database error.
    """
    from armstrace.ingest import discover
    from armstrace.scale import ingest_dask, ingest_stream

    settings = load_settings()
    # Counted for the progress bar, then discovered again as the run goes: a list of every
    # source of a million-file corpus would be held for the whole run.
    total = sum(1 for _ in discover(paths))
    with open_store(db) as store:
        show_bar = sys.stderr.isatty() or total > PROGRESS_ABOVE
        with _progress(show_bar) as progress:
            task = progress.add_task("ingest", total=total)

            def on_event(event: IngestEvent) -> None:
                if event.status == "failed":
                    error_line(f"{event.source}: {event.reason}")
                progress.advance(task)

            prefilter = not no_prefilter
            if dask:
                local = workers if workers > 1 else None  # local: one process per core
                summary = ingest_dask(
                    paths, store, dask, workers=local, settings=settings,
                    prefilter=prefilter, on_event=on_event,
                )  # fmt: skip
            else:
                summary = ingest_stream(
                    paths, store, workers=workers, settings=settings,
                    prefilter=prefilter, on_event=on_event,
                )  # fmt: skip
    _print_summary(summary)
    raise typer.Exit(0 if summary.ok else 1)


class _DocsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        # The mean since the start: documents arrive a batch at a time, in bursts.
        speed = task.completed / task.elapsed if task.elapsed else None
        return Text(f"{speed:.1f} docs/s" if speed else "… docs/s")


def _progress(enabled: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _DocsPerSecond(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=stderr,
        disable=not enabled,
    )


def _print_summary(summary: BatchSummary) -> None:
    from armstrace.scale import StreamSummary

    table = Table(title="Ingest summary")
    table.add_column("result")
    table.add_column("count", justify="right")
    table.add_row("ingested", str(summary.ingested))
    table.add_row("duplicates (already stored)", str(summary.duplicates))
    if isinstance(summary, StreamSummary) and summary.off_topic:
        table.add_row("off-topic (not extracted)", str(summary.off_topic))
    table.add_row("failed", str(len(summary.failed)))
    table.add_row("claims extracted", str(summary.claims))
    stdout.print(table)
    show_all = len(summary.events) <= LIST_SOURCES_UP_TO
    for event in summary.events:
        if event.status == "failed":
            line = f"failed     {event.source}: {event.reason}"
        elif not show_all:
            continue
        elif event.status == "duplicate":
            line = f"duplicate  {event.source}"
        else:
            noun = "claim" if event.claims == 1 else "claims"
            line = f"ok         {event.source} ({event.claims} {noun})"
        stdout.print(line, markup=False)
