"""Two writers saving the same document at once store it exactly once."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import insert

from armstrace.store import SaveResult, open_store
from armstrace.store.mapping import document_row
from armstrace.version import EXTRACTOR_VERSION

from .samples import make_document, shells_transfer, support_claim


def test_save_document_from_two_threads_stores_once(store_url: str) -> None:
    open_store(store_url).close()  # migrate first, as the CLI does before starting workers
    stores = [open_store(store_url), open_store(store_url)]
    try:
        for round_ in range(5):
            stem = f"race_{round_}"
            start = threading.Barrier(2)

            def save(index: int, stem: str = stem, start: threading.Barrier = start) -> SaveResult:
                claims = [support_claim(stem), shells_transfer(stem)]
                start.wait()
                return stores[index].save_document(make_document(stem), claims)

            with ThreadPoolExecutor(2) as pool:
                results = list(pool.map(save, [0, 1]))
            assert sorted(r.status for r in results) == ["duplicate", "stored"]
            assert results[0].document_id == results[1].document_id
        assert stores[0].counts() == {"documents": 5, "claims": 10, "failures": 0}
    finally:
        for store in stores:
            store.close()


def test_save_document_is_duplicate_when_another_writer_commits_first(store_url: str) -> None:
    """The other writer inserts while we wait: on PostgreSQL the unique key decides."""
    with open_store(store_url) as other, open_store(store_url) as store:
        document = make_document()
        row = document_row(document, "ok", EXTRACTOR_VERSION)
        values = {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key != "id"}
        values["ingested_at"] = document.retrieved_at
        with other.engine.connect() as connection:
            transaction = connection.begin()
            other_id = connection.execute(insert(type(row)).values(values)).inserted_primary_key
            with ThreadPoolExecutor(1) as pool:
                pending = pool.submit(store.save_document, document, [support_claim()])
                time.sleep(0.5)  # let save_document reach the lock / unique index and wait
                assert not pending.done()
                transaction.commit()
                result = pending.result(timeout=30)
        assert result == SaveResult("duplicate", other_id[0], 0)
        assert store.counts() == {"documents": 1, "claims": 0, "failures": 0}
