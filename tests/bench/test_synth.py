"""The benchmark's synthetic corpus: seeded, and with the statistics of real reporting.

Ratios against spaCy's tokenizer are only meaningful on text whose vocabulary behaves like
real news (the tokenizer caches every distinct string), so the generator's word statistics
are pinned here, against figures measured on real articles (synth.REFERENCE_TTR).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest
import spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import synth

from armstrace.prefilter import assess


@pytest.fixture(scope="module")
def mixed() -> list[tuple[str, str]]:
    return list(synth.articles(200, 0.2, seed=5))


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first = list(synth.articles(12, 0.5, seed=3))
    assert list(synth.articles(12, 0.5, seed=3)) == first
    assert list(synth.articles(12, 0.5, seed=4)) != first
    assert sum(name.startswith("report_") for name, _ in first) == 6


def test_write_corpus_writes_any_number_in_folders_of_a_thousand(tmp_path: Path) -> None:
    paths = synth.write_corpus(tmp_path, 1003, 0.1, seed=2)
    assert len(paths) == 1003
    assert {p.parent.name for p in paths} == {"0000", "0001"}
    assert sum(p.name.startswith("report_") for p in paths) == 100


def test_type_token_ratio_is_close_to_real_articles(mixed: list[tuple[str, str]]) -> None:
    reports = [text for name, text in mixed if name.startswith("report_")]
    ratios = synth.type_token_ratios(synth.spacy_tokens(reports), synth.REFERENCE_TTR)
    for tokens, real in synth.REFERENCE_TTR.items():
        assert real * 0.8 <= ratios[tokens] <= real * 1.2, (tokens, ratios[tokens], real)


def test_vocabulary_keeps_growing_like_news(mixed: list[tuple[str, str]]) -> None:
    """Heaps' law: real news has 12,000 to 15,000 word types in its first 100,000 tokens; a
    template corpus stops at a few hundred."""
    ratios = synth.type_token_ratios(synth.spacy_tokens(t for _, t in mixed), [100_000])
    assert 0.08 <= ratios[100_000] <= 0.18


def test_sentences_are_as_long_as_in_real_news(mixed: list[tuple[str, str]]) -> None:
    """Real articles (the dev set): mean 22.9 words a sentence, a tenth under 8, a tenth
    over 40."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    bodies = [text.split("\n\n", 1)[1] for _, text in mixed[:60]]  # without the headlines
    sentences = [s for doc in nlp.pipe(bodies) for s in doc.sents if not s.text.isspace()]
    words = sorted(sum(1 for t in s if not (t.is_punct or t.is_space)) for s in sentences)
    assert 19 <= statistics.mean(words) <= 26
    assert 5 <= words[len(words) // 10] <= 12
    assert 32 <= words[len(words) * 9 // 10] <= 48
    texts = [s.text for s in sentences]
    assert len(set(texts)) > 0.95 * len(texts)  # composed, not repeated templates


def test_reports_pass_the_prefilter_and_news_does_not(mixed: list[tuple[str, str]]) -> None:
    reports = [t for n, t in mixed if n.startswith("report_")]
    news = [t for n, t in mixed if n.startswith("news_")]
    assert all(assess(text).relevant for text in reports)
    assert sum(assess(text).relevant for text in news) <= 0.03 * len(news)
