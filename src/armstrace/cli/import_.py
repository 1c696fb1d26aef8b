"""`armstrace import`: claims from another store or a colleague, with their curation."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, FormatOption, error_line, open_store, stdout, write_json

if TYPE_CHECKING:
    from armstrace.imports import ImportSummary

NAME = "import"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace import claims.jsonl`\n"
    "- `armstrace import colleague.jsonl --db sqlite:///shared.db --format json`\n"
)


def command(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.jsonl",
            help="Written by `armstrace export --format jsonl`.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    user: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Who the audit log names for publisher grades the import adds "
            "(default: $ARMSTRACE_USER or your login).",
        ),
    ] = None,
    output: FormatOption = "table",
) -> None:
    """Import claims with their curation status, credibility and audit entries.

    Every line is checked against the claim schema, and against its document's text when the
    store holds that document. A claim whose document is not in the store gets a placeholder
    document (its stem and metadata, no text), listed in the summary. Claims already stored
    are left as they are. Bad lines are reported on stderr with their line number; the good
    ones still go in.

    Exit code: 0 all lines imported or already stored, 1 some lines refused, 2 usage or
    database error.
    """
    from armstrace.curation.user import default_user
    from armstrace.imports import import_claims

    with open_store(db) as store:
        summary = import_claims(store, file, user=user or default_user())
    for problem in summary.problems:
        error_line(f"{file}:{problem.line}: {problem.reason}")
    if output == "json":
        write_json(asdict(summary) | {"ok": summary.ok})
    else:
        _print(summary)
    raise typer.Exit(0 if summary.ok else 1)


def _print(summary: ImportSummary) -> None:
    table = Table(title=f"Import of {summary.source}")
    table.add_column("result")
    table.add_column("count", justify="right")
    table.add_row("claims imported", str(summary.imported))
    table.add_row("already stored (left as they are)", str(summary.already_stored))
    table.add_row("audit entries", str(summary.audit_entries))
    table.add_row("placeholder documents created", str(len(summary.placeholders)))
    table.add_row("publisher grades added", str(len(summary.publishers_graded)))
    table.add_row("lines refused", str(len(summary.problems)))
    stdout.print(table)
    if summary.placeholders:
        stdout.print(
            "Placeholder documents (stem and metadata only, no text): "
            + ", ".join(summary.placeholders),
            markup=False,
        )
