"""Migrations: open_store brings any database to head, and head equals tables.metadata."""

from __future__ import annotations

import logging

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from armstrace.errors import StoreError
from armstrace.store import open_store
from armstrace.store.db import make_engine
from armstrace.store.migrate import current_revision, head_revision
from armstrace.store.search import is_search_object
from armstrace.store.tables import metadata

from .samples import make_document

TABLES = {
    "documents", "ingest_failures", "claims", "publishers", "audit_log", "alembic_version",
    "judgements", "finding_assessments", "users", "sessions", "api_tokens",
}  # fmt: skip


def test_open_store_migrates_empty_database_to_head(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        names = {n for n in inspect(connection).get_table_names() if not is_search_object(n)}
        assert names == TABLES


def test_open_store_reopen_is_a_noop(store_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="alembic")
    with open_store(store_url) as store:
        store.save_document(make_document(), [])
    assert "Running upgrade  -> 0001" in caplog.text
    caplog.clear()
    with open_store(store_url) as store:
        assert store.counts()["documents"] == 1
    assert "Running upgrade" not in caplog.text


def test_migrated_schema_equals_table_metadata(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_name": lambda name, _type, _parent: not is_search_object(name),
                "include_object": lambda _obj, name, _type, _reflected, _compare: (
                    not is_search_object(name)
                ),
            },
        )
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_open_store_refuses_database_from_newer_armstrace(store_url: str) -> None:
    open_store(store_url).close()
    engine = make_engine(store_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"at migration '9999'.*newer armstrace"):
        open_store(store_url)
