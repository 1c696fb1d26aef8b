"""Fixtures for the command-line tests: small real document folders written to tmp_path."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

GOOD_TEXT = (
    "North Korea shipped artillery shells to Russia by rail in 2023, according to South "
    "Korea's National Intelligence Service. The agency said at least one million rounds of "
    "152 mm ammunition had crossed the border at Tumangang.\n"
)
KOREAN_TEXT = (
    "북한이 러시아에 포탄을 보냈다고 국가정보원이 밝혔다. 컨테이너 수천 개가 철도로 옮겨졌다.\n"
)
TRUNCATED_HTML = (
    "<!doctype html><html><head><title>Ship seized off Cyprus</title></head><body>"
    "<article><h1>Ship seized off Cyprus</h1><p>Israeli naval commandos boarded a cargo "
    "ship and found hundreds of tons of rockets and mortar bombs bound for Hezbollah, "
    "hidden behind sacks of polyethylene pellets in containers loaded at an Egyptian "
    "port.</p><p>Officials said the shipment had been sent from Iran and was"
)


def write_corpus(folder: Path, count: int) -> list[Path]:
    """`count` short, distinct reports (distinct bytes, so each is a new document)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"report_{n:04d}.txt"
        path.write_text(
            f"Report {n}. North Korea sent {n + 100} containers of artillery shells to Russia "
            f"by rail, officials in Seoul said. Iran supplied {n + 10} Shahed drones to Russia "
            f"in {2000 + n % 25}, according to Ukrainian intelligence.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


@pytest.fixture
def good_folder(tmp_path: Path) -> Path:
    """Three readable documents, one of them with a metadata sidecar."""
    folder = tmp_path / "good"
    write_corpus(folder, 2)
    (folder / "nis.txt").write_text(GOOD_TEXT, encoding="utf-8")
    sidecar = {
        "title": "Shells by rail",
        "url": None,
        "publisher": "Test Desk",
        "published": "2023-10",
    }
    (folder / "nis.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return folder


@pytest.fixture
def corpus_writer() -> Callable[[Path, int], list[Path]]:
    """`write_corpus(folder, count)`, for tests that need many documents."""
    return write_corpus


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Hostile inputs next to good ones: empty, random bytes, truncated HTML, EUC-KR, 50 MB."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.txt").write_bytes(os.urandom(4096))
    (folder / "truncated.html").write_text(TRUNCATED_HTML, encoding="utf-8")
    (folder / "korean.txt").write_bytes(KOREAN_TEXT.encode("euc-kr"))
    line = b"Shells were loaded onto the train at Rajin and sent north to Russia.\n"
    with (folder / "huge.txt").open("wb") as fh:
        fh.write(line * (50 * 2**20 // len(line)))
    return folder
