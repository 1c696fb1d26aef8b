"""The sample corpus in examples/corpus: every report reads, is dated by its sidecar, has the
promised length and formats, and the committed PDFs are what _make_pdfs.py produces."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from armstrace.ingest import read

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
PUBLISHED = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
REPORTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".pdf"))


def test_sample_corpus_mixes_formats() -> None:
    suffixes = [p.suffix for p in REPORTS]
    assert len(REPORTS) >= 12
    assert suffixes.count(".txt") >= 6
    assert suffixes.count(".html") >= 3
    assert suffixes.count(".pdf") >= 3


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_sample_report_reads_with_its_sidecar(path: Path) -> None:
    sidecar = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert set(sidecar) == {"title", "url", "publisher", "published"}
    assert sidecar["url"] is None
    assert PUBLISHED.match(sidecar["published"])
    document = read(path)
    assert document.publisher == sidecar["publisher"]
    assert document.published == sidecar["published"]
    assert 150 <= len(document.text.split()) <= 450


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.html")), ids=lambda p: p.name)
def test_sample_html_page_has_article_furniture(path: Path) -> None:
    page = path.read_text(encoding="utf-8")
    assert "<title>" in page
    assert 'property="og:site_name"' in page
    assert 'name="date"' in page or 'property="article:published_time"' in page
    assert "<nav" in page or 'class="nav"' in page or 'id="menu"' in page or "menu" in page
    assert "footer" in page


def test_sample_corpus_has_a_page_with_a_table() -> None:
    assert any("<table" in p.read_text(encoding="utf-8") for p in CORPUS.glob("*.html"))


def test_sample_pdfs_match_their_generator(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_pdfs", CORPUS / "_make_pdfs.py")
    assert spec is not None and spec.loader is not None
    make_pdfs = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = make_pdfs  # dataclasses look their module up while building
    spec.loader.exec_module(make_pdfs)
    built = make_pdfs.build(tmp_path)
    assert len(built) >= 3
    for pdf in built:
        assert pdf.read_bytes() == (CORPUS / pdf.name).read_bytes(), f"remake {pdf.name}"
        sidecar = pdf.with_suffix(".meta.json").name
        assert (tmp_path / sidecar).read_text() == (CORPUS / sidecar).read_text()


def test_sample_pdf_keeps_korean_lot_marking() -> None:
    assert "방-122" in read(CORPUS / "lot_markings_1980s.pdf").text


def test_sample_corpus_readme_states_origin_and_licence() -> None:
    # beside the corpus, not in it, so that ingesting the folder does not read it
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    assert "CC-BY-4.0" in readme
    assert "written for this project" in readme
