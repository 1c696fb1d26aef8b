"""Extraction on a Dask cluster, writes from the client, resumable by content hash.

Why the client writes: one writer per store keeps batches in single transactions and works
for SQLite too; the workers only read sources and the store (to skip stored documents), so
a run that was killed half way extracts only what is missing when started again.

`address` is a scheduler (`tcp://host:8786`) or "local", which starts a `LocalCluster` of
`workers` processes on this machine. Workers must be able to read the sources (a shared
folder or URLs) and reach the database (PostgreSQL for a team).
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from armstrace.batch import IngestEvent
from armstrace.errors import UsageError
from armstrace.ingest import discover
from armstrace.scale.process import Job, Outcome, process_batch
from armstrace.scale.stream import BATCH_SIZE, StreamSummary, batched, store_url, write_all
from armstrace.settings import Settings, load_settings
from armstrace.store import Store

log = logging.getLogger(__name__)

LOCAL = "local"


def ingest_dask(
    sources: Iterable[str],
    store: Store,
    address: str,
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    prefilter: bool = True,
    batch_size: int = BATCH_SIZE,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> StreamSummary:
    """Like `ingest_stream`, with extraction on the Dask cluster at `address` (or "local")."""
    settings = settings or load_settings()
    job = Job(store_url(store), settings, prefilter)
    batches = batched(discover(sources), batch_size)
    with _client(address, workers) as client:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {}))) + 1
        summary = write_all(_map(client, batches, job, window), store, on_event)
    return summary


def _map(
    client: Any, batches: Iterable[list[str]], job: Job, window: int
) -> Iterator[list[Outcome]]:
    """Submit batches with at most `window` in flight; yield results in input order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(client.submit(process_batch, batch, job, pure=False))
        if len(pending) >= window:
            yield _result(pending.popleft())
    while pending:
        yield _result(pending.popleft())


def _result(future: Any) -> list[Outcome]:
    outcomes: list[Outcome] = future.result()
    future.release()
    return outcomes


def _client(address: str, workers: int | None) -> Any:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("--dask needs dask[distributed]: pip install 'dask[distributed]'") from exc
    if address == LOCAL:
        count = workers or os.cpu_count() or 1
        # Non-daemonic workers may start the child process the PDF reader parses in.
        dask.config.set({"distributed.worker.daemon": False})
        if not log.isEnabledFor(logging.DEBUG):  # the cluster's chatter is for --debug only
            logging.getLogger("distributed").setLevel(logging.WARNING)
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
        log.info("started a local Dask cluster of %d processes", count)
        return _ClusterClient(Client(cluster), cluster)  # type: ignore[no-untyped-call]
    if not address.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
        raise UsageError(
            f"--dask {address}: give a scheduler address like tcp://host:8786, or local"
        )
    try:
        return Client(address, timeout=30)  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise UsageError(f"--dask {address}: cannot reach the scheduler: {exc}") from exc


class _ClusterClient:
    """A client that also closes the local cluster it was made for."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client = client
        self.cluster = cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()
