"""Ingest at scale: streaming batches, a process pool, a Dask cluster, the relevance prefilter.

    from armstrace.scale import ingest_stream, ingest_dask
    summary = ingest_stream(["reports/"], store, workers=2)
    summary = ingest_dask(["reports/"], store, "local")

Why a package of its own: `armstrace.batch` is the simple one-by-one loop everyone can read;
this is the same promise (one bad input never stops the batch, stored bytes are skipped by
hash) with memory bounded by the batch size and the extraction spread over processes.
"""

from armstrace.scale.dask_runner import ingest_dask
from armstrace.scale.process import Job, Outcome, process_sources
from armstrace.scale.stream import StreamSummary, batched, ingest_stream
from armstrace.scale.writer import write_outcomes

__all__ = [
    "Job",
    "Outcome",
    "StreamSummary",
    "batched",
    "ingest_dask",
    "ingest_stream",
    "process_sources",
    "write_outcomes",
]
