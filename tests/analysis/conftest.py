"""The shared development corpus ingested once into a SQLite store, for end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.batch import ingest_sources
from armstrace.extract import load_extractor
from armstrace.settings import load_settings
from armstrace.store import open_store


@pytest.fixture(scope="module")
def dev_store_url(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding ../shared/corpus/dev/docs (skips when the shared folder is absent)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('dev') / 'dev.db'}"
    with open_store(url) as store:
        summary = ingest_sources(
            [str(shared_dir / "corpus" / "dev" / "docs")],
            store,
            load_extractor(),
            settings=load_settings(),
        )
        assert store.counts()["documents"] == 5, summary
    return url
