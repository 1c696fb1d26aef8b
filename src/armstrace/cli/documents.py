"""`armstrace documents`: list stored documents with their claim counts."""

from __future__ import annotations

from dataclasses import asdict

from armstrace.cli.common import DbOption, FormatOption, open_store, stdout, write_json
from armstrace.cli.render import documents_table

NAME = "documents"
EXAMPLES = "**Examples**\n\n- `armstrace documents`\n- `armstrace documents --format json`\n"


def command(db: DbOption = None, output: FormatOption = "table") -> None:
    """List the stored documents: stem, title, publisher, date, status and number of claims."""
    with open_store(db) as store:
        rows = store.documents()
    if output == "json":
        write_json([asdict(row) for row in rows])
    elif rows:
        stdout.print(documents_table(rows))
    else:
        stdout.print("No documents stored yet: run `armstrace ingest PATH`.", markup=False)
