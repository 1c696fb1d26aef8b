"""`python -m armstrace.gazetteer.check [DATA_DIR]`: validate every data file (make check-data).

Exit 0 with a one-line count summary, or 1 with one line per problem on stderr, so CI shows
a contributor every mistake at once rather than one per run.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from armstrace.gazetteer.load import check_data


def main(argv: Sequence[str] | None = None) -> int:
    """Run the check; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1 or (args and args[0].startswith("-")):
        sys.stderr.write("usage: python -m armstrace.gazetteer.check [DATA_DIR]\n")
        return 2
    gazetteer, errors = check_data(Path(args[0]) if args else None)
    if errors or gazetteer is None:
        for error in errors:
            sys.stderr.write(f"{error}\n")
        sys.stderr.write(f"{len(errors)} problem(s) in the data files\n")
        return 1
    kinds = Counter(actor.kind for actor in gazetteer.actors.values())
    by_kind = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    sys.stdout.write(
        f"ok: {len(gazetteer.actors)} actors ({by_kind}), {len(gazetteer.places)} places,"
        f" {len(gazetteer.weapons)} weapons, {len(gazetteer.capitals)} capitals\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
