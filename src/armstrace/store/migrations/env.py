"""Alembic environment, run only through `armstrace.store.migrate`.

Why no alembic.ini: the migrations ship inside the package, and the caller hands over an
open connection in `config.attributes["connection"]`, already inside the transaction that
holds the write lock, so two processes opening a new database never both migrate it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from armstrace.errors import StoreError
from armstrace.store.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if not isinstance(_connection, Connection):
    raise StoreError("run migrations through armstrace.store.migrate.upgrade(), not the CLI")
_run(_connection)
