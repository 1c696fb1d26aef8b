"""Import claims from another armstrace store or a colleague's file (`armstrace import`).

    from armstrace.imports import import_claims
    summary = import_claims(store, "claims.jsonl")   # ImportSummary: counts, placeholders, problems

The file is what `armstrace export --format jsonl` writes; exporting, importing into an empty
store and exporting again gives the same bytes.
"""

from armstrace.imports.load import ImportProblem, ImportSummary, import_claims, import_lines
from armstrace.imports.parse import ImportRecord, LineError, parse_line

__all__ = [
    "ImportProblem",
    "ImportRecord",
    "ImportSummary",
    "LineError",
    "import_claims",
    "import_lines",
    "parse_line",
]
