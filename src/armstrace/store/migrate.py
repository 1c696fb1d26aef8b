"""Bring a database to the newest schema with the Alembic migrations shipped in the package.

Why programmatic: `open_store()` upgrades any database it opens, so users never run a separate
migration step and no alembic.ini has to be found on disk. The whole upgrade runs in one
transaction that first takes a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock),
so two processes opening the same new database migrate it once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

from armstrace.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_PG_LOCK_KEY = 0x61726D73  # "arms": any constant shared by every armstrace process


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config pointing at the package's migrations; no ini file involved."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration this version of armstrace knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise StoreError(f"{MIGRATIONS_DIR}: no migrations found")
    return head


def current_revision(connection: Connection) -> str | None:
    """The migration the database is at; None for a database never migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Migrate the database behind `engine` to head; a no-op when it is already there."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        config = alembic_config(connection)
        known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
        current = current_revision(connection)
        if current is not None and current not in known:
            where = engine.url.render_as_string(hide_password=True)
            raise StoreError(
                f"{where}: the database is at migration {current!r}, which this version of "
                "armstrace does not know; use a newer armstrace"
            )
        if current != head_revision():
            log.info("migrating %s from %s to head", engine.url.database, current or "empty")
        command.upgrade(config, "head")
