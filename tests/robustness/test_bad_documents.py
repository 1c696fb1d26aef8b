"""Hostile documents: each one is refused with its own reason or ingested faithfully; a batch
of them goes through `armstrace ingest` without a crash, within time and memory bounds, and
every good document next to them is stored."""

from __future__ import annotations

import os
import re
import shutil
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from armstrace.errors import InputError, TooLarge
from armstrace.ingest import SUPPORTED_SUFFIXES, read
from armstrace.settings import load_settings
from armstrace.store import open_store

from .badfiles import (
    KEPT,
    LIMITS,
    REFUSED,
    TOO_LONG,
    Kept,
    Refused,
    gzip_bytes,
    long_sentence,
    tar_bytes,
    too_long_reason,
    write_bad_corpus,
    write_big_text,
    zip_bytes,
)
from .conftest import Measured

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
BATCH_SECONDS = 120
"""The whole bad batch (about 30 files, 110 MB) must end within this, on 2 slow cores."""
BATCH_PEAK_MB = 1500
"""Peak memory of the ingest process and its PDF workers while reading the bad batch."""


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in LIMITS.items():
        monkeypatch.setenv(name, value)


@pytest.mark.usefixtures("limits")
@pytest.mark.parametrize("case", REFUSED, ids=[case.name for case in REFUSED])
def test_read_refuses_hostile_file_with_its_reason(case: Refused, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.make())
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.source == str(path)
    assert re.fullmatch(case.reason, caught.value.reason), caught.value.reason


@pytest.mark.usefixtures("limits")
@pytest.mark.parametrize("case", KEPT, ids=[case.name for case in KEPT])
def test_read_keeps_hostile_but_real_document(case: Kept, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.make())
    document = read(path)
    for text in case.present:
        assert text in document.text
    for text in case.absent:
        assert text not in document.text
    if case.encoding is not None:
        assert document.encoding == case.encoding


def test_read_refuses_file_over_size_limit_without_loading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    write_big_text(path, TOO_LONG["huge.txt"])
    monkeypatch.setenv("ARMSTRACE_MAX_FILE_BYTES", str(50 * 2**20))
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as caught:
            read(path, settings=load_settings())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.reason == (
        "file is 100 MB, over the 50 MB limit (ARMSTRACE_MAX_FILE_BYTES)"
    )
    assert peak < 2**20  # the 100 MB were never read


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: os.mkfifo(path), "not a regular file"),  # would block a reader forever
        (lambda path: path.symlink_to("/dev/zero"), "not a regular file"),  # would never end
        (lambda path: path.symlink_to(path.with_name("gone.txt")), "no such file"),
    ],
    ids=["fifo", "device", "dangling-link"],
)
def test_read_refuses_special_files(
    tmp_path: Path, make: Callable[[Path], None], reason: str
) -> None:
    path = tmp_path / "special.txt"
    make(path)
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.reason == reason


def _bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    write_bad_corpus(folder)
    os.mkfifo(folder / "pipe.txt")
    shutil.copytree(EXAMPLES, folder / "good")
    return folder


def _expected_failures(folder: Path, silent_url: str) -> dict[str, str]:
    """Source → full-match regex of its reason, for every input that must fail."""
    expected = {str(folder / case.name): case.reason for case in REFUSED}
    expected |= {str(folder / name): re.escape(too_long_reason(n)) for name, n in TOO_LONG.items()}
    expected[str(folder / "pipe.txt")] = re.escape("not a regular file")
    expected[silent_url] = re.escape("timed out after 1 s")
    return expected


@pytest.mark.slow
def test_ingest_bad_batch_fails_each_bad_input_and_stores_the_rest(
    tmp_path: Path, silent_url: str, store_url: str, measured_cli: Callable[..., Measured]
) -> None:
    folder = _bad_folder(tmp_path)
    expected = _expected_failures(folder, silent_url)
    env = LIMITS | {"ARMSTRACE_ALLOW_PRIVATE_URLS": "1"}  # the silent server is on 127.0.0.1

    done = measured_cli("ingest", str(folder), silent_url, "--db", store_url, **env)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.seconds < BATCH_SECONDS
    assert done.peak_rss_mb < BATCH_PEAK_MB
    error_lines = [line for line in done.stderr.splitlines() if line.startswith("armstrace: ")]
    assert len(error_lines) == len(expected), "\n".join(error_lines)
    with open_store(store_url) as store:
        failures = {failure.source: failure.reason for failure in store.failures()}
        documents = {row.source: row for row in store.documents()}
        texts = {source: store.get_document_text(row.id) for source, row in documents.items()}
    assert set(failures) == set(expected)
    for source, reason in failures.items():
        assert re.fullmatch(expected[source], reason), f"{source}: {reason}"
        assert f"armstrace: {source}: {reason}" in error_lines

    good = {str(path) for path in (folder / "good").iterdir() if path.suffix in SUPPORTED_SUFFIXES}
    kept = {str(folder / case.name): case for case in KEPT}
    assert set(documents) == good | set(kept)
    for source, case in kept.items():
        assert all(text in texts[source] for text in case.present), source
        assert not any(text in texts[source] for text in case.absent), source


def test_ingest_refuses_archives_given_as_documents(
    tmp_path: Path, sqlite_url: str, run_cli: Callable[..., CompletedProcess[str]]
) -> None:
    archives = {
        "archive.zip": (zip_bytes, "ZIP archive"),
        "archive.tar": (tar_bytes, "tar archive"),
        "archive.tar.gz": (gzip_bytes, "gzip archive"),
        "notes.gz": (gzip_bytes, "gzip archive"),
    }
    for name, (make, _) in archives.items():
        (tmp_path / name).write_bytes(make())
    paths = [str(tmp_path / name) for name in archives]
    done = run_cli("ingest", *paths, "--db", sqlite_url)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"armstrace: {tmp_path / name}: {kind}, not a document"
        for name, (_, kind) in archives.items()
    ]


@pytest.mark.slow
def test_ingest_one_endless_sentence_ends_in_bounded_time(
    tmp_path: Path, sqlite_url: str, measured_cli: Callable[..., Measured]
) -> None:
    """150 KB with no full stop (a table dump, a list run together) is under every size limit,
    so it is read and extracted: that must take seconds, not hours."""
    path = tmp_path / "endless.txt"
    path.write_bytes(long_sentence(150_000))
    done = measured_cli("ingest", str(path), "--db", sqlite_url, timeout=20)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_ingest_stops_reading_a_document_at_the_time_limit(
    tmp_path: Path, sqlite_url: str, run_cli: Callable[..., CompletedProcess[str]]
) -> None:
    """A document the extractor cannot finish in ARMSTRACE_EXTRACT_TIMEOUT fails with that
    reason; the next one in the batch is still read and stored."""
    slow = tmp_path / "a_run_on.txt"
    slow.write_bytes(long_sentence(600_000))  # seconds of reading, far over a quarter second
    quick = tmp_path / "b_note.txt"
    quick.write_text("Belarus sent 40 tanks to Russia, officials said.\n", encoding="utf-8")

    done = run_cli("ingest", str(slow), str(quick), "--db", sqlite_url,
                   ARMSTRACE_EXTRACT_TIMEOUT="0.25")  # fmt: skip

    reason = "extraction ran over the 0.25 s limit (ARMSTRACE_EXTRACT_TIMEOUT)"
    assert done.returncode == 1, done.stderr
    assert f"armstrace: {slow}: {reason}" in done.stderr.splitlines()
    assert "Traceback" not in done.stderr
    with open_store(sqlite_url) as store:
        assert [failure.reason for failure in store.failures()] == [reason]
        assert [row.source for row in store.documents()] == [str(quick)]
