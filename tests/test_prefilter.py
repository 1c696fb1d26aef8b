"""The relevance prefilter keeps every arms-trade document and drops ordinary news."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.prefilter import assess

OWN_DOCS = sorted((Path(__file__).parent / "corpus" / "docs").glob("*.txt"))
EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "corpus").glob("*.txt"))

OFF_TOPIC = [
    "The central bank held interest rates steady on Thursday, citing slowing inflation in Germany.",
    "Fans welcomed the champions with open arms as the parade wound through Madrid.",
    "A storm cut power to thousands of homes in Florida; crews expect repairs by the weekend.",
    "The film festival in Cannes opened with a French comedy about a family reunion.",
    "Shares in the carmaker rose after it reported record sales of electric vehicles in China.",
]


@pytest.mark.parametrize("path", OWN_DOCS + EXAMPLES, ids=lambda p: p.name)
def test_prefilter_keeps_every_own_and_sample_document(path: Path) -> None:
    assert assess(path.read_text(encoding="utf-8")).relevant


def test_prefilter_keeps_every_dev_document(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "corpus" / "dev" / "docs").glob("*.txt")):
        assert assess(path.read_text(encoding="utf-8")).relevant, path.name


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_prefilter_drops_ordinary_news_with_a_reason(text: str) -> None:
    result = assess(text)
    assert not result.relevant
    assert result.reason.startswith("names no")
