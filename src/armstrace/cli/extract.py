"""`armstrace extract`: print the claims found in documents, without touching the store."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer

from armstrace.cli.common import error_line, load_extractor, stdout, write_jsonl
from armstrace.cli.render import claims_table
from armstrace.errors import InputError
from armstrace.settings import load_settings

NAME = "extract"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace extract report.txt`\n"
    "- `armstrace extract docs/*.txt --format jsonl > claims.jsonl`\n"
    "- `armstrace extract article.html --format table`\n"
)


def command(
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Documents (text, HTML, PDF), folders or URLs."),
    ],
    output: Annotated[
        Literal["jsonl", "table"],
        typer.Option(
            "--format",
            help="jsonl: one claim record per line (claims.md), nothing else on stdout. "
            "table: for reading.",
        ),
    ] = "jsonl",
) -> None:
    """Print the claims found in each document; nothing is stored.

    The jsonl output is the claim record of the spec, one per line, ready for the official
    scorer or any JSON tool. A file that cannot be read gets one line on stderr; the others
    are still printed, and the exit code is 1.
    """
    from armstrace.batch import extract_claims, read_document
    from armstrace.ingest import discover

    settings = load_settings()
    extractor = load_extractor()
    failed = 0
    collected: list[dict[str, Any]] = []
    for source in discover(files):
        try:
            document = read_document(source, settings)
            claims = extract_claims(document, extractor)
        except InputError as exc:
            error_line(str(exc))
            failed += 1
            continue
        records = [claim.to_record() for claim in claims]
        if output == "jsonl":
            write_jsonl(records)
        else:
            collected.extend(records)
    if output == "table":
        stdout.print(claims_table(collected) if collected else "No claims found.")
    raise typer.Exit(1 if failed else 0)
