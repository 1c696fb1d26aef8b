"""`armstrace evaluate`: score the extractor against gold claims and show why."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from armstrace.cli.common import error_line, load_extractor, stdout, write_json
from armstrace.errors import UsageError
from armstrace.evaluate.report import ERROR_LEVELS, errors_as_dicts, format_errors, format_scores
from armstrace.evaluate.score import LEVELS, load_claims, score
from armstrace.settings import load_settings

NAME = "evaluate"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace evaluate gold.jsonl --docs docs/`\n"
    "- `armstrace evaluate gold.jsonl --docs docs/ --format json --no-show-errors`\n"
    "- `armstrace evaluate gold.jsonl --docs docs/ --level relations --level items`\n"
)


def command(
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD.jsonl", help="Gold claims, one JSON record per line.")
    ],
    docs: Annotated[
        Path,
        typer.Option(
            "--docs",
            metavar="DIR",
            help="Folder holding the documents GOLD names (STEM.txt/.html/.pdf/.md).",
        ),
    ],
    output: Annotated[
        Literal["text", "json"], typer.Option("--format", help="text for reading; json for tools.")
    ] = "text",
    show_errors: Annotated[
        bool,
        typer.Option(
            "--show-errors/--no-show-errors",
            help="List, per document, the missed gold tuples and the false alarms.",
        ),
    ] = True,
    levels: Annotated[
        list[str] | None,
        typer.Option(
            "--level",
            metavar="LEVEL",
            help="A level whose errors are listed (repeatable): relations, items, quantities, "
            "interdictions. Default: items and quantities.",
        ),
    ] = None,
) -> None:
    """Run the extractor over every document GOLD names and score it as the official scorer does.

    Prints precision, recall and F1 per level (relations, items, quantities, interdictions)
    with hits, predicted and gold counts, and `grounded`: the share of predicted claims whose
    evidence occurs in the document text. A document that is missing or unreadable gets one
    line on stderr, counts as predicting nothing, and makes the exit code 1.
    """
    if not docs.is_dir():
        raise UsageError(f"--docs {docs}: not a folder")
    shown = tuple(levels or ERROR_LEVELS)
    unknown = [level for level in shown if level not in LEVELS]
    if unknown:
        raise UsageError(f"--level {unknown[0]}: not one of {', '.join(LEVELS)}")
    from armstrace.evaluate.run import predict

    gold_claims = load_claims(gold)
    predictions = predict(gold_claims, docs, load_extractor(), load_settings())
    for source, reason in predictions.failures:
        error_line(f"{source}: {reason}")
    scores = score(gold_claims, predictions.claims, predictions.texts)
    if output == "json":
        result = scores.to_dict()
        if show_errors:
            result["errors"] = errors_as_dicts(scores, shown)
        write_json(result)
    else:
        stdout.print(format_scores(scores), markup=False)
        if show_errors:
            stdout.print("\n" + format_errors(scores, shown), markup=False)
    raise typer.Exit(1 if predictions.failures else 0)
