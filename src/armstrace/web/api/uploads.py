"""/api/uploads: upload documents, then poll the ingest's progress."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import BackgroundTasks, File, HTTPException, Request, UploadFile

from armstrace.errors import InputError
from armstrace.web.access import Routes
from armstrace.web.identity import identify, settings_of
from armstrace.web.uploads import MAX_FILES, UploadJob, UploadJobs, save_upload

routes = Routes("/api", tags=["uploads"])
MULTIPART_OVERHEAD = 64 * 1024


def jobs_of(request: Request) -> UploadJobs:
    jobs: UploadJobs = request.app.state.uploads
    return jobs


def check_length(request: Request) -> None:
    """Refuse a body announced as too large before reading it."""
    limit = settings_of(request).upload_max_bytes
    announced = request.headers.get("content-length")
    if announced and announced.isdigit() and int(announced) > limit * MAX_FILES:
        raise HTTPException(413, f"the upload is over the limit of {limit:,} bytes per file")


async def start_upload(
    request: Request, files: list[UploadFile], background: BackgroundTasks
) -> UploadJob:
    """Save every file (all or none), then queue their ingest; the job is returned at once."""
    settings = settings_of(request)
    if not files or all(not f.filename for f in files):
        raise HTTPException(422, "choose at least one file to upload")
    if len(files) > MAX_FILES:
        raise HTTPException(422, f"at most {MAX_FILES} files per upload")
    folder = Path(settings.upload_dir)
    saved: list[tuple[str, Path]] = []
    try:
        for upload in files:
            name = upload.filename or ""
            saved.append((name, save_upload(upload.file, name, folder, settings.upload_max_bytes)))
    except InputError as exc:
        for _, path in saved:
            path.unlink(missing_ok=True)
        status = 413 if "limit" in exc.reason else 415
        raise HTTPException(status, str(exc)) from None
    jobs = jobs_of(request)
    job = jobs.create(identify(request).name, saved)
    background.add_task(jobs.run, job, [path for _, path in saved], request.app.state.store)
    return job


@routes.post("/uploads", "analyst", status_code=202)
async def upload(
    request: Request,
    background: BackgroundTasks,
    files: Annotated[list[UploadFile], File(description="Text, Markdown, HTML or PDF files")],
) -> dict[str, Any]:
    """Upload documents; they are ingested in the background (poll the returned job)."""
    check_length(request)
    job = await start_upload(request, files, background)
    return job.to_record()


@routes.get("/uploads/{job_id}", "analyst")
def upload_status(request: Request, job_id: str) -> dict[str, Any]:
    """Progress of an upload's ingest: files done, stored, duplicates, failed, claims."""
    job = jobs_of(request).get(job_id)
    if job is None:
        raise HTTPException(404, f"no upload job {job_id!r} (jobs are kept until a restart)")
    return job.to_record()
