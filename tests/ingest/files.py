"""Where the committed ingest fixtures live (tests/fixtures/ingest, made by make_fixtures.py)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
