"""open_store failures: a StoreError that names the URL, never the password."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from armstrace.errors import StoreError
from armstrace.store import open_store


@pytest.mark.parametrize(
    ("url", "shown", "reason"),
    [
        ("sqlite:////proc/nope/x.db", "sqlite:////proc/nope/x.db", "cannot create folder"),
        (
            "postgresql://arms:s3cret@127.0.0.1:1/armstrace",
            "postgresql://arms:***@127.0.0.1:1/armstrace",
            "cannot open the store",
        ),
        (
            "postgres://arms:s3cret@127.0.0.1:notaport/armstrace",
            "postgres://arms:***@127.0.0.1:notaport/armstrace",
            "not a database URL",
        ),
        ("oracle://arms:s3cret@db/x", "oracle://arms:***@db/x", "only sqlite and postgresql"),
    ],
    ids=["sqlite-no-folder", "pg-bad-port", "pg-bad-url", "other-backend"],
)
def test_open_store_error_names_url_and_masks_password(url: str, shown: str, reason: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith(f"{shown}: {reason}")
    assert "s3cret" not in message


def test_open_store_default_url_comes_from_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path}/from-env/armstrace.db"
    monkeypatch.setenv("ARMSTRACE_DB", url)
    with open_store() as store:
        assert store.url == url
        assert store.counts()["documents"] == 0


def test_store_operation_on_broken_database_is_store_error(store_url: str) -> None:
    with open_store(store_url) as store:
        with store.engine.begin() as connection:
            connection.execute(text("DROP TABLE ingest_failures"))
        with pytest.raises(StoreError, match="ingest_failures") as caught:
            store.record_failure("a.txt", "unreadable")
        assert str(caught.value).startswith(f"{store.url}: ")
