"""Characters a database refuses: NUL (PostgreSQL text cannot hold it; PDFs often contain it
for unmapped glyphs) and lone surrogates (no UTF-8 form). Both stores keep the document with
U+FFFD in their place, one for one, so evidence offsets stay true; a batch goes on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from armstrace.errors import UsageError
from armstrace.model import Claim, Document, Evidence
from armstrace.store import open_store

TEXT = "Iran shipped\x00 rockets to Yemen by dhow \ud800in 2023, officials said."
CLEAN = TEXT.replace("\x00", "\ufffd").replace("\ud800", "\ufffd")
PHRASE = "shipped\x00 rockets to Yemen by dhow \ud800in 2023"


def test_store_keeps_unstorable_characters_as_replacement(store_url: str) -> None:
    start = TEXT.index(PHRASE)
    evidence = Evidence(PHRASE, start, start + len(PHRASE))
    claim = Claim(doc="nul\x00doc", type="transfer", supplier="IR", evidence=evidence)
    document = Document(
        source="/in/nul.txt",
        stem="nul\x00doc",
        text=TEXT,
        format="text",
        raw=TEXT.encode("utf-8", "surrogatepass"),
        title="Title\x00 with NUL",
    )
    with open_store(store_url) as store:
        result = store.save_document(document, [claim])
        store.record_failure("/in/bad\ud800.txt", "reason with \x00 NUL")
        text = store.get_document_text(result.document_id)
        (row,) = store.documents()
        (stored,) = store.query_claims()
        (failure,) = store.failures()
    assert result.status == "stored"
    assert text == CLEAN
    assert (row.title, row.stem) == ("Title\ufffd with NUL", "nul\ufffddoc")
    assert stored.evidence_text == text[stored.evidence_start : stored.evidence_end]
    assert (failure.source, failure.reason) == ("/in/bad\ufffd.txt", "reason with \ufffd NUL")


def test_ingest_text_with_a_nul_goes_in_and_the_batch_goes_on(
    store_url: str, tmp_path: Path, run_cli: Callable[..., CompletedProcess[str]]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = "North Korea shipped artillery shells\x00 to Russia by rail, officials said.\n"
    (folder / "a_nul.txt").write_bytes(body.encode("utf-8"))
    (folder / "b_plain.txt").write_text("Iran supplied drones to Russia.\n", encoding="utf-8")
    done = run_cli("ingest", str(folder), "--db", store_url)
    assert done.returncode == 0, done.stderr
    with open_store(store_url) as store:
        texts = {row.stem: store.get_document_text(row.id) for row in store.documents()}
        claims = store.query_claims()
    assert texts["a_nul"] == body.replace("\x00", "\ufffd")
    assert set(texts) == {"a_nul", "b_plain"}
    for claim in claims:
        source = texts[claim.doc]
        assert claim.evidence_text == source[claim.evidence_start : claim.evidence_end]


@pytest.mark.parametrize(("limit", "offset"), [(2**63, 0), (None, 2**63), (10**30, 10**30)])
def test_store_refuses_limits_no_database_can_hold(
    sqlite_url: str, limit: int | None, offset: int
) -> None:
    with open_store(sqlite_url) as store, pytest.raises(UsageError, match="below 2\\*\\*63"):
        store.query_claims(limit=limit, offset=offset)
