"""Uploaded documents: saved under a name the server chooses, ingested in the background.

Why this shape: an upload must never let the client choose a path (only a sanitised label
from its file name survives, for a readable document stem), must stop at the size limit
while it is being written, and must not hold the request open while the extractor runs.
The batch loop is `armstrace.batch.ingest_sources`, as for `armstrace ingest`; its events
feed the progress that the page polls.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from armstrace.batch import IngestEvent, ingest_sources
from armstrace.errors import TooLarge, UnsupportedFormat
from armstrace.ingest.readers import SUPPORTED_SUFFIXES, suffix_of
from armstrace.settings import load_settings
from armstrace.store import Store

log = logging.getLogger(__name__)

CHUNK = 1 << 16
MAX_FILES = 50
JobStatus = Literal["queued", "running", "done", "failed"]


def safe_stem(file_name: str) -> str:
    """A readable, harmless label from a client's file name: letters, digits, _ and -."""
    base = re.split(r"[\\/]", file_name or "")[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_-")[:60]
    return cleaned or "upload"


def check_suffix(file_name: str) -> str:
    """The lower-case suffix if armstrace can read it, else UnsupportedFormat."""
    suffix = suffix_of(file_name or "")
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnsupportedFormat(file_name or "(no name)", f"only {allowed} files can be uploaded")
    return suffix


def save_upload(source: BinaryIO, file_name: str, folder: Path, max_bytes: int) -> Path:
    """Copy an upload to folder/<label>-<random><suffix>, refusing it past `max_bytes`."""
    suffix = check_suffix(file_name)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{safe_stem(file_name)}-{secrets.token_hex(3)}{suffix}"
    written = 0
    with target.open("xb") as out:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > max_bytes:
                out.close()
                target.unlink(missing_ok=True)
                raise TooLarge(file_name, f"over the upload limit of {max_bytes:,} bytes")
            out.write(chunk)
    log.info("saved upload %s as %s (%d bytes)", file_name, target.name, written)
    return target


@dataclass
class UploadJob:
    """Progress of one upload's ingest, as the page polls it."""

    id: str
    user: str
    files: list[dict[str, Any]]
    status: JobStatus = "queued"
    done: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    claims: int = 0
    error: str | None = None
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "user": self.user,
            "status": self.status,
            "total": len(self.files),
            "done": self.done,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "claims": self.claims,
            "error": self.error,
            "files": self.files,
            "created_at": self.created_at.isoformat(),
        }


class UploadJobs:
    """The jobs of this process (kept in memory: progress is for the session that uploaded)."""

    def __init__(self, keep: int = 200) -> None:
        self._jobs: dict[str, UploadJob] = {}
        self._lock = threading.Lock()
        self._keep = keep
        self._extractor: Any = None
        self._extractor_lock = threading.Lock()

    def create(self, user: str, saved: list[tuple[str, Path]]) -> UploadJob:
        files = [
            {"name": name, "stored_as": path.name, "status": "queued", "claims": 0, "reason": None}
            for name, path in saved
        ]
        job = UploadJob(id=uuid.uuid4().hex, user=user, files=files)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self._keep:
                self._jobs.pop(next(iter(self._jobs)))
        return job

    def get(self, job_id: str) -> UploadJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def extractor(self) -> Any:
        """The extractor, built once per process (it takes a few seconds)."""
        with self._extractor_lock:
            if self._extractor is None:
                from armstrace.extract import load_extractor

                self._extractor = load_extractor()
            return self._extractor

    def run(self, job: UploadJob, paths: list[Path], store: Store) -> None:
        """Ingest the saved files (meant for a background task); never raises."""
        by_path = {str(path): entry for path, entry in zip(paths, job.files, strict=True)}

        def on_event(event: IngestEvent) -> None:
            entry = by_path.get(event.source)
            if entry is not None:
                entry.update(status=event.status, claims=event.claims, reason=event.reason)
            job.done += 1
            job.claims += event.claims
            if event.status == "stored":
                job.stored += 1
            elif event.status == "duplicate":
                job.duplicates += 1
            else:
                job.failed += 1

        job.status = "running"
        try:
            extractor = self.extractor()
            sources = [str(p) for p in paths]
            ingest_sources(sources, store, extractor, settings=load_settings(), on_event=on_event)
        except Exception as exc:  # a background task has no caller: record, log, go on
            log.exception("upload %s failed", job.id)
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
            return
        job.status = "done"
