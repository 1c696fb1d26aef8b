"""`armstrace status`: what the store holds, and which inputs failed and why."""

from __future__ import annotations

from rich.table import Table

from armstrace.cli.common import DbOption, open_store, stdout

NAME = "status"
EXAMPLES = "**Examples**\n\n- `armstrace status`\n"


def command(db: DbOption = None) -> None:
    """Show the database in use (password hidden), its counts, and every recorded failure."""
    with open_store(db) as store:
        counts = store.counts()
        failures = store.failures()
        url = store.url
    stdout.print(f"database   {url}", markup=False)
    for name in ("documents", "claims", "failures"):
        stdout.print(f"{name:<10} {counts[name]}", markup=False)
    if not failures:
        return
    table = Table(title="Failed inputs")
    for name in ("when", "source", "reason"):
        table.add_column(name, overflow="fold")
    for failure in failures:
        table.add_row(failure.at.strftime("%Y-%m-%d %H:%M"), failure.source, failure.reason)
    stdout.print(table)
