"""The sample store the export and report tests read: examples/corpus, ingested and curated.

Built once per test session (ingesting takes a few seconds); tests only read it. Curation
covers every state an export must carry: confirmed with a note, graded, rejected, edited,
and a graded publisher.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from armstrace.batch import ingest_sources
from armstrace.curation import (
    confirm_claim,
    edit_claim,
    reject_claim,
    set_credibility,
    set_reliability,
)
from armstrace.extract import load_extractor
from armstrace.settings import load_settings
from armstrace.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"
USER = "test-analyst"


@dataclass(frozen=True)
class SampleStore:
    """The store's URL and the ids of the claims the fixture curated."""

    url: str
    confirmed: str
    graded: str
    rejected: str
    edited: str


def build_sample_store(url: str) -> SampleStore:
    """Ingest examples/corpus into `url` and curate four KP → RU claims."""
    with open_store(url) as store:
        summary = ingest_sources([str(EXAMPLES)], store, load_extractor(), settings=load_settings())
        assert summary.ok, summary
        flow = store.query_claims(supplier="KP", recipient="RU")
        assert len(flow) >= 4, f"the sample corpus gave {len(flow)} KP → RU claims"
        first, second, third, fourth = flow[:4]
        confirm_claim(store, first.id, USER, note="matches the minister's statement")
        reject_claim(store, second.id, USER, note="a conversion, not a delivery")
        set_credibility(store, third.id, 2, USER)
        edit_claim(store, fourth.id, USER, {"hedge": "reported"}, note="hedged in the text")
        set_reliability(store, "Northeast Ledger", "B", USER)
    return SampleStore(url, first.id, third.id, second.id, fourth.id)


def write_lines(path: Path, records: list[object]) -> Path:
    """A JSON-lines file of `records` (strings are written as they are)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
