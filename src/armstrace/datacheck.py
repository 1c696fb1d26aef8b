"""`python -m armstrace.datacheck`: validate every domain data file (make check-data).

The gazetteer has its own thorough check; the lexicon, marking rules, sanctions instruments and
document-signal cues are loaded the way the product loads them, so a broken file fails here, in CI,
with the file named, rather than at an analyst's first run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from armstrace.errors import ArmstraceError
from armstrace.gazetteer.check import main as check_gazetteer


def _loaders() -> list[tuple[str, Callable[[], object]]]:
    from armstrace.markings import load_rules
    from armstrace.nlp.cues import cue_patterns
    from armstrace.nlp.lexicon import load_lexicon
    from armstrace.nlp.mentions import build_matchers
    from armstrace.sanctions import load_instruments
    from armstrace.signals import load_cues

    return [
        ("lexicon", load_lexicon),
        ("cue patterns", cue_patterns),
        ("phrase matchers", build_matchers),
        ("marking rules", load_rules),
        ("sanctions instruments", load_instruments),
        ("document signal cues", load_cues),
    ]


def main() -> int:
    status = check_gazetteer([])
    for name, load in _loaders():
        try:
            load()
        except (ArmstraceError, ValueError, KeyError, TypeError) as exc:
            sys.stderr.write(f"{name}: {exc}\n")
            status = 1
        else:
            sys.stdout.write(f"ok: {name}\n")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
