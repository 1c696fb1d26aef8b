"""`armstrace findings`: claims grouped across documents, with their independent sources."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from armstrace.analysis.findings import Finding, load_findings
from armstrace.cli.common import DbOption, choice, stdout, write_json
from armstrace.cli.curate import FormatOption
from armstrace.evaluate.score import normalise_actor
from armstrace.model.claim import CLAIM_TYPES
from armstrace.store import open_store

NAME = "findings"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace findings --supplier KP --recipient RU`\n"
    "- `armstrace findings --single-source`\n"
    "- `armstrace findings --type interdiction --format json`\n"
)


def _actor(value: str | None) -> str | None:
    return normalise_actor(value) if value is not None else None


def command(
    supplier: Annotated[
        str | None, typer.Option(metavar="ACTOR", callback=_actor, help="Actor id of the giver.")
    ] = None,
    recipient: Annotated[
        str | None,
        typer.Option(metavar="ACTOR", callback=_actor, help="Actor id of the receiver."),
    ] = None,
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            callback=choice(CLAIM_TYPES),
            help=f"One of {', '.join(CLAIM_TYPES)}.",
        ),
    ] = None,
    single_source: Annotated[
        bool | None,
        typer.Option(
            "--single-source/--corroborated",
            help="Only findings with one independent source, or only those with several.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Group claims about the same event or flow into findings and count independent sources.

    Two articles quoting the same body count once. Each finding gets a suggested credibility
    (1..6) with its reason; `armstrace curate finding ID N` overrules it.
    """
    with open_store(db) as store:
        findings = load_findings(
            store, type=type_, supplier=supplier, recipient=recipient, single_source=single_source
        )
    if output == "json":
        write_json([finding.to_record() for finding in findings])
    elif findings:
        stdout.print(findings_table(findings))
    else:
        stdout.print("No findings match.")


def findings_table(findings: list[Finding]) -> Table:
    """One row per finding: what, when, how many sources, credibility and why."""
    table = Table(title=f"{len(findings)} findings", show_lines=True, expand=True)
    table.add_column("finding", ratio=2, overflow="fold")
    table.add_column("sources", ratio=2, overflow="fold")
    table.add_column("credibility", ratio=2, overflow="fold")
    for f in findings:
        what = f"{f.type} {f.supplier or '?'} → {f.recipient or '?'}"
        lines = [what, f.item_category or "", f.vessel or "", _period(f), f.id]
        sources = [
            f"{s.label}{f' ({s.reliability})' if s.reliability else ''}"
            + ("" if s.supporting else " [denies]")
            for s in f.sources
        ]
        marker = "single source" if f.single_source else f"{f.independent_sources} independent"
        who = "analyst" if f.credibility_set_by == "analyst" else "suggested"
        table.add_row(
            "\n".join(line for line in lines if line),
            "\n".join([marker, *sources]),
            f"{f.credibility} ({who})\n{f.credibility_reason}",
        )
    return table


def _period(finding: Finding) -> str:
    if not finding.dated:
        return "undated"
    return f"{finding.period_start or '…'} – {finding.period_end or '…'}"
