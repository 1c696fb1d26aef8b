"""The PDF brief for KP → RU on the sample corpus: its first page has text and a chart.

The chart check looks at the band between the chart's heading and its caption (found with
`pdftotext -bbox`): it must be tall, hold the axes and labels, and show the coloured markers,
so an empty or unrendered SVG fails it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from PIL import Image

from armstrace.report import Brief, Topic, build_brief, render_pdf
from armstrace.store import open_store
from export.samples import SampleStore

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftoppm, pdftotext) is not installed",
)


@pytest.fixture(scope="module")
def brief(sample: SampleStore) -> Brief:
    with open_store(sample.url) as store:
        topic = Topic.of(supplier="KP", recipient="RU")
        return build_brief(store, topic, prepared=date(2025, 1, 15))


RESOLUTION = 100


def _first_page(pdf: bytes, folder: Path) -> tuple[Image.Image, str, str]:
    """Page 1 as an RGB image, its text, and its words with their boxes (pdftotext -bbox)."""
    path = folder / "brief.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile",
         str(path), str(folder / "page")],
        check=True, timeout=60,
    )  # fmt: skip
    text, boxes = (
        subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", *extra, str(path), "-"],
            check=True, capture_output=True, text=True, timeout=60,
        ).stdout
        for extra in (["-layout"], ["-bbox"])
    )  # fmt: skip
    return Image.open(folder / "page.png").convert("RGB"), text, boxes


def _chart_box(boxes: str, width: int) -> tuple[int, int, int, int]:
    """The band between the chart's heading and its caption, in pixels."""
    words = [
        (match.group(5), float(match.group(2)), float(match.group(4)))
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            boxes,
        )
    ]
    heading = next(bottom for word, _top, bottom in words if word == "Reported")
    caption = next(top for word, top, _b in words if word == "figures" and top > heading)
    scale = RESOLUTION / 72
    return 0, round(heading * scale) + 2, width, round(caption * scale) - 2


def test_pdf_first_page_has_text_and_the_estimates_chart(brief: Brief, tmp_path: Path) -> None:
    page, text, boxes = _first_page(render_pdf(brief), tmp_path)
    assert "Arms flows from North Korea to Russia" in text
    assert "Bottom line" in text and "Reported containers" in text
    assert "2024" in text and "10,000" in text  # the chart's axis labels are real text
    chart = page.crop(_chart_box(boxes, page.width))
    raw = chart.tobytes()
    pixels = list(zip(raw[0::3], raw[1::3], raw[2::3], strict=True))
    dark = sum(1 for r, g, b in pixels if r + g + b < 450)
    coloured = sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 60)
    assert chart.height > 100  # the chart is a figure, not a line of text
    # Calibrated at 100 dpi: the chart gives about 1.2 % dark and 680 coloured pixels; the
    # same chart with its axes, markers and whiskers left out gives 0.7 % and 330 (labels).
    assert dark > 0.0095 * len(pixels)  # axes, grid, labels and markers
    assert coloured > 500  # markers and whiskers, drawn in the sources' colours


def test_report_cli_writes_pdf_and_html(
    run_cli: Callable[..., CompletedProcess[str]], sample: SampleStore, tmp_path: Path
) -> None:
    pdf, html = tmp_path / "kp-ru.pdf", tmp_path / "kp-ru.html"
    result = run_cli(
        "report", "--supplier", "KP", "--recipient", "RU", "-o", str(pdf), "-o", str(html),
        "--db", sample.url, "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert html.read_text("utf-8").startswith("<!doctype html>")
    assert '"files"' in result.stdout and not list(tmp_path.glob("*.partial"))
