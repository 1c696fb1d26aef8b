"""Fixtures for the export tests: the curated sample store and its export set."""

from __future__ import annotations

import pytest

from armstrace.export import ExportSet, collect_export
from armstrace.store import open_store

from .samples import SampleStore, build_sample_store


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SampleStore:
    """examples/corpus ingested and curated, in a SQLite file shared by the session."""
    path = tmp_path_factory.mktemp("export-sample") / "sample.db"
    return build_sample_store(f"sqlite:///{path}")


@pytest.fixture(scope="session")
def sample_export(sample: SampleStore) -> ExportSet:
    """Every claim of the sample store, with documents, audit and grades."""
    with open_store(sample.url) as store:
        return collect_export(store)
