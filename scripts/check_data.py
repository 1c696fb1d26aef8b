"""Validate the gazetteer data files; the same as `python -m armstrace.gazetteer.check`."""

from armstrace.gazetteer.check import main

if __name__ == "__main__":
    raise SystemExit(main())
