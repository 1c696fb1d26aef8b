"""`armstrace findings`: claims grouped across documents, with their independent sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from armstrace.cli import filters
from armstrace.cli.common import DbOption, FormatOption, open_store, write_result

if TYPE_CHECKING:
    from armstrace.analysis.findings import Finding

NAME = "findings"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace findings --supplier KP --recipient RU`\n"
    "- `armstrace findings --single-source`\n"
    "- `armstrace findings --type interdiction --format json`\n"
)


def command(
    supplier: filters.Supplier = None,
    recipient: filters.Recipient = None,
    type_: filters.Type = None,
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
    from armstrace.analysis.findings import load_findings

    with open_store(db) as store:
        findings = load_findings(
            store, type=type_, supplier=supplier, recipient=recipient, single_source=single_source
        )
    records = [finding.to_record() for finding in findings]
    write_result(output, records, findings_table(findings) if findings else "No findings match.")


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
