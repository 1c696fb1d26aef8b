"""Fixtures for the scale tests: real corpora written to tmp_path from examples/corpus."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"

OFF_TOPIC_TEXT = (
    "The city council approved a new budget for public libraries on Tuesday. The mayor said "
    "opening hours would be extended at weekends, and that the children's reading programme "
    "would continue through the summer. Local bakeries reported strong sales at the market.\n"
)


def write_copies(folder: Path, count: int) -> list[Path]:
    """`count` distinct documents: the sample reports, each copy with its own number."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = sorted(EXAMPLES.glob("*.txt"))
    paths = []
    for n in range(count):
        source = texts[n % len(texts)]
        path = folder / f"{source.stem}_{n:04d}.txt"
        path.write_text(source.read_text(encoding="utf-8") + f"\nCopy {n}.\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def sample_folder(tmp_path: Path) -> Path:
    """The sample corpus (text, HTML and PDF), copied so tests may add files beside it."""
    folder = tmp_path / "samples"
    shutil.copytree(EXAMPLES, folder)
    (folder / "README.md").unlink(missing_ok=True)
    return folder


@pytest.fixture
def copies_writer() -> Callable[[Path, int], list[Path]]:
    return write_copies
