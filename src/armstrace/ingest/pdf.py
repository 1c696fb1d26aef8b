"""PDF reader (.pdf): the text layer, pages joined by a blank line, plus title and date.

Why a child process: a hostile or broken PDF can make a parser loop or eat memory. pypdf
runs in a worker (pdf_worker.py) with an address-space limit and is killed after a time
limit, so one bad file costs one error line, never the whole batch. Limits, read at each call:

    ARMSTRACE_PDF_TIMEOUT  seconds, default 30
    ARMSTRACE_PDF_MEMORY   bytes of address space the worker may add while parsing, default 2 GiB

How the worker starts: a `fork` (multiprocessing) while this process runs one thread, which
is cheap and never re-runs the caller's `__main__` (spawn and forkserver do, which breaks
unguarded scripts). Forking a threaded process (a web server) can deadlock the child, so
there the worker is a fresh interpreter instead. The memory cap is a safety net, not exact
accounting: a forked worker may also reuse heap its parent had already freed.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from armstrace.errors import EmptyText, Unreadable, UsageError
from armstrace.ingest import pdf_worker
from armstrace.ingest.encoding import normalise_newlines
from armstrace.ingest.origin import Origin, human_size
from armstrace.ingest.published import clean_published
from armstrace.model import Document

FORMAT = "pdf"
SUFFIXES = (".pdf",)
MIME_TYPES = ("application/pdf",)
TIMEOUT_ENV = "ARMSTRACE_PDF_TIMEOUT"
MEMORY_ENV = "ARMSTRACE_PDF_MEMORY"
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MEMORY_BYTES = 2 * 2**30
_WORKER_SCRIPT = str(Path(pdf_worker.__file__).resolve())


def pdf_limits() -> tuple[float, int]:
    """(timeout in seconds, memory in bytes) from the environment, read now."""
    try:
        timeout = float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT_S)
        memory = int(os.environ.get(MEMORY_ENV) or DEFAULT_MEMORY_BYTES)
    except ValueError as exc:
        raise UsageError(f"{TIMEOUT_ENV} and {MEMORY_ENV} must be numbers: {exc}") from exc
    if timeout <= 0 or memory <= 0:
        raise UsageError(f"{TIMEOUT_ENV} and {MEMORY_ENV} must be positive")
    return timeout, memory


def parse(raw: bytes, origin: Origin) -> Document:
    """Extract the text layer of a PDF in a limited worker process."""
    timeout, memory = pdf_limits()
    if _thread_count() <= 1:
        outcome = _run_forked(raw, timeout, memory, origin.source)
    else:
        outcome = _run_fresh(raw, timeout, memory, origin.source)
    kind, reason = outcome.get("kind"), outcome.get("reason")
    if kind == "encrypted":
        raise Unreadable(origin.source, "PDF is encrypted" + (f" ({reason})" if reason else ""))
    if kind == "memory":
        limit = f"{human_size(memory)}, {MEMORY_ENV}"
        raise Unreadable(origin.source, f"PDF parsing exceeded the memory limit ({limit})")
    if kind != "ok":
        raise Unreadable(origin.source, f"PDF could not be parsed: {reason or 'unknown error'}")
    text = normalise_newlines(str(outcome.get("text") or ""))
    if not text.strip():
        raise EmptyText(origin.source, "PDF has no text layer (scanned?)")
    return Document(
        source=origin.source,
        stem=origin.stem,
        text=text,
        format=FORMAT,
        raw=raw,
        title=outcome.get("title"),
        published=clean_published(outcome.get("created")),
        url=origin.url,
    )


def _thread_count() -> int:
    """Threads of this process, C threads included where the OS tells (Linux /proc)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _run_forked(raw: bytes, timeout: float, memory: int, source: str) -> dict[str, Any]:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_forked_main, args=(raw, memory, sender), daemon=True)
    worker.start()
    sender.close()  # the worker holds the only sending end, so its death reads as EOF
    try:
        if not receiver.poll(timeout):
            raise Unreadable(source, f"PDF parsing exceeded {timeout:g} s")
        outcome: dict[str, Any] = receiver.recv()
    except EOFError:
        worker.join(timeout)
        return {"kind": "error", "reason": f"the parser stopped (exit code {worker.exitcode})"}
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
        worker.close()
    return outcome


def _forked_main(raw: bytes, memory: int, sender: Connection) -> None:
    try:
        sender.send(pdf_worker.run(raw, memory))
    except MemoryError:
        sender.send({"kind": "memory"})
    finally:
        sender.close()


def _run_fresh(raw: bytes, timeout: float, memory: int, source: str) -> dict[str, Any]:
    command = [sys.executable, "-P", _WORKER_SCRIPT, str(memory)]
    try:
        done = subprocess.run(command, input=raw, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:  # subprocess.run has killed the worker
        raise Unreadable(source, f"PDF parsing exceeded {timeout:g} s") from exc
    if done.returncode == 0 and done.stdout:
        outcome: dict[str, Any] = json.loads(done.stdout)
        return outcome
    if b"MemoryError" in done.stderr:
        return {"kind": "memory"}
    return {"kind": "error", "reason": f"the parser stopped (exit code {done.returncode})"}
