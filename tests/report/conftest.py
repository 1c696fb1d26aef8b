"""Fixtures for the report tests: the curated sample store (shared helper with export)."""

from __future__ import annotations

import pytest

from export.samples import SampleStore, build_sample_store


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SampleStore:
    """examples/corpus ingested and curated, in a SQLite file shared by the session."""
    path = tmp_path_factory.mktemp("report-sample") / "sample.db"
    return build_sample_store(f"sqlite:///{path}")
