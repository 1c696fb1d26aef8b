"""read(): the public entry point: dispatch, size limit, missing files, the public API."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import armstrace.ingest
from armstrace.errors import InputError, TooLarge, UnsupportedFormat
from armstrace.ingest import discover, read
from armstrace.settings import load_settings

from .files import FIXTURES


def test_ingest_public_api_is_complete() -> None:
    assert sorted(armstrace.ingest.__all__) == ["READERS", "SUPPORTED_SUFFIXES", "discover", "read"]
    for name in armstrace.ingest.__all__:
        assert getattr(armstrace.ingest, name) is not None


def test_read_refuses_file_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 5000)
    monkeypatch.setenv("ARMSTRACE_MAX_FILE_BYTES", "4096")
    with pytest.raises(TooLarge) as caught:
        read(path, settings=load_settings())
    assert caught.value.reason == "file is 4.9 KB, over the 4 KB limit (ARMSTRACE_MAX_FILE_BYTES)"


def test_read_checks_size_before_reading_50_mb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # 50 MB made here, never committed
        fh.write(b"North Korea shipped shells.\n" * (50 * 2**20 // 28 + 1))
    monkeypatch.setenv("ARMSTRACE_MAX_FILE_BYTES", str(10 * 2**20))
    with pytest.raises(TooLarge) as caught:
        read(path, settings=load_settings())
    assert caught.value.reason == "file is 50 MB, over the 10 MB limit (ARMSTRACE_MAX_FILE_BYTES)"


def test_read_accepts_file_at_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"b" * 4096)
    monkeypatch.setenv("ARMSTRACE_MAX_FILE_BYTES", "4096")
    assert len(read(path, settings=load_settings()).text) == 4096


def test_read_explains_size_in_bytes_when_rounding_hides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"b" * 4097)
    monkeypatch.setenv("ARMSTRACE_MAX_FILE_BYTES", "4096")
    with pytest.raises(TooLarge, match=r"file is 4097 bytes, over the 4096 bytes limit"):
        read(path, settings=load_settings())


@pytest.mark.parametrize(
    ("name", "reason"),
    [("missing.txt", "no such file"), ("missing.pdf", "no such file")],
)
def test_read_names_missing_file(tmp_path: Path, name: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        read(tmp_path / name)
    assert str(caught.value) == f"{tmp_path / name}: {reason}"


def test_read_refuses_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read(tmp_path)
    assert caught.value.reason == "is a folder, not a file"


def test_read_refuses_a_fifo_instead_of_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.reason == "not a regular file"


def test_read_refuses_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04rest of a zip")
    with pytest.raises(UnsupportedFormat) as caught:
        read(path)
    assert str(caught.value) == f"{path}: unsupported format .docx"


def test_read_takes_str_paths_and_names_stem(tmp_path: Path) -> None:
    path = tmp_path / "000_f44f3c7c2ec9164b.txt"
    path.write_text("Iran sent rockets.")
    document = read(str(path))
    assert (document.stem, document.source) == ("000_f44f3c7c2ec9164b", str(path))


def test_read_every_discovered_fixture_gives_document_or_input_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARMSTRACE_PDF_TIMEOUT", "1")  # inflating.pdf would take seconds
    outcomes: dict[str, str] = {}
    for source in discover([str(FIXTURES)]):
        try:
            outcomes[Path(source).name] = read(source).format
        except InputError as exc:
            outcomes[Path(source).name] = type(exc).__name__
    assert outcomes["plain_utf8.txt"] == "text"
    assert outcomes["text_layer.pdf"] == "pdf"
    assert outcomes["table_script.html"] == "html"
    assert outcomes["archive.html"] == "UnsupportedFormat"
    assert outcomes["inflating.pdf"] == "Unreadable"
    assert "plain_utf8.meta.json" not in outcomes
    assert "make_fixtures.py" not in outcomes
