"""The PDF reader: text layer, metadata, encryption, broken files, time and memory limits."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from armstrace.errors import EmptyText, InputError, Unreadable, UsageError
from armstrace.ingest import read

PAGE_ONE = (
    "Investigators traced the rockets to a factory in North Korea.\n"
    "The crates were shipped through a third country.\n"
)
PAGE_TWO = "Page two names the ship that carried them.\n"


@pytest.fixture
def threaded() -> Iterator[None]:
    """Keep a second thread alive, as a web server would: the worker is then a fresh
    interpreter instead of a fork."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join()


def test_pdf_reads_text_layer_and_info(alone: Callable[[str], Path]) -> None:
    path = alone("text_layer.pdf")
    document = read(path)
    assert document.text == PAGE_ONE + "\n\n" + PAGE_TWO
    assert (document.format, document.stem) == ("pdf", "text_layer")
    assert (document.title, document.published) == ("Rocket trace", "2022-09-14")
    assert document.raw == path.read_bytes()


@pytest.mark.usefixtures("threaded")
def test_pdf_reads_text_layer_from_a_threaded_process(alone: Callable[[str], Path]) -> None:
    assert read(alone("text_layer.pdf")).text == PAGE_ONE + "\n\n" + PAGE_TWO


def test_pdf_opens_with_empty_user_password(alone: Callable[[str], Path]) -> None:
    assert read(alone("owner_only.pdf")).text.startswith(PAGE_ONE)


@pytest.mark.parametrize(
    ("name", "error", "reason"),
    [
        ("encrypted.pdf", Unreadable, "PDF is encrypted"),
        ("no_text.pdf", EmptyText, "PDF has no text layer (scanned?)"),
        ("truncated.pdf", Unreadable, "PDF could not be parsed: Stream has ended unexpectedly"),
    ],
)
@pytest.mark.parametrize("mode", ["forked", "fresh"])
def test_pdf_refuses_with_reason(
    alone: Callable[[str], Path],
    request: pytest.FixtureRequest,
    name: str,
    error: type[InputError],
    reason: str,
    mode: str,
) -> None:
    if mode == "fresh":
        request.getfixturevalue("threaded")
    path = alone(name)
    with pytest.raises(error) as caught:
        read(path)
    assert str(caught.value) == f"{path}: {reason}"


@pytest.mark.parametrize("mode", ["forked", "fresh"])
def test_pdf_parse_is_killed_after_time_limit(
    alone: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    mode: str,
) -> None:
    if mode == "fresh":
        request.getfixturevalue("threaded")
    monkeypatch.setenv("ARMSTRACE_PDF_TIMEOUT", "0.3")
    with pytest.raises(Unreadable) as caught:
        read(alone("inflating.pdf"))  # needs seconds to parse
    assert caught.value.reason == "PDF parsing exceeded 0.3 s"
    assert multiprocessing.active_children() == []


MEMORY_REASON = "PDF parsing exceeded the memory limit (16 MB, ARMSTRACE_PDF_MEMORY)"


@pytest.mark.usefixtures("threaded")
def test_pdf_parse_stops_at_memory_limit_in_fresh_worker(
    alone: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARMSTRACE_PDF_MEMORY", str(16 * 2**20))
    with pytest.raises(Unreadable) as caught:
        read(alone("inflating.pdf"))  # inflates to 40 MB
    assert caught.value.reason == MEMORY_REASON


def test_pdf_parse_stops_at_memory_limit_in_forked_worker(alone: Callable[[str], Path]) -> None:
    # A fork may reuse its parent's free heap, which after other tests is large; a clean
    # interpreter makes the limit bite the same way every time.
    script = (
        "import sys\n"
        "from armstrace.ingest import read\n"
        "from armstrace.errors import Unreadable\n"
        "try:\n"
        "    read(sys.argv[1])\n"
        "except Unreadable as exc:\n"
        "    print(exc.reason)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(alone("inflating.pdf"))],
        capture_output=True,
        text=True,
        env=os.environ | {"ARMSTRACE_PDF_MEMORY": str(16 * 2**20)},
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, MEMORY_REASON), done.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("ARMSTRACE_PDF_TIMEOUT", "soon"), ("ARMSTRACE_PDF_MEMORY", "-1")],
)
def test_pdf_limits_must_be_positive_numbers(
    alone: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(UsageError, match="ARMSTRACE_PDF_TIMEOUT and ARMSTRACE_PDF_MEMORY must"):
        read(alone("text_layer.pdf"))
