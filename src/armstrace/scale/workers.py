"""A local process pool that extracts batches while the parent writes them.

Why a window and not `Pool.imap`: imap queues every task at once and keeps every finished
result until it is read, so memory grows with the corpus when the writer falls behind. Here
at most `window` batches are in flight; results come back in input order, so a run with N
workers stores the same documents, in the same order, as a run with one.

Why `ProcessPoolExecutor`: its workers are not daemonic, so they may start the child process
the PDF reader parses each file in (a `multiprocessing.Pool` worker may not).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from armstrace.scale.process import Job, Outcome, process_batch, worker_extractor

START_METHOD = "forkserver"
"""Workers start from a clean single-threaded server, not a fork of a parent whose progress
bar and database pool run threads (a fork can inherit a held lock)."""


def map_batches(batches: Iterable[list[str]], job: Job, workers: int) -> Iterator[list[Outcome]]:
    """Process `batches` on `workers` processes; yields each batch's outcomes in input order."""
    context = multiprocessing.get_context(START_METHOD)
    context.set_forkserver_preload(["armstrace.scale.process", "armstrace.extract"])
    window = 2 * workers + 1
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for batch in batches:
            pending.append(pool.submit(process_batch, batch, job))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _start_worker() -> None:
    """Load the extractor once per process, before the first batch arrives."""
    worker_extractor()
