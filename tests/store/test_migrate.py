"""Migrations: open_store brings any database to head, and head equals tables.metadata."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, text

from armstrace.errors import StoreError
from armstrace.store import open_store
from armstrace.store.db import make_engine
from armstrace.store.migrate import alembic_config, current_revision, head_revision
from armstrace.store.search import drop_search_index, is_search_object, search_documents
from armstrace.store.tables import DocumentTable, is_undeclared, metadata

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


def _undeclared(name: str | None) -> bool:
    return is_search_object(name) or is_undeclared(name)


def test_migrated_schema_equals_table_metadata(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_name": lambda name, _type, _parent: not _undeclared(name),
                "include_object": lambda _obj, name, _type, _reflected, _compare: (
                    not _undeclared(name)
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


_SEARCH_INDEX_0003 = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "text, content='documents', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text); END",
]
"""The SQLite search index as migration 0003 first made it (no newline, external content)."""


def _at_0003_with_its_search_index(url: str) -> None:
    """A database migrated to 0003_users whose search index has that migration's first form."""
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003_users")
        if connection.dialect.name == "sqlite":
            drop_search_index(connection)
            for statement in _SEARCH_INDEX_0003:
                connection.exec_driver_sql(statement)
        else:
            connection.exec_driver_sql("DROP INDEX ix_documents_search_pairs")
            connection.exec_driver_sql("DROP FUNCTION armstrace_char_pairs(text)")
    engine.dispose()


def test_upgrade_to_0004_keeps_documents_findable_and_swaps_claim_indexes(
    store_url: str,
) -> None:
    old_text = "Cargo manifests were checked at Nampo, then the ship sailed for 북한"
    _at_0003_with_its_search_index(store_url)
    engine = make_engine(store_url)
    with engine.begin() as connection:
        connection.execute(
            insert(DocumentTable).values(
                content_hash="0" * 64, stem="old", source="/in/old.txt", format="text",
                text=old_text, ingested_at=datetime(2024, 1, 1, tzinfo=UTC), status="ok",
            )
        )  # fmt: skip
    engine.dispose()

    with open_store(store_url) as store, store.engine.connect() as connection:
        store.save_document(make_document("new", "A second report about Ka-52 helicopters"), [])
        assert current_revision(connection) == head_revision()
        indexes = {i["name"] for i in inspect(connection).get_indexes("claims")}
        found = {
            q: [h.stem for h in search_documents(store, q).hits] for q in ("북한", "nampo", "Ka")
        }
    assert found == {"북한": ["old"], "nampo": ["old"], "Ka": ["new"]}  # 북한 ends the text
    assert {"ix_claims_document_order", "ix_claims_flow", "ix_claims_category_when"} <= indexes
    assert "ix_claims_via" in indexes or store_url.startswith("postgresql")  # an expression there
    assert not {"ix_claims_doc_evidence_start", "ix_claims_supplier"} & indexes
